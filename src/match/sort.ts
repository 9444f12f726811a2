/**
 * The sorts of metavariables in rules (`vars A B : matrix, c : scalar`).
 * A sort restricts what a metavariable may bind: `scalar` binds scalar-valued
 * terms (numerals included), `vector` n×1 columns, `matrix` any matrix
 * (vectors and scalars included, as 1-column or 1×1 matrices), `square` square
 * matrices (scalars included), `index` index symbols, `any` anything.
 */
export type Sort = 'scalar' | 'vector' | 'matrix' | 'square' | 'index' | 'any';

export const SORTS: readonly Sort[] = ['scalar', 'vector', 'matrix', 'square', 'index', 'any'];

/** Decides whether a target subterm fits a sort; the caller supplies it from shape inference. */
export type SortTest = (t: import('../term/index.js').Term, sort: Sort) => boolean;
