import test from 'ava';
import { compareSides, formatCounterexample, type NumericDecl, type NumericProperty } from '../../src/numeric/index.js';
import type { Dim, Shape } from '../../src/shape/index.js';
import { term } from './helpers.js';

const dim = (name: string): Dim => ({ kind: 'dim-sym', name });
const matrix = (r: string, c: string): Shape => ({ kind: 'matrix', rows: dim(r), cols: dim(c) });
const scalar: Shape = { kind: 'scalar' };
const value = (name: string, shape: Shape, properties: NumericProperty[] = [], dependsOn: string[] = [], constantIn: string[] = []): NumericDecl =>
  ({ kind: 'value', name, shape, properties, dependsOn, constantIn });

const sides = (text: string, decls: string): [ReturnType<typeof term>, ReturnType<typeof term>] => {
  const [l, r] = text.split(' = ') as [string, string];
  return [term(l, decls), term(r, decls)];
};

test('a true identity agrees on every size assignment, non-square ones included', (t) => {
  const decls = [value('A', matrix('m', 'n')), value('B', matrix('n', 'p'))];
  const [l, r] = sides('(A B)ᵀ = Bᵀ Aᵀ', 'A ∈ ℝ^{m×n}; B ∈ ℝ^{n×p}');
  const c = compareSides(l, r, decls, { seed: 1 });
  t.is(c.verdict, 'agree');
  t.is(c.agreed, 5);
});

test('a false identity disagrees, with a counterexample a person can read', (t) => {
  const decls = [value('A', matrix('n', 'n')), value('B', matrix('n', 'n'))];
  const [l, r] = sides('(A B)ᵀ = Aᵀ Bᵀ', 'A, B ∈ ℝ^{n×n}');
  const c = compareSides(l, r, decls, { seed: 1 });
  t.is(c.verdict, 'disagree');
  const text = formatCounterexample(c.counterexample!).join('\n');
  t.regex(text, /sizes: A : 2×2, B : 2×2/);
  t.regex(text, /A = \[-?\d/);
  t.regex(text, /left {2}= \[/);
  t.regex(text, /max \|left − right\| = [\d.]+ {3}\(relative [\d.]+\)/);
});

test('conditions the sampler can never satisfy leave the equation untested, not passed', (t) => {
  const decls = [value('c', scalar)];
  const [l, r] = sides('c = c', 'c ∈ ℝ');
  const c = compareSides(l, r, decls, { seed: 1, conditions: [{ predicate: 'positive', term: term('−c² − 1', 'c ∈ ℝ'), text: 'positive(−c² − 1)' }] });
  t.is(c.verdict, 'untested');
  t.regex(c.reason!, /could not satisfy positive\(−c² − 1\)/);
});

test('singular samples are re-drawn, never reported: an always singular inverse is untested', (t) => {
  const decls = [value('X', matrix('n', 'n'))];
  const [l, r] = sides('(X − X)⁻¹ = X', 'X ∈ ℝ^{n×n}');
  const c = compareSides(l, r, decls, { seed: 1 });
  t.is(c.verdict, 'untested');
  t.regex(c.reason!, /singular|conditioned|division by zero/);
});

test('samples outside a domain are re-drawn: log c = log c agrees although c is often negative', (t) => {
  const [l, r] = sides('log(c) = log(c)', 'c ∈ ℝ');
  t.is(compareSides(l, r, [value('c', scalar)], { seed: 1 }).verdict, 'agree');
});

test('NaN and Infinity never reach a verdict', (t) => {
  const [l, r] = sides('exp(exp(exp(c + 9))) = 0', 'c ∈ ℝ');
  const c = compareSides(l, r, [value('c', scalar)], { seed: 1 });
  t.is(c.verdict, 'untested');
});

test('a generic inverse in a true rule never makes a false alarm over many seeds', (t) => {
  const decls = [value('A', matrix('n', 'n'))];
  const [l, r] = sides('(Aᵀ)⁻¹ = (A⁻¹)ᵀ', 'A ∈ ℝ^{n×n}');
  for (let seed = 1; seed <= 50; seed++) t.not(compareSides(l, r, decls, { seed }).verdict, 'disagree');
});

test('little-o: a true expansion agrees, a wrong one fails to shrink', (t) => {
  const decls = [value('H', matrix('n', 'n'))];
  const [l, r] = sides('(I + H)⁻¹ = I − H + o(H)', 'H ∈ ℝ^{n×n}');
  t.is(compareSides(l, r, decls, { seed: 1 }).verdict, 'agree');
  const [l2, r2] = sides('(I + H)⁻¹ = I + o(H)', 'H ∈ ℝ^{n×n}');
  const c = compareSides(l2, r2, decls, { seed: 1 });
  t.is(c.verdict, 'disagree');
  t.is(c.counterexample?.littleO?.ratios.length, 4);
  t.true(c.counterexample!.littleO!.ratios.every((q) => q > 0.1));
});

test('little-o: what is constant in the small symbol does not shrink (X in o(X⁻¹H))', (t) => {
  const decls = [value('X', matrix('n', 'n'), ['invertible'], [], ['H']), value('H', matrix('n', 'n'))];
  const [l, r] = sides('o(X⁻¹ H) = o(H)', 'X, H ∈ ℝ^{n×n}');
  t.is(compareSides(l, r, decls, { seed: 1 }).verdict, 'agree');
});

test('curves: the product rule agrees, a one-term product rule disagrees', (t) => {
  const decls = [value('t', scalar), value('A', matrix('n', 'n'), [], ['t']), value('B', matrix('n', 'n'), [], ['t'])];
  const d = 't ∈ ℝ; A, B ∈ ℝ^{n×n}';
  const [l, r] = sides('∂(A B)/∂t = (∂A/∂t) B + A ∂B/∂t', d);
  t.is(compareSides(l, r, decls, { seed: 1 }).verdict, 'agree');
  const [l2, r2] = sides('∂(A B)/∂t = (∂A/∂t) B', d);
  t.is(compareSides(l2, r2, decls, { seed: 1 }).verdict, 'disagree');
});

test('a construct without a numeric meaning leaves the equation untested, with the reason', (t) => {
  const [l, r] = sides('tr(I) = c', 'c ∈ ℝ');
  const c = compareSides(l, r, [value('c', scalar)], { seed: 1 });
  t.is(c.verdict, 'untested');
  t.regex(c.reason!, /cannot evaluate: cannot take tr of I of unknown size/);
});
