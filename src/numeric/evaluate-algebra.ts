import { Matrix } from 'ml-matrix';
import type { TermOf } from '../term/index.js';
import { mapEntries, mulValues, zipEntries } from './arith.js';
import type { Env } from './env.js';
import { evaluate, evaluateAll, mapOk } from './evaluate.js';
import { elementwise, namedFunction, symmetricPower } from './functions.js';
import { integerPower, kronecker } from './linalg.js';
import { describeSize, eye, fail, isEye, ok, type Result, type Value } from './value.js';

/**
 * Powers, named and element-wise functions, Hadamard and Kronecker products,
 * element-wise division and powers. A matrix power needs an integer
 * exponent (or, for a symmetric matrix, any real one through its
 * eigendecomposition); a scalar power is `Math.pow` within its domain.
 */

/** `baseᵉ`. */
export function evaluatePower(t: TermOf<'power'>, env: Env): Result<Value> {
  const parts = evaluateAll([t.base, t.exponent], env);
  if (!parts.ok) return parts;
  const [base, e] = parts.value as [Value, Value];
  if (typeof e !== 'number') return fail('shape', `an exponent must be a scalar, not ${describeSize(e)}`);
  if (typeof base === 'number') return scalarPower(base, e);
  if (isEye(base)) return mapOk(scalarPower(base.scale, e), (s) => ok(eye(s as number)));
  const rounded = Math.round(e);
  if (Math.abs(e - rounded) < 1e-12) return integerPower(base, rounded, env.maxCondition, env.conditions);
  return symmetricPower(base, e);
}

function scalarPower(x: number, e: number): Result<Value> {
  const y = Math.pow(x, e);
  if (Number.isFinite(y)) return ok(y);
  if (x === 0) return fail('singular', 'a negative power of 0');
  return Number.isNaN(y) ? fail('domain', `${x.toPrecision(3)} to the power ${e.toPrecision(3)}`) : fail('non-finite', 'a power overflowed');
}

/** `tr(X)`, `det X`, `log x`, `exp(X)`, …: one argument. */
export function evaluateFn(t: TermOf<'fn'>, env: Env): Result<Value> {
  if (t.args.length !== 1) return fail('unsupported', `${t.name} with ${t.args.length} arguments`);
  return mapOk(evaluate(t.args[0]!, env), (v) => namedFunction(t.name, v));
}

/** `exp.(X)`. */
export function evaluateMap(t: TermOf<'map'>, env: Env): Result<Value> {
  return mapOk(evaluate(t.arg, env), (v) => elementwise(t.name, v));
}

/** `A ⊙ B ⊙ …` (with a scalar operand, an ordinary scalar multiple). */
export function evaluateHadamard(t: TermOf<'hadamard'>, env: Env): Result<Value> {
  return foldFactors(t.factors, env, (a, b) =>
    typeof a === 'number' || typeof b === 'number' ? mulValues(a, b) : zipEntries(a, b, '⊙', (x, y) => x * y));
}

/** `A ⊗ B ⊗ …`. */
export function evaluateKron(t: TermOf<'kron'>, env: Env): Result<Value> {
  return foldFactors(t.factors, env, kronecker);
}

function foldFactors(factors: TermOf<'kron'>['factors'], env: Env, op: (a: Value, b: Value) => Result<Value>): Result<Value> {
  const values = evaluateAll(factors, env);
  if (!values.ok) return values;
  let acc = values.value[0]!;
  for (const v of values.value.slice(1)) {
    const next = op(acc, v);
    if (!next.ok) return next;
    acc = next.value;
  }
  return ok(acc);
}

/** `A ⊘ B`; a zero entry in the denominator is a `singular` failure. */
export function evaluateHdiv(t: TermOf<'hdiv'>, env: Env): Result<Value> {
  const parts = evaluateAll([t.num, t.den], env);
  if (!parts.ok) return parts;
  const [n, d] = parts.value as [Value, Value];
  if (typeof d === 'number' ? d === 0 : isEye(d) || d.to1DArray().some((x) => x === 0)) {
    return fail('singular', 'element-wise division by zero');
  }
  if (typeof d === 'number' && !(n instanceof Matrix)) return typeof n === 'number' ? ok(n / d) : ok(eye((n as { scale: number }).scale / d));
  if (typeof d === 'number') return ok(Matrix.div(n as Matrix, d));
  return zipEntries(n, d, '⊘', (x, y) => x / y);
}

/** `A .^ k`: every entry to the power k. */
export function evaluateHpow(t: TermOf<'hpow'>, env: Env): Result<Value> {
  const parts = evaluateAll([t.base, t.exponent], env);
  if (!parts.ok) return parts;
  const [base, e] = parts.value as [Value, Value];
  if (typeof e !== 'number') return fail('shape', `an element-wise exponent must be a scalar, not ${describeSize(e)}`);
  const out = mapEntries(base, (x) => Math.pow(x, e));
  if (out === undefined) return fail('unsupported', 'an element-wise power of I of unknown size');
  return typeof out === 'number' ? scalarPower(typeof base === 'number' ? base : NaN, e) : ok(out);
}
