import { add, termKey, type Add, type Term } from '../term/index.js';
import { bind, sortOfVar, type MatchContext } from './context.js';
import { matchTerm } from './match-term.js';
import type { Mode } from './product.js';
import { lookup, type Bindings } from './subst.js';

type SumThen = (b: Bindings, indices: readonly number[]) => void;

/**
 * Matches a sum pattern against a canonical sum, as a multiset: summand order
 * depends on names, so pattern summands are assigned to target summands in
 * every way (rigid summands first, bare metavariables last).
 * - `part` mode: each pattern summand takes a distinct target summand; the
 *   others stay (`X + Y` inside `X + Y + Z`).
 * - `exact` mode: every target summand is taken; when the target has more
 *   summands than the pattern, the last bare metavariable takes all the
 *   remaining ones as one sum (`tr(A + B)` on `tr(X + Y + Z)`: B = Y + Z, …).
 * Complexity: O(n!/(n−k)!) assignments for k pattern summands over n target
 * summands, pruned as soon as a summand fails to match.
 * Invariant: `indices` handed to `then` are ascending and distinct.
 */
export function matchSum(ctx: MatchContext, p: Add, t: Add, b: Bindings, mode: Mode, then: SumThen): void {
  const isBare = (q: Term): boolean => sortOfVar(ctx, q) !== undefined;
  const ps = [...p.terms.filter((q) => !isBare(q)), ...p.terms.filter(isBare)];
  if (ps.length > t.terms.length) return;
  if (mode === 'exact' && ps.length < t.terms.length && !isBare(ps[ps.length - 1]!)) return;
  assign(ctx, ps, 0, t, mode, b, [], then);
}

function assign(
  ctx: MatchContext, ps: readonly Term[], i: number, t: Add, mode: Mode, b: Bindings, used: readonly number[], then: SumThen,
): void {
  const n = t.terms.length;
  if (i === ps.length) {
    if (mode === 'exact' && used.length !== n) return;
    return then(b, [...used].sort((x, y) => x - y));
  }
  const p = ps[i]!;
  const free = Array.from({ length: n }, (_, j) => j).filter((j) => !used.includes(j));
  const sort = sortOfVar(ctx, p);
  const name = (p as { name?: string }).name ?? '';
  if (mode === 'exact' && i === ps.length - 1 && free.length > 1 && sort !== undefined && lookup(b, name) === undefined) {
    const rest = add(free.map((j) => t.terms[j]!));
    return bind(ctx, name, sort, rest, b, (b2) => then(b2, Array.from({ length: n }, (_, j) => j)));
  }
  const bound = sort === undefined ? undefined : lookup(b, name);
  for (const j of bound === undefined ? free : copiesOf(t, bound, free)) {
    if (ctx.halt?.stop === true) return;
    matchTerm(ctx, p, t.terms[j]!, b, (b2) => assign(ctx, ps, i + 1, t, mode, b2, [...used, j], then));
  }
}

const summandIds = new WeakMap<Add, Map<string, number[]>>();

/**
 * The free summands equal to `value`, the only ones a bound bare metavariable
 * can match (`A + A`): found by key in an index of the sum's summands
 * (memoised per sum), not by comparing with each.
 */
function copiesOf(t: Add, value: Term, free: readonly number[]): number[] {
  let index = summandIds.get(t);
  if (index === undefined) {
    index = new Map();
    t.terms.forEach((u, j) => {
      const key = termKey(u);
      const at = index!.get(key);
      if (at === undefined) index!.set(key, [j]);
      else at.push(j);
    });
    summandIds.set(t, index);
  }
  return (index.get(termKey(value)) ?? []).filter((j) => free.includes(j));
}
