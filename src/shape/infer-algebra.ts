import { nonConformingOperands, nonConformingProduct, type Span } from '../diag/index.js';
import { ONE, type Term, type TermOf } from '../term/index.js';
import { isOne, mark, rollback, unifyDims } from './dims.js';
import { infer } from './infer.js';
import { fits, schedule, tryDefaults } from './jobs.js';
import { knownShape, settle, show, type Session } from './session.js';
import { ERROR, matrix, SCALAR, type Dim, type Shape } from './shape.js';
import { asValue, factorKind, freshShape, headShape, unify } from './unify.js';

/**
 * Sums, products and the element-wise and Kronecker products.
 *
 * Products chain-conform: scalar factors (numerals, scalars, `1×1` results,
 * indices) commute out; each matrix factor's rows must equal the columns of
 * the product so far. When the product so far is `1×1` (as in `aᵀb X`), it is
 * a scalar and the chain starts again. A factor whose shape is not yet known
 * (`o(H)`, `f(X)`) defers the check until inference has seen the whole
 * formula; if still unknown then, a placeholder factor (`0`, `o(H)`) takes
 * its default if the product still conforms with it, and any other is taken
 * as a conforming matrix.
 */

/** `A + B + …`: every summand has the shape of the first. */
export function inferSum(s: Session, t: TermOf<'add'>, at: Span | null): Shape {
  return sameShapes(s, t.terms, at, 'add', (prefix) => ({ kind: 'add', terms: prefix }));
}

/** `A ⊙ B ⊙ …`: operands of equal shape. */
export function inferHadamard(s: Session, t: TermOf<'hadamard'>, at: Span | null): Shape {
  return sameShapes(s, t.factors, at, 'take the Hadamard product of', (prefix) => ({ kind: 'hadamard', factors: prefix }));
}

/** Unifies the operands' shapes with the first well-shaped one; reports each that differs. */
function sameShapes(s: Session, terms: readonly Term[], at: Span | null, op: string, join: (ts: Term[]) => Term): Shape {
  const shapes = terms.map((u) => infer(s, u, at));
  const good = terms.map((_, i) => i).filter((i) => headShape(s.store, shapes[i]!).kind !== 'error');
  const first = good[0];
  if (first === undefined) return ERROR;
  let failed = false;
  for (const [n, i] of good.entries()) {
    if (n === 0 || unify(s.store, shapes[first]!, shapes[i]!)) continue;
    const prefix = good.slice(0, n).map((g) => terms[g]!);
    const left = prefix.length === 1 ? prefix[0]! : join(prefix);
    s.diagnostics.push(nonConformingOperands(at, op, s.describe(left), show(s, shapes[first]!), s.describe(terms[i]!), show(s, shapes[i]!)));
    failed = true;
  }
  return failed ? ERROR : shapes[first]!;
}

/** `A ⊘ B`: equal shapes, or a scalar denominator. */
export function inferHdiv(s: Session, t: TermOf<'hdiv'>, at: Span | null): Shape {
  const n = infer(s, t.num, at);
  const d = infer(s, t.den, at);
  if (factorKind(s.store, d) === 'scalar' || unify(s.store, n, d)) return n;
  s.diagnostics.push(nonConformingOperands(at, 'divide element-wise', s.describe(t.num), show(s, n), s.describe(t.den), show(s, d)));
  return ERROR;
}

/** `(m×n) ⊗ (p×q)` is `(mp)×(nq)`; a scalar factor counts as `1×1`. */
export function inferKron(s: Session, t: TermOf<'kron'>, at: Span | null): Shape {
  const rows: Dim[] = [];
  const cols: Dim[] = [];
  for (const f of t.factors) {
    const h = asValue(s.store, infer(s, f, at));
    if (h.kind === 'error') return ERROR;
    if (h.kind === 'scalar') continue;
    if (h.kind !== 'matrix') {
      s.diagnostics.push(nonConformingOperands(at, 'take the Kronecker product of', s.describe(t), 'a matrix', s.describe(f), show(s, h)));
      return ERROR;
    }
    rows.push(h.rows);
    cols.push(h.cols);
  }
  if (rows.length === 0) return SCALAR;
  return matrix({ kind: 'dim-mul', factors: rows }, { kind: 'dim-mul', factors: cols });
}

/** A product; see the module comment for the rules. */
export function inferProduct(s: Session, t: TermOf<'mul'>, at: Span | null): Shape {
  const shapes = t.factors.map((f) => infer(s, f, at));
  const result = freshShape(s.store);
  schedule(s, (final) => {
    if (final && tryDefaults(s, shapes, () => fits(s, result, chainProduct(s, t.factors, shapes, at, true)))) return true;
    const found = chainProduct(s, t.factors, shapes, at, final);
    if (found === 'wait') return false;
    settle(s, result, found, t, at);
    return true;
  });
  return result;
}

type Acc = { rows: Dim; cols: Dim } | null;

function chainProduct(s: Session, factors: readonly Term[], shapes: readonly Shape[], at: Span | null, final: boolean): Shape | 'wait' {
  let acc: Acc = null;
  for (let i = 0; i < factors.length; i++) {
    const f = factors[i]!;
    if (f.kind === 'num') continue;
    const kind = factorKind(s.store, shapes[i]!);
    if (kind === 'error') return ERROR;
    if (kind === 'scalar') continue;
    if (kind === 'unknown' && !final) return 'wait';
    const h = asValue(s.store, shapes[i]!);
    if (kind === 'other' || h.kind !== 'matrix') return productError(s, factors, i, acc, h, at);
    if (acc !== null && !unifyDimsOrUndo(s, acc.cols, h.rows)) return productError(s, factors, i, acc, h, at);
    acc = { rows: acc === null ? h.rows : acc.rows, cols: h.cols };
    if (isOne(s.store.dims, acc.rows) && isOne(s.store.dims, acc.cols)) acc = null;
  }
  return acc === null ? SCALAR : matrix(acc.rows, acc.cols);
}

function unifyDimsOrUndo(s: Session, a: Dim, b: Dim): boolean {
  const m = mark(s.store.dims);
  if (unifyDims(s.store.dims, a, b)) return true;
  rollback(s.store.dims, m);
  return false;
}

function productError(s: Session, factors: readonly Term[], i: number, acc: Acc, shape: Shape, at: Span | null): Shape {
  const prefix = factors.slice(0, i);
  const right = factors[i]!;
  const rightShape = show(s, headShape(s.store, shape));
  if (prefix.length === 0) {
    const next = factors[i + 1] ?? right;
    s.diagnostics.push(nonConformingProduct(at, s.describe(right), rightShape, s.describe(next), show(s, knownShape(s, next) ?? ERROR)));
    return ERROR;
  }
  const left: Term = prefix.length === 1 ? prefix[0]! : { kind: 'mul', coeff: ONE, factors: prefix };
  const leftShape = acc === null ? SCALAR : matrix(acc.rows, acc.cols);
  s.diagnostics.push(nonConformingProduct(at, s.describe(left), show(s, leftShape), s.describe(right), rightShape));
  return ERROR;
}
