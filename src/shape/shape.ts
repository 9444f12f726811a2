/**
 * Shapes and dimensions: plain immutable data.
 *
 * A dimension is a named symbol (`n`), a numeral (`3`), a product (`mp`, for
 * Kronecker and `vec` sizes) or a unification variable (`?3`). A shape is a
 * scalar, an `rows×cols` matrix, an index with its range, a function
 * `domain → codomain`, a tuple, an unknown shape variable, or `error` (the
 * shape of an ill-shaped node, which silences errors about its parents).
 *
 * Invariant: a `1×1` matrix IS a scalar (`isScalarShape` and `formatShape`
 * treat them alike, and unification equates them).
 */

export type Dim =
  | { readonly kind: 'dim-sym'; readonly name: string }
  | { readonly kind: 'dim-num'; readonly value: number }
  | { readonly kind: 'dim-mul'; readonly factors: readonly Dim[] }
  | { readonly kind: 'dim-var'; readonly id: number };

export type Shape =
  | { readonly kind: 'scalar' }
  | { readonly kind: 'matrix'; readonly rows: Dim; readonly cols: Dim }
  | { readonly kind: 'index'; readonly range: Dim }
  | { readonly kind: 'function'; readonly domain: Shape; readonly codomain: Shape }
  | { readonly kind: 'tuple'; readonly items: readonly Shape[] }
  | { readonly kind: 'var'; readonly id: number }
  | { readonly kind: 'error' };

export const SCALAR: Shape = { kind: 'scalar' };
export const ERROR: Shape = { kind: 'error' };
export const dimSym = (name: string): Dim => ({ kind: 'dim-sym', name });
export const dimNum = (value: number): Dim => ({ kind: 'dim-num', value });
export const ONE_DIM: Dim = dimNum(1);
export const matrix = (rows: Dim, cols: Dim): Shape => ({ kind: 'matrix', rows, cols });
export const indexShape = (range: Dim): Shape => ({ kind: 'index', range });
export const functionShape = (domain: Shape, codomain: Shape): Shape => ({ kind: 'function', domain, codomain });
export const tupleShape = (items: readonly Shape[]): Shape => ({ kind: 'tuple', items });

/**
 * The normal form of a dimension product: numerals folded into one leading
 * factor (dropped when 1), nested products flattened, a single factor unwrapped.
 * Only meaningful on dimensions whose variables are already resolved.
 */
export function dimProduct(factors: readonly Dim[]): Dim {
  let numeral = 1;
  const rest: Dim[] = [];
  for (const f of factors.flatMap((g) => (g.kind === 'dim-mul' ? g.factors : [g]))) {
    if (f.kind === 'dim-num') numeral *= f.value;
    else rest.push(f);
  }
  if (numeral === 0) return dimNum(0);
  const all = numeral === 1 ? rest : [dimNum(numeral), ...rest];
  if (all.length === 0) return ONE_DIM;
  return all.length === 1 ? all[0]! : { kind: 'dim-mul', factors: all };
}

/** `n`, `3`, `(mp)` (a product; `(m·?4)` when a factor is longer than one character), or `?4` for an unknown. */
export function formatDim(d: Dim): string {
  switch (d.kind) {
    case 'dim-sym': return d.name;
    case 'dim-num': return String(d.value);
    case 'dim-var': return `?${d.id}`;
    case 'dim-mul': {
      const parts = d.factors.map(formatDim);
      return `(${parts.join(parts.every((p) => [...p].length === 1) ? '' : '·')})`;
    }
  }
}

/** True when the shape is a scalar or a `1×1` matrix. */
export function isScalarShape(s: Shape): boolean {
  return s.kind === 'scalar' || (s.kind === 'matrix' && isOneDim(s.rows) && isOneDim(s.cols));
}

const isOneDim = (d: Dim): boolean => d.kind === 'dim-num' && d.value === 1;

/**
 * People's notation for a (resolved) shape: `scalar`, `n×n`, `n×1`, `1×n`,
 * `(mp)×(nq)`, `index over n`, `n×n → scalar`, `(index over n, index over n)`,
 * `?2` for a shape nothing constrained, `ill-shaped` for an error.
 */
export function formatShape(s: Shape): string {
  switch (s.kind) {
    case 'scalar': return 'scalar';
    case 'matrix': return isScalarShape(s) ? 'scalar' : `${formatDim(s.rows)}×${formatDim(s.cols)}`;
    case 'index': return `index over ${formatDim(s.range)}`;
    case 'function': return `${formatShape(s.domain)} → ${formatShape(s.codomain)}`;
    case 'tuple': return `(${s.items.map(formatShape).join(', ')})`;
    case 'var': return `?${s.id}`;
    case 'error': return 'ill-shaped';
  }
}
