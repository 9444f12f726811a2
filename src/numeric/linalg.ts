import { EigenvalueDecomposition, LuDecomposition, Matrix } from 'ml-matrix';
import { mulValues } from './arith.js';
import { describeSize, eye, fail, isEye, normalize, ok, type Result, type Value } from './value.js';

/**
 * Linear algebra on values, through ml-matrix's factorisations (LU for
 * inverses and determinants, the eigendecomposition for functions of
 * symmetric matrices). Invariant: an inverse is returned only when the
 * matrix is well enough conditioned (1-norm condition number at most
 * `maxCondition`); otherwise the failure is `singular`, so the caller draws
 * another sample instead of reporting noise.
 */

/** Condition statistics of one evaluation: the largest condition number any inverse had. */
export type ConditionLog = { worst: number };

/** `v⁻¹`: the reciprocal of a number, the inverse of a square matrix. */
export function invert(v: Value, maxCondition: number, log?: ConditionLog): Result<Value> {
  if (typeof v === 'number') {
    return v === 0 || !Number.isFinite(1 / v) ? fail('singular', 'division by zero') : ok(1 / v);
  }
  if (isEye(v)) return v.scale === 0 ? fail('singular', 'the inverse of 0·I') : ok(eye(1 / v.scale));
  if (v.rows !== v.columns) return fail('shape', `cannot invert a ${describeSize(v)} matrix`);
  const lu = new LuDecomposition(v);
  if (lu.isSingular()) return fail('singular', 'the matrix is singular');
  const inverse = lu.solve(Matrix.eye(v.rows, v.rows));
  const condition = oneNorm(v) * oneNorm(inverse);
  if (log !== undefined) log.worst = Math.max(log.worst, condition);
  if (!(condition <= maxCondition)) return fail('singular', `the matrix is badly conditioned (condition number ${condition.toPrecision(3)})`);
  return ok(inverse);
}

/** The largest absolute column sum. */
function oneNorm(m: Matrix): number {
  let best = 0;
  for (let j = 0; j < m.columns; j++) {
    let s = 0;
    for (let i = 0; i < m.rows; i++) s += Math.abs(m.get(i, j));
    best = Math.max(best, s);
  }
  return best;
}

/** `det v` of a square matrix (of a number, the number). */
export function determinant(v: Value): Result<number> {
  if (typeof v === 'number') return ok(v);
  if (isEye(v)) return fail('unsupported', 'cannot take det of I of unknown size');
  if (v.rows !== v.columns) return fail('shape', `det needs a square matrix, not ${describeSize(v)}`);
  return ok(new LuDecomposition(v).determinant);
}

/** `tr v` of a square matrix (of a number, the number). */
export function trace(v: Value): Result<number> {
  if (typeof v === 'number') return ok(v);
  if (isEye(v)) return fail('unsupported', 'cannot take tr of I of unknown size');
  if (v.rows !== v.columns) return fail('shape', `tr needs a square matrix, not ${describeSize(v)}`);
  return ok(v.trace());
}

/** `vᵏ` for an integer `k` (negative powers invert first; `v⁰` is `I`). */
export function integerPower(v: Value, k: number, maxCondition: number, log?: ConditionLog): Result<Value> {
  if (!Number.isInteger(k) || Math.abs(k) > 64) return fail('unsupported', `matrix power ${k} (only integer powers up to 64)`);
  let base: Value = v;
  if (k < 0) {
    const inv = invert(v, maxCondition, log);
    if (!inv.ok) return inv;
    base = inv.value;
  }
  if (base instanceof Matrix && base.rows !== base.columns) return fail('shape', `a power needs a square matrix, not ${describeSize(base)}`);
  let result: Value = eye(1);
  for (let n = 0; n < Math.abs(k); n++) {
    const next = mulValues(result, base);
    if (!next.ok) return next;
    result = next.value;
  }
  return ok(result);
}

/** `a ⊗ b` (a number is a 1×1 matrix). */
export function kronecker(a: Value, b: Value): Result<Value> {
  if (isEye(a) || isEye(b)) return fail('unsupported', 'a Kronecker product with I of unknown size');
  if (typeof a === 'number' || typeof b === 'number') return mulValues(a, b);
  return ok(normalize(a.kroneckerProduct(b)));
}

/** `f(S) = V f(Λ) Vᵀ` for a symmetric matrix `S`, through its eigendecomposition. */
export function symmetricFunction(m: Matrix, name: string, f: (x: number) => number): Result<Value> {
  const evd = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const values = evd.realEigenvalues.map(f);
  if (!values.every(Number.isFinite)) return fail('domain', `${name} is not defined at an eigenvalue of the matrix`);
  const v = evd.eigenvectorMatrix;
  return ok(normalize(v.mmul(Matrix.diag(values)).mmul(v.transpose())));
}

/** True when `m` equals its transpose up to rounding. */
export function isNumericallySymmetric(m: Matrix): boolean {
  const scale = Math.max(1, m.norm('max'));
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < i; j++) if (Math.abs(m.get(i, j) - m.get(j, i)) > 1e-12 * scale) return false;
  }
  return m.rows === m.columns;
}

/**
 * The matrix exponential, by scaling and squaring of a truncated Taylor
 * series (30 terms after scaling the norm below 1/2: far below rounding).
 */
export function matrixExp(m: Matrix): Matrix {
  const norm = m.norm('frobenius');
  const squarings = norm > 0.5 ? Math.ceil(Math.log2(norm / 0.5)) : 0;
  const a = Matrix.div(m, 2 ** squarings);
  let term = Matrix.eye(m.rows, m.rows);
  const sum = term.clone();
  for (let k = 1; k <= 30; k++) {
    term = term.mmul(a).div(k);
    sum.add(term);
  }
  let result = sum;
  for (let s = 0; s < squarings; s++) result = result.mmul(result);
  return result;
}

/** `sin` (`which = 1`) or `cos` (`which = 0`) of a matrix by its Taylor series, for moderate norms. */
export function matrixSinCos(m: Matrix, which: 0 | 1): Result<Matrix> {
  if (m.norm('frobenius') > 20) return fail('unsupported', 'sin or cos of a matrix of large norm');
  const squared = m.mmul(m);
  let term = which === 1 ? m.clone() : Matrix.eye(m.rows, m.rows);
  const sum = term.clone();
  for (let k = 1; k <= 60; k++) {
    const n = 2 * k + which;
    term = term.mmul(squared).div(-(n - 1) * n);
    sum.add(term);
  }
  return ok(sum);
}
