import { DEFAULT_SIMP_BUDGET, type SimpBudget } from './simp-budget.js';
import { busiestRules, countByRule, normalize, type RewriteOptions, type Step, type StopReason } from '../rewrite/index.js';
import type { Rule } from '../rules/index.js';
import { children, type Term } from '../term/index.js';

/**
 * `simp`: rewrite a term to a normal form with the rules tagged `simp`,
 * innermost first, forward only. Every step is recorded (the kernel's own
 * `Step`s, which `check` can replay); the search proposes, it proves nothing
 * by itself.
 *
 * Bounded three ways, each with a default a caller may change: steps taken,
 * wall-clock time, and term size. A cost gate keeps it from growing terms: a
 * step whose result has more nodes than its input is skipped (the search
 * moves on to the next position or rule) unless its rule is tagged
 * `transform` (rules like the product rule, which must expand).
 */
export { DEFAULT_SIMP_BUDGET, type SimpBudget } from './simp-budget.js';

/**
 * Why simp stopped. For a cycle, the rules used around it, in order of first
 * use; for a budget, the rules that took the most steps (`id ×n`, most
 * first): with rules that loop or feed themselves, those.
 */
export type SimpStop =
  | { readonly reason: 'normal-form' }
  | { readonly reason: 'step-budget' | 'time-budget' | 'size-budget'; readonly limit: number; readonly rules: readonly string[] }
  | { readonly reason: 'cycle'; readonly rules: readonly string[] };

export type SimpResult = { readonly term: Term; readonly steps: readonly Step[]; readonly stop: SimpStop };

export type SimpOptions = RewriteOptions & {
  /** Overrides of `DEFAULT_SIMP_BUDGET`. */
  readonly limits?: Partial<SimpBudget>;
  /** Milliseconds since some fixed origin (default `performance.now`); injectable for tests. */
  readonly now?: () => number;
};

/** The rules of `rules` tagged `simp`, in their order. */
export const simpRules = (rules: Iterable<Rule>): Rule[] => [...rules].filter((r) => r.tags.includes('simp'));

/** Rewrites `term` with `rules` (usually `simpRules(…)`) until a normal form or a budget; see the module comment. */
export function simp(term: Term, rules: readonly Rule[], options: SimpOptions): SimpResult {
  const budget = { ...DEFAULT_SIMP_BUDGET, ...options.limits };
  const now = options.now ?? (() => performance.now());
  const start = now();
  let oversized = false;
  const accept = (step: Step, rule: Rule): boolean => {
    const after = nodeCount(step.after, budget.maxNodes + 1);
    if (after > budget.maxNodes) oversized = true;
    return !oversized && (rule.tags.includes('transform') || after <= nodeCount(step.before, Infinity));
  };
  const expired = (): boolean => oversized || now() - start > budget.maxMillis;
  const result = normalize(term, rules, { ...options, maxSteps: budget.maxSteps, accept, expired });
  return { term: result.term, steps: result.steps, stop: stopOf(result.stop, result.cycleRules, budget, oversized, result.steps) };
}

function stopOf(stop: StopReason, cycleRules: readonly string[], budget: SimpBudget, oversized: boolean, steps: readonly Step[]): SimpStop {
  const rules = (): string[] => busiestRules(countByRule(steps));
  if (oversized) return { reason: 'size-budget', limit: budget.maxNodes, rules: rules() };
  switch (stop) {
    case 'normal-form': return { reason: 'normal-form' };
    case 'step-limit': return { reason: 'step-budget', limit: budget.maxSteps, rules: rules() };
    case 'time-limit': return { reason: 'time-budget', limit: budget.maxMillis, rules: rules() };
    case 'cycle': return { reason: 'cycle', rules: cycleRules };
  }
}

/** Nodes of `t`, counting stops once `limit` is passed (iterative: deep terms do not overflow). */
export function nodeCount(t: Term, limit: number): number {
  let count = 0;
  const stack: Term[] = [t];
  while (stack.length > 0 && count <= limit) {
    count++;
    stack.push(...children(stack.pop()!));
  }
  return count;
}

/** `normal form after 12 steps`, `step budget (500 steps) reached; rules applied most: grow ×500`, `… rules "a", "b" loop`: for messages. */
export function describeStop(stop: SimpStop, steps: number): string {
  const most = stop.reason !== 'cycle' && stop.reason !== 'normal-form' && stop.rules.length > 0 ? `; rules applied most: ${stop.rules.join(', ')}` : '';
  switch (stop.reason) {
    case 'normal-form': return `normal form after ${steps} step${steps === 1 ? '' : 's'}`;
    case 'step-budget': return `step budget (${stop.limit} steps) reached${most}`;
    case 'time-budget': return `time budget (${stop.limit} ms) reached after ${steps} steps${most}`;
    case 'size-budget': return `size budget (${stop.limit} nodes) reached after ${steps} steps${most}`;
    case 'cycle': return `a term came back after ${steps} steps: rules ${stop.rules.map((r) => `"${r}"`).join(', ')} loop`;
  }
}
