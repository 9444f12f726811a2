import { Matrix } from 'ml-matrix';
import { lookupFunction } from '../term/index.js';
import { mapEntries } from './arith.js';
import { determinant, isNumericallySymmetric, matrixExp, matrixSinCos, symmetricFunction, trace } from './linalg.js';
import { describeSize, fail, isEye, normalize, ok, type Result, type Value } from './value.js';

/**
 * The named functions of `src/term/functions.ts` on values: `tr`, `det`,
 * `vec`, `diag`, and the scalar functions (`log`, `exp`, `sin`, …), which on
 * a square matrix are matrix functions — through the eigendecomposition for a
 * symmetric matrix, by series for `exp`, `sin`, `cos`, `sinh`, `cosh` of any
 * square matrix — and, written `f.(X)`, apply entry by entry. `logdet` is
 * accepted as `log det`.
 */

/** A scalar function with its domain: returns NaN outside it. */
const SCALAR: Readonly<Record<string, (x: number) => number>> = {
  log: (x) => (x > 0 ? Math.log(x) : NaN),
  exp: Math.exp,
  sin: Math.sin,
  cos: Math.cos,
  tan: (x) => (Math.abs(Math.cos(x)) > 1e-8 ? Math.tan(x) : NaN),
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  sqrt: (x) => (x >= 0 ? Math.sqrt(x) : NaN),
  abs: Math.abs,
};

/** `name(x)` of a number, or a `domain` failure. */
export function scalarFunction(name: string, x: number): Result<number> {
  const f = SCALAR[name];
  if (f === undefined) return fail('unsupported', `cannot evaluate the function ${name}`);
  const y = f(x);
  return Number.isFinite(y) ? ok(y) : fail('domain', `${name} is not defined at ${x.toPrecision(3)}`);
}

/** `name.(v)`: the scalar function entry by entry. */
export function elementwise(name: string, v: Value): Result<Value> {
  const f = SCALAR[name];
  if (f === undefined) return fail('unsupported', `cannot evaluate the element-wise function ${name}`);
  const out = mapEntries(v, f);
  if (out === undefined) return fail('unsupported', `${name}.(I) of unknown size`);
  return isFinite(out) ? ok(out) : fail('domain', `${name} is not defined at an entry`);
}

const isFinite = (v: Value): boolean => (typeof v === 'number' ? Number.isFinite(v) : (v as Matrix).to1DArray().every(Number.isFinite));

/** `name(v)` for a named function of one argument. */
export function namedFunction(name: string, v: Value): Result<Value> {
  if (name === 'logdet') {
    const d = determinant(v);
    return d.ok ? scalarFunction('log', d.value) : d;
  }
  const info = lookupFunction(name);
  if (info === undefined) return fail('unsupported', `cannot evaluate the function ${name}`);
  switch (info.kind) {
    case 'trace': return trace(v);
    case 'det': return determinant(v);
    case 'vec': return vec(v);
    case 'diag': return diag(v);
    case 'scalar': return typeof v === 'number' ? scalarFunction(name, v) : matrixFunction(name, v);
  }
}

/** The columns of `v` stacked into one column. */
function vec(v: Value): Result<Value> {
  if (typeof v === 'number') return ok(v);
  if (isEye(v)) return fail('unsupported', 'vec of I of unknown size');
  return ok(normalize(Matrix.columnVector(v.transpose().to1DArray())));
}

/** `diag(v)` of a vector is a diagonal matrix; of a square matrix, its diagonal as a column. */
function diag(v: Value): Result<Value> {
  if (typeof v === 'number') return ok(v);
  if (isEye(v)) return fail('unsupported', 'diag of I of unknown size');
  if (v.columns === 1) return ok(Matrix.diag(v.getColumn(0)));
  if (v.rows === v.columns) return ok(Matrix.columnVector(v.diag()));
  return fail('shape', `diag needs a vector or a square matrix, not ${describeSize(v)}`);
}

/** A scalar function of a square matrix. */
function matrixFunction(name: string, v: Value): Result<Value> {
  if (isEye(v)) {
    const s = scalarFunction(name, v.scale);
    return s.ok ? ok({ kind: 'eye', scale: s.value }) : s;
  }
  const m = v as Matrix;
  if (m.rows !== m.columns) return fail('shape', `${name} of a ${describeSize(m)} matrix`);
  const f = SCALAR[name];
  if (f === undefined) return fail('unsupported', `cannot evaluate the function ${name}`);
  if (isNumericallySymmetric(m)) return symmetricFunction(m, name, f);
  switch (name) {
    case 'exp': return ok(matrixExp(m));
    case 'sin': return matrixSinCos(m, 1);
    case 'cos': return matrixSinCos(m, 0);
    case 'sinh': case 'cosh': {
      const [p, q] = [matrixExp(m), matrixExp(Matrix.mul(m, -1))];
      return ok(Matrix.div(name === 'sinh' ? Matrix.sub(p, q) : Matrix.add(p, q), 2));
    }
    default: return fail('unsupported', `${name} of a non-symmetric matrix`);
  }
}

/** `Mᵉ` for a non-integer `e`: defined here for symmetric matrices (through the eigendecomposition). */
export function symmetricPower(m: Matrix, e: number): Result<Value> {
  if (m.rows !== m.columns) return fail('shape', `a power of a ${describeSize(m)} matrix`);
  if (!isNumericallySymmetric(m)) return fail('unsupported', `the non-integer power ${e.toPrecision(3)} of a non-symmetric matrix`);
  return symmetricFunction(m, 'a power', (x) => Math.pow(x, e));
}
