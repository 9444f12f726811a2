import { mark, resolveDim, rollback } from './dims.js';
import type { Job, Session } from './session.js';
import { formatDim, formatShape, type Dim, type Shape } from './shape.js';
import { headShape, resolveShape, unify } from './unify.js';

/**
 * Deferred checks and the defaults of polymorphic terms.
 *
 * A check that cannot decide yet (a product with a factor of unknown shape)
 * waits as a job; `runJobs` retries the jobs while any makes progress, then
 * forces them one at a time, inner nodes first. A polymorphic term — `0`, a
 * zero of any shape, and `o(H)`, a remainder of any shape — is a
 * *placeholder*: its default (`scalar`, the shape of `H`) is a preference,
 * never a constraint. It yields to every check, and it never decides the
 * shape of a symbol or an identity: it is dropped when it would (`G = 0`,
 * `δᵢⱼ dI = 0` leave `G` and `I` as they are), so adding a line `= 0` to a
 * proof does not change how the lines before it read.
 */

/** Runs `job` now; if it cannot decide yet, keeps it for `runJobs`. */
export function schedule(s: Session, job: Job): void {
  if (!job(false)) s.jobs.push(job);
}

/**
 * Retries waiting jobs while any makes progress; then forces them one at a
 * time in the order they were scheduled (inner nodes first), retrying the
 * rest after each; then gives each placeholder its default where that fits
 * and decides nothing else. A forced check may try the defaults of its
 * operands first (`tryDefaults`), so `o(t) X` is `n×n` while `o(M) xᵀ`
 * conforms.
 */
export function runJobs(s: Session): void {
  retryJobs(s);
  while (s.jobs.length > 0) {
    s.jobs.shift()!(true);
    retryJobs(s);
  }
  for (const p of s.placeholders.splice(0)) withoutDeciding(s, () => unify(s.store, p.shape, p.fallback));
}

function retryJobs(s: Session): void {
  let progress = true;
  while (progress && s.jobs.length > 0) {
    const waiting = s.jobs.splice(0);
    for (const job of waiting) if (!job(false)) s.jobs.push(job);
    progress = s.jobs.length < waiting.length;
  }
}

/** Records `shape` as a placeholder with default `fallback` (never in rule patterns: see `Session.keepPolymorphic`). */
export function deferDefault(s: Session, shape: Shape, fallback: Shape): void {
  if (!s.keepPolymorphic) s.placeholders.push({ shape, fallback });
}

/**
 * For a check being forced: gives the placeholders among `shapes` their
 * defaults and runs `attempt`, then the waiting checks. Keeps the defaults
 * when the attempt succeeds, no check reports, and they decide no symbol's or
 * identity's shape other than the check alone (without them) would; otherwise
 * returns false, so the check decides without them.
 */
export function tryDefaults(s: Session, shapes: readonly Shape[], attempt: () => boolean): boolean {
  const heads = new Set<Shape>(shapes.map((x) => headShape(s.store, x)).filter((h) => h.kind === 'var' || h.kind === 'matrix'));
  const pending = s.placeholders.filter((p) => heads.has(headShape(s.store, p.shape)));
  if (pending.length === 0) return false;
  const reports = s.diagnostics.length;
  const alone = decidedBy(s, () => (attempt(), retryJobs(s)));
  return withoutDeciding(s, () => {
    if (!pending.every((p) => unify(s.store, p.shape, p.fallback)) || !attempt()) return false;
    retryJobs(s);
    return s.diagnostics.length === reports;
  }, alone);
}

/** Whether a forced check's `found` shape is well formed and agrees with its node's `result` (binding it if so). */
export const fits = (s: Session, result: Shape, found: Shape | 'wait'): boolean =>
  found !== 'wait' && found.kind !== 'error' && unify(s.store, result, found);

/**
 * Runs `act` (which applies defaults); keeps its effects when it returns true
 * and has decided no open variable of a symbol's, a space's or an identity's
 * shape (`G = 0`, `δᵢⱼ dI = 0` leave `G` and `I` as they are), except as
 * `allowed` says it may be decided. Otherwise undoes everything it did and
 * returns false.
 */
function withoutDeciding(s: Session, act: () => boolean, allowed: ReadonlyMap<string, string> = new Map()): boolean {
  const saved = snapshot(s);
  const open = openAnchorVariables(s);
  if (act() && open.every((v) => isOpen(s, v) || allowed.get(keyOf(v)) === valueOf(s, v))) return true;
  restore(s, saved);
  return false;
}

/** The open anchor variables (see `withoutDeciding`) that `act` decides, and to what; whatever it does is undone. */
function decidedBy(s: Session, act: () => void): Map<string, string> {
  const saved = snapshot(s);
  const open = openAnchorVariables(s);
  act();
  const decided = new Map(open.filter((v) => !isOpen(s, v)).map((v) => [keyOf(v), valueOf(s, v)]));
  restore(s, saved);
  return decided;
}

type Snapshot = { readonly dims: number; readonly shapes: number; readonly diagnostics: number; readonly jobs: readonly Job[] };

const snapshot = (s: Session): Snapshot =>
  ({ dims: mark(s.store.dims), shapes: s.store.shapeTrail.length, diagnostics: s.diagnostics.length, jobs: [...s.jobs] });

/** Undoes every binding, report and check done since `saved`. */
function restore(s: Session, saved: Snapshot): void {
  rollback(s.store.dims, saved.dims);
  while (s.store.shapeTrail.length > saved.shapes) s.store.shapes.delete(s.store.shapeTrail.pop()!);
  s.diagnostics.length = saved.diagnostics;
  s.jobs.splice(0, s.jobs.length, ...saved.jobs);
}

type Variable = Extract<Shape, { kind: 'var' }> | Extract<Dim, { kind: 'dim-var' }>;

/** The unbound variables in the shapes of the symbols, spaces and identities met so far. */
function openAnchorVariables(s: Session): Variable[] {
  const out: Variable[] = [];
  const dim = (d: Dim): void => {
    if (d.kind === 'dim-var') out.push(d);
    else if (d.kind === 'dim-mul') d.factors.forEach(dim);
  };
  const walk = (x: Shape): void => {
    switch (x.kind) {
      case 'var': out.push(x); break;
      case 'matrix': dim(x.rows); dim(x.cols); break;
      case 'index': dim(x.range); break;
      case 'function': walk(x.domain); walk(x.codomain); break;
      case 'tuple': x.items.forEach(walk); break;
      default: break;
    }
  };
  for (const anchor of [...s.symbols.values(), ...s.spaces.values(), ...s.identities]) walk(resolveShape(s.store, anchor));
  return out;
}

const keyOf = (v: Variable): string => `${v.kind === 'var' ? 's' : 'd'}${v.id}`;

/** What `v` is bound to, with every variable in it written `?` (fresh variables differ from run to run). */
const valueOf = (s: Session, v: Variable): string =>
  (v.kind === 'var' ? formatShape(resolveShape(s.store, v)) : formatDim(resolveDim(s.store.dims, v))).replace(/\?\d+/g, '?');

/** A variable is still open when it is bound to nothing, or only to another variable. */
const isOpen = (s: Session, v: Variable): boolean =>
  v.kind === 'var' ? headShape(s.store, v).kind === 'var' : resolveDim(s.store.dims, v).kind === 'dim-var';
