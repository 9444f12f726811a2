import test from 'ava';
import { printTerm } from '../../src/print/index.js';
import { checkedOf, deriveOf } from '../support/derive.js';

/** `derive` (src/search/derive.ts): results, the steps that reach them, and what it refuses. */

const SEED = 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n} invertible';

test('the seed: ∂(aᵀX⁻¹b)/∂X = −X⁻ᵀabᵀX⁻ᵀ, through d(X⁻¹), the trace and its cyclic rotation', (t) => {
  const d = deriveOf('a^TX^{-1}b', 'X', SEED);
  if (!d.ok) return t.fail(d.problem);
  t.is(d.kind, 'gradient');
  t.is(printTerm(d.lhs), '∂(aᵀX⁻¹b)/∂X');
  t.is(printTerm(d.result), '−X⁻ᵀabᵀX⁻ᵀ');
  t.is(printTerm(d.start), 'd(aᵀX⁻¹b)');
  const rules = d.steps.map((s) => s.ruleId);
  for (const id of ['d-inverse', 'trace-of-scalar', 'trace-cyclic', 'transpose-of-product']) t.true(rules.includes(id), id);
  d.steps.forEach((s, i) => t.is(s.before, i === 0 ? d.start : d.steps[i - 1]!.after, 'each step starts where the last ended'));
});

test('the kernel accepts every derivation it is given (derive proposes, check decides)', (t) => {
  const cases: [string, string, string][] = [
    ['a^TX^{-1}b', 'X', SEED], ['tr(AXB)', 'X', 'A, B, X ∈ ℝ^{n×n}'], ['x^TAx', 'x', 'x ∈ ℝⁿ; A ∈ ℝ^{n×n}'],
    ['log(det(S))', 'S', 'S ∈ ℝ^{n×n} positive-definite'], ['X^{-1}', 'X', 'X ∈ ℝ^{n×n} invertible'], ['t^2 A + t B', 't', 't ∈ ℝ; A, B ∈ ℝ^{n×n}'],
  ];
  for (const [expr, wrt, decls] of cases) t.false('exitCode' in checkedOf(expr, wrt, decls), expr);
});

test('the kinds: a gradient for scalar f, the differential for a matrix F, entry-wise by a scalar', (t) => {
  const shown = (expr: string, wrt: string, decls: string): string => {
    const d = deriveOf(expr, wrt, decls);
    return d.ok ? `${d.kind}: ${printTerm(d.lhs)} = ${printTerm(d.result)}` : `failed: ${d.problem}`;
  };
  t.is(shown('tr(AX)', 'X', 'A, X ∈ ℝ^{n×n}'), 'gradient: ∂tr(AX)/∂X = Aᵀ');
  t.is(shown('X^{-1}', 'X', 'X ∈ ℝ^{n×n} invertible'), 'differential: d(X⁻¹) = −X⁻¹ dX X⁻¹');
  t.is(shown('t^2 A', 't', 't ∈ ℝ; A ∈ ℝ^{n×n}'), 'by-scalar: ∂(t²A)/∂t = 2tA');
  t.is(shown('tr(A)', 'X', 'A, X ∈ ℝ^{n×n}'), 'gradient: ∂tr(A)/∂X = 0', 'what does not depend on X has gradient 0');
});

test('a construct no rule differentiates is named, with the rule whose condition failed', (t) => {
  const d = deriveOf('‖x‖', 'x', 'x ∈ ℝⁿ');
  if (d.ok) return t.fail('‖x‖ needs x ≠ 0, which is not declared');
  t.is(d.reason, 'unsupported');
  t.is(d.problem, 'no rule differentiates');
  t.is(printTerm(d.construct!), '‖x‖');
  t.regex(d.note ?? '', /rule "d-norm" applies where x is not known to be nonzero/);
  const tan = deriveOf('tan(a^TXb)', 'X', 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}');
  if (tan.ok) return t.fail('the shipped rules have no differential of tan');
  t.is(printTerm(tan.construct!), 'tan(aᵀXb)');
});

test('budgets: a derivation out of steps stops, says which budget and while doing what, and keeps its steps', (t) => {
  t.true(deriveOf('tr(X^6)', 'X', 'X ∈ ℝ^{n×n}').ok, 'within the default budget');
  const d = deriveOf('tr(X^6)', 'X', 'X ∈ ℝ^{n×n}', { budget: { maxSteps: 12 } });
  if (d.ok) return t.fail('12 steps are not enough');
  t.is(d.reason, 'budget');
  t.deepEqual(d.stop, { reason: 'step-budget', limit: 12 });
  t.regex(d.problem, /^step budget \(12 steps\) reached while /);
  t.is(d.steps?.length, 12);
  let clock = 0;
  const timed = deriveOf('tr(X^6)', 'X', 'X ∈ ℝ^{n×n}', { budget: { maxMillis: 5 }, now: () => clock++ });
  if (timed.ok) return t.fail('a clock that moves 1 ms per look runs out of 5 ms');
  t.deepEqual(timed.stop, { reason: 'time-budget', limit: 5 });
});

test('series: a power is differentiated one factor at a time, so the steps grow linearly with the exponent', (t) => {
  const steps = (k: number): number => {
    const d = deriveOf(`a^TX^{-${k}}b`, 'X', SEED);
    return d.ok ? d.steps.length : NaN;
  };
  const [eight, sixteen, thirtyTwo] = [steps(8), steps(16), steps(32)];
  t.is(thirtyTwo - sixteen, 2 * (sixteen - eight), `8: ${eight}, 16: ${sixteen}, 32: ${thirtyTwo} steps: a constant number per power of X`);
  const d = deriveOf('a^TX^{-3}b', 'X', SEED);
  if (!d.ok) return t.fail(d.problem);
  t.is(printTerm(d.result), '−X⁻ᵀabᵀ (X⁻ᵀ)³ − (X⁻ᵀ)² abᵀ (X⁻ᵀ)² − (X⁻ᵀ)³ abᵀX⁻ᵀ', 'the factors split off merge back into powers');
});

test('series: the product rule on n factors distributes as it goes, O(n) steps before the result is tidied', (t) => {
  const differentiation = (k: number): number => {
    const names = [...'ABCDFGHK'].slice(0, k);
    const d = deriveOf(`tr(${names.map((n) => `${n}X`).join('')})`, 'X', `${names.join(', ')}, X ∈ ℝ^{n×n}`);
    if (!d.ok) return NaN;
    return d.steps.filter((s) => /^(d-|distribute-|trace-of-sum)/.test(s.ruleId)).length;
  };
  const [two, four, eight] = [differentiation(2), differentiation(4), differentiation(8)];
  t.is(eight - four, 2 * (four - two), `2, 4, 8 factors: ${two}, ${four}, ${eight} steps: a constant number per factor`);
});

test('series: ∂tr(A₁X⋯AₖX)/∂X takes a constant number of steps per factor, however long the product (spread and collect steps)', (t) => {
  const derivation = (k: number): { steps: number; merges: number; transposes: number } => {
    const names = [...'ABCDFGHKLMNPQRSU'].slice(0, k);
    const d = deriveOf(`tr(${names.map((n) => `${n}X`).join('')})`, 'X', `${names.join(', ')}, X ∈ ℝ^{n×n}`);
    if (!d.ok) return { steps: NaN, merges: NaN, transposes: NaN };
    const count = (id: string): number => d.steps.filter((s) => s.ruleId === id).length;
    return { steps: d.steps.length, merges: count('trace-merge'), transposes: count('transpose-of-product') };
  };
  const [four, eight, sixteen] = [derivation(4), derivation(8), derivation(16)];
  t.is(sixteen.steps - eight.steps, 2 * (eight.steps - four.steps), `4, 8, 16 factors: ${four.steps}, ${eight.steps}, ${sixteen.steps} steps`);
  t.is(sixteen.merges, 1, 'the k gradient terms are collected in one step');
  t.is(sixteen.transposes, 2 * 16, 'each of the k terms is transposed through its product in two steps, not 2k − 1');
});
