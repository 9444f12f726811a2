import test from 'ava';
import { matchPattern } from '../../src/match/index.js';
import { PREDICATES } from '../../src/rules/index.js';
import { MATCHES_PER_RULE, rulesAt } from '../../src/tui/rules-panel.js';
import { makeRule, readGoal } from '../rewrite/helpers.js';
import { coreRules } from './support.js';

/** The bench's goal: 20 summands, so rules on pairs of summands match in many ways. */
const WIDE = Array.from({ length: 5 }, () => '(A X⁻¹ B)ᵀ (I + X⁻¹) + tr(A Xᵀ) B X⁻¹ + (aᵀ X⁻¹ b) A B + X A').join(' + ');
const DECLS = 'a, b ∈ ℝⁿ; A, B, X ∈ ℝ^{n×n}';

test('maxMatches keeps the first matches, in the order of the full list', (t) => {
  const rule = makeRule('A + B = B + A', 'A B: matrix', 'add-commute');
  const goal = readGoal('X + Y + Z + W');
  const all = matchPattern(rule.lhs, rule.vars, goal.term);
  const first = matchPattern(rule.lhs, rule.vars, goal.term, { maxMatches: 3 });
  t.true(all.length > 3);
  t.is(first.length, 3);
  t.deepEqual(first, all.slice(0, 3));
});

test('the rules panel lists at most MATCHES_PER_RULE rows per rule and direction, and marks the last when there are more', (t) => {
  const goal = readGoal(WIDE, DECLS);
  const entries = rulesAt(goal.term, [], coreRules(), { facts: goal.facts, predicates: PREDICATES });
  const perRule = new Map<string, number>();
  for (const e of entries) perRule.set(`${e.ruleId} ${e.direction}`, (perRule.get(`${e.ruleId} ${e.direction}`) ?? 0) + 1);
  t.true([...perRule.values()].every((n) => n <= MATCHES_PER_RULE));
  const capped = entries.filter((e) => e.more === true);
  t.true(capped.length > 0, 'a wide sum has rules with more matches than are listed');
  for (const e of capped) t.is(perRule.get(`${e.ruleId} ${e.direction}`), MATCHES_PER_RULE);
  const small = readGoal('X A + X B', DECLS);
  t.false(rulesAt(small.term, [], coreRules(), { facts: small.facts, predicates: PREDICATES }).some((e) => e.more === true));
});
