import { dimProduct, type Dim } from './shape.js';

/**
 * Symbolic dimensions and their unification (union-find, with a trail so
 * that a failed unification — or a speculative inference — leaves no trace).
 *
 * Invariants: a variable is bound at most once (to another variable or to a
 * non-variable dimension); following bindings always terminates (the occurs
 * check refuses `?1 = (?1 m)`); two different named dimensions never unify,
 * nor two different numerals, nor a name and a numeral.
 */
export type DimStore = {
  readonly bindings: Map<number, Dim>;
  /** Variables bound since the last mark, newest last, so `rollback` can unbind them. */
  readonly trail: number[];
  next: number;
};

export const makeDimStore = (): DimStore => ({ bindings: new Map(), trail: [], next: 1 });

export function freshDim(store: DimStore): Dim {
  return { kind: 'dim-var', id: store.next++ };
}

/**
 * Follows variable bindings to a representative; products are resolved and
 * normalised. (No path compression: bindings must stay exactly what the trail
 * records, so that `rollback` restores the store.)
 */
export function resolveDim(store: DimStore, d: Dim): Dim {
  if (d.kind === 'dim-mul') return dimProduct(d.factors.map((f) => resolveDim(store, f)));
  if (d.kind !== 'dim-var') return d;
  const bound = store.bindings.get(d.id);
  return bound === undefined ? d : resolveDim(store, bound);
}

/** Marks the trail; pass the mark to `rollback` to undo every binding made since. */
export const mark = (store: DimStore): number => store.trail.length;

export function rollback(store: DimStore, at: number): void {
  while (store.trail.length > at) store.bindings.delete(store.trail.pop()!);
}

function bind(store: DimStore, id: number, to: Dim): void {
  store.bindings.set(id, to);
  store.trail.push(id);
}

const occurs = (id: number, d: Dim): boolean =>
  d.kind === 'dim-var' ? d.id === id : d.kind === 'dim-mul' && d.factors.some((f) => occurs(id, f));

/**
 * Makes `a` and `b` equal, or returns false. Products are compared after
 * normalisation; a product that still holds variables is matched factor by
 * factor when the lengths agree, and otherwise accepted without binding
 * (a symbolic product equation has no unique solution; we stay lenient).
 */
export function unifyDims(store: DimStore, a: Dim, b: Dim): boolean {
  const x = resolveDim(store, a);
  const y = resolveDim(store, b);
  if (x.kind === 'dim-var' && y.kind === 'dim-var' && x.id === y.id) return true;
  // Two variables: the newer points to the older. A long product (`I I … I`) then keeps every chain of
  // bindings one step long, where binding the older to the newer made it as long as the product.
  if (x.kind === 'dim-var' && y.kind === 'dim-var' && y.id > x.id) return (bind(store, y.id, x), true);
  if (x.kind === 'dim-var') return occurs(x.id, y) ? false : (bind(store, x.id, y), true);
  if (y.kind === 'dim-var') return occurs(y.id, x) ? false : (bind(store, y.id, x), true);
  if (x.kind === 'dim-mul' || y.kind === 'dim-mul') return unifyProducts(store, x, y);
  return dimKey(x) === dimKey(y);
}

function unifyProducts(store: DimStore, x: Dim, y: Dim): boolean {
  const open = hasVariables(x) || hasVariables(y);
  if (!open) return dimKey(x) === dimKey(y);
  if (x.kind === 'dim-mul' && y.kind === 'dim-mul' && x.factors.length === y.factors.length) {
    return x.factors.every((f, i) => unifyDims(store, f, y.factors[i]!));
  }
  return true;
}

const hasVariables = (d: Dim): boolean =>
  d.kind === 'dim-var' || (d.kind === 'dim-mul' && d.factors.some(hasVariables));

/** A structural key of a resolved dimension; products are keyed with their factors sorted (m p = p m). */
export function dimKey(d: Dim): string {
  switch (d.kind) {
    case 'dim-sym': return d.name;
    case 'dim-num': return `#${d.value}`;
    case 'dim-var': return `?${d.id}`;
    case 'dim-mul': return `(${d.factors.map(dimKey).sort().join(' ')})`;
  }
}

/** True when the resolved dimension could still turn out to be 1 (an unbound variable, or 1 itself). */
export function mayBeOne(store: DimStore, d: Dim): boolean {
  const r = resolveDim(store, d);
  if (r.kind === 'dim-num') return r.value === 1;
  if (r.kind === 'dim-mul') return r.factors.every((f) => mayBeOne(store, f));
  return r.kind === 'dim-var';
}

/** True when the resolved dimension is exactly 1. */
export function isOne(store: DimStore, d: Dim): boolean {
  const r = resolveDim(store, d);
  return r.kind === 'dim-num' && r.value === 1;
}
