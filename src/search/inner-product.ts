import type { Step } from '../rewrite/index.js';
import * as c from '../term/index.js';
import { equalTerms, getAt, type Path, type Term } from '../term/index.js';
import { hasDifferential, type Run, type RuleUse } from './run.js';

/**
 * The last move of the differential method for a scalar `f`: from `df`, a
 * sum of terms each linear in `dX`, to the inner product `tr(dXᵀ G)`, from
 * which `∂f/∂X = G` is read off (`proof differential X`). Each summand is
 * wrapped in a trace (`trace-of-scalar ←`), rotated (`trace-cyclic`) until
 * `dXᵀ` leads — a trailing `dX` is turned over with `trace-transpose ←` and
 * `transpose-of-product`, a Hadamard factor with `trace-hadamard-move` —
 * then the traces are merged with `dXᵀ` factored out (`trace-merge`). Every move is a kernel step of a named rule; a move
 * that no rule makes is reported with the construct in the way.
 */

/** The rules the inner-product phase uses, by role. */
export type InnerProductRules = {
  readonly wrap: RuleUse; // trace-of-scalar ←: c → tr(c)
  readonly unwrap: RuleUse; // trace-of-scalar: tr(c) → c
  readonly pullIn: RuleUse; // trace-of-scaled ←: c tr(A) → tr(c A)
  readonly pullOut: RuleUse; // trace-of-scaled: tr(c A) → c tr(A)
  readonly cyclic: RuleUse; // trace-cyclic
  readonly turn: RuleUse; // trace-transpose ←: tr(A) → tr(Aᵀ)
  readonly transposeProduct: RuleUse; // transpose-of-product
  readonly identityLeft: RuleUse; // identity-left ←: A → I A
  readonly hadamardMove: RuleUse | null; // trace-hadamard-move
  readonly hadamardCommute: RuleUse | null; // hadamard-commute
  readonly merge: readonly RuleUse[]; // trace-merge, -scaled, -both-scaled: c tr(A B) + k tr(A C) → tr(A (c B + k C))
  readonly zero: RuleUse; // trace-of-zero ←: 0 → tr(0)
};

/** What stopped the phase: the subterm no rule moves towards `tr(dXᵀ G)`. */
export type InnerProductFailure = { readonly stuckAt: Term };

/** Drives `run` from a scalar linear in `dX` to `tr(dXᵀ G)`; null on success. */
export function toInnerProduct(run: Run, x: Term, rules: InnerProductRules): InnerProductFailure | null {
  const lead = c.transpose(c.differential(x));
  const isScalar = run.options.facts.isScalar;
  const seen = new Set<string>(); // fingerprints of the terms met: one met again means the moves go round in a circle
  const finished = new WeakSet<Term>();
  for (;;) {
    const path = firstUnfinished(run.term, lead, isScalar, finished);
    if (path === null) break;
    const summand = getAt(run.term, path)!;
    const print = fingerprint(run.term);
    if (seen.has(print) || !run.canStep()) return { stuckAt: summand };
    seen.add(print);
    if (!advance(run, path, lead, rules)) return { stuckAt: summand };
  }
  return combine(run, lead, rules);
}

const hashes = new WeakMap<Term, number>();

/** A 32-bit FNV-1a hash of the term's key, memoised by identity. */
function hashOf(t: Term): number {
  let h = hashes.get(t);
  if (h !== undefined) return h;
  h = 0x811c9dc5;
  const key = c.termKey(t);
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  hashes.set(t, h);
  return h;
}

/** An order-free fingerprint of a sum from its summands' hashes: cheap when most summands are unchanged objects. */
function fingerprint(t: Term): string {
  const summands = t.kind === 'add' ? t.terms : [t];
  let sum = 0;
  let xor = 0;
  for (const s of summands) {
    const h = hashOf(s);
    sum = (sum + h) | 0;
    xor ^= Math.imul(h, 0x9e3779b1);
  }
  return `${summands.length}:${sum}:${xor}`;
}

/**
 * `tr(… dXᵀ …)` with `dXᵀ` the first matrix factor and no other
 * differential. For a vector `x`, `dxᵀ g` is a scalar, kept as one unit
 * inside a product of scalars: its factors count in its place.
 */
export function isInnerForm(t: Term, lead: Term, isScalar: c.ScalarTest): boolean {
  if (t.kind !== 'fn' || t.name !== 'tr' || t.args.length !== 1) return false;
  const factors = innerFactors(t.args[0]!);
  if (factors === null) return false;
  const first = factors.findIndex((f) => !isScalar(f));
  return first >= 0 && equalTerms(factors[first]!, lead) && factors.every((f, i) => i === first || !hasDifferential(f));
}

/** The factors of a product, the one scalar unit holding the differential spread in its place; null for a non-product. */
export function innerFactors(arg: Term): Term[] | null {
  if (arg.kind !== 'mul') return null;
  return arg.factors.flatMap((f) => (f.kind === 'mul' && hasDifferential(f) ? [...f.factors] : [f]));
}

/** A summand in inner form, or scalars times one: `s tr(dXᵀ G)`. */
function isDone(t: Term, lead: Term, isScalar: c.ScalarTest): boolean {
  if (isInnerForm(t, lead, isScalar)) return true;
  return t.kind === 'mul' && t.factors.filter(hasDifferential).length === 1 && t.factors.some((f) => isInnerForm(f, lead, isScalar));
}

/** The path of the first summand of the root (or the root) not yet done, or null; `done` remembers finished summands by identity. */
function firstUnfinished(t: Term, lead: Term, isScalar: c.ScalarTest, done: WeakSet<Term>): Path | null {
  const summands = t.kind === 'add' ? t.terms : [t];
  const open = summands.findIndex((s) => {
    if (done.has(s)) return false;
    const finished = !hasDifferential(s) || isDone(s, lead, isScalar);
    if (finished) done.add(s);
    return !finished;
  });
  return open < 0 ? null : t.kind === 'add' ? [open] : [];
}

/** One move on the scalar node at `path` towards inner form; false when no rule makes it. */
function advance(run: Run, path: Path, lead: Term, rules: InnerProductRules): boolean {
  const node = getAt(run.term, path)!;
  if (node.kind === 'fn' && node.name === 'tr') return advanceTrace(run, path, node.args[0]!, lead, rules);
  if (node.kind !== 'mul') return run.tryAt(path, rules.wrap);
  const moving = node.factors.map((f, i) => [f, i] as const).filter(([f]) => hasDifferential(f));
  if (moving.length !== 1) return false;
  const [factor, index] = moving[0]!;
  if (!run.options.facts.isScalar(factor)) return run.tryAt(path, rules.wrap);
  return advance(run, [...path, index], lead, rules);
}

/** One move inside `tr(arg)` at `path`. */
function advanceTrace(run: Run, path: Path, arg: Term, lead: Term, rules: InnerProductRules): boolean {
  const isScalar = run.options.facts.isScalar;
  const inner = [...path, 0];
  const leads = (t: Term): boolean => isInnerForm(t, lead, isScalar);
  if (arg.kind === 'fn' && arg.name === 'tr') return run.tryAt(path, rules.unwrap);
  if (arg.kind === 'd' || equalTerms(arg, lead)) return run.tryAt(inner, rules.identityLeft, (t) => t.kind === 'mul');
  if (arg.kind === 'transpose') return turnOver(run, inner, arg, rules.transposeProduct, (t) => leads(c.fn('tr', [t]))) || run.tryAt(inner, rules.transposeProduct);
  if (arg.kind !== 'mul') return false;
  const index = arg.factors.findIndex(hasDifferential);
  const moving = arg.factors[index]!;
  if (isScalar(moving)) return run.tryAt(path, rules.unwrap);
  if (equalTerms(moving, lead)) return rotate(run, path, arg, index, rules.cyclic, leads);
  const isLast = moving === arg.factors.filter((f) => !isScalar(f)).at(-1);
  const toEnd = (t: Term): boolean => endsWith(t, moving);
  if (moving.kind === 'd') return isLast ? run.tryAt(path, rules.turn) : rotate(run, path, arg, index + 1, rules.cyclic, toEnd);
  if (moving.kind !== 'hadamard' || rules.hadamardMove === null || rules.hadamardCommute === null) return false;
  if (!isLast) return rotate(run, path, arg, index + 1, rules.cyclic, toEnd);
  if (hasDifferential(moving.factors.at(-1)!)) return run.tryAt(path, rules.hadamardMove, leads);
  return run.tryAt([...inner, index], rules.hadamardCommute, (t) => t.kind === 'hadamard' && hasDifferential(t.factors.at(-1)!));
}

/**
 * `trace-cyclic` at `path` (`tr(A B) = tr(B A)`) splitting the product `arg`
 * before factor `at`, so that factor leads (A takes the coefficient and the
 * scalars); if that split is not a match `wanted` accepts, the first match
 * that is. The direct split costs one instance; the search, one per split
 * before it.
 */
function rotate(run: Run, path: Path, arg: c.TermOf<'mul'>, at: number, cyclic: RuleUse, wanted: (t: Term) => boolean): boolean {
  const isScalar = run.options.facts.isScalar;
  const split = new Map([['A', c.mul([c.num(arg.coeff), ...arg.factors.slice(0, at)], isScalar)], ['B', c.mul(arg.factors.slice(at), isScalar)]]);
  return run.tryWith(path, cyclic, split, wanted) || run.tryAt(path, cyclic, wanted);
}

/** `transpose-of-product` at `path` (`(A B)ᵀ = Bᵀ Aᵀ`) splitting off the last factor, so that its transpose leads; else the first match `wanted` accepts. */
function turnOver(run: Run, path: Path, t: c.TermOf<'transpose'>, rule: RuleUse, wanted: (t: Term) => boolean): boolean {
  const product = t.arg;
  if (product.kind !== 'mul' || product.factors.length < 2) return run.tryAt(path, rule, wanted);
  const isScalar = run.options.facts.isScalar;
  const split = new Map([['A', c.mul([c.num(product.coeff), ...product.factors.slice(0, -1)], isScalar)], ['B', product.factors.at(-1)!]]);
  return run.tryWith(path, rule, split, wanted) || run.tryAt(path, rule, wanted);
}

/** The path of a summand `tr(s dXᵀ G)` with scalars inside (they go outside before traces merge), or null. */
function scaledTrace(t: Term, isScalar: c.ScalarTest): Path | null {
  if (t.kind !== 'add') return null;
  const at = t.terms.findIndex((s) => s.kind === 'fn' && s.args[0]!.kind === 'mul' && (!c.isOne(s.args[0]!.coeff) || s.args[0]!.factors.some(isScalar)));
  return at < 0 ? null : [at];
}

/** Whether `t` is `tr(… last)`: a rotation that put `last` at the end. */
function endsWith(t: Term, last: Term): boolean {
  const arg = t.kind === 'fn' ? t.args[0] : undefined;
  return arg?.kind === 'mul' && equalTerms(arg.factors.at(-1)!, last);
}

/**
 * `s₁ tr(dXᵀ G₁) + s₂ tr(dXᵀ G₂) + …` → `tr(dXᵀ (s₁G₁ + s₂G₂ + …))` with the
 * `trace-merge` rules, then scalars left outside are moved in; `0` (f does
 * not depend on X) → `tr(0)`.
 */
function combine(run: Run, lead: Term, rules: InnerProductRules): InnerProductFailure | null {
  if (run.term.kind === 'num' && c.isZero(run.term.value)) return run.tryAt([], rules.zero) ? null : { stuckAt: run.term };
  const byLead = (_: Term, s: Step): boolean => equalTerms(s.subst.get('A') ?? c.num(0), lead);
  const isScalar = run.options.facts.isScalar;
  for (let path = scaledTrace(run.term, isScalar); path !== null && run.term.kind === 'add'; path = scaledTrace(run.term, isScalar)) {
    if (!run.tryAt(path, rules.pullOut, (t) => t.kind === 'mul')) return { stuckAt: getAt(run.term, path)! };
  }
  while (run.term.kind === 'add') {
    if (!rules.merge.some((use) => run.tryAt([], use, byLead))) return { stuckAt: run.term };
  }
  while (!isInnerForm(run.term, lead, run.options.facts.isScalar)) {
    if (!run.tryAt([], rules.pullIn)) return { stuckAt: run.term };
  }
  return null;
}
