import { badEntryIndices, indexRangeMismatch, type Span } from '../diag/index.js';
import type { Term, TermOf } from '../term/index.js';
import { freshDim, isOne, mark, mayBeOne, resolveDim, rollback, unifyDims } from './dims.js';
import { infer } from './infer.js';
import { schedule } from './jobs.js';
import { knownShape, show, spanOf, type Session } from './session.js';
import { dimNum, formatDim, indexShape, matrix, SCALAR, type Dim, type Shape } from './shape.js';
import { asValue, headShape, unify } from './unify.js';

/**
 * Entries, Kronecker deltas, basis vectors and explicit sums: the constructs
 * that give indices their ranges.
 *
 * `(M)_{ij}` is a scalar and binds `i` to M's rows and `j` to its columns; one
 * index on a vector (or row vector) binds to its length. `δᵢⱼ` gives `i` and
 * `j` one range; `eᵢ` is a column vector of length `i`'s range; `Σₖ body` has
 * the body's shape. An index used with two different ranges is E0204.
 * Numerals as indices (`M_{1,2}`) bind nothing; other index expressions must
 * be scalars. A sum's index shares its name's range in the whole formula.
 */
export function inferEntry(s: Session, t: TermOf<'entry'>, at: Span | null): Shape {
  const body = infer(s, t.body, at);
  t.indices.forEach((i) => infer(s, i, at));
  schedule(s, (final) => entryJob(s, t, body, at, final));
  return SCALAR;
}

function entryJob(s: Session, t: TermOf<'entry'>, body: Shape, at: Span | null, final: boolean): boolean {
  const h = headShape(s.store, body);
  if (h.kind === 'error') return true;
  const count = t.indices.length;
  const m = count === 1 || count === 2 ? asValue(s.store, h) : h;
  const rows = m.kind === 'matrix' ? m.rows : m.kind === 'scalar' ? dimNum(1) : undefined;
  const cols = m.kind === 'matrix' ? m.cols : m.kind === 'scalar' ? dimNum(1) : undefined;
  if (rows === undefined || cols === undefined || count === 0 || count > 2) return entryError(s, t, body, at);
  const [first, second] = [t.indices[0]!, t.indices[1]];
  if (second !== undefined) return (bindIndex(s, first, rows, at), bindIndex(s, second, cols, at), true);
  if (isOne(s.store.dims, cols)) return (bindIndex(s, first, rows, at), true);
  if (isOne(s.store.dims, rows)) return (bindIndex(s, first, cols, at), true);
  if (!mayBeOne(s.store.dims, rows) && !mayBeOne(s.store.dims, cols)) return entryError(s, t, body, at);
  if (!final) return false;
  if (mayBeOne(s.store.dims, cols)) unifyDims(s.store.dims, cols, dimNum(1));
  else unifyDims(s.store.dims, rows, dimNum(1));
  return entryJob(s, t, body, at, final);
}

function entryError(s: Session, t: TermOf<'entry'>, body: Shape, at: Span | null): true {
  s.diagnostics.push(badEntryIndices(at, s.describe(t.body), show(s, body), t.indices.length));
  return true;
}

/**
 * Binds index term `i` to range `range`. Returns false (after reporting
 * E0204) when `i` already ranges over another dimension.
 */
export function bindIndex(s: Session, i: Term, range: Dim, at: Span | null): boolean {
  if (i.kind === 'num') return true;
  const h = headShape(s.store, knownShape(s, i) ?? infer(s, i, at));
  if (h.kind === 'error' || h.kind === 'scalar') return true;
  if (h.kind !== 'index') {
    if (!unify(s.store, h, indexShape(range))) unify(s.store, h, SCALAR);
    return true;
  }
  const before = mark(s.store.dims);
  if (unifyDims(s.store.dims, h.range, range)) return true;
  rollback(s.store.dims, before);
  const was = formatDim(resolveDim(s.store.dims, h.range));
  const here = formatDim(resolveDim(s.store.dims, range));
  s.diagnostics.push(indexRangeMismatch(spanOf(s, i, at), s.describe(i), here, was));
  return false;
}

/** `δᵢⱼ`: a scalar; `i` and `j` range over the same dimension. */
export function inferDelta(s: Session, t: TermOf<'delta'>, at: Span | null): Shape {
  infer(s, t.i, at);
  infer(s, t.j, at);
  const range = freshDim(s.store.dims);
  if (bindIndex(s, t.i, range, at)) bindIndex(s, t.j, range, at);
  return SCALAR;
}

/** `eᵢ`: a column vector whose length is `i`'s range. */
export function inferBasis(s: Session, t: TermOf<'basis'>, at: Span | null): Shape {
  infer(s, t.index, at);
  const range = freshDim(s.store.dims);
  bindIndex(s, t.index, range, at);
  return matrix(range, dimNum(1));
}

/** `Σₖ body`: the body's shape; `k` is an index. */
export function inferSum(s: Session, t: TermOf<'sum'>, at: Span | null): Shape {
  infer(s, t.index, at);
  bindIndex(s, t.index, freshDim(s.store.dims), at);
  return infer(s, t.body, at);
}
