import type { Rule } from '../rules/rule.js';
import { children, getAt, termKey, type Path, type Term } from '../term/index.js';
import { makeStep, matchAt } from './apply-rule.js';
import { checkConditions } from './conditions.js';
import { candidatesFor, indexRules, type RuleIndex } from './rule-index.js';
import type { RewriteOptions, Step } from './step.js';

/**
 * Why `normalize` stopped: no rule applies anywhere (`normal-form`), the step
 * budget ran out (`step-limit`), the caller's deadline passed (`time-limit`),
 * or a term came back (`cycle`).
 */
export type StopReason = 'normal-form' | 'step-limit' | 'time-limit' | 'cycle';

/**
 * Options of `normalize`: `maxSteps` bounds the number of steps taken;
 * `accept` may veto a step (a cost gate: the search goes on to the next
 * position or rule); `expired` is asked before each step (the kernel reads no
 * clock: a caller with a time budget supplies it).
 */
export type NormalizeOptions = RewriteOptions & {
  readonly maxSteps: number;
  readonly accept?: (step: Step, rule: Rule) => boolean;
  readonly expired?: () => boolean;
};

/**
 * The result of normalising: the last term, every step taken, why it
 * stopped, and for a cycle the ids of the rules used around it (in order of
 * first use). Invariant: `steps[0].before` is the input, each step's `after`
 * is the next one's `before`, and `term` is the last `after` (or the input).
 */
export type Normalized = { readonly term: Term; readonly steps: readonly Step[]; readonly stop: StopReason; readonly cycleRules: readonly string[] };

/**
 * Rewrites with `rules` (forward only) innermost-first — at the leftmost
 * innermost position where some rule applies, the first applicable rule in
 * input order — until no rule applies, `maxSteps` steps were taken, or a term
 * repeats (detected by a set of `termKey`s of every term seen).
 */
export function normalize(term: Term, rules: readonly Rule[], options: NormalizeOptions): Normalized {
  const index = indexRules(rules, ['forward']);
  const seen = new Map<string, number>([[termKey(term), 0]]);
  const steps: Step[] = [];
  let current = term;
  for (;;) {
    if (steps.length >= options.maxSteps) return { term: current, steps, stop: 'step-limit', cycleRules: [] };
    if (options.expired?.() === true) return { term: current, steps, stop: 'time-limit', cycleRules: [] };
    const step = innermostStep(current, index, options);
    if (step === undefined) return { term: current, steps, stop: 'normal-form', cycleRules: [] };
    steps.push(step);
    current = step.after;
    const key = termKey(current);
    const first = seen.get(key);
    if (first !== undefined) {
      const cycleRules = [...new Set(steps.slice(first).map((s) => s.ruleId))];
      return { term: current, steps, stop: 'cycle', cycleRules };
    }
    seen.set(key, steps.length);
  }
}

/** The first applicable (and accepted) step at the leftmost-innermost position, if any. */
function innermostStep(term: Term, index: RuleIndex, options: NormalizeOptions): Step | undefined {
  for (const path of postOrder(term)) {
    for (const { rule, direction } of candidatesFor(index, getAt(term, path)!)) {
      for (const match of matchAt(term, path, rule, direction, options)) {
        const conditions = checkConditions(rule, match.subst, options.facts, options.predicates);
        if (!conditions.ok) continue;
        const step = makeStep(term, path, rule, direction, match, conditions, options);
        if (options.accept === undefined || options.accept(step, rule)) return step;
      }
    }
  }
  return undefined;
}

/** Positions children-first, left to right (iterative, so deep terms do not overflow). */
function postOrder(t: Term): Path[] {
  const out: Path[] = [];
  const stack: { term: Term; path: Path; expanded: boolean }[] = [{ term: t, path: [], expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.expanded) { out.push(top.path); continue; }
    stack.push({ ...top, expanded: true });
    const kids = children(top.term);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ term: kids[i]!, path: [...top.path, i], expanded: false });
  }
  return out;
}
