import { Matrix } from 'ml-matrix';
import { subValues } from './arith.js';
import { isEye, maxAbs, type Value } from './value.js';

/**
 * Whether two values agree, and by how much they differ.
 *
 * Tolerance: the sides agree when max |left − right| ≤ `tolerance` ·
 * max(1, max |left|, max |right|). The default 1e-6 is far above the error of
 * exact evaluation (≈ 1e-13 at the condition numbers allowed) and of the
 * finite differences (≈ 1e-10 relative, see `difference.ts`), and far below
 * the size of the differences wrong rules make (≈ 1e-2 or more on random
 * samples of size about 1).
 */
export const DEFAULT_TOLERANCE = 1e-6;

/** Whether two values agree within the tolerance, with the largest entry of their difference and of each. */
export type ValueDifference = { readonly equal: boolean; readonly maxDiff: number; readonly leftMax: number; readonly rightMax: number };

/** The difference of two values, or undefined when their sizes differ (a zero `0` or `I` adapts to the other side). */
export function compareValues(left: Value, right: Value, tolerance = DEFAULT_TOLERANCE): ValueDifference | undefined {
  if (left instanceof Matrix && right instanceof Matrix && (left.rows !== right.rows || left.columns !== right.columns)) return undefined;
  if (typeof left === 'number' && right instanceof Matrix && left !== 0) return undefined;
  if (typeof right === 'number' && left instanceof Matrix && right !== 0) return undefined;
  if ((isEye(left) && right instanceof Matrix && right.rows !== right.columns) || (isEye(right) && left instanceof Matrix && left.rows !== left.columns)) return undefined;
  const d = subValues(left, right);
  if (!d.ok) return undefined;
  const [maxDiff, leftMax, rightMax] = [maxAbs(d.value), maxAbs(left), maxAbs(right)];
  return { equal: maxDiff <= tolerance * Math.max(1, leftMax, rightMax), maxDiff, leftMax, rightMax };
}
