import { DEFAULT_RUN_BUDGET, type RunBudget } from './run-budget.js';
import { instantiate, type Match, type Subst } from '../match/index.js';
import { checkConditions, makeStep, matchAt, matchWithAt, sidesOf, spreadStep, type RewriteOptions, type Step } from '../rewrite/index.js';
import type { Direction, Rule } from '../rules/index.js';
import { children, getAt, type Path, type Term } from '../term/index.js';
import { Settled } from './settled.js';

/**
 * A directed rewriting run: the term so far and every kernel `Step` taken to
 * reach it, under step and time budgets. Strategies (`derive`) decide which
 * step to take; the run only records it. Invariant: `steps[0].before` is the
 * start, each step's `after` is the next one's `before`, and `term` is the
 * last `after` (or the start).
 */
export { DEFAULT_RUN_BUDGET, type RunBudget } from './run-budget.js';
export { Settled } from './settled.js';

/** Why a run stopped early: which budget, with its limit. */
export type RunStop = { readonly reason: 'step-budget' | 'time-budget'; readonly limit: number };

/** A rule used one way. */
export type RuleUse = { readonly rule: Rule; readonly direction: Direction };

/**
 * A strategy's cheap test that `use` may apply at subterm `t`: false only
 * where it cannot (it prunes the search, never changes what a step is).
 */
export type Admits = (use: RuleUse, t: Term) => boolean;

/** How many matches each stage of `Run.#matches` asks for; the last asks for all. */
const MATCH_STAGES = [1, 8, undefined] as const;

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

  /**
   * The applicable steps of `use` at `path`, made one at a time (a caller that
   * wants the first makes only that one): the rule taken through a whole
   * product first, when it spreads (`spreadStep`), then each match.
   */
  *#steps(path: Path, use: RuleUse): Generator<Step> {
    if (getAt(this.term, path) === undefined) return;
    const spread = spreadStep(this.term, path, use.rule, use.direction, this.options);
    if (spread !== null) yield spread;
    for (const match of this.#matches(path, use)) {
      const conditions = checkConditions(use.rule, match.subst, this.options.facts, this.options.predicates);
      if (conditions.ok) yield makeStep(this.term, path, use.rule, use.direction, match, conditions, this.options);
    }
  }

  /**
   * The matches of `use` at `path`, in the matcher's order, found in stages
   * (the first, the first few, then all): a caller that takes the first
   * applicable step does not pay for every match of a rule that has many (a
   * sum pattern on a long sum has quadratically many).
   */
  *#matches(path: Path, use: RuleUse): Generator<Match> {
    let given = 0;
    const cutShort = { stop: false };
    for (const most of MATCH_STAGES) {
      const matches = matchAt(this.term, path, use.rule, use.direction, this.options, most, { cutShort });
      for (; given < matches.length; given++) yield matches[given]!;
      if (!cutShort.stop) return;
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
    // Steps are made lazily, in the matcher's order, until one is wanted: a rule with many matches (trace-merge on a long sum) makes few.
    const local = wanted === undefined || path.length === 0 ? null : new Run(getAt(this.term, path)!, this.options).#steps([], use);
    for (const step of this.#steps(path, use)) {
      const replaced = local === null ? step.after : local.next().value?.after;
      if (replaced === undefined) return false;
      if (wanted === undefined || wanted(replaced, step)) {
        this.take(step);
        return true;
      }
    }
    return false;
  }

  /**
   * Takes the step of `use` at `path` with substitution `subst`, when the
   * rule's side so instantiated is the subterm there, its conditions hold and
   * `wanted` accepts the subterm that replaces it. For a strategy that knows
   * the match it wants; false otherwise (or when the budget is spent).
   */
  tryWith(path: Path, use: RuleUse, subst: Subst, wanted: (replaced: Term) => boolean = () => true): boolean {
    if (!this.canStep()) return false;
    const match = matchWithAt(this.term, path, use.rule, use.direction, this.options, subst);
    if (match === null || !wanted(instantiate(sidesOf(use.rule, use.direction).to, match.subst, this.options.facts.isScalar))) return false;
    const conditions = checkConditions(use.rule, match.subst, this.options.facts, this.options.predicates);
    if (!conditions.ok) return false;
    this.take(makeStep(this.term, path, use.rule, use.direction, match, conditions, this.options));
    return true;
  }

  /**
   * Rewrites innermost-first with `uses` until none applies at a position
   * `where` accepts (or a budget ends): at the leftmost-innermost accepted
   * position, the first use (in order) with an applicable step whose result
   * `keeps` accepts. `where` must depend on the subterm only: a subterm in
   * which nothing applies is remembered (`Settled`) and not searched again.
   */
  exhaust(uses: readonly RuleUse[], where: (sub: Term) => boolean = () => true, keeps: (after: Term) => boolean = () => true): void {
    const settled = new Settled();
    while (this.takeFirst(uses, where, keeps, settled));
  }

  /**
   * Takes one step as `exhaust` would (the leftmost-innermost accepted one);
   * false when none applies or the budget is spent. `settled` may be shared
   * by calls with the same `uses`, `where` and `keeps` (see `exhaust`).
   */
  takeFirst(
    uses: readonly RuleUse[], where: (sub: Term) => boolean = () => true, keeps: (after: Term) => boolean = () => true,
    settled = new Settled(), admits: Admits = () => true,
  ): boolean {
    if (!this.canStep()) return false;
    const step = this.#firstStep(uses, where, keeps, settled, admits);
    if (step === undefined) return false;
    this.take(step);
    return true;
  }

  /** The leftmost-innermost step, skipping settled subterms; marks what it finds settled. */
  #firstStep(uses: readonly RuleUse[], where: (sub: Term) => boolean, keeps: (after: Term) => boolean, settled: Settled, admits: Admits): Step | undefined {
    type Frame = { term: Term; kids: readonly Term[]; path: Path; next: number; vetoed: boolean };
    const frame = (term: Term, path: Path): Frame => ({ term, kids: children(term), path, next: 0, vetoed: false });
    const stack: Frame[] = [frame(this.term, [])];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.kids.length) {
        const at = top.next++;
        const kid = top.kids[at]!;
        if (!settled.has(kid)) stack.push(frame(kid, [...top.path, at]));
        continue;
      }
      stack.pop();
      if (where(top.term)) {
        for (const use of usesFor(uses, top.term)) {
          if (!admits(use, top.term)) continue;
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

const byHead = new WeakMap<readonly RuleUse[], Map<Term['kind'], readonly RuleUse[]>>();

/**
 * The uses whose matched side can match a term of `t`'s kind (a rigid pattern
 * matches only its own kind; a bare metavariable matches any), in their order.
 * Memoised per `uses` array.
 */
function usesFor(uses: readonly RuleUse[], t: Term): readonly RuleUse[] {
  let table = byHead.get(uses);
  if (table === undefined) byHead.set(uses, (table = new Map()));
  let found = table.get(t.kind);
  if (found === undefined) {
    found = uses.filter((use) => {
      const { from } = sidesOf(use.rule, use.direction);
      return from.kind === t.kind || (from.kind === 'sym' && use.rule.vars.has(from.name));
    });
    table.set(t.kind, found);
  }
  return found;
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
