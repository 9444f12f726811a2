import {
  children, equalTerms, isStructuralScalar, termKey, add, mul, num, type ScalarTest, type Term,
} from '../term/index.js';
import type { WorkBudget } from './budget.js';
import type { MatchContext, Part } from './context.js';
import { instantiate } from './instantiate.js';
import { matchTerm } from './match-term.js';
import { matchProduct } from './product.js';
import type { Sort, SortTest } from './sort.js';
import { toSubst, type Bindings, type Subst } from './subst.js';
import { matchSum } from './sum.js';

/**
 * One way a pattern matches a target: the substitution, and the part of the
 * target it covers when that is less than the whole (a run of factors with
 * some scalars and a share of the coefficient, or a subset of summands).
 * Invariant: `instantiate(pattern, subst)` equals `partTerm(target, part)`.
 */
export type Match = { readonly subst: Subst; readonly part?: Part };

/** How the target is read: which subterms fit which sort, and which are scalars. */
export type MatchOptions = {
  /** Whether a target subterm fits a metavariable's sort; default: everything fits (index sorts still need a symbol). */
  readonly fitsSort?: SortTest;
  /** The target's scalar test (from shape inference); default: structural. */
  readonly isScalar?: ScalarTest;
  /** Work allowed, shared with the caller's search; once spent, no further matches are found. */
  readonly budget?: WorkBudget;
  /** Matches kept at most (the first ones, in order); all when absent. The search stops at four times as many candidates. */
  readonly maxMatches?: number;
  /** Candidates found at most when `maxMatches` is given (default four times as many: some may fail the re-check). */
  readonly maxCandidates?: number;
  /** Set when the search stopped at `maxMatches` before trying every candidate (so more matches may exist). */
  readonly cutShort?: { stop: boolean };
};

const acceptAll: SortTest = () => true;

/**
 * Every match of `pattern` against `target`, in a deterministic order.
 * Symbols in `vars` are metavariables; every other symbol is a constant.
 * At the top, a product pattern may match part of a product (any contiguous
 * run of factors, at any offset, with scalars commuting out: see
 * `matchProduct`) and a sum pattern any subset of summands; below the top,
 * matches are exact (modulo canonical form). Each candidate is re-checked by
 * instantiating the pattern and comparing with the covered part (`equalTerms`),
 * so a match is never wrong, only possibly missed.
 */
export function matchPattern(pattern: Term, vars: ReadonlyMap<string, Sort>, target: Term, options: MatchOptions = {}): Match[] {
  // A rigid pattern matches only a target of its kind (`matchTerm`); most rules tried at most positions stop here.
  if (pattern.kind !== target.kind && !(pattern.kind === 'sym' && vars.has(pattern.name))) {
    if (options.cutShort !== undefined) options.cutShort.stop = false;
    return [];
  }
  // With `maxMatches`, the search stops after a few times as many candidates (some may fail the re-check).
  const enough = options.maxMatches === undefined ? Infinity : options.maxCandidates ?? 4 * options.maxMatches;
  const halt = options.cutShort ?? { stop: false };
  halt.stop = false;
  const ctx: MatchContext = { vars, fitsSort: options.fitsSort ?? acceptAll, isScalar: options.isScalar ?? isStructuralScalar, budget: options.budget, halt };
  const found: { b: Bindings; part?: Part }[] = [];
  const keep = (candidate: { b: Bindings; part?: Part }): void => {
    if (halt.stop) return;
    found.push(candidate);
    halt.stop = found.length >= enough;
  };
  if (pattern.kind === 'mul' && target.kind === 'mul') {
    matchProduct(ctx, pattern, target, null, 'part', (b, part) => keep({ b, part }));
  } else if (pattern.kind === 'add' && target.kind === 'add') {
    matchSum(ctx, pattern, target, null, 'part', (b, indices) => keep({ b, part: { kind: 'summands', indices } }));
  } else {
    matchTerm(ctx, pattern, target, null, (b) => keep({ b }));
  }
  // Each candidate is verified, and a caller builds a step from it, re-sorting the target's children;
  // past the budget, none is (the caller sees the budget spent, and reports it).
  if (ctx.budget !== undefined && (ctx.budget.left -= found.length * (1 + children(target).length)) < 0) return [];
  return verified(ctx, pattern, target, found, options.maxMatches ?? Infinity, halt);
}

/**
 * The match of `pattern` against the whole of `target` given by `subst`, when
 * there is one: every metavariable of the pattern is bound, each value fits
 * its sort, and the instance is `target` (`equalTerms`). For a caller that
 * knows which match it wants (a rotation under a trace), in time linear in
 * the term rather than by enumerating the matches before it. Null otherwise.
 */
export function matchWith(pattern: Term, vars: ReadonlyMap<string, Sort>, target: Term, subst: Subst, options: MatchOptions = {}): Match | null {
  const fits = options.fitsSort ?? acceptAll;
  for (const [name, sort] of vars) {
    const value = subst.get(name);
    if (value === undefined) {
      if (mentions(pattern, name)) return null;
      continue;
    }
    if (!fits(value, sort) || (sort === 'index' && value.kind !== 'sym')) return null;
  }
  const indices = [...subst].filter(([name]) => vars.get(name) === 'index').map(([, v]) => termKey(v));
  if (new Set(indices).size !== indices.length) return null; // index renaming is a bijection (see `bind`)
  const own = new Map([...subst].filter(([name]) => vars.has(name)));
  return equalTerms(instantiate(pattern, own, options.isScalar ?? isStructuralScalar), target) ? { subst: own } : null;
}

const mentions = (t: Term, name: string): boolean => (t.kind === 'sym' && t.name === name) || children(t).some((u) => mentions(u, name));

/** Keeps the candidates whose instance is the covered part, without duplicates; whole-target parts become `part`-less. */
function verified(ctx: MatchContext, pattern: Term, target: Term, found: readonly { b: Bindings; part?: Part }[], most: number, halt: { stop: boolean }): Match[] {
  const out: Match[] = [];
  const seen = new Set<string>();
  for (const [i, { b, part }] of found.entries()) {
    if (out.length >= most) {
      halt.stop ||= i < found.length; // candidates left unchecked: there may be more matches
      break;
    }
    const subst = toSubst(b);
    const whole = part === undefined || coversAll(target, part);
    const covered = whole ? target : partTerm(target, part, ctx.isScalar);
    if (!equalTerms(instantiate(pattern, subst, ctx.isScalar), covered)) continue;
    const key = found.length === 1 ? '' : matchKey(subst, whole ? undefined : part);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(whole ? { subst } : { subst, part: part! });
  }
  return out;
}

/** The term a part of `target` stands for (the whole target when `part` is absent). */
export function partTerm(target: Term, part: Part | undefined, isScalar: ScalarTest = isStructuralScalar): Term {
  if (part === undefined) return target;
  if (part.kind === 'summands') return target.kind === 'add' ? add(part.indices.map((i) => target.terms[i]!)) : target;
  if (target.kind !== 'mul') return target;
  const fs = target.factors;
  return mul([num(part.coeff), ...part.scalars.map((i) => fs[i]!), ...fs.slice(part.start, part.end)], isScalar);
}

function coversAll(target: Term, part: Part): boolean {
  if (part.kind === 'summands') return target.kind === 'add' && part.indices.length === target.terms.length;
  if (target.kind !== 'mul') return true;
  const n = target.factors.length;
  const taken = part.scalars.length + (part.end - part.start);
  const sameCoeff = part.coeff.n === target.coeff.n && part.coeff.d === target.coeff.d;
  return taken === n && part.end === n && sameCoeff;
}

function matchKey(subst: Subst, part: Part | undefined): string {
  const s = [...subst].map(([k, v]) => `${k}=${termKey(v)}`).sort().join(';');
  if (part === undefined) return s;
  return part.kind === 'summands'
    ? `${s}|${part.indices.join(',')}`
    : `${s}|${part.start}-${part.end}:${part.scalars.join(',')}:${part.coeff.n}/${part.coeff.d}`;
}
