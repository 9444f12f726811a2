import { freshDim, isOne, makeDimStore, mark, mayBeOne, resolveDim, rollback, unifyDims, type DimStore } from './dims.js';
import { matrix, ONE_DIM, SCALAR, type Shape } from './shape.js';

/**
 * Shape variables and shape unification, on top of dimension unification.
 *
 * Invariants: a shape variable is bound at most once; `unify` either succeeds
 * or leaves the store exactly as it found it; `error` unifies with anything
 * and binds nothing (so an ill-shaped node never causes a second error);
 * `scalar` and a `1×1` matrix are the same shape.
 */
export type ShapeStore = {
  readonly dims: DimStore;
  readonly shapes: Map<number, Shape>;
  readonly shapeTrail: number[];
  nextShape: number;
};

export const makeShapeStore = (): ShapeStore => ({ dims: makeDimStore(), shapes: new Map(), shapeTrail: [], nextShape: 1 });

export const freshShape = (store: ShapeStore): Shape => ({ kind: 'var', id: store.nextShape++ });

/** A matrix of two fresh dimensions: what an unknown value shape is refined to. */
export const freshMatrix = (store: ShapeStore): Shape => matrix(freshDim(store.dims), freshDim(store.dims));

/** Follows shape-variable bindings at the top only (children stay as they are). */
export function headShape(store: ShapeStore, s: Shape): Shape {
  let cur = s;
  while (cur.kind === 'var') {
    const next = store.shapes.get(cur.id);
    if (next === undefined) return cur;
    cur = next;
  }
  return cur;
}

/** The shape with every variable (shape or dimension) replaced by what it is bound to; `1×1` becomes `scalar`. */
export function resolveShape(store: ShapeStore, s: Shape): Shape {
  const h = headShape(store, s);
  switch (h.kind) {
    case 'matrix': {
      const rows = resolveDim(store.dims, h.rows);
      const cols = resolveDim(store.dims, h.cols);
      return isOne(store.dims, rows) && isOne(store.dims, cols) ? SCALAR : matrix(rows, cols);
    }
    case 'index': return { kind: 'index', range: resolveDim(store.dims, h.range) };
    case 'function': return { kind: 'function', domain: resolveShape(store, h.domain), codomain: resolveShape(store, h.codomain) };
    case 'tuple': return { kind: 'tuple', items: h.items.map((i) => resolveShape(store, i)) };
    default: return h;
  }
}

/** Makes `a` and `b` the same shape, or returns false and undoes any partial binding. */
export function unify(store: ShapeStore, a: Shape, b: Shape): boolean {
  const dimMark = mark(store.dims);
  const shapeMark = store.shapeTrail.length;
  if (unifyInner(store, a, b)) return true;
  rollback(store.dims, dimMark);
  while (store.shapeTrail.length > shapeMark) store.shapes.delete(store.shapeTrail.pop()!);
  return false;
}

function unifyInner(store: ShapeStore, a: Shape, b: Shape): boolean {
  const x = headShape(store, a);
  const y = headShape(store, b);
  if (x === y || x.kind === 'error' || y.kind === 'error') return true;
  if (x.kind === 'var') return bindShape(store, x.id, y);
  if (y.kind === 'var') return bindShape(store, y.id, x);
  if (x.kind === 'scalar' && y.kind === 'scalar') return true;
  if (x.kind === 'scalar' && y.kind === 'matrix') return unifyDims(store.dims, y.rows, ONE_DIM) && unifyDims(store.dims, y.cols, ONE_DIM);
  if (x.kind === 'matrix' && y.kind === 'scalar') return unifyInner(store, y, x);
  if (x.kind === 'matrix' && y.kind === 'matrix') {
    return unifyDims(store.dims, x.rows, y.rows) && unifyDims(store.dims, x.cols, y.cols);
  }
  if (x.kind === 'index' && y.kind === 'index') return unifyDims(store.dims, x.range, y.range);
  if (x.kind === 'function' && y.kind === 'function') {
    return unifyInner(store, x.domain, y.domain) && unifyInner(store, x.codomain, y.codomain);
  }
  if (x.kind === 'tuple' && y.kind === 'tuple') {
    return x.items.length === y.items.length && x.items.every((item, i) => unifyInner(store, item, y.items[i]!));
  }
  return false;
}

function bindShape(store: ShapeStore, id: number, to: Shape): boolean {
  if (shapeOccurs(store, id, to)) return false;
  store.shapes.set(id, to);
  store.shapeTrail.push(id);
  return true;
}

function shapeOccurs(store: ShapeStore, id: number, s: Shape): boolean {
  const h = headShape(store, s);
  switch (h.kind) {
    case 'var': return h.id === id;
    case 'function': return shapeOccurs(store, id, h.domain) || shapeOccurs(store, id, h.codomain);
    case 'tuple': return h.items.some((i) => shapeOccurs(store, id, i));
    default: return false;
  }
}

/**
 * How a shape behaves as a factor of a product: `scalar` (commutes out),
 * `matrix` (known not to be 1×1), `unknown` (could still be either),
 * `error`, or `other` (an index counts as a scalar; functions and tuples are `other`).
 */
export type FactorKind = 'scalar' | 'matrix' | 'unknown' | 'error' | 'other';

export function factorKind(store: ShapeStore, s: Shape): FactorKind {
  const h = headShape(store, s);
  switch (h.kind) {
    case 'scalar': case 'index': return 'scalar';
    case 'error': return 'error';
    case 'var': return 'unknown';
    case 'matrix': {
      const rowsMay = mayBeOne(store.dims, h.rows);
      const colsMay = mayBeOne(store.dims, h.cols);
      if (!rowsMay || !colsMay) return 'matrix';
      return isOne(store.dims, h.rows) && isOne(store.dims, h.cols) ? 'scalar' : 'unknown';
    }
    default: return 'other';
  }
}

/** Refines an unknown (variable) value shape to a matrix of fresh dimensions; returns the head shape. */
export function asValue(store: ShapeStore, s: Shape): Shape {
  const h = headShape(store, s);
  if (h.kind !== 'var') return h;
  const m = freshMatrix(store);
  unify(store, h, m);
  return m;
}
