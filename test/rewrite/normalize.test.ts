import test from 'ava';
import { applicableRewrites, normalize, type NormalizeOptions } from '../../src/rewrite/index.js';
import { equalTerms, getAt, termKey } from '../../src/term/index.js';
import { makeRule, predicatesFor, readGoal, type Goal } from './helpers.js';

const transposeOfProduct = makeRule('(A B)ᵀ = Bᵀ Aᵀ', 'A B: matrix', 'transpose-of-product');
const transposeTwice = makeRule('(Aᵀ)ᵀ = A', 'A: matrix', 'transpose-transpose');
const inverseLeft = makeRule('A⁻¹ A = I if invertible(A)', 'A: matrix', 'inverse-left');
const identityRight = makeRule('A I = A', 'A: matrix', 'identity-right');
const swap = makeRule('A B = B A', 'A B: matrix', 'swap');
const grow = makeRule('A = (Aᵀ)ᵀ', 'A: matrix', 'grow');

const options = (goal: Goal, maxSteps = 50): NormalizeOptions =>
  ({ facts: goal.facts, predicates: predicatesFor(['X', 'Y']), maxSteps });

test('normalize reaches a normal form, innermost first', (t) => {
  const goal = readGoal('((X Y)ᵀ)ᵀ');
  const result = normalize(goal.term, [transposeOfProduct, transposeTwice], options(goal));
  t.is(result.stop, 'normal-form');
  t.true(equalTerms(result.term, readGoal('X Y').term), termKey(result.term));
  t.is(result.steps[0]!.ruleId, 'transpose-of-product', 'the inner (X Y)ᵀ is rewritten first');
  t.deepEqual(result.steps[0]!.path, [0]);
  t.deepEqual(result.cycleRules, []);
});

test('normalize chains steps: each after is the next before', (t) => {
  const goal = readGoal('Z X⁻¹ X');
  const result = normalize(goal.term, [inverseLeft, identityRight], options(goal));
  t.is(result.stop, 'normal-form');
  t.true(equalTerms(result.term, readGoal('Z').term), termKey(result.term));
  t.deepEqual(result.steps.map((s) => s.ruleId), ['inverse-left', 'identity-right']);
  t.is(result.steps[0]!.before, goal.term);
  t.is(result.steps[1]!.before, result.steps[0]!.after);
});

test('normalize detects a cycle and names the rules involved', (t) => {
  const goal = readGoal('X Y');
  const result = normalize(goal.term, [swap], options(goal));
  t.is(result.stop, 'cycle');
  t.deepEqual(result.cycleRules, ['swap']);
  t.is(result.steps.length, 2);
  t.true(equalTerms(result.term, goal.term));
});

test('normalize stops at the step limit', (t) => {
  const goal = readGoal('X');
  const result = normalize(goal.term, [grow], options(goal, 5));
  t.is(result.stop, 'step-limit');
  t.is(result.steps.length, 5);
});

test('normalize of a term no rule touches is immediate', (t) => {
  const goal = readGoal('X + Y');
  const result = normalize(goal.term, [transposeOfProduct, inverseLeft], options(goal));
  t.is(result.stop, 'normal-form');
  t.is(result.steps.length, 0);
  t.is(result.term, goal.term);
});

test('applicableRewrites lists every rule, position, direction and match that applies, with results', (t) => {
  const goal = readGoal('X⁻¹ X + (Y Z)ᵀ');
  const found = applicableRewrites(goal.term, [inverseLeft, transposeOfProduct], { facts: goal.facts, predicates: predicatesFor(['X']) });
  const shown = found.map(({ rule, step }) => `${rule.id} ${step.direction} @${step.path.join('.')} → ${termKey(step.after)}`);
  t.deepEqual(shown, [
    'inverse-left forward @0 → (+ (I) (T (* #1 Y Z)))',
    'transpose-of-product forward @1 → (+ (* #1 (T Z) (T Y)) (* #1 (inv X) X))',
  ]);
});

test('applicableRewrites tries backward directions and skips failing side conditions', (t) => {
  const goal = readGoal('Yᵀ Xᵀ + Z⁻¹ Z');
  const found = applicableRewrites(goal.term, [inverseLeft, transposeOfProduct], { facts: goal.facts, predicates: predicatesFor(['X']) });
  t.deepEqual(found.map(({ rule, step }) => `${rule.id} ${step.direction} @${step.path.join('.')}`), [
    'transpose-of-product backward @0',
  ]);
  t.true(equalTerms(found[0]!.step.after, readGoal('(X Y)ᵀ + Z⁻¹ Z').term));
});

test('applicableRewrites pre-filters by constant symbols without losing matches', (t) => {
  const constant = makeRule('tr(X) = tr(Xᵀ)', '', 'trace-of-x');
  const goal = readGoal('tr(Y) + tr(X) + tr(X Y)');
  const found = applicableRewrites(goal.term, [constant], { facts: goal.facts, predicates: predicatesFor([]), directions: ['forward'] });
  t.deepEqual(found.map(({ step }) => termKey(getAt(goal.term, step.path)!)), ['(tr X)']);
});
