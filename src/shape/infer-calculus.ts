import { argumentMismatch, derivativeUndefined, type Span } from '../diag/index.js';
import { type Term, type TermOf } from '../term/index.js';
import { isOne } from './dims.js';
import { infer, requireScalar } from './infer.js';
import { deferDefault, fits, schedule, tryDefaults } from './jobs.js';
import { settle, show, type Session } from './session.js';
import { ERROR, functionShape, matrix, SCALAR, tupleShape, type Dim, type Shape } from './shape.js';
import { asValue, factorKind, freshShape, headShape, unify } from './unify.js';

/**
 * Derivatives, evaluation, little-o and function application.
 *
 * `∂f/∂X` (DESIGN.md, "Derivative conventions"): by a scalar, the shape of
 * `f` (entry-wise); a scalar `f` by an `m×n` `X`, `m×n`; an m-vector by an
 * n-vector, the `m×n` Jacobian; anything else is E0208. A numerator whose
 * shape stays unknown (`∂F(A)/∂X` with `F` undeclared) is read as a scalar.
 */
export function inferPartial(s: Session, t: TermOf<'partial'>, at: Span | null): Shape {
  const body = infer(s, t.body, at);
  const wrt = infer(s, t.wrt, at);
  const result = freshShape(s.store);
  schedule(s, (final) => {
    if (final && tryDefaults(s, [body], () => fits(s, result, derivativeShape(s, t, body, wrt, at, true)))) return true;
    const found = derivativeShape(s, t, body, wrt, at, final);
    if (found === 'wait') return false;
    settle(s, result, found, t, at);
    return true;
  });
  return result;
}

function derivativeShape(s: Session, t: TermOf<'partial'>, body: Shape, wrt: Shape, at: Span | null, final: boolean): Shape | 'wait' {
  const [b, w] = [factorKind(s.store, body), factorKind(s.store, wrt)];
  if (b === 'error' || w === 'error') return ERROR;
  const wrtIsIndex = headShape(s.store, wrt).kind === 'index';
  if (b === 'other' || w === 'other' || wrtIsIndex) return undefinedDerivative(s, t, body, wrt, at);
  if (w === 'scalar') return body;
  if (b === 'scalar') return asValue(s.store, wrt);
  const [vb, vw] = [columnLength(s, body), columnLength(s, wrt)];
  if (vb !== undefined && vw !== undefined) return matrix(vb, vw);
  if (b === 'matrix' && w === 'matrix') return undefinedDerivative(s, t, body, wrt, at);
  if (!final) return 'wait';
  if (b === 'unknown' && unify(s.store, body, SCALAR)) return asValue(s.store, wrt);
  if (unify(s.store, wrt, SCALAR)) return body;
  return undefinedDerivative(s, t, body, wrt, at);
}

/** The length of a column vector shape (`n` for `n×1`), if it is one. */
function columnLength(s: Session, shape: Shape): Dim | undefined {
  const h = headShape(s.store, shape);
  return h.kind === 'matrix' && isOne(s.store.dims, h.cols) ? h.rows : undefined;
}

function undefinedDerivative(s: Session, t: TermOf<'partial'>, body: Shape, wrt: Shape, at: Span | null): Shape {
  s.diagnostics.push(derivativeUndefined(at, s.describe(t.body), show(s, body), s.describe(t.wrt), show(s, wrt)));
  return ERROR;
}

/** `body|_{t=v}`: the body's shape; the variable and its value are scalars. */
export function inferAt(s: Session, t: TermOf<'at'>, at: Span | null): Shape {
  const body = infer(s, t.body, at);
  if (requireScalar(s, 'the evaluation variable', t.variable, at)) requireScalar(s, 'the value', t.value, at);
  return body;
}

/** `o(H)`: a fresh shape that adapts to its context; left unconstrained, the shape of `H`. */
export function inferLittleO(s: Session, t: TermOf<'o'>, at: Span | null): Shape {
  const arg = infer(s, t.arg, at);
  const shape = freshShape(s.store);
  deferDefault(s, shape, arg);
  return shape;
}

/**
 * `f(X)`: the codomain of `f`, once `X` is checked against its domain (several
 * arguments form a tuple). A symbol that is not a function (`X(t)`, a curve
 * in `t`) keeps its own shape.
 */
export function inferApply(s: Session, t: TermOf<'apply'>, at: Span | null): Shape {
  const fn = infer(s, t.fn, at);
  const args = t.args.map((a) => infer(s, a, at));
  if (headShape(s.store, fn).kind === 'error') return ERROR;
  const parts = functionParts(s, fn);
  if (parts === undefined) return fn;
  if (t.args.length > 0) {
    const arg: Term = t.args.length === 1 ? t.args[0]! : { kind: 'tuple', items: t.args };
    checkArgument(s, t.fn, parts.domain, arg, args.length === 1 ? args[0]! : tupleShape(args), at);
  }
  return parts.codomain;
}

/**
 * `f′(X)·H`: the shape of `f`'s values; `f′(X)` alone is the linear map
 * `domain → codomain`. `X` and `H` must lie in `f`'s domain. For a curve
 * (`X′(t)`), the shape of the curve.
 */
export function inferFrechet(s: Session, t: TermOf<'frechet'>, at: Span | null): Shape {
  const fn = infer(s, t.fn, at);
  const x = infer(s, t.at, at);
  const dir = t.dir === null ? null : infer(s, t.dir, at);
  if (headShape(s.store, fn).kind === 'error') return ERROR;
  const parts = functionParts(s, fn);
  if (parts === undefined) return fn;
  checkArgument(s, t.fn, parts.domain, t.at, x, at);
  if (t.dir !== null && dir !== null) checkArgument(s, t.fn, parts.domain, t.dir, dir, at);
  return dir === null ? functionShape(parts.domain, parts.codomain) : parts.codomain;
}

/** Domain and codomain of a function shape; an unknown shape becomes a function of fresh shapes. */
function functionParts(s: Session, fn: Shape): { domain: Shape; codomain: Shape } | undefined {
  const h = headShape(s.store, fn);
  if (h.kind === 'function') return h;
  if (h.kind !== 'var') return undefined;
  const f = functionShape(freshShape(s.store), freshShape(s.store));
  unify(s.store, h, f);
  return f as { domain: Shape; codomain: Shape };
}

function checkArgument(s: Session, fn: Term, domain: Shape, arg: Term, argShape: Shape, at: Span | null): void {
  if (unify(s.store, domain, argShape)) return;
  s.diagnostics.push(argumentMismatch(at, s.describe(fn), show(s, domain), s.describe(arg), show(s, argShape)));
}
