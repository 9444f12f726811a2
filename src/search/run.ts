import { checkConditions, makeStep, matchAt, type RewriteOptions, type Step } from '../rewrite/index.js';
import type { Direction, Rule } from '../rules/index.js';
import { children, getAt, type Path, type Term } from '../term/index.js';

/**
 * A directed rewriting run: the term so far and every kernel `Step` taken to
 * reach it, under step and time budgets. Strategies (`derive`) decide which
 * step to take; the run only records it. Invariant: `steps[0].before` is the
 * start, each step's `after` is the next one's `before`, and `term` is the
 * last `after` (or the start).
 */
export type RunBudget = {
  /** Steps at most (default 2,000). */
  readonly maxSteps: number;
  /** Milliseconds at most (default 2,000), checked before each step. */
  readonly maxMillis: number;
};

export const DEFAULT_RUN_BUDGET: RunBudget = { maxSteps: 2000, maxMillis: 2000 };

/** Why a run stopped early: which budget, with its limit. */
export type RunStop = { readonly reason: 'step-budget' | 'time-budget'; readonly limit: number };

/** A rule used one way. */
export type RuleUse = { readonly rule: Rule; readonly direction: Direction };

export class Run {
  term: Term;
  readonly steps: Step[] = [];
  stop: RunStop | null = null;
  readonly #budget: RunBudget;
  readonly #started: number;
  readonly #now: () => number;

  constructor(start: Term, readonly options: RewriteOptions, budget: Partial<RunBudget> = {}, now: () => number = () => performance.now()) {
    this.term = start;
    this.#budget = { ...DEFAULT_RUN_BUDGET, ...budget };
    this.#now = now;
    this.#started = now();
  }

  /** Whether another step may be taken; records the budget that ran out. */
  canStep(): boolean {
    if (this.stop !== null) return false;
    if (this.steps.length >= this.#budget.maxSteps) this.stop = { reason: 'step-budget', limit: this.#budget.maxSteps };
    else if (this.#now() - this.#started > this.#budget.maxMillis) this.stop = { reason: 'time-budget', limit: this.#budget.maxMillis };
    return this.stop === null;
  }

  /** Takes `step` (made from the current term). */
  take(step: Step): void {
    this.steps.push(step);
    this.term = step.after;
  }

  /** Every applicable step of `use` at `path` of the current term. */
  stepsAt(path: Path, use: RuleUse): Step[] {
    if (getAt(this.term, path) === undefined) return [];
    return matchAt(this.term, path, use.rule, use.direction, this.options).flatMap((match) => {
      const conditions = checkConditions(use.rule, match.subst, this.options.facts, this.options.predicates);
      return conditions.ok ? [makeStep(this.term, path, use.rule, use.direction, match, conditions, this.options)] : [];
    });
  }

  /** The first side condition that kept one of `uses` from applying at `path`, if one matched: `rule needs …: why`. */
  blockedAt(path: Path, uses: readonly RuleUse[]): string | null {
    for (const use of uses) {
      for (const match of matchAt(this.term, path, use.rule, use.direction, this.options)) {
        const conditions = checkConditions(use.rule, match.subst, this.options.facts, this.options.predicates);
        if (!conditions.ok) return `rule "${use.rule.id}" applies where ${conditions.explanation}`;
      }
    }
    return null;
  }

  /**
   * Takes the first step of `use` at `path` that `wanted` accepts, given the
   * subterm that replaces the one at `path` (computed on that subterm alone:
   * in the whole term a sum may reorder around it). False when there is none
   * (or no budget).
   */
  tryAt(path: Path, use: RuleUse, wanted?: (replaced: Term, step: Step) => boolean): boolean {
    if (!this.canStep()) return false;
    const steps = this.stepsAt(path, use);
    const local = wanted === undefined ? [] : new Run(getAt(this.term, path)!, this.options).stepsAt([], use);
    const index = wanted === undefined ? (steps.length > 0 ? 0 : -1) : local.findIndex((s, i) => steps[i] !== undefined && wanted(s.after, steps[i]!));
    if (index < 0) return false;
    this.take(steps[index]!);
    return true;
  }

  /**
   * Rewrites innermost-first with `uses` until none applies at a position
   * `where` accepts (or a budget ends): at the leftmost-innermost accepted
   * position, the first use (in order) with an applicable step whose result
   * `keeps` accepts.
   */
  exhaust(uses: readonly RuleUse[], where: (sub: Term, path: Path) => boolean = () => true, keeps: (after: Term) => boolean = () => true): void {
    while (this.canStep()) {
      const step = this.#firstStep(uses, where, keeps);
      if (step === undefined) return;
      this.take(step);
    }
  }

  #firstStep(uses: readonly RuleUse[], where: (sub: Term, path: Path) => boolean, keeps: (after: Term) => boolean): Step | undefined {
    for (const path of postOrder(this.term)) {
      if (!where(getAt(this.term, path)!, path)) continue;
      for (const use of uses) {
        const step = this.stepsAt(path, use).find((s) => keeps(s.after));
        if (step !== undefined) return step;
      }
    }
    return undefined;
  }
}

/** Positions children-first, left to right (iterative, so deep terms do not overflow). */
export function postOrder(t: Term): Path[] {
  const out: Path[] = [];
  const stack: { term: Term; path: Path; expanded: boolean }[] = [{ term: t, path: [], expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.expanded) {
      out.push(top.path);
      continue;
    }
    stack.push({ ...top, expanded: true });
    const kids = children(top.term);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ term: kids[i]!, path: [...top.path, i], expanded: false });
  }
  return out;
}

/** Does `t` contain a node `test` accepts? (Iterative.) */
export function containsNode(t: Term, test: (u: Term) => boolean): boolean {
  const stack: Term[] = [t];
  while (stack.length > 0) {
    const u = stack.pop()!;
    if (test(u)) return true;
    stack.push(...children(u));
  }
  return false;
}

export const hasDifferential = (t: Term): boolean => containsNode(t, (u) => u.kind === 'd');
