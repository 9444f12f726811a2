import test from 'ava';
import { applyRule, collectForm, spreadForm, spreadStep, type Step } from '../../src/rewrite/index.js';
import { equalTerms, termKey, type Path, type Term } from '../../src/term/index.js';
import type { Predicate } from '../../src/rules/facts.js';
import { makeRule, readGoal } from './helpers.js';

/**
 * Spread and collect steps: a binary rule taken through a whole product or
 * sum in one kernel step. Each must equal the n − 1 binary steps it stands
 * for, and must refuse wherever one of those steps would.
 */
const M = 'A B: matrix';
const TP = makeRule('(A B)ᵀ = Bᵀ Aᵀ', M, 'transpose-of-product');
const INV = makeRule('(A B)⁻¹ = B⁻¹ A⁻¹ if invertible(A), invertible(B)', M, 'inverse-of-product');
const MERGE = makeRule('tr(A B) + tr(A C) = tr(A (B + C))', 'A B C: matrix', 'trace-merge');
const DECLS = 'A, B, C, D, E, X, Y ∈ ℝ^{n×n}; t ∈ ℝ';

/** `invertible(P)`: a product of the named symbols (the library decides products the same way). */
function predicatesFor(invertible: readonly string[]): ReadonlyMap<string, Predicate> {
  const holds = (u: Term): boolean => (u.kind === 'sym' && invertible.includes(u.name)) || (u.kind === 'mul' && u.factors.every(holds));
  const decide: Predicate['decide'] = ([u]) => (holds(u!) ? { holds: true, by: 'declaration' } : { holds: false, reason: `${termKey(u!)} is not invertible` });
  return new Map([['invertible', { name: 'invertible', arity: 1, doc: 'test', decide }]]);
}

function spreadAt(rule: typeof TP, input: string, path: Path = [], invertible = ['A', 'B', 'C', 'D', 'E']): Step | null {
  const goal = readGoal(input, DECLS);
  return spreadStep(goal.term, path, rule, 'forward', { facts: goal.facts, predicates: predicatesFor(invertible) });
}

/** The binary rule applied at `path` until it no longer applies there (first match each time). */
function binarySteps(rule: typeof TP, input: string, invertible = ['A', 'B', 'C', 'D', 'E']): Term {
  const goal = readGoal(input, DECLS);
  const options = { facts: goal.facts, predicates: predicatesFor(invertible) };
  let term = goal.term;
  for (let i = 0; i < 20; i++) {
    const outcome = applyRule(term, rule, options);
    if (!outcome.ok) return term;
    term = outcome.step.after;
  }
  throw new Error('binary steps did not stop');
}

const key = (text: string): string => termKey(readGoal(text, DECLS).term);

test('spreadForm: the transpose and inverse of a product spread reversed; other rules have no spread form', (t) => {
  t.true(spreadForm(TP, 'forward')?.reversed);
  t.true(spreadForm(INV, 'forward')?.reversed);
  t.false(spreadForm(makeRule('(A B)|_{t=c} = A|_{t=c} B|_{t=c}', 'A B: matrix; c: scalar', 'at-product'), 'forward')?.reversed ?? true);
  t.is(spreadForm(TP, 'backward'), null, 'the product is on the other side');
  t.is(spreadForm(makeRule('d(A B) = dA B + A dB', M), 'forward'), null);
  t.false(spreadForm(makeRule('(A B)ᵀ = Aᵀ Bᵀ', M), 'forward')!.reversed, 'false, but of the form: its spread is its own induction');
  t.is(spreadForm(makeRule('(A B)⁻¹ = A⁻¹ Bᵀ', M), 'forward'), null, 'images of two different forms');
  t.is(spreadForm(makeRule('(A A)ᵀ = Aᵀ Aᵀ', 'A: matrix'), 'forward'), null, 'one metavariable twice');
});

test('(ABCDE)ᵀ = EᵀDᵀCᵀBᵀAᵀ in one step that counts five factors', (t) => {
  const step = spreadAt(TP, '(A B C D E)ᵀ');
  t.truthy(step);
  t.is(termKey(step!.after), key('Eᵀ Dᵀ Cᵀ Bᵀ Aᵀ'));
  t.is(step!.spread, 5);
  t.is(termKey(step!.subst.get('A')!), key('A'), 'the first peel: A = A₁');
});

test('a spread step equals the binary steps it stands for, in context', (t) => {
  for (const input of ['(A B C)ᵀ', '(X⁻¹ A Y B)ᵀ', '(Aᵀ B⁻¹ C)ᵀ', '(A (B + C) D)ᵀ']) {
    const step = spreadAt(TP, `Y + ${input}`, [1]) ?? spreadAt(TP, `Y + ${input}`, [0]);
    t.truthy(step, input);
    t.true(equalTerms(step!.after, binarySteps(TP, `Y + ${input}`)), input);
  }
});

test('the inverse of a product spreads only when every factor is invertible', (t) => {
  const step = spreadAt(INV, '(A B C)⁻¹');
  t.is(termKey(step!.after), key('C⁻¹ B⁻¹ A⁻¹'));
  t.is(step!.conditions.length, 4, 'invertible(A), invertible(B) for each of the two peels');
  t.is(spreadAt(INV, '(A B Y)⁻¹'), null, 'Y is not known to be invertible');
  t.is(spreadAt(INV, '(Y A B)⁻¹'), null, 'nor as the first factor');
});

test('no spread for two factors, a coefficient or a scalar factor: the binary rule covers those', (t) => {
  t.is(spreadAt(TP, '(A B)ᵀ'), null);
  t.is(spreadAt(TP, '(2 A B C)ᵀ'), null);
  t.is(spreadAt(TP, '(t A B C)ᵀ'), null);
  t.is(spreadAt(TP, 'A B C'), null, 'no transpose at the path');
});

test('collect: tr(AB) + tr(AC) + tr(AD) = tr(A(B + C + D)) in one step; other summands stay', (t) => {
  t.truthy(collectForm(MERGE, 'forward'));
  t.is(collectForm(MERGE, 'backward'), null);
  const step = spreadAt(MERGE, 'tr(A B) + tr(X Y) + tr(A C) + tr(A D)');
  t.is(termKey(step!.after), key('tr(A (B + C + D)) + tr(X Y)'));
  t.is(step!.spread, 3);
  t.is(spreadAt(MERGE, 'tr(A B) + tr(X C) + tr(A D)'), null, 'only two summands share A');
});
