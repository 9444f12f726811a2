import { children, equalTerms, formatRational, type Term } from '../term/index.js';
import { bind, isGround, sortOfVar, type MatchContext, type Then } from './context.js';
import { instantiate } from './instantiate.js';
import { matchProduct } from './product.js';
import { toSubst, type Bindings } from './subst.js';
import { matchSum } from './sum.js';

/**
 * Matches pattern `p` against the whole of `t` (no partial products or sums:
 * those happen only at the top, in `matchPattern`), calling `then` once per
 * way. Metavariables bind through `bind`; every other symbol must be itself;
 * products and sums are matched modulo canonical form (`product.ts`, `sum.ts`).
 * Invariant: when `then(b')` is called, `instantiate(p, b')` equals `t`
 * (up to the scalar-absorption cases `matchPattern` re-checks).
 */
export function matchTerm(ctx: MatchContext, p: Term, t: Term, b: Bindings, then: Then): void {
  if ((ctx.budget !== undefined && --ctx.budget.left < 0) || ctx.halt?.stop === true) return;
  const sort = sortOfVar(ctx, p);
  if (sort !== undefined) return bind(ctx, (p as { name: string }).name, sort, t, b, then);
  if (p.kind !== t.kind) return;
  if (p.kind === 'mul' && t.kind === 'mul') {
    if (isGround(ctx, p, b)) return matchGround(ctx, p, t, b, then);
    return matchProduct(ctx, p, t, b, 'exact', (b2) => then(b2));
  }
  if (p.kind === 'add' && t.kind === 'add') {
    if (isGround(ctx, p, b)) return matchGround(ctx, p, t, b, then);
    return matchSum(ctx, p, t, b, 'exact', (b2) => then(b2));
  }
  if (label(p) !== label(t)) return;
  matchList(ctx, children(p), children(t), 0, b, then);
}

/** A pattern whose metavariables are all bound matches exactly its instance. */
function matchGround(ctx: MatchContext, p: Term, t: Term, b: Bindings, then: Then): void {
  if (equalTerms(instantiate(p, toSubst(b), ctx.isScalar), t)) then(b);
}

/** Matches `ps[i..]` against `ts[i..]` pairwise, left to right. */
export function matchList(ctx: MatchContext, ps: readonly Term[], ts: readonly Term[], i: number, b: Bindings, then: Then): void {
  if (ps.length !== ts.length) return;
  if (i === ps.length) return then(b);
  matchTerm(ctx, ps[i]!, ts[i]!, b, (b2) => matchList(ctx, ps, ts, i + 1, b2, then));
}

/** The non-child data a node carries besides its kind (names, values), which must agree exactly. */
function label(t: Term): string {
  switch (t.kind) {
    case 'num': return formatRational(t.value);
    case 'sym': return t.name;
    case 'fn': case 'map': return t.name;
    case 'norm': return t.sub ?? '';
    case 'frechet': return t.dir ? 'dir' : '';
    default: return '';
  }
}
