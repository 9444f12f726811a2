import { isSpent, type WorkBudget } from '../match/index.js';
import { busiestRules as rank } from './busiest-rules.js';
import type { Step } from './step.js';
import { children, type Term } from '../term/index.js';
import { DEFAULT_SEARCH_LIMITS, type SearchLimits } from './search-limits.js';

/**
 * The budget of the searches that check one proof line. Besides the fixed
 * bounds of each search (`SearchLimits`: `repeat`, `states`, `autoTerms`, …), one
 * allowance of work is shared by all of them: the matcher spends a unit per
 * call, expanding a term costs its nodes times its depth (the positions
 * walked), and every step kept costs the nodes of its result. Terms larger
 * than `searchNodes` or deeper than `searchDepth` are neither kept
 * nor expanded, so rules that feed themselves (`A = A A⁻¹ A`, `A = (Aᵀ)ᵀ`)
 * cannot grow a term without end or past what the JS stack can walk.
 * Invariant: a budget only ever removes candidates — it can make a correct
 * line fail (E0515, naming the rules that spent it), never a wrong one pass.
 */
export { DEFAULT_SEARCH_LIMITS, LINE_WORK, MAX_SEARCH_DEPTH, MAX_SEARCH_NODES, type SearchLimits } from './search-limits.js';

export type LineBudget = WorkBudget & {
  readonly limits: SearchLimits;
  /** Steps kept per rule id, to name the rules a search spent itself on. */
  readonly made: Map<string, number>;
  /** Terms refused for being too large or too deep. */
  dropped: number;
};

/** A fresh budget of `limits.lineWork` units: by default one proof line's; other searches (the prover's auto-completion) size their own. */
export const lineBudget = (limits: SearchLimits = DEFAULT_SEARCH_LIMITS): LineBudget =>
  ({ left: limits.lineWork, limits, made: new Map(), dropped: 0 });

/** Did the searches stop because of this budget (work spent, or terms refused)? */
export const isExhausted = (budget: LineBudget): boolean => isSpent(budget) || budget.dropped > 0;

/**
 * The steps `produce` makes from `term`, charged and admitted; nothing (and
 * `produce` is not called) once the budget is spent or when `term` itself is
 * out of bounds, so a search that goes on expanding costs next to nothing.
 */
export function charge(budget: LineBudget, term: Term, produce: () => readonly Step[]): Step[] {
  if (isSpent(budget)) return [];
  const size = measure(term, budget.limits);
  if (size === null) {
    budget.dropped++;
    return [];
  }
  budget.left -= size.nodes * size.depth;
  return admit(budget, produce());
}

/** The steps whose results are within bounds, each charged its size and counted for its rule. */
function admit(budget: LineBudget, steps: readonly Step[]): Step[] {
  const kept: Step[] = [];
  for (const step of steps) {
    const size = measure(step.after, budget.limits);
    if (size === null) {
      budget.dropped++;
      continue;
    }
    budget.left -= size.nodes;
    budget.made.set(step.ruleId, (budget.made.get(step.ruleId) ?? 0) + 1);
    kept.push(step);
  }
  return kept;
}

/** `rule ×n` for the (at most three) rules that made the most steps, most first. */
export const busiestIn = (budget: LineBudget): string[] => rank(budget.made);

const measured = new WeakMap<Term, { nodes: number; depth: number }>();

/** Nodes and depth of `t`, or null past `limits.searchNodes` or `limits.searchDepth`. Iterative; memoised per term (sizes only, which do not depend on the limits). */
function measure(t: Term, limits: SearchLimits): { nodes: number; depth: number } | null {
  const known = measured.get(t);
  if (known !== undefined) return known.nodes > limits.searchNodes || known.depth > limits.searchDepth ? null : known;
  const stack: [Term, number][] = [[t, 1]];
  let nodes = 0;
  let deepest = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (++nodes > limits.searchNodes || depth > limits.searchDepth) return null;
    deepest = Math.max(deepest, depth);
    for (const child of children(node)) stack.push([child, depth + 1]);
  }
  const size = { nodes, depth: deepest };
  measured.set(t, size);
  return size;
}
