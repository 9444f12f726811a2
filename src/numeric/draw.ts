import { Matrix, QrDecomposition, SingularValueDecomposition } from 'ml-matrix';
import type { NumericProperty, Size } from './declarations.js';
import { sign, uniform, uniformMatrix, type Rng } from './prng.js';
import { fail, normalize, ok, type Result, type Value } from './value.js';

/**
 * Drawing one random value of a given size with given properties, and a
 * direction to move it along. Invariants of what is returned:
 * - `invertible`: 2-norm condition number ≤ `LEAF_CONDITION_LIMIT` and
 *   smallest singular value ≥ `LEAF_SMALLEST_SINGULAR` (re-drawn until so;
 *   near-singular draws are never used);
 * - `symmetric`: exactly symmetric; `positive-definite`: symmetric with
 *   eigenvalues ≥ 1/2; `orthogonal`: QᵀQ = I up to rounding;
 *   `diagonal`: diagonal with entries of size ½…1½;
 * - scalars: `natural` a whole number in 1…4 (`negative-whole` in −4…−1), `positive` in [½, 2), `nonzero` (or invertible) ±[½, 1½),
 *   otherwise in [−1, 1).
 * Properties that need a square matrix are ignored on a non-square size.
 */
export const LEAF_CONDITION_LIMIT = 30;
export const LEAF_SMALLEST_SINGULAR = 0.15;
const MAX_REDRAWS = 200;

/** A random value of `size` with `properties`, or a `singular` failure when no well-conditioned one was found. */
export function drawValue(rng: Rng, size: Size, properties: readonly NumericProperty[]): Result<Value> {
  const has = (p: NumericProperty): boolean => properties.includes(p);
  if (size.rows === 1 && size.cols === 1) return ok(drawScalar(rng, properties));
  const square = size.rows === size.cols;
  if (square && has('orthogonal')) return ok(new QrDecomposition(uniformMatrix(rng, size.rows, size.rows)).orthogonalMatrix);
  if (square && has('positive-definite')) return ok(positiveDefinite(rng, size.rows));
  if (square && has('diagonal')) return ok(Matrix.diag(Array.from({ length: size.rows }, () => sign(rng) * uniform(rng, 0.5, 1.5))));
  if (square && has('invertible')) return wellConditioned(rng, size.rows, has('symmetric'));
  const g = uniformMatrix(rng, size.rows, size.cols);
  return ok(square && has('symmetric') ? symmetrize(g) : g);
}

function drawScalar(rng: Rng, properties: readonly NumericProperty[]): number {
  if (properties.includes('natural')) return 1 + Math.floor(uniform(rng, 0, 4));
  if (properties.includes('negative-whole')) return -1 - Math.floor(uniform(rng, 0, 4));
  if (properties.includes('positive') || properties.includes('positive-definite')) return uniform(rng, 0.5, 2);
  if (properties.includes('orthogonal')) return sign(rng);
  if (properties.some((p) => p === 'nonzero' || p === 'invertible' || p === 'diagonal')) return sign(rng) * uniform(rng, 0.5, 1.5);
  return uniform(rng, -1, 1);
}

/** `(G + Gᵀ)/2`. */
export const symmetrize = (g: Matrix): Matrix => Matrix.add(g, g.transpose()).div(2);

function positiveDefinite(rng: Rng, n: number): Matrix {
  const g = uniformMatrix(rng, n, n);
  return symmetrize(g.transpose().mmul(g).div(n).add(Matrix.eye(n, n).mul(0.5)));
}

function wellConditioned(rng: Rng, n: number, symmetric: boolean): Result<Value> {
  for (let k = 0; k < MAX_REDRAWS; k++) {
    const g = uniformMatrix(rng, n, n, -1.5, 1.5);
    const m = symmetric ? symmetrize(g) : g;
    if (smallestSingular(m) >= LEAF_SMALLEST_SINGULAR && new SingularValueDecomposition(m).condition <= LEAF_CONDITION_LIMIT) return ok(m);
  }
  return fail('singular', 'could not draw a well-conditioned invertible matrix');
}

/** The smallest singular value of a matrix (of a number, its absolute value). */
export function smallestSingular(v: Value): number {
  if (typeof v === 'number') return Math.abs(v);
  if (!(v instanceof Matrix)) return Math.abs(v.scale);
  return Math.min(...new SingularValueDecomposition(v).diagonal);
}

/**
 * A direction to move a value of this size along (`dX`): entries in [−1, 1),
 * staying in the value's class — symmetric for symmetric and positive
 * definite values, diagonal for diagonal ones, tangent (Q·S, S skew) for
 * orthogonal ones.
 */
export function drawDirection(rng: Rng, value: Value, properties: readonly NumericProperty[]): Value {
  if (typeof value === 'number' || !(value instanceof Matrix)) return uniform(rng, -1, 1);
  const g = uniformMatrix(rng, value.rows, value.columns);
  if (value.rows !== value.columns) return g;
  if (properties.includes('diagonal')) return Matrix.diag(g.diag());
  if (properties.includes('orthogonal')) return normalize(value.mmul(Matrix.sub(g, g.transpose()).div(2)));
  if (properties.includes('symmetric') || properties.includes('positive-definite')) return symmetrize(g);
  return g;
}
