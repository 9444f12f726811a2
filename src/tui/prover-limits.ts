import { DEFAULT_SEARCH_LIMITS, type SearchLimits } from '../check/search-limits.js';
import { DEFAULT_SIMP_BUDGET, type SimpBudget } from '../search/simp-budget.js';

/**
 * The budgets of the prover's searches (README, "Limits"; `leibniz prove
 * --limit NAME=N`). Light imports only: the command line reads the defaults
 * without loading the prover.
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

/** Every bound the prover's searches and checks obey: the checker's (so a step the prover keeps is one `leibniz check` with the same limits accepts), the auto-completion's descent, and `simp`'s. */
export type ProverLimits = {
  readonly search: SearchLimits;
  readonly descend: DescendBudget;
  readonly simp: SimpBudget;
};

export const DEFAULT_PROVER_LIMITS: ProverLimits = { search: DEFAULT_SEARCH_LIMITS, descend: DEFAULT_DESCEND_BUDGET, simp: DEFAULT_SIMP_BUDGET };
