import { DEFAULT_SEARCH_LIMITS, type SearchLimits } from '../rewrite/search-limits.js';
import { DEFAULT_DESCEND_BUDGET, type DescendBudget } from '../search/descend-budget.js';
import { DEFAULT_SIMP_BUDGET, type SimpBudget } from '../search/simp-budget.js';

/**
 * The budgets of the prover's searches (README, "Limits"; `leibniz prove
 * --limit NAME=N`). Light imports only: the command line reads the defaults
 * without loading the prover.
 */
export { DEFAULT_DESCEND_BUDGET, type DescendBudget } from '../search/descend-budget.js';


/** Every bound the prover's searches and checks obey: the checker's (so a step the prover keeps is one `leibniz check` with the same limits accepts), the auto-completion's descent, and `simp`'s. */
export type ProverLimits = {
  readonly search: SearchLimits;
  readonly descend: DescendBudget;
  readonly simp: SimpBudget;
};

export const DEFAULT_PROVER_LIMITS: ProverLimits = { search: DEFAULT_SEARCH_LIMITS, descend: DEFAULT_DESCEND_BUDGET, simp: DEFAULT_SIMP_BUDGET };
