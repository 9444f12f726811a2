/** The budgets of `simp` (`simp.ts`). No imports: the command line reads the defaults without loading the rewriter. */
export type SimpBudget = {
  /** Steps at most (default 500). */
  readonly maxSteps: number;
  /** Milliseconds at most (default 2,000); checked before each step. */
  readonly maxMillis: number;
  /** Nodes of the term at most (default 20,000): a step making it larger stops the run. */
  readonly maxNodes: number;
};

export const DEFAULT_SIMP_BUDGET: SimpBudget = { maxSteps: 500, maxMillis: 2000, maxNodes: 20_000 };
