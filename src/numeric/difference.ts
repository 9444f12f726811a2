import { children, type Term } from '../term/index.js';
import { combine } from './arith.js';
import type { Result, Value } from './value.js';

/**
 * Numeric derivatives by central differences.
 *
 * Step size and error: the five-point stencil
 * `f′(0) ≈ [f(−2h) − 8f(−h) + 8f(h) − f(2h)] / 12h` has truncation error
 * about `h⁴·|f⁽⁵⁾|/30` and rounding error about `ε·|f|/h` (ε = 2.2e-16).
 * Inputs are scaled to about 1 (the sampler draws entries of size ≤ 2 and
 * directions of max-abs 1), and the step is `BASE_STEP` = 1e-4 (less for a
 * point much smaller than 1, see `stepFor`): both errors are then near 1e-12 relative, as long
 * as the nearest singularity is farther than about 1e-2 — which is why the
 * comparison re-draws samples whose inverses have a condition number above
 * its limit. A nested derivative loses a factor 1/h (≈ 1e-8 relative), still
 * far inside the comparison tolerance of 1e-6.
 */
export const BASE_STEP = 1e-4;

const STENCIL_OFFSETS = [-2, -1, 1, 2] as const;
const STENCIL_WEIGHTS = [1, -8, 8, -1] as const;

/** `d/dε f(ε)` at ε = 0, with step `h`. */
export function derivativeAt(f: (eps: number) => Result<Value>, h: number): Result<Value> {
  const values: Value[] = [];
  for (const k of STENCIL_OFFSETS) {
    const v = f(k * h);
    if (!v.ok) return v;
    values.push(v.value);
  }
  return combine(STENCIL_WEIGHTS.map((w) => w / (12 * h)), values);
}

/**
 * The step for moving a point of size `pointSize` along a direction of size
 * `directionSize` (max-abs norms): `BASE_STEP` times the point's size, but
 * never more than `BASE_STEP` itself nor less than 1e-2 of it — a small point
 * (a scalar near 0) may sit near a singularity (`log x`, `x⁻¹`) at about its
 * own distance, so the step shrinks with it.
 */
export function stepFor(pointSize: number, directionSize: number, stepScale: number): number {
  const scale = Math.min(1, Math.max(pointSize, 1e-2));
  return (BASE_STEP * stepScale * scale) / Math.max(directionSize, 1e-300);
}

/** Whether a term takes a derivative numerically (∂, d, f′). */
export function hasDerivative(t: Term): boolean {
  return t.kind === 'partial' || t.kind === 'd' || t.kind === 'frechet' || children(t).some(hasDerivative);
}
