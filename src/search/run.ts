import { DEFAULT_RUN_BUDGET, type RunBudget } from './run-budget.js';
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
export { DEFAULT_RUN_BUDGET, type RunBudget } from './run-budget.js';

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
    return [...this.#steps(path, use)];
  }

  /** The applicable steps of `use` at `path`, made one at a time (a caller that wants the first makes only that one). */
  *#steps(path: Path, use: RuleUse): Generator<Step> {
    if (getAt(this.term, path) === undefined) return;
    for (const match of matchAt(this.term, path, use.rule, use.direction, this.options)) {
      const conditions = checkConditions(use.rule, match.subst, this.options.facts, this.options.predicates);
      if (conditions.ok) yield makeStep(this.term, path, use.rule, use.direction, match, conditions, this.options);
    }
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
   * `keeps` accepts. `where` must depend on the subterm only: a subterm in
   * which nothing applies is remembered (by identity: unchanged subterms keep
   * their objects across steps) and not searched again.
   */
  exhaust(uses: readonly RuleUse[], where: (sub: Term) => boolean = () => true, keeps: (after: Term) => boolean = () => true): void {
    const settled = new WeakSet<Term>();
    while (this.canStep()) {
      const step = this.#firstStep(uses, where, keeps, settled);
      if (step === undefined) return;
      this.take(step);
    }
  }

  /** The leftmost-innermost step, skipping settled subterms; marks what it finds settled. */
  #firstStep(uses: readonly RuleUse[], where: (sub: Term) => boolean, keeps: (after: Term) => boolean, settled: WeakSet<Term>): Step | undefined {
    type Frame = { term: Term; path: Path; next: number; vetoed: boolean };
    const stack: Frame[] = [{ term: this.term, path: [], next: 0, vetoed: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const kids = children(top.term);
      if (top.next < kids.length) {
        const kid = kids[top.next]!;
        const path = [...top.path, top.next++];
        if (!settled.has(kid)) stack.push({ term: kid, path, next: 0, vetoed: false });
        continue;
      }
      stack.pop();
      if (where(top.term)) {
        for (const use of uses) {
          for (const step of this.#steps(top.path, use)) {
            if (keeps(step.after)) return step;
            top.vetoed = true;
          }
        }
      }
      // Settled only when nothing applies here and nothing below was merely vetoed (a veto may depend on the rest of the term).
      if (!top.vetoed) settled.add(top.term);
      else if (stack.length > 0) stack[stack.length - 1]!.vetoed = true;
    }
    return undefined;
  }
}

const differentials = new WeakMap<Term, boolean>();

/** Does `t` hold a differential `d(…)`? Memoised by identity (terms are immutable). */
export function hasDifferential(t: Term): boolean {
  const known = differentials.get(t);
  if (known !== undefined) return known;
  // Children first, iteratively (deep terms do not overflow the stack).
  const stack: { term: Term; expanded: boolean }[] = [{ term: t, expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (differentials.has(top.term)) continue;
    const kids = children(top.term);
    if (top.expanded) {
      differentials.set(top.term, top.term.kind === 'd' || kids.some((k) => differentials.get(k) === true));
      continue;
    }
    stack.push({ term: top.term, expanded: true });
    for (const k of kids) if (!differentials.has(k)) stack.push({ term: k, expanded: false });
  }
  return differentials.get(t)!;
}
