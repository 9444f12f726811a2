import {
  ONE, divRationals, equalTerms, isOne, isStructuralScalar, mul, num, type Mul, type Rational, type Term,
} from '../term/index.js';
import { chainIndex, firstAtLeast, isSquareRun, squareEnds } from './chain-index.js';
import { bind, sortOfVar, type MatchContext, type Part } from './context.js';
import { matchTerm } from './match-term.js';
import { extend, lookup, type Bindings } from './subst.js';

/** `exact`: the pattern must cover the whole product. `part`: any contiguous run, leftovers stay. */
export type Mode = 'exact' | 'part';

type FactorsPart = Extract<Part, { kind: 'factors' }>;
type Emit = (b: Bindings, part: FactorsPart) => void;

/**
 * Matches a product pattern `κp · Sp · Cp` (coefficient, scalar factors, chain)
 * against a canonical product `κ · S · C`, modulo the commuting of scalars:
 *
 * 1. the chain `Cp` matches a contiguous run of `C` (any offset in `part`
 *    mode, all of `C` in `exact` mode). A bare metavariable that is not a
 *    scalar or index (a *segment* variable) binds a run of one or more factors
 *    (`A B` on `X Y Z`: A = X, B = Y Z and A = X Y, B = Z); a bound one must
 *    meet the same run again;
 * 2. rigid scalar factors of `Sp` match distinct factors of `S` (any order);
 * 3. each unbound scalar metavariable of `Sp` binds one *scalar item*: the
 *    coefficient ratio `κ/κp` (when ≠ 1) or one factor of `S`; in `exact`
 *    mode the last one binds all remaining items as one product (`c A` on
 *    `2tX`: c = 2t). A scalar metavariable never binds 1;
 * 4. what remains (ratio and unmatched scalars) stays outside in `part` mode;
 *    when the pattern has no scalar metavariable it may instead be absorbed by
 *    the first segment variable of the chain — required in `exact` mode,
 *    tried first in `part` mode. So `−A` on `−2X` gives A = 2X (and, as a
 *    partial match, A = X with the factor 2 left outside).
 *
 * Complexity: with `s` segment variables in a chain of `n` factors, a start
 * offset costs O(n^s) (each adjacent segment chooses its end); `part` mode tries
 * n offsets. Scalar items are tried in O(k!) orders for k scalar pattern
 * factors (k ≤ 2 in practice).
 * Invariant: every emitted match is re-checked by `matchPattern` (instantiate
 * and compare), so these rules only ever propose.
 */
export function matchProduct(ctx: MatchContext, p: Mul, t: Mul, b: Bindings, mode: Mode, emit: Emit): void {
  const isPatScalar = (f: Term): boolean => patternFactorIsScalar(ctx, f);
  const pScalars = orderScalars(ctx, p.factors.filter(isPatScalar));
  const pChain = p.factors.filter((f) => !isPatScalar(f));
  const nScal = scalarPrefix(ctx, t);
  const ratio = divRationals(t.coeff, p.coeff)!;
  const tn = t.factors.length;
  if (pChain.length === 0 && mode === 'exact' && tn !== nScal) return;
  if (pScalars.length > nScal + (isOne(ratio) ? 0 : 1)) return; // each scalar pattern factor takes its own scalar item (steps 2–3)
  const starts = pChain.length === 0 || mode === 'exact' ? [nScal] : chainStarts(ctx, pChain, t.factors, nScal);
  if (starts === null) return;
  const problem = { ctx, p, t, pChain, nScal, ratio, mode, emit };
  const target: ChainTarget = { fs: t.factors, wholeRun: mode === 'exact' };
  for (const start of starts) {
    if (ctx.halt?.stop === true) return;
    matchChain(ctx, pChain, 0, target, start, b, (b1, end) => {
      if (mode === 'exact' && end !== tn) return;
      matchScalars(problem, pScalars, 0, b1, [], false, (b2, used, usedCoeff) =>
        finish(problem, b2, { start, end, used, usedCoeff }));
    });
  }
}

/**
 * Where a chain pattern may start in part mode: at a factor of the first
 * pattern factor's kind when that one is rigid, else anywhere from `from`.
 * Null when a rigid pattern factor's kind is nowhere in `fs` (`A (B + C)` on a
 * product without a sum): `matchTerm` never matches across kinds.
 */
function chainStarts(ctx: MatchContext, pChain: readonly Term[], fs: readonly Term[], from: number): readonly number[] | null {
  const { byKind } = chainIndex(fs);
  const rigid = pChain.filter((q) => sortOfVar(ctx, q) === undefined);
  if (rigid.some((q) => !byKind.has(q.kind))) return null;
  return rigid[0] === pChain[0] ? within(byKind.get(pChain[0]!.kind)!, from, fs.length - 1) : range(from, fs.length);
}

type Problem = {
  readonly ctx: MatchContext; readonly p: Mul; readonly t: Mul; readonly pChain: readonly Term[];
  readonly nScal: number; readonly ratio: Rational; readonly mode: Mode; readonly emit: Emit;
};
type Found = { start: number; end: number; used: readonly number[]; usedCoeff: boolean };

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** How many leading factors of a canonical product are scalars. Invariant (canonical form): they form a prefix. */
function scalarPrefix(ctx: MatchContext, t: Mul): number {
  let i = 0;
  while (i < t.factors.length && (t.factors[i]!.kind === 'mul' || ctx.isScalar(t.factors[i]!))) i++;
  return i;
}

/**
 * A pattern factor is scalar when it is a `scalar` metavariable, a scalar
 * unit (nested product), scalar by the test, or built from scalar patterns by
 * a sum, an inverse, a transpose or a power (`c⁻¹`, `(k + x)`).
 */
function patternFactorIsScalar(ctx: MatchContext, f: Term): boolean {
  const sort = sortOfVar(ctx, f);
  if (sort !== undefined) return sort === 'scalar';
  if (f.kind === 'add') return f.terms.every((u) => patternFactorIsScalar(ctx, u));
  if (f.kind === 'inverse' || f.kind === 'transpose') return patternFactorIsScalar(ctx, f.arg);
  if (f.kind === 'power' && sortOfVar(ctx, f.base) === 'scalar') return true;
  return f.kind === 'mul' || isStructuralScalar(f) || ctx.isScalar(f);
}

/** Rigid scalar factors first, metavariables last (so the last metavariable can take the rest). */
function orderScalars(ctx: MatchContext, fs: readonly Term[]): Term[] {
  return [...fs.filter((f) => sortOfVar(ctx, f) === undefined), ...fs.filter((f) => sortOfVar(ctx, f) !== undefined)];
}

const isSegmentSort = (sort: string | undefined): boolean => sort !== undefined && sort !== 'scalar' && sort !== 'index';

/**
 * The factors a chain pattern is matched against; `wholeRun`: the chain must
 * reach the last factor (exact mode); `vectorEnds`, filled on first use: the
 * ends `e` with `fs[e − 1]` a vector (where a vector segment may end).
 */
type ChainTarget = { readonly fs: readonly Term[]; readonly wholeRun: boolean; vectorEnds?: readonly number[] };

/**
 * Step 1: the chain pattern `ps[i..]` against the factors from `pos`; `then(b, end)` per way.
 * A free segment variable's candidate runs are pruned before the run is built
 * (building and shaping a run is the expensive part): the last one must reach
 * the end in exact mode, and the run must be followed by what the next pattern
 * factor can match (`mayFollow`).
 */
function matchChain(
  ctx: MatchContext, ps: readonly Term[], i: number, target: ChainTarget, pos: number, b: Bindings,
  then: (b: Bindings, end: number) => void,
): void {
  const { fs } = target;
  if (i === ps.length) return then(b, pos);
  if (pos >= fs.length) return;
  const p = ps[i]!;
  const sort = sortOfVar(ctx, p);
  const next = (b2: Bindings, end: number): void => matchChain(ctx, ps, i + 1, target, end, b2, then);
  if (!isSegmentSort(sort)) return matchTerm(ctx, p, fs[pos]!, b, (b2) => next(b2, pos + 1));
  const name = (p as { name: string }).name;
  const bound = lookup(b, name);
  if (bound !== undefined) {
    const len = runLength(bound, fs, pos);
    if (len > 0) next(b, pos + len);
    return;
  }
  const last = i === ps.length - 1;
  const [from, to] = [last && target.wholeRun ? fs.length : pos + 1, fs.length - (ps.length - i - 1)];
  // A vector segment ends at a vector (a chain's columns are its last factor's); `mayFollow` checks what follows.
  const listed = sort === 'vector' ? within(vectorEnds(ctx, target), from, to) : candidateEnds(ctx, last ? null : ps[i + 1]!, name, fs, pos, from, to);
  const count = listed === null ? to - from + 1 : listed.length;
  for (let k = 0; k < count; k++) {
    const end = listed === null ? from + k : listed[k]!;
    if (ctx.halt?.stop === true) return;
    if (!last && !mayFollow(ctx, ps[i + 1]!, name, b, fs, pos, end)) continue;
    bind(ctx, name, sort!, runOf(ctx, fs, pos, end), b, (b2) => next(b2, end));
  }
}

/**
 * The ends in `[from, to]` that segment `name`, starting at `pos`, may take
 * when pattern factor `q` follows (null: nothing follows): where `q` is rigid,
 * only the positions of factors of its kind; where `q` is `name` again
 * (`A A`), only those where a copy may start (`squareEnds`); else every end
 * (null: the whole range, without building it).
 */
function candidateEnds(ctx: MatchContext, q: Term | null, name: string, fs: readonly Term[], pos: number, from: number, to: number): readonly number[] | null {
  const qSort = q === null ? null : sortOfVar(ctx, q);
  if (q !== null && qSort === undefined) return within(chainIndex(fs).byKind.get(q.kind) ?? [], from, to);
  if (q !== null && (q as { name: string }).name === name) return squareEnds(chainIndex(fs), pos, from, to);
  return null;
}

/** `fs[pos..end)` as one term: the factor itself, or their canonical product. */
function runOf(ctx: MatchContext, fs: readonly Term[], pos: number, end: number): Term {
  return end - pos === 1 ? fs[pos]! : mul(fs.slice(pos, end), ctx.isScalar);
}

/** The entries of ascending `sorted` in `[from, to]`. */
function within(sorted: readonly number[], from: number, to: number): readonly number[] {
  const [start, stop] = [firstAtLeast(sorted, from), firstAtLeast(sorted, to + 1)];
  return start === 0 && stop === sorted.length ? sorted : sorted.slice(start, stop);
}

/** See `ChainTarget.vectorEnds`. */
function vectorEnds(ctx: MatchContext, target: ChainTarget): readonly number[] {
  target.vectorEnds ??= target.fs.flatMap((f, i) => (ctx.fitsSort(f, 'vector') ? [i + 1] : []));
  return target.vectorEnds;
}

/**
 * Whether pattern factor `q` can match from `fs[end]` on once segment `name`
 * takes `fs[pos..end)`: a rigid factor needs a factor of its kind (`matchTerm`
 * never matches across kinds), a bound segment its run, and `name` itself
 * (`A A`) a copy of the run. A necessary condition only: `matchTerm` decides.
 */
function mayFollow(ctx: MatchContext, q: Term, name: string, b: Bindings, fs: readonly Term[], pos: number, end: number): boolean {
  const sort = sortOfVar(ctx, q);
  if (sort === undefined) return fs[end]!.kind === q.kind;
  if (!isSegmentSort(sort)) return true;
  const qName = (q as { name: string }).name;
  if (qName === name) return isSquareRun(chainIndex(fs), pos, end);
  const bound = lookup(b, qName);
  return bound === undefined || runLength(bound, fs, end) > 0;
}

/** How many factors from `pos` spell out `value` (a single factor, or a coefficient-1 product), or 0. */
function runLength(value: Term, fs: readonly Term[], pos: number): number {
  const parts = value.kind === 'mul' && isOne(value.coeff) ? value.factors : [value];
  if (pos + parts.length > fs.length) return 0;
  return parts.every((f, k) => equalTerms(f, fs[pos + k]!)) ? parts.length : 0;
}

type ScalarThen = (b: Bindings, used: readonly number[], usedCoeff: boolean) => void;

/** Steps 2–3: the scalar pattern factors `ps[i..]` against unused scalar items. */
function matchScalars(
  pr: Problem, ps: readonly Term[], i: number, b: Bindings, used: readonly number[], usedCoeff: boolean, then: ScalarThen,
): void {
  if (i === ps.length) return then(b, used, usedCoeff);
  const p = ps[i]!;
  const { ctx, t } = pr;
  const next = (b2: Bindings, u: readonly number[], c: boolean): void => matchScalars(pr, ps, i + 1, b2, u, c, then);
  const free = range(0, pr.nScal).filter((j) => !used.includes(j));
  const sort = sortOfVar(ctx, p);
  const name = (p as { name?: string }).name ?? '';
  if (sort !== undefined && lookup(b, name) === undefined) {
    if (pr.mode === 'exact' && i === ps.length - 1) return takeRest(pr, name, b, free, used, usedCoeff, then);
    if (!usedCoeff && !isOne(pr.ratio)) bind(ctx, name, sort, num(pr.ratio), b, (b2) => next(b2, used, true));
    for (const j of free) bind(ctx, name, sort, t.factors[j]!, b, (b2) => next(b2, [...used, j], usedCoeff));
    return;
  }
  const bound = sort !== undefined ? lookup(b, name) : undefined;
  if (bound?.kind === 'num' && !usedCoeff && equalTerms(bound, num(pr.ratio))) next(b, used, true);
  for (const j of free) matchTerm(ctx, p, t.factors[j]!, b, (b2) => next(b2, [...used, j], usedCoeff));
}

/** Exact mode: the last scalar metavariable binds every remaining scalar item (at least one). */
function takeRest(
  pr: Problem, name: string, b: Bindings, free: readonly number[], used: readonly number[], usedCoeff: boolean, then: ScalarThen,
): void {
  const coeff = usedCoeff ? ONE : pr.ratio;
  if (free.length === 0 && isOne(coeff)) return;
  const value = mul([num(coeff), ...free.map((j) => pr.t.factors[j]!)], pr.ctx.isScalar);
  bind(pr.ctx, name, 'scalar', value, b, (b2) => then(b2, [...used, ...free], true));
}

/** Step 4: leftovers stay outside (part mode) or are absorbed by the first segment variable. */
function finish(pr: Problem, b: Bindings, f: Found): void {
  const leftover = range(0, pr.nScal).filter((j) => !f.used.includes(j));
  const leftCoeff = f.usedCoeff ? ONE : pr.ratio;
  const partCoeff = f.usedCoeff ? pr.t.coeff : pr.p.coeff;
  const part = (used: readonly number[], coeff: Rational): FactorsPart =>
    ({ kind: 'factors', start: f.start, end: f.end, scalars: [...used].sort((x, y) => x - y), coeff });
  if (leftover.length === 0 && isOne(leftCoeff)) return pr.emit(b, part(f.used, partCoeff));
  const absorber = pr.p.factors.some((g) => sortOfVar(pr.ctx, g) === 'scalar')
    ? undefined
    : pr.pChain.find((g) => isSegmentSort(sortOfVar(pr.ctx, g)));
  if (absorber !== undefined) {
    const name = (absorber as { name: string }).name;
    const value = mul([num(leftCoeff), ...leftover.map((j) => pr.t.factors[j]!), lookup(b, name)!], pr.ctx.isScalar);
    if (pr.ctx.fitsSort(value, pr.ctx.vars.get(name)!)) pr.emit(extend(b, name, value), part(range(0, pr.nScal), pr.t.coeff));
  }
  if (pr.mode === 'part') pr.emit(b, part(f.used, partCoeff));
}
