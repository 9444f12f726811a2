/** Matching patterns (terms with metavariables) against canonical terms, and instantiating them. */
export { matchPattern, matchWith, partTerm, type Match, type MatchOptions } from './match.js';
export type { Part } from './context.js';
export { instantiate } from './instantiate.js';
export { isSpent, type WorkBudget } from './budget.js';
export type { Subst } from './subst.js';
export { SORTS, type Sort, type SortTest } from './sort.js';
