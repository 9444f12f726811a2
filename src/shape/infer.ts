import { notScalar, notSquare, type Span } from '../diag/index.js';
import { isZero, type Term, type TermOf } from '../term/index.js';
import { freshDim } from './dims.js';
import { inferHadamard, inferHdiv, inferKron, inferProduct, inferSum } from './infer-algebra.js';
import { inferApply, inferAt, inferFrechet, inferLittleO, inferPartial } from './infer-calculus.js';
import { inferFn } from './infer-functions.js';
import { inferBasis, inferDelta, inferEntry, inferSum as inferIndexSum } from './infer-index.js';
import { deferDefault } from './jobs.js';
import { knownShape, show, spanOf, symbolShape, type Session } from './session.js';
import { ERROR, matrix, SCALAR, tupleShape, type Shape } from './shape.js';
import { asValue, freshShape, headShape, unify } from './unify.js';

/**
 * The shape of `t`, recorded in `s.shapes` for `t` and each of its subterms.
 * Errors go to `s.diagnostics`, at the span of the offending node or of its
 * nearest ancestor with one (`parentAt`). Invariant: a node whose check fails
 * gets the `error` shape, and no check reports about an `error` operand, so
 * one mistake gives one diagnostic.
 */
export function infer(s: Session, t: Term, parentAt: Span | null): Shape {
  const known = s.overlay === null ? undefined : knownShape(s, t);
  if (known !== undefined) return known;
  const shape = inferNode(s, t, spanOf(s, t, parentAt));
  (s.overlay ?? s.shapes).set(t, shape);
  return shape;
}

function inferNode(s: Session, t: Term, at: Span | null): Shape {
  switch (t.kind) {
    case 'num': return isZero(t.value) ? polymorphicZero(s) : SCALAR;
    case 'sym': return symbolShape(s, t.name);
    case 'identity': return identityShape(s);
    case 'add': return inferSum(s, t, at);
    case 'mul': return inferProduct(s, t, at);
    case 'transpose': return transposed(s, infer(s, t.arg, at));
    case 'inverse': return square(s, 'inverse', t.arg, infer(s, t.arg, at), at);
    case 'power': return inferPower(s, t, at);
    case 'fn': return inferFn(s, t, at);
    case 'map': return asValue(s.store, infer(s, t.arg, at));
    case 'hadamard': return inferHadamard(s, t, at);
    case 'kron': return inferKron(s, t, at);
    case 'hdiv': return inferHdiv(s, t, at);
    case 'hpow': return (requireScalar(s, 'the exponent', t.exponent, at), asValue(s.store, infer(s, t.base, at)));
    case 'partial': return inferPartial(s, t, at);
    case 'd': return infer(s, t.arg, at);
    case 'frechet': return inferFrechet(s, t, at);
    case 'at': return inferAt(s, t, at);
    case 'entry': return inferEntry(s, t, at);
    case 'delta': return inferDelta(s, t, at);
    case 'basis': return inferBasis(s, t, at);
    case 'sum': return inferIndexSum(s, t, at);
    case 'o': return inferLittleO(s, t, at);
    case 'apply': return inferApply(s, t, at);
    case 'norm': return (infer(s, t.arg, at), SCALAR);
    case 'tuple': return tupleShape(t.items.map((i) => infer(s, i, at)));
  }
}

/** `I`: square, of a size of its own (fixed by its context, like a symbol's). */
function identityShape(s: Session): Shape {
  const d = freshDim(s.store.dims);
  const shape = matrix(d, d);
  s.identities.push(shape);
  return shape;
}

/**
 * `0` is polymorphic: a zero of whatever shape its sum, product or equation
 * needs. Left unconstrained, it is the scalar zero.
 */
function polymorphicZero(s: Session): Shape {
  const shape = freshShape(s.store);
  deferDefault(s, shape, SCALAR);
  return shape;
}

/** `Aᵀ`: rows and columns swap; a scalar stays a scalar. */
export function transposed(s: Session, shape: Shape): Shape {
  const h = asValue(s.store, shape);
  return h.kind === 'matrix' ? matrix(h.cols, h.rows) : h;
}

/**
 * Checks that `arg` (of shape `shape`) is square — a scalar is — for
 * `operation` (`inverse`, `tr`, …), and returns its shape, or `error`.
 */
export function square(s: Session, operation: string, arg: Term, shape: Shape, at: Span | null): Shape {
  const h = asValue(s.store, shape);
  if (h.kind === 'error' || h.kind === 'scalar') return h;
  if (h.kind === 'matrix' && unify(s.store, matrix(h.rows, h.rows), h)) return h;
  s.diagnostics.push(notSquare(at, operation, s.describe(arg), show(s, h)));
  return ERROR;
}

/** Checks that `t` is a scalar (an index counts: it is an integer); reports `role` otherwise. */
export function requireScalar(s: Session, role: string, t: Term, at: Span | null): boolean {
  const h = headShape(s.store, infer(s, t, at));
  if (h.kind === 'index' || h.kind === 'error' || unify(s.store, h, SCALAR)) return true;
  s.diagnostics.push(notScalar(spanOf(s, t, at), role, s.describe(t), show(s, h)));
  return false;
}

/** `Aᵏ`: a square base (or a scalar) and a scalar exponent. */
function inferPower(s: Session, t: TermOf<'power'>, at: Span | null): Shape {
  const base = infer(s, t.base, at);
  requireScalar(s, 'the exponent', t.exponent, at);
  return square(s, 'a power', t.base, base, at);
}
