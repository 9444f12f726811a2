import { notSquare, type Span } from '../diag/index.js';
import { lookupFunction, type TermOf } from '../term/index.js';
import { isOne, mayBeOne, unifyDims } from './dims.js';
import { infer, square } from './infer.js';
import { schedule } from './jobs.js';
import { settle, show, type Session } from './session.js';
import { dimNum, ERROR, matrix, SCALAR, type Shape } from './shape.js';
import { asValue, freshShape, unify } from './unify.js';

/**
 * Named functions, by their kind in `src/term/functions.ts`: `tr` and `det`
 * take a square matrix (or a scalar) to a scalar; matrix functions (`exp`,
 * `log`, …) take a square matrix to one of the same size, a scalar to a
 * scalar; `vec` takes `m×n` to `(mn)×1`; `diag` takes `n×1` to `n×n` and `n×n`
 * to `n×1`. Only the first argument is shaped; an unknown function name gives
 * an unknown shape.
 */
export function inferFn(s: Session, t: TermOf<'fn'>, at: Span | null): Shape {
  const shapes = t.args.map((a) => infer(s, a, at));
  const info = lookupFunction(t.name);
  const arg = t.args[0];
  const shape = shapes[0];
  if (info === undefined || arg === undefined || shape === undefined) return freshShape(s.store);
  switch (info.kind) {
    case 'trace': case 'det': return square(s, t.name, arg, shape, at).kind === 'error' ? ERROR : SCALAR;
    case 'scalar': return square(s, t.name, arg, shape, at);
    case 'vec': {
      const h = asValue(s.store, shape);
      if (h.kind !== 'matrix') return h.kind === 'scalar' ? SCALAR : ERROR;
      return matrix({ kind: 'dim-mul', factors: [h.rows, h.cols] }, dimNum(1));
    }
    case 'diag': return inferDiag(s, t, shape, at);
  }
}

/** `diag(v)` of a vector is square; `diag(A)` of a square matrix is its diagonal, a vector. */
function inferDiag(s: Session, t: TermOf<'fn'>, shape: Shape, at: Span | null): Shape {
  const result = freshShape(s.store);
  schedule(s, (final) => {
    const h = asValue(s.store, shape);
    if (h.kind === 'error' || h.kind === 'scalar') return (settle(s, result, h, t, at), true);
    if (h.kind !== 'matrix') return (settle(s, result, ERROR, t, at), true);
    const vector = isOne(s.store.dims, h.cols);
    if (!vector && mayBeOne(s.store.dims, h.cols) && !final) return false;
    if (vector || (final && unifyDims(s.store.dims, h.cols, dimNum(1)))) {
      settle(s, result, matrix(h.rows, h.rows), t, at);
      return true;
    }
    if (unify(s.store, matrix(h.rows, h.rows), h)) settle(s, result, matrix(h.rows, dimNum(1)), t, at);
    else {
      s.diagnostics.push(notSquare(at, 'diag', s.describe(t.args[0]!), show(s, h)));
      settle(s, result, ERROR, t, at);
    }
    return true;
  });
  return result;
}
