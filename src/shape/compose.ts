import type { Term } from '../term/index.js';
import { dimKey } from './dims.js';
import { matrix, SCALAR, type Dim, type Shape } from './shape.js';

/**
 * The shape of a transpose or a product read off its parts' shapes, without
 * inference: `Aᵀ` swaps `A`'s rows and columns; a product is
 * `rows(first matrix factor) × cols(last)`, a scalar when it has no matrix
 * factor or comes to `1×1`.
 *
 * It answers only when every part's shape is resolved (no unknown dimension)
 * and the product conforms, so it agrees with inference wherever it answers;
 * otherwise undefined, and the caller infers. Rewriting builds many such terms
 * from parts whose shapes are known (`(A₁⋯Aₙ₋₁)ᵀ` after peeling `Aₙᵀ` off
 * `(A₁⋯Aₙ)ᵀ`), and inferring each anew costs its whole size.
 */
export function composedShape(t: Term, shapeOf: (t: Term) => Shape | undefined): Shape | undefined {
  if (t.kind === 'transpose') {
    const inner = shapeOf(t.arg);
    if (inner === undefined || !isResolved(inner)) return undefined;
    return inner.kind === 'matrix' ? matrix(inner.cols, inner.rows) : inner.kind === 'scalar' ? inner : undefined;
  }
  if (t.kind === 'mul') return productShape(t.factors, shapeOf);
  return undefined;
}

function productShape(factors: readonly Term[], shapeOf: (t: Term) => Shape | undefined): Shape | undefined {
  let rows: Dim | null = null;
  let cols: Dim | null = null;
  for (const f of factors) {
    if (f.kind === 'num') continue;
    const h = shapeOf(f);
    if (h === undefined || !isResolved(h)) return undefined;
    if (h.kind === 'scalar') continue;
    if (h.kind !== 'matrix') return undefined;
    if (cols !== null && dimKey(cols) !== dimKey(h.rows)) return undefined;
    rows ??= h.rows;
    cols = h.cols;
    if (isOneDim(rows) && isOneDim(cols)) [rows, cols] = [null, null];
  }
  return rows === null || cols === null ? SCALAR : matrix(rows, cols);
}

const isOneDim = (d: Dim): boolean => d.kind === 'dim-num' && d.value === 1;

/** A scalar, or a matrix with no unknown dimension. */
export function isResolved(shape: Shape): boolean {
  if (shape.kind === 'scalar') return true;
  return shape.kind === 'matrix' && isResolvedDim(shape.rows) && isResolvedDim(shape.cols);
}

const isResolvedDim = (d: Dim): boolean => (d.kind === 'dim-mul' ? d.factors.every(isResolvedDim) : d.kind !== 'dim-var');
