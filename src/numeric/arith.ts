import { Matrix } from 'ml-matrix';
import { eye, eyeMatrix, fail, isEye, normalize, ok, describeSize, type Result, type Value } from './value.js';

/**
 * Arithmetic on values, as the term language reads it: `0` is a zero of any
 * shape, `I` (an `Eye`) takes the size of the matrix it meets, scalars
 * multiply anything. Operands that do not conform give a `shape` failure,
 * never an exception. Invariant: no function here mutates its arguments
 * (ml-matrix's instance methods do, so copies are made first).
 */

/** `a + b`. */
export function addValues(a: Value, b: Value): Result<Value> {
  if (a === 0) return ok(b);
  if (b === 0) return ok(a);
  if (typeof a === 'number' && typeof b === 'number') return ok(a + b);
  if (isEye(a) && isEye(b)) return ok(eye(a.scale + b.scale));
  if (isEye(a) || isEye(b)) return addEye(isEye(a) ? a.scale : (b as { scale: number }).scale, isEye(a) ? b : a);
  if (a instanceof Matrix && b instanceof Matrix) {
    if (a.rows !== b.rows || a.columns !== b.columns) return fail('shape', `cannot add ${describeSize(a)} and ${describeSize(b)}`);
    return ok(normalize(Matrix.add(a, b)));
  }
  return fail('shape', `cannot add ${describeSize(a)} and ${describeSize(b)}`);
}

/** `s·I + v` for a number or a matrix `v` (a number reads `I` as 1×1). */
function addEye(scale: number, v: Value): Result<Value> {
  if (typeof v === 'number') return ok(scale + v);
  const m = v as Matrix;
  if (m.rows !== m.columns) return fail('shape', `cannot add I to a ${describeSize(m)} matrix`);
  return ok(Matrix.add(m, eyeMatrix(scale, m.rows)));
}

/** `c · v`. */
export function scaleValue(c: number, v: Value): Value {
  if (typeof v === 'number') return c * v;
  if (isEye(v)) return eye(c * v.scale);
  return c === 0 ? 0 : Matrix.mul(v, c);
}

/** `a − b`. */
export const subValues = (a: Value, b: Value): Result<Value> => addValues(a, scaleValue(-1, b));

/** The matrix product `a b` (scalars and `I` scale the other operand). */
export function mulValues(a: Value, b: Value): Result<Value> {
  if (typeof a === 'number') return ok(scaleValue(a, b));
  if (typeof b === 'number') return ok(scaleValue(b, a));
  if (isEye(a)) return ok(scaleValue(a.scale, b));
  if (isEye(b)) return ok(scaleValue(b.scale, a));
  if (a.columns !== b.rows) return fail('shape', `cannot multiply ${describeSize(a)} by ${describeSize(b)}`);
  return ok(normalize(a.mmul(b)));
}

/** `vᵀ`. */
export function transposeValue(v: Value): Value {
  return v instanceof Matrix ? v.transpose() : v;
}

/** `Σ cᵢ vᵢ`, the linear combination finite-difference stencils need. */
export function combine(coefficients: readonly number[], values: readonly Value[]): Result<Value> {
  let total: Value = 0;
  for (let k = 0; k < values.length; k++) {
    const next = addValues(total, scaleValue(coefficients[k]!, values[k]!));
    if (!next.ok) return next;
    total = next.value;
  }
  return ok(total);
}

/** Applies `f` to every entry (a number is one entry). `Eye` has no entries of known size: undefined. */
export function mapEntries(v: Value, f: (x: number) => number): Value | undefined {
  if (typeof v === 'number') return f(v);
  if (isEye(v)) return undefined;
  return v.clone().apply(function (this: Matrix, i: number, j: number) { this.set(i, j, f(this.get(i, j))); });
}

/** Entry-wise `f(a, b)` of two values of one size (a number pairs with a number only). */
export function zipEntries(a: Value, b: Value, what: string, f: (x: number, y: number) => number): Result<Value> {
  if (typeof a === 'number' && typeof b === 'number') return ok(f(a, b));
  if (isEye(a) && isEye(b)) return ok(eye(f(a.scale, b.scale)));
  const [x, y] = [resolveAgainst(a, b), resolveAgainst(b, a)];
  if (!(x instanceof Matrix) || !(y instanceof Matrix) || x.rows !== y.rows || x.columns !== y.columns) {
    return fail('shape', `${what} needs operands of one size, not ${describeSize(a)} and ${describeSize(b)}`);
  }
  const out = new Matrix(x.rows, x.columns);
  for (let i = 0; i < x.rows; i++) for (let j = 0; j < x.columns; j++) out.set(i, j, f(x.get(i, j), y.get(i, j)));
  return ok(out);
}

/** `Eye` given the size of a square matrix `other`, a zero `0` the size of any matrix `other`; anything else unchanged. */
function resolveAgainst(v: Value, other: Value): Value {
  if (v === 0 && other instanceof Matrix) return new Matrix(other.rows, other.columns);
  return isEye(v) && other instanceof Matrix && other.rows === other.columns ? eyeMatrix(v.scale, other.rows) : v;
}
