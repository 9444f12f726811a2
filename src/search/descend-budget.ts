/**
 * Bounds of one descent. Besides the terms expanded, the work is bounded as
 * the checker bounds a proof line (`rewrite/line-budget.ts`: a unit per matching
 * attempt and per node of a term expanded or built; terms over 4,000 nodes
 * or 500 levels are not kept), so rules that feed themselves
 * (`X = X X⁻¹ X`, `A = (Aᵀ)ᵀ`) or loop stop it in bounded time, deterministically.
 * No imports: the command line reads the defaults without loading the rewriter.
 */
export type DescendBudget = {
  /** Terms expanded at most (each costs one `applicableRewrites`). */
  readonly expansions: number;
  /** Once a finished term is found, how many more expansions may look for a smaller one. */
  readonly polish: number;
  /** Work units at most, over the whole descent. */
  readonly work: number;
};

export const DEFAULT_DESCEND_BUDGET: DescendBudget = { expansions: 400, polish: 30, work: 4_000_000 };
