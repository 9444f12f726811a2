import { Matrix } from 'ml-matrix';
import type { Term } from '../term/index.js';
import type { Env } from './env.js';
import { evaluate } from './evaluate.js';
import { invert, isNumericallySymmetric } from './linalg.js';
import { isEye, maxAbs } from './value.js';

/**
 * Side conditions checked on a sample (`positive(det(X))`, `invertible(A B)`):
 * a draw that does not satisfy them is discarded, never tested. Conditions
 * the sampler guarantees by construction are checked again here (cheaply);
 * structural ones (`square`, `scalar`, `constant`, `summed`) are decided by
 * shapes and declarations before sampling and always hold here.
 */
export type NumericCondition = { readonly predicate: string; readonly term: Term; readonly text: string };

/** Values this close to 0 count as 0 for `nonzero`, `positive` and scalar `invertible`. */
const ZERO = 1e-9;
/** A matrix counts as invertible for a side condition when its condition number is at most this. */
const INVERTIBLE_CONDITION = 1e6;

/** Whether condition `c` holds on the sample of `env`; a term that cannot be evaluated does not satisfy it. */
export function conditionHolds(c: NumericCondition, env: Env): boolean {
  if (!['invertible', 'symmetric', 'positive', 'nonzero'].includes(c.predicate)) return true;
  const r = evaluate(c.term, env);
  if (!r.ok) return false;
  const v = r.value;
  switch (c.predicate) {
    case 'invertible':
      if (typeof v === 'number' || isEye(v)) return maxAbs(v) > ZERO;
      return invert(v, INVERTIBLE_CONDITION).ok;
    case 'symmetric': return !(v instanceof Matrix) || isNumericallySymmetric(v);
    case 'positive': return typeof v === 'number' && v > ZERO;
    default: return maxAbs(v) > ZERO;
  }
}

/** The first condition that does not hold on this sample, if any. */
export function firstUnmet(conditions: readonly NumericCondition[], env: Env): NumericCondition | undefined {
  return conditions.find((c) => !conditionHolds(c, env));
}
