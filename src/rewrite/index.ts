/** Rewriting with rules: one step (`applyRule`), all applicable steps, and normalisation. */
export { applyRule, makeStep, matchAt, matchWithAt, sidesOf, unboundVariables, type StagedSearch } from './apply-rule.js';
export { applicableRewrites, type Applicable, type ApplicableOptions } from './applicable.js';
export { checkConditions, sortTestFromFacts, type ConditionsOutcome } from './conditions.js';
export { closestSubterms } from './closest.js';
export { normalize, type NormalizeOptions, type Normalized, type StopReason } from './normalize.js';
export { replacePart } from './replace.js';
export { spreadForm, spreadStep, type SpreadForm } from './spread.js';
export { collectForm, type CollectForm } from './collect.js';
export { indexRules, type IndexedRule, type RuleIndex } from './rule-index.js';
export { isSpent, type WorkBudget } from '../match/index.js';
export { busiestRules, countByRule } from './busiest-rules.js';
export type { ApplyOptions, Closest, DischargedCondition, RewriteOptions, RewriteOutcome, Step } from './step.js';
export { busiestIn, charge, isExhausted, lineBudget, type LineBudget } from './line-budget.js';
export { DEFAULT_SEARCH_LIMITS, LINE_WORK, MAX_SEARCH_DEPTH, MAX_SEARCH_NODES, type SearchLimits } from './search-limits.js';
