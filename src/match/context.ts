import { children, equalTerms, type Rational, type ScalarTest, type Term } from '../term/index.js';
import type { WorkBudget } from './budget.js';
import type { Sort, SortTest } from './sort.js';
import { extend, lookup, type Bindings } from './subst.js';

/** What the matcher needs to know besides the two terms. */
export type MatchContext = {
  readonly vars: ReadonlyMap<string, Sort>;
  readonly fitsSort: SortTest;
  /** The target's scalar test (the one its canonical form was built with). */
  readonly isScalar: ScalarTest;
  /** Work allowed (one unit per `matchTerm` call); unlimited when absent. */
  readonly budget?: WorkBudget;
  /** Set once enough candidates are found (`maxMatches`): the search stops there. */
  readonly halt?: { stop: boolean };
};

/** Continuation: called once per way of matching, with the bindings extended. */
export type Then = (b: Bindings) => void;

/**
 * Which part of the target a match covers, when it is not the whole target.
 * `factors`: the product `coeff · factors[i] (i ∈ scalars) · factors[start..end)`;
 * the remaining coefficient `target.coeff / coeff` and the other factors stay.
 * `summands`: the summands at `indices` (ascending); the others stay.
 */
export type Part =
  | { readonly kind: 'factors'; readonly start: number; readonly end: number; readonly scalars: readonly number[]; readonly coeff: Rational }
  | { readonly kind: 'summands'; readonly indices: readonly number[] };

/** The sort of `p` when it is a metavariable (a symbol listed in `vars`), else `undefined`. */
export function sortOfVar(ctx: MatchContext, p: Term): Sort | undefined {
  return p.kind === 'sym' ? ctx.vars.get(p.name) : undefined;
}

/**
 * Binds metavariable `name` to `t`, or checks an existing binding.
 * Invariant: a repeated metavariable binds `equalTerms` values; an `index`
 * metavariable binds a symbol, and two different index metavariables never bind
 * the same symbol (index renaming is a bijection, so `δᵢₖ vₖ` cannot match with i = k).
 */
export function bind(ctx: MatchContext, name: string, sort: Sort, t: Term, b: Bindings, then: Then): void {
  const old = lookup(b, name);
  if (old !== undefined) {
    if (equalTerms(old, t)) then(b);
    return;
  }
  if (sort === 'index' && (t.kind !== 'sym' || indexTaken(ctx, b, t))) return;
  if (!ctx.fitsSort(t, sort)) return;
  then(extend(b, name, t));
}

function indexTaken(ctx: MatchContext, b: Bindings, t: Term): boolean {
  for (let cell = b; cell !== null; cell = cell.next) {
    if (ctx.vars.get(cell.name) === 'index' && equalTerms(cell.value, t)) return true;
  }
  return false;
}

const patternVars = new WeakMap<Term, readonly string[]>();

/** The metavariables occurring in `p` (memoised per pattern node: rule sides live long). */
export function varsOf(ctx: MatchContext, p: Term): readonly string[] {
  let found = patternVars.get(p);
  if (found === undefined) {
    const names = new Set<string>();
    collect(p, names);
    found = [...names];
    patternVars.set(p, found);
  }
  return found.filter((n) => ctx.vars.has(n));
}

function collect(t: Term, out: Set<string>): void {
  if (t.kind === 'sym') out.add(t.name);
  for (const k of children(t)) collect(k, out);
}

/** True when every metavariable of `p` is already bound (then `p` is matched by instantiating it). */
export function isGround(ctx: MatchContext, p: Term, b: Bindings): boolean {
  return varsOf(ctx, p).every((n) => lookup(b, n) !== undefined);
}
