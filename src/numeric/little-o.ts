import { Matrix } from 'ml-matrix';
import { children, type Term } from '../term/index.js';
import { scaleValue, subValues, zipEntries } from './arith.js';
import type { NumericDecl } from './declarations.js';
import { withLeaves, type Env, type LittleOMode } from './env.js';
import { evaluate } from './evaluate.js';
import { uniform, type Rng } from './prng.js';
import { fail, frobenius, isEye, ok, type Result, type Value } from './value.js';

/**
 * Little-o claims, checked by shrinking. An equation with `o(g)` on its
 * right side says: the left side minus the rest of the right side is o(g).
 * The `o(…)` terms of the left side are arbitrary little-o functions
 * (universally quantified): each occurrence is sampled as
 * `r(g) = ‖g‖^½ · (W ⊙ g)` with a random W — a function that is o(g) but
 * only barely (‖r‖ ~ ‖g‖^1.5), so a wrong claim shows. The small symbols
 * (those that tend to 0) are scaled by 10⁻¹ … 10⁻⁴, and the claim holds when
 * ‖remainder‖ / ‖g‖ shrinks by at least a factor `SHRINK` over that range (or
 * is at rounding level throughout).
 */
export const SCALES: readonly number[] = [1e-1, 1e-2, 1e-3, 1e-4];
export const SHRINK = 0.1;
/** A ratio below this (relative to the size of the sides) is rounding, not a remainder. */
const ROUNDING = 1e-9;

/** Every `o(…)` subterm of `t`. */
export function littleOTerms(t: Term, out: Term[] = []): Term[] {
  if (t.kind === 'o') out.push(t);
  for (const c of children(t)) littleOTerms(c, out);
  return out;
}

/** Sampled little-o functions for the universally quantified side, one per occurrence and size. */
export function littleOSampler(rng: Rng): LittleOMode {
  const weights = new Map<Term, Map<string, Value>>();
  const weightFor = (occurrence: Term, g: Value): Value => {
    const key = typeof g === 'number' ? 'scalar' : g instanceof Matrix ? `${g.rows}x${g.columns}` : 'eye';
    const bySize = weights.get(occurrence) ?? new Map<string, Value>();
    weights.set(occurrence, bySize);
    let w = bySize.get(key);
    if (w === undefined) {
      w = typeof g === 'number' ? uniform(rng, 0.5, 1.5) : Matrix.from1DArray((g as Matrix).rows, (g as Matrix).columns,
        Array.from({ length: (g as Matrix).rows * (g as Matrix).columns }, () => uniform(rng, 0.5, 1.5) * (rng.next() < 0.5 ? -1 : 1)));
      bySize.set(key, w);
    }
    return w;
  };
  return {
    kind: 'sample',
    valueOf: (occurrence, g) => {
      if (isEye(g)) return fail('unsupported', 'o(I) of unknown size');
      const product = zipEntries(weightFor(occurrence, g), g, '⊙', (x, y) => x * y);
      return product.ok ? ok(scaleValue(Math.sqrt(frobenius(g)), product.value)) : product;
    },
  };
}

/**
 * The symbols that tend to 0: the value symbols in the arguments of `o(…)`,
 * except those declared constant in another of them (`X` in `o(X⁻¹H)` when
 * `constant(X, H)`).
 */
export function defaultSmallSymbols(oTerms: readonly Term[], decls: readonly NumericDecl[]): string[] {
  const names = new Set<string>();
  const collect = (t: Term): void => {
    if (t.kind === 'sym') names.add(t.name);
    children(t).forEach(collect);
  };
  oTerms.forEach(collect);
  const values = decls.filter((d): d is Extract<NumericDecl, { kind: 'value' }> => d.kind === 'value' && names.has(d.name));
  return values.filter((d) => !d.constantIn.some((other) => other !== d.name && names.has(other))).map((d) => d.name).sort();
}

/** The remainder ratio at each scale, and whether it tends to 0. */
export type ShrinkResult = { readonly ratios: readonly number[]; readonly holds: boolean };

/** Evaluates the remainder ratio at every scale. */
export function shrink(lhs: Term, rhs: Term, env: Env, small: readonly string[], sampler: LittleOMode): Result<ShrinkResult> {
  const oArgs = littleOTerms(rhs).map((t) => (t as Extract<Term, { kind: 'o' }>).arg);
  const ratios: number[] = [];
  let size = 0;
  for (const s of SCALES) {
    const leaves = new Map<string, Value>();
    for (const name of small) {
      const b = env.bindings.get(name);
      if (b?.kind === 'value') leaves.set(name, scaleValue(s, b.value));
    }
    const at = withLeaves(env, leaves);
    const r = remainderRatio(lhs, rhs, oArgs, at, sampler);
    if (!r.ok) return r;
    ratios.push(r.value.ratio);
    size = Math.max(size, r.value.size);
  }
  const [first, last] = [ratios[0]!, ratios[ratios.length - 1]!];
  const holds = last <= ROUNDING * Math.max(1, size) || (last <= SHRINK * first && ratios.every((q, k) => k === 0 || q <= ratios[k - 1]! * 1.5));
  return ok({ ratios, holds });
}

/** ‖left − (right without its o-terms)‖ / max ‖gₖ‖ over the right side's o(gₖ). */
function remainderRatio(lhs: Term, rhs: Term, oArgs: readonly Term[], env: Env, sampler: LittleOMode): Result<{ ratio: number; size: number }> {
  const left = evaluate(lhs, { ...env, littleO: sampler });
  if (!left.ok) return left;
  const right = evaluate(rhs, { ...env, littleO: { kind: 'zero' } });
  if (!right.ok) return right;
  const d = subValues(left.value, right.value);
  if (!d.ok) return d;
  let norm = 0;
  for (const g of oArgs) {
    const v = evaluate(g, env);
    if (!v.ok) return v;
    norm = Math.max(norm, frobenius(v.value));
  }
  if (!(norm > 0)) return fail('singular', 'the argument of o(…) is 0 on this sample');
  return ok({ ratio: frobenius(d.value) / norm, size: Math.max(frobenius(left.value), frobenius(right.value)) / norm });
}
