import { DEFAULT_DESCEND_BUDGET, type DescendBudget } from './descend-budget.js';
import {
  applicableRewrites, busiestIn, charge, DEFAULT_SEARCH_LIMITS, isExhausted, isSpent, lineBudget, type RewriteOptions, type Step,
} from '../rewrite/index.js';
import type { Rule } from '../rules/index.js';
import { children, termKey, type Term } from '../term/index.js';

/**
 * Auto-completion when the right side is not known: a best-first search
 * that drives a measure of "work left" down. Derivatives (`∂`, `d`, `|ₜ₌₀`)
 * cost the most, weighted by the size of what they differentiate (so the
 * product rule, which splits one big derivative into smaller ones, is
 * progress); basis vectors, Kronecker deltas and entries cost less, and a
 * term the caller does not accept as finished (entry by entry: not one entry
 * `(M)ᵢⱼ`) costs a little more; size and each step taken cost a little. It is a search, not a
 * rewrite strategy: a step may raise the measure on the way to a lower one.
 * Rules are used left to right, and right to left only where that lowers the
 * cost at once (`aᵢbⱼ → (abᵀ)ᵢⱼ`): right-to-left rules such as `A = I A`
 * apply almost everywhere and would flood the search.
 * Every step it returns is a kernel `Step`; the checker re-verifies them when
 * the proof is checked.
 */

/** Weights of the measure (see the module comment). */
export const WEIGHTS = { derivative: 100, index: 50, entry: 20, unfinished: 30, node: 1, step: 3 } as const;

export { DEFAULT_DESCEND_BUDGET, type DescendBudget } from './descend-budget.js';

/** Why the descent stopped: it found a finished term, ran out of budget, or ran out of terms. */
export type DescendStop = 'finished' | 'budget' | 'exhausted';

/**
 * The steps to the best term found (a finished one if any, else the lowest
 * measure, if lower than the start); when a budget stopped it, `busiest`
 * names the rules that made the most terms (`id ×n`), usually the looping ones.
 */
export type Descent = { readonly steps: readonly Step[]; readonly stop: DescendStop; readonly expanded: number; readonly busiest: readonly string[] };

/** The measure of work left in `t`; lower is better. */
export function measure(t: Term): number {
  // Iterative, like every walk here: deep terms do not overflow the stack.
  let total = 0;
  const stack: Term[] = [t];
  while (stack.length > 0) {
    const u = stack.pop()!;
    total += WEIGHTS.node;
    if (u.kind === 'partial' || u.kind === 'd' || u.kind === 'at') total += WEIGHTS.derivative * size(children(u)[0]!);
    else if (u.kind === 'basis' || u.kind === 'delta') total += WEIGHTS.index;
    else if (u.kind === 'entry') total += WEIGHTS.entry;
    stack.push(...children(u));
  }
  return total;
}

/** Does `t` still contain a derivative (`∂`, `d`, an evaluation `|ₜ₌₀`)? */
export function hasDerivative(t: Term): boolean {
  const stack: Term[] = [t];
  while (stack.length > 0) {
    const u = stack.pop()!;
    if (u.kind === 'partial' || u.kind === 'd' || u.kind === 'at') return true;
    stack.push(...children(u));
  }
  return false;
}

const size = (t: Term): number => {
  let n = 0;
  const stack: Term[] = [t];
  while (stack.length > 0) (n++, stack.push(...children(stack.pop()!)));
  return n;
};

type Node = { readonly term: Term; readonly steps: readonly Step[]; readonly cost: number; readonly order: number };

/**
 * Searches from `from` for a term `isFinished` accepts, best first by
 * `measure` (ties: fewer steps, then the order found), never through a term
 * of `avoid` (the proof's earlier terms: going back is no progress).
 * Deterministic: no clock, only the budget.
 */
export function descend(
  from: Term, rules: readonly Rule[], options: RewriteOptions, isFinished: (t: Term) => boolean,
  budget: DescendBudget = DEFAULT_DESCEND_BUDGET, avoid: Iterable<Term> = [],
): Descent {
  const heap = new NodeHeap();
  const seen = new Set([termKey(from), ...[...avoid].map(termKey)]);
  const cost = (t: Term): number => measure(t) + (isFinished(t) ? 0 : WEIGHTS.unfinished);
  const root: Node = { term: from, steps: [], cost: cost(from), order: 0 };
  const stepCost = (steps: number): number => WEIGHTS.step * steps;
  heap.push(root);
  let best = root;
  let finished: Node | null = null;
  let expanded = 0;
  let order = 1;
  let polishFrom = -1;
  const work = lineBudget({ ...DEFAULT_SEARCH_LIMITS, lineWork: budget.work });
  while (heap.size > 0 && expanded < budget.expansions && !isSpent(work)) {
    const node = heap.pop()!;
    if (isFinished(node.term)) {
      if (finished === null || node.cost < finished.cost) finished = node;
      if (polishFrom < 0) polishFrom = expanded;
    }
    if (node.cost < best.cost) best = node;
    if (polishFrom >= 0 && expanded - polishFrom >= budget.polish) break;
    expanded++;
    for (const step of charge(work, node.term, () => applicableRewrites(node.term, rules, { ...options, budget: work }).map((a) => a.step))) {
      const key = termKey(step.after);
      if (seen.has(key)) continue;
      const after = cost(step.after) + stepCost(node.steps.length + 1);
      if (step.direction === 'backward' && after >= node.cost + WEIGHTS.step) continue;
      seen.add(key);
      heap.push({ term: step.after, steps: [...node.steps, step], cost: after, order: order++ });
    }
  }
  const stop: DescendStop = finished !== null ? 'finished' : heap.size === 0 && !isExhausted(work) ? 'exhausted' : 'budget';
  return { steps: (finished ?? best).steps, stop, expanded, busiest: stop === 'budget' ? busiestIn(work) : [] };
}

/** A binary min-heap of nodes by (cost, steps, order). */
class NodeHeap {
  readonly #items: Node[] = [];
  get size(): number {
    return this.#items.length;
  }
  push(node: Node): void {
    const a = this.#items;
    a.push(node);
    for (let i = a.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!less(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }
  pop(): Node | undefined {
    const a = this.#items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    a[0] = last;
    for (let i = 0; ;) {
      const [l, r] = [2 * i + 1, 2 * i + 2];
      let m = i;
      if (l < a.length && less(a[l]!, a[m]!)) m = l;
      if (r < a.length && less(a[r]!, a[m]!)) m = r;
      if (m === i) break;
      [a[i], a[m]] = [a[m]!, a[i]!];
      i = m;
    }
    return top;
  }
}

const less = (x: Node, y: Node): boolean =>
  x.cost !== y.cost ? x.cost < y.cost : x.steps.length !== y.steps.length ? x.steps.length < y.steps.length : x.order < y.order;
