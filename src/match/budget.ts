/**
 * A shared allowance of work for one search (one proof line): `matchTerm`
 * spends one unit per call, and the holder may spend more for what it builds.
 * Once `left` is below zero matching finds nothing more, so every search that
 * uses it winds down by itself; the holder tells "nothing matched" from "out
 * of budget" with `isSpent`. Invariant: `left` only decreases.
 */
export type WorkBudget = { left: number };

export const isSpent = (budget: WorkBudget | undefined): boolean => budget !== undefined && budget.left < 0;
