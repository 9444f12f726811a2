/** The budgets of a directed run (`run.ts`; `derive`). No imports: the command line reads the defaults without loading the rewriter. */
export type RunBudget = {
  /** Steps at most (default 2,000). */
  readonly maxSteps: number;
  /** Milliseconds at most (default 2,000), checked before each step. */
  readonly maxMillis: number;
};

export const DEFAULT_RUN_BUDGET: RunBudget = { maxSteps: 2000, maxMillis: 2000 };
