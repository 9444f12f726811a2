import { Matrix } from 'ml-matrix';
import type { Term, TermOf } from '../term/index.js';
import { addValues } from './arith.js';
import { derivativeAt, stepFor } from './difference.js';
import { withLeaf, type Env } from './env.js';
import { evaluate } from './evaluate.js';
import { lookupSymbol } from './evaluate-calculus.js';
import { indexValue } from './evaluate-index.js';
import { describeSize, fail, isEye, maxAbs, normalize, ok, type Result, type Value } from './value.js';

/**
 * `∂body/∂wrt` by central differences (DESIGN.md, "Derivative conventions"):
 * by a scalar symbol, entry-wise; a scalar by an m×n matrix, the m×n matrix
 * of `∂body/∂Xᵢⱼ`; an m-vector by an n-vector, the m×n Jacobian; by an entry
 * `X_{ij}`, the derivative along that entry. The symbol moved becomes a leaf
 * for the derivative (a dependent `X(t)` differentiated by `X` is treated as
 * an independent variable).
 */
export function evaluatePartial(t: TermOf<'partial'>, env: Env): Result<Value> {
  if (t.wrt.kind === 'sym') return partialBySymbol(t.body, t.wrt.name, env);
  if (t.wrt.kind === 'entry' && t.wrt.body.kind === 'sym') return partialByEntry(t.body, t.wrt, t.wrt.body.name, env);
  return fail('unsupported', 'a derivative by something other than a symbol or an entry of one');
}

/** The derivative of `body` when the leaf `name`, at `point`, moves along `direction`. */
function along(body: Term, name: string, point: Value, direction: Value, env: Env): Result<Value> {
  const h = stepFor(maxAbs(point), maxAbs(direction), env.stepScale);
  return derivativeAt((eps) => {
    const moved = addValues(point, typeof direction === 'number' ? eps * direction : Matrix.mul(direction as Matrix, eps));
    return moved.ok ? evaluate(body, withLeaf(env, name, moved.value)) : moved;
  }, h);
}

function partialBySymbol(body: Term, name: string, env: Env): Result<Value> {
  const point = lookupSymbol(name, env);
  if (!point.ok) return point;
  const x = point.value;
  if (typeof x === 'number') return along(body, name, x, 1, env);
  if (isEye(x)) return fail('unsupported', `a derivative by ${name}, an identity of unknown size`);
  const value = evaluate(body, env);
  if (!value.ok) return value;
  const f = value.value;
  if (typeof f === 'number') return gradient(body, name, x, env);
  if (f instanceof Matrix && f.columns === 1 && x.columns === 1) return jacobian(body, name, x, f.rows, env);
  return fail('unsupported', `∂F/∂${name} of a ${describeSize(f)} F by a ${describeSize(x)} ${name}`);
}

/** The matrix of `∂body/∂Xᵢⱼ` for a scalar body. */
function gradient(body: Term, name: string, x: Matrix, env: Env): Result<Value> {
  const g = new Matrix(x.rows, x.columns);
  for (let i = 0; i < x.rows; i++) {
    for (let j = 0; j < x.columns; j++) {
      const d = along(body, name, x, unit(x.rows, x.columns, i, j), env);
      if (!d.ok) return d;
      if (typeof d.value !== 'number') return fail('shape', 'the derivative of a scalar is not a scalar');
      g.set(i, j, d.value);
    }
  }
  return ok(normalize(g));
}

/** The m×n Jacobian of an m-vector body by an n-vector. */
function jacobian(body: Term, name: string, x: Matrix, m: number, env: Env): Result<Value> {
  const jac = new Matrix(m, x.rows);
  for (let j = 0; j < x.rows; j++) {
    const d = along(body, name, x, unit(x.rows, 1, j, 0), env);
    if (!d.ok) return d;
    const column = typeof d.value === 'number' ? [d.value] : isEye(d.value) ? [] : d.value.getColumn(0);
    if (column.length !== m) return fail('shape', 'the Jacobian column has the wrong length');
    column.forEach((v, i) => jac.set(i, j, v));
  }
  return ok(normalize(jac));
}

/** `∂body/∂X_{ij}`. */
function partialByEntry(body: Term, wrt: TermOf<'entry'>, name: string, env: Env): Result<Value> {
  const point = lookupSymbol(name, env);
  if (!point.ok) return point;
  const x = point.value;
  const at: number[] = [];
  for (const i of wrt.indices) {
    const v = indexValue(i, env);
    if (!v.ok) return v;
    at.push(v.value);
  }
  if (typeof x === 'number') return at.every((p) => p === 0) ? along(body, name, x, 1, env) : fail('shape', 'an index beyond a scalar');
  if (isEye(x)) return fail('unsupported', `a derivative by an entry of ${name}, an identity of unknown size`);
  const [i, j] = at.length === 2 ? [at[0]!, at[1]!] : x.columns === 1 ? [at[0]!, 0] : [0, at[0]!];
  if (at.length === 0 || at.length > 2 || i >= x.rows || j >= x.columns) return fail('shape', `a bad entry of a ${describeSize(x)} matrix`);
  return along(body, name, x, unit(x.rows, x.columns, i, j), env);
}

/** The matrix with a single 1 at (i, j). */
function unit(rows: number, cols: number, i: number, j: number): Matrix {
  const e = Matrix.zeros(rows, cols);
  e.set(i, j, 1);
  return e;
}
