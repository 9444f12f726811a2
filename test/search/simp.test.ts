import test from 'ava';
import { describeStop, nodeCount, simp, simpRules, type SimpOptions } from '../../src/search/simp.js';
import type { Rule } from '../../src/rules/index.js';
import { equalTerms, termKey } from '../../src/term/index.js';
import { makeRule, predicatesFor, readGoal, type Goal } from '../rewrite/helpers.js';

/** Rules for these tests, with tags: `simp` rules are what `simpRules` keeps; `transform` passes the cost gate. */
const tagged = (rule: Rule, ...tags: string[]): Rule => ({ ...rule, tags });
const transposeTwice = tagged(makeRule('(Aᵀ)ᵀ = A', 'A: matrix', 'transpose-involution'), 'simp');
const transposeOfProduct = tagged(makeRule('(A B)ᵀ = Bᵀ Aᵀ', 'A B: matrix', 'transpose-of-product'), 'simp');
const distribute = makeRule('A (B + C) = A B + A C', 'A B C: matrix', 'distribute-left');
const grow = makeRule('A = (Aᵀ)ᵀ', 'A: matrix', 'grow');
const toF = tagged(makeRule('(A⁻¹)ᵀ = (Aᵀ)⁻¹', 'A: matrix', 'there'), 'simp');
const back = tagged(makeRule('(Aᵀ)⁻¹ = (A⁻¹)ᵀ', 'A: matrix', 'back-again'), 'simp');

const options = (goal: Goal, more: Partial<SimpOptions> = {}): SimpOptions =>
  ({ facts: goal.facts, predicates: predicatesFor(['X', 'Y', 'Z']), ...more });

test('simpRules keeps the rules tagged simp, in order', (t) => {
  t.deepEqual(simpRules([distribute, transposeTwice, grow, transposeOfProduct]).map((r) => r.id), ['transpose-involution', 'transpose-of-product']);
});

test('simp reaches a normal form and records every step', (t) => {
  const goal = readGoal('((X Y)ᵀ)ᵀ + (Zᵀ)ᵀ');
  const r = simp(goal.term, [transposeOfProduct, transposeTwice], options(goal));
  t.deepEqual(r.stop, { reason: 'normal-form' });
  t.true(equalTerms(r.term, readGoal('X Y + Z').term), termKey(r.term));
  t.is(r.steps[0]!.before, goal.term);
  r.steps.slice(1).forEach((s, i) => t.is(s.before, r.steps[i]!.after));
  t.is(describeStop(r.stop, r.steps.length), `normal form after ${r.steps.length} steps`);
});

test('the cost gate skips a step that grows the term, unless its rule transforms', (t) => {
  const goal = readGoal('X (Y + Z)');
  const gated = simp(goal.term, [distribute], options(goal));
  t.deepEqual(gated.stop, { reason: 'normal-form' });
  t.is(gated.steps.length, 0, 'X(Y + Z) → XY + XZ has more nodes');
  const expanding = simp(goal.term, [tagged(distribute, 'transform')], options(goal));
  t.is(expanding.steps.length, 1);
  t.true(equalTerms(expanding.term, readGoal('X Y + X Z').term));
});

test('simp names the rules of a cycle', (t) => {
  const goal = readGoal('(X⁻¹)ᵀ');
  const r = simp(goal.term, [toF, back], options(goal));
  t.deepEqual(r.stop, { reason: 'cycle', rules: ['there', 'back-again'] });
  t.is(describeStop(r.stop, r.steps.length), 'a term came back after 2 steps: rules "there", "back-again" loop');
});

test('simp stops at its step budget', (t) => {
  const goal = readGoal('X');
  const r = simp(goal.term, [tagged(grow, 'transform')], options(goal, { limits: { maxSteps: 7 } }));
  t.deepEqual(r.stop, { reason: 'step-budget', limit: 7, rules: ['grow ×7'] });
  t.is(r.steps.length, 7);
  t.is(describeStop(r.stop, r.steps.length), 'step budget (7 steps) reached; rules applied most: grow ×7');
});

test('simp stops at its size budget before a step makes the term too large', (t) => {
  const goal = readGoal('X');
  const r = simp(goal.term, [tagged(grow, 'transform')], options(goal, { limits: { maxNodes: 9 } }));
  t.deepEqual(r.stop, { reason: 'size-budget', limit: 9, rules: [`grow ×${r.steps.length}`] });
  t.true(nodeCount(r.term, Infinity) <= 9);
});

test('simp stops at its time budget (an injected clock)', (t) => {
  let clock = 0;
  const now = (): number => (clock += 10);
  const goal = readGoal('X');
  const r = simp(goal.term, [tagged(grow, 'transform')], options(goal, { now, limits: { maxMillis: 35 } }));
  t.deepEqual(r.stop, { reason: 'time-budget', limit: 35, rules: ['grow ×3'] });
  t.is(r.steps.length, 3);
});

test('nodeCount counts every node and stops past its limit', (t) => {
  const goal = readGoal('X Y + Zᵀ');
  t.is(nodeCount(goal.term, Infinity), 6);
  t.true(nodeCount(goal.term, 2) <= 3);
});
