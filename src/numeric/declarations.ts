import type { Dim, Shape } from '../shape/index.js';

/**
 * What the sampler needs to know about each symbol of an equation: its
 * shape (with symbolic dimensions, sized per trial), its properties, and
 * what it may depend on.
 */

/** Properties the sampler can guarantee by construction. */
export type NumericProperty = 'invertible' | 'symmetric' | 'positive-definite' | 'positive' | 'nonzero' | 'orthogonal' | 'diagonal' | 'natural' | 'negative-whole';

export const NUMERIC_PROPERTIES: readonly NumericProperty[] = [
  'invertible', 'symmetric', 'positive-definite', 'positive', 'nonzero', 'orthogonal', 'diagonal',
];

/**
 * - `value`: a scalar, vector or matrix. It is a leaf drawn at random unless
 *   `dependsOn` names variables (other value symbols, which are then leaves):
 *   it is then a random smooth function of them (a curve `X(t)` when it
 *   depends on a scalar `t`). `constantIn` records the `constant(X, H)`
 *   facts: such a leaf is held fixed by `d(…)`, and is not among the symbols
 *   that tend to 0 in a little-o claim.
 * - `index`: an index ranging over `range`; a `summed` index is a summation
 *   dummy and gets no value.
 * - `function`: a function symbol, sampled as a random smooth function.
 */
export type NumericDecl =
  | {
    readonly kind: 'value'; readonly name: string; readonly shape: Shape;
    readonly properties: readonly NumericProperty[]; readonly dependsOn: readonly string[]; readonly constantIn: readonly string[];
  }
  | { readonly kind: 'index'; readonly name: string; readonly range: Dim; readonly summed: boolean }
  | { readonly kind: 'function'; readonly name: string; readonly domain: Shape; readonly codomain: Shape };

/** Concrete sizes for the symbolic dimensions, by `dimName`. */
export type SizeAssignment = ReadonlyMap<string, number>;

/** A concrete size: rows×cols (a scalar is 1×1). */
export type Size = { readonly rows: number; readonly cols: number };

/** The name a dimension is sized by: `n`, `?3` for an inference variable, `2` for a numeral. */
export function dimName(d: Dim): string {
  switch (d.kind) {
    case 'dim-sym': return d.name;
    case 'dim-var': return `?${d.id}`;
    case 'dim-num': return String(d.value);
    case 'dim-mul': return d.factors.map(dimName).join('·');
  }
}

/** The size of a dimension under `sizes` (a product multiplies), or undefined when a name has none. */
export function sizeOfDim(d: Dim, sizes: SizeAssignment): number | undefined {
  switch (d.kind) {
    case 'dim-num': return d.value;
    case 'dim-mul': {
      let total = 1;
      for (const f of d.factors) {
        const s = sizeOfDim(f, sizes);
        if (s === undefined) return undefined;
        total *= s;
      }
      return total;
    }
    default: return sizes.get(dimName(d));
  }
}

/**
 * The concrete size of a value shape. A shape nothing constrained (`var`) is
 * read as a matrix of two free dimensions of its own (`?s4r × ?s4c`), the
 * most general reading, sized like any other dimension.
 */
export function sizeOfShape(s: Shape, sizes: SizeAssignment): Size | undefined {
  if (s.kind === 'scalar') return { rows: 1, cols: 1 };
  const [r, c] = shapeDims(s) ?? [];
  if (r === undefined || c === undefined) return undefined;
  const [rows, cols] = [sizeOfDim(r, sizes), sizeOfDim(c, sizes)];
  return rows === undefined || cols === undefined ? undefined : { rows, cols };
}

/** The two dimensions of a matrix (or unconstrained) shape. */
function shapeDims(s: Shape): [Dim, Dim] | undefined {
  if (s.kind === 'matrix') return [s.rows, s.cols];
  if (s.kind === 'var') return [{ kind: 'dim-sym', name: `?s${s.id}r` }, { kind: 'dim-sym', name: `?s${s.id}c` }];
  return undefined;
}

/** Every dimension name the declarations need a size for, sorted (so trials are deterministic). */
export function dimensionNames(decls: readonly NumericDecl[]): string[] {
  const names = new Set<string>();
  const addDim = (d: Dim): void => {
    if (d.kind === 'dim-mul') d.factors.forEach(addDim);
    else if (d.kind !== 'dim-num') names.add(dimName(d));
  };
  const addShape = (s: Shape): void => {
    if (s.kind === 'tuple') s.items.forEach(addShape);
    else shapeDims(s)?.forEach(addDim);
  };
  for (const d of decls) {
    if (d.kind === 'value') addShape(d.shape);
    else if (d.kind === 'index') addDim(d.range);
    else [d.domain, d.codomain].forEach(addShape);
  }
  return [...names].sort();
}

/**
 * The size assignments tried: every dimension 1, then 2; then distinct
 * dimensions of different sizes (2, 3, 4, … in turn, so non-square shapes
 * are met wherever the equation allows them); every dimension 3; every
 * dimension 4 — smallest first, so a counterexample is as small as it can
 * be. Duplicates are dropped. With `count` below the number of distinct
 * assignments, the list is rotated by `offset` before `count` are kept, so
 * runs with different offsets (seeds) cover all of them.
 */
export function sizeTrials(decls: readonly NumericDecl[], count = 5, offset = 0): SizeAssignment[] {
  const names = dimensionNames(decls);
  const uniform = (n: number): SizeAssignment => new Map(names.map((d) => [d, n]));
  const mixed = new Map(names.map((d, k) => [d, 2 + ((k + offset) % 3)]));
  const all = [uniform(1), uniform(2), mixed, uniform(3), uniform(4)];
  const seen = new Set<string>();
  const distinct = all.filter((a) => {
    const key = [...a.values()].join(',');
    return seen.has(key) ? false : (seen.add(key), true);
  });
  if (count >= distinct.length) return distinct;
  return distinct.map((_, k) => distinct[(k + offset) % distinct.length]!).slice(0, Math.max(1, count));
}
