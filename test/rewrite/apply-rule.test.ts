import test from 'ava';
import { equalTerms, termKey } from '../../src/term/index.js';
import { applyRule } from '../../src/rewrite/index.js';
import { failsWith, makeRule, predicatesFor, readGoal, rewrite, rewritesTo } from './helpers.js';

const INV = 'A⁻¹ A = I if invertible(A)';
const M = 'A B: matrix';
const S = 'c: scalar; A: matrix';
const TP = '(A B)ᵀ = Bᵀ Aᵀ';
const D = 'i k: index; v: vector';

// The run of factors at any offset; the rest of the product stays.
rewritesTo(INV, 'A: matrix', 'B C⁻¹ C D', 'B I D'); // canonical form keeps I: removing it is a rule's job
rewritesTo(INV, 'A: matrix', 'C⁻¹ C D', 'I D');
rewritesTo(INV, 'A: matrix', 'B C⁻¹ C', 'B I');
rewritesTo(INV, 'A: matrix', 'X⁻¹ X', 'I');
rewritesTo(INV, 'A: matrix', '2 B C⁻¹ C D', '2 B I D');
rewritesTo(INV, 'A: matrix', '−t B C⁻¹ C', '−t B I', { decls: 't ∈ ℝ' });
rewritesTo('A⁻¹ A = I', 'A: matrix', '(XY)⁻¹ X Y', 'I');
// Scalars commute out; coefficients fold.
rewritesTo('tr(c A) = c tr(A)', S, 'tr(2X)', '2 tr(X)');
rewritesTo('tr(c A) = c tr(A)', S, 'tr(t X)', 't tr(X)', { decls: 't ∈ ℝ' });
rewritesTo('tr(c A) = c tr(A)', S, 'tr(−2 t X)', '−2 t tr(X)', { decls: 't ∈ ℝ' });
rewritesTo('c A = A', S, '3 X Y', 'X Y');
rewritesTo('(−A)ᵀ = −Aᵀ', 'A: matrix', '(−2X)ᵀ', '−(2X)ᵀ'); // A = 2X
rewritesTo('(−A)ᵀ = −Aᵀ', 'A: matrix', '(−X)ᵀ', '−Xᵀ');
// Sums: any subset of summands; the others stay.
rewritesTo('A − A = 0', 'A: matrix', 'X + Y − X', 'Y');
rewritesTo('A − A = 0', 'A: matrix', '2X + Y − 2X', 'Y');
rewritesTo('tr(A + B) = tr(A) + tr(B)', M, 'tr(X + Y)', 'tr(X) + tr(Y)');
rewritesTo('tr(A + B) = tr(A) + tr(B)', M, 'tr(X + Y + Z)', 'tr(X) + tr(Y + Z)');
// Transpose of a product and inverses on the seed's terms.
rewritesTo(TP, M, '(X⁻¹ Y)ᵀ', 'Yᵀ X⁻ᵀ');
rewritesTo(TP, M, '(X Y Z)ᵀ', '(Y Z)ᵀ Xᵀ');
rewritesTo(TP, M, 'Yᵀ Xᵀ', '(X Y)ᵀ', { direction: 'backward' });
rewritesTo('(Aᵀ)⁻¹ = (A⁻¹)ᵀ', 'A: matrix', '(X⁻¹)ᵀ', '(Xᵀ)⁻¹', { direction: 'backward' });
rewritesTo('(Aᵀ)⁻¹ = (A⁻¹)ᵀ', 'A: matrix', 'aᵀ (Xᵀ)⁻¹ b', 'aᵀ X⁻ᵀ b');
rewritesTo('aᵀ A b = bᵀ Aᵀ a', 'a b: vector; A: matrix', 'aᵀX⁻¹b', 'bᵀ X⁻ᵀ a');
rewritesTo('aᵀ A b = bᵀ Aᵀ a', 'a b: vector; A: matrix', 'aᵀX⁻¹b Y', 'bᵀ X⁻ᵀ a Y', { path: [0] });
rewritesTo('d(A⁻¹) = −A⁻¹ dA A⁻¹', 'A: matrix', 'aᵀ d(X⁻¹) b', '−aᵀ X⁻¹ dX X⁻¹ b');
// Index metavariables rename consistently.
rewritesTo('δ_{ik} v_k = v_i', D, 'δ_{jℓ} b_ℓ', 'b_j');
rewritesTo('δ_{ik} v_k = v_i', D, '2 δ_{jℓ} b_ℓ', '2 b_j');
failsWith('δ_{ik} v_k = v_i', D, 'δ_{jj} b_j', 'no-match');
// Repeated metavariables must bind equal terms.
failsWith(INV, 'A: matrix', 'X⁻¹ Y', 'no-match');
// A scalar metavariable does not bind a matrix (the default sort test asks the goal's shapes).
failsWith('tr(c) = c', 'c: scalar', 'tr(X)', 'no-match');
rewritesTo('tr(c) = c', 'c: scalar', 'tr(t)', 't', { decls: 't ∈ ℝ' });
// Directions, paths, side conditions.
failsWith(INV, 'A: matrix', 'I', 'forward-only', { direction: 'backward' });
failsWith(INV, 'A: matrix', 'Z⁻¹ Z', 'side-condition', { invertible: ['X'] });
failsWith(INV, 'A: matrix', 'X⁻¹ X', 'bad-path', { path: [5] });
failsWith(INV, 'A: matrix', 'X⁻¹ X + Y', 'no-match', { path: [1] });
rewritesTo(INV, 'A: matrix', 'X⁻¹ X + Y', 'I + Y', { path: [0] });

test('a failing side condition names the condition, its instantiated argument and why', (t) => {
  const { outcome } = rewrite(INV, 'A: matrix', 'Z⁻¹ Z', { invertible: ['X'] });
  if (outcome.ok || outcome.reason !== 'side-condition') return t.fail();
  t.is(outcome.condition.predicate, 'invertible');
  t.is(termKey(outcome.condition.args[0]!), 'Z');
  t.is(outcome.explanation, 'Z is not known to be invertible');
});

test('a step records rule, direction, path, part, substitution, discharged conditions, before and after', (t) => {
  const { outcome, goal } = rewrite(INV, 'A: matrix', 'Y + B C⁻¹ C D');
  if (!outcome.ok) return t.fail();
  const { step } = outcome;
  t.is(step.ruleId, 'test-rule');
  t.is(step.direction, 'forward');
  t.deepEqual(step.path, [0]);
  t.like(step.part, { kind: 'factors', start: 1, end: 3 });
  t.is(termKey(step.subst.get('A')!), 'C');
  t.deepEqual(step.conditions.map((c) => [c.predicate, termKey(c.args[0]!), c.by]), [['invertible', 'C', 'declaration']]);
  t.is(step.before, goal.term);
  t.true(equalTerms(step.after, readGoal('Y + B I D').term));
});

test('no match: the closest subterms with the pattern head come first, nearest to the path', (t) => {
  const { outcome } = rewrite('tr(A⁻¹ B) = tr(B A⁻¹)', 'A B: matrix', 'tr(Z) + t tr(Xᵀ A)', { path: [0, 0], decls: 't ∈ ℝ' });
  if (outcome.ok || outcome.reason !== 'no-match') return t.fail(JSON.stringify(outcome.ok));
  t.is(termKey(outcome.expected), '(tr (* #1 (inv A) B))');
  t.deepEqual(outcome.path, [0, 0]); // the sum is ordered: t tr(Xᵀ A) comes first
  t.deepEqual(outcome.closest.map((c) => [c.path.join('.'), termKey(c.term)]), [
    ['0.0', '(tr (* #1 (T X) A))'],
    ['1', '(tr Z)'],
  ]);
});

test('occurrence picks among all applicable matches', (t) => {
  const first = rewrite('A B = B A', M, 'X Y Z', { occurrence: 0 }).outcome;
  const third = rewrite('A B = B A', M, 'X Y Z', { occurrence: 2 }).outcome;
  const none = rewrite('A B = B A', M, 'X Y Z', { occurrence: 9 }).outcome;
  t.true(first.ok && equalTerms(first.step.after, readGoal('Y X Z').term));
  t.true(third.ok && equalTerms(third.step.after, readGoal('Z X Y').term));
  t.false(none.ok);
});

test('a side condition failing on one match does not hide an applicable later one', (t) => {
  const { outcome } = rewrite(INV, 'A: matrix', 'Z⁻¹ Z X⁻¹ X', { invertible: ['X'] });
  t.true(outcome.ok && equalTerms(outcome.step.after, readGoal('Z⁻¹ Z I').term));
});

test('the kernel refuses to write a metavariable the match did not bind, even for a rule not marked forward-only', (t) => {
  const rule = makeRule('A⁻¹ A = I', 'A: matrix', 'inverse-left', false);
  const goal = readGoal('I');
  const options = { facts: goal.facts, predicates: predicatesFor([]) };
  t.like(applyRule(goal.term, rule, { ...options, direction: 'backward' }), { ok: false, reason: 'forward-only' });
  const bad = { ...rule, lhs: rule.rhs, rhs: rule.lhs };
  t.like(applyRule(goal.term, bad, options), { ok: false, reason: 'unbound-variables', variables: ['A'] });
});
