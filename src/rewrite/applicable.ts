import { isSpent } from '../match/index.js';
import type { Direction, Rule } from '../rules/rule.js';
import { getAt, positions, type Term } from '../term/index.js';
import { makeStep, matchAt } from './apply-rule.js';
import { checkConditions } from './conditions.js';
import { candidatesFor, indexRules } from './rule-index.js';
import type { RewriteOptions, Step } from './step.js';

/** A rewrite that applies: the rule and the step it makes (with its result `step.after`). */
export type Applicable = { readonly rule: Rule; readonly step: Step };

/** Options of `applicableRewrites`. */
export type ApplicableOptions = RewriteOptions & {
  /** Directions to try; default both (forward-only rules are never tried backward). */
  readonly directions?: readonly Direction[];
};

/**
 * Every (rule, position, direction, match) that applies to `term` with its
 * side conditions holding, each with its resulting step. Order: positions in
 * pre-order; at each, rules in index order (input order, forward before
 * backward); matches in `matchPattern` order. Rules are pre-filtered by the
 * head of their pattern and its constant symbols (the index is built once per
 * rules array).
 * Invariant: every returned step is exactly what `applyRule` would produce
 * for the same rule, direction, path and match.
 */
export function applicableRewrites(term: Term, rules: readonly Rule[], options: ApplicableOptions): Applicable[] {
  const index = indexRules(rules, options.directions ?? ['forward', 'backward']);
  const out: Applicable[] = [];
  for (const path of positions(term)) {
    if (isSpent(options.budget)) break;
    const sub = getAt(term, path)!;
    for (const { rule, direction } of candidatesFor(index, sub)) {
      for (const match of matchAt(term, path, rule, direction, options)) {
        const conditions = checkConditions(rule, match.subst, options.facts, options.predicates);
        if (conditions.ok) out.push({ rule, step: makeStep(term, path, rule, direction, match, conditions, options) });
      }
    }
  }
  return out;
}
