import test from 'ava';
import { Matrix } from 'ml-matrix';
import { evaluate, type Binding, type Value } from '../../src/numeric/index.js';
import { envOf, plain, rounded, term, type Plain } from './helpers.js';

/**
 * The evaluator against hand-computed values. The sample: A = [1 2; 3 4],
 * B = [0 1; 1 0], S = [2 1; 1 2] (symmetric, det 3), C = [1 2; 3 8],
 * a = (1, 2)ᵀ, b = (3, −1)ᵀ, t = 3, and the 3×3 M = [2 0 1; 1 3 2; 1 1 2]
 * (det 6, tr 7, M⁻¹ = [4 1 −3; 0 3 −3; −2 −2 6]/6).
 */
const values: Record<string, Plain> = {
  A: [[1, 2], [3, 4]], B: [[0, 1], [1, 0]], S: [[2, 1], [1, 2]], C: [[1, 2], [3, 8]],
  a: [[1], [2]], b: [[3], [-1]], t: 3, c: -2,
  M: [[2, 0, 1], [1, 3, 2], [1, 1, 2]], v: [[1], [0], [2]],
};
const decls = 'A, B, S, C ∈ ℝ^{2×2}; a, b ∈ ℝ^2; t, c ∈ ℝ; M ∈ ℝ^{3×3}; v ∈ ℝ^3; i, j, p : index';
/** i = 2, j = 1 (0-based 1 and 0), ranges 2; p ranges over 3. */
const indices = { indices: new Map([['i', 1], ['j', 0], ['p', 2]]), ranges: new Map([['i', 2], ['j', 2], ['p', 3]]) };

const value = (text: string, extra = {}): ReturnType<typeof plain> =>
  rounded(plain(evaluate(term(text, decls), envOf(values, { ...indices, ...extra }))));

const cases: readonly [string, ReturnType<typeof plain>][] = [
  ['A B', [[2, 1], [4, 3]]],
  ['B A', [[3, 4], [1, 2]]],
  ['2 A − B', [[2, 3], [5, 8]]],
  ['A + I', [[2, 2], [3, 5]]],
  ['Aᵀ', [[1, 3], [2, 4]]],
  ['A⁻¹', [[-2, 1], [1.5, -0.5]]],
  ['A⁻ᵀ', [[-2, 1.5], [1, -0.5]]],
  ['tr(A)', 5],
  ['det(A)', -2],
  ['log(det(S))', rounded(Math.log(3)) as number],
  ['aᵀ A b', 11],
  ['a bᵀ', [[3, -1], [6, -2]]],
  ['aᵀ b', 1],
  ['A²', [[7, 10], [15, 22]]],
  ['A^3', [[37, 54], [81, 118]]],
  ['A ⊙ B', [[0, 2], [3, 0]]],
  ['A ⊘ C', [[1, 1], [1, 0.5]]],
  ['A .^ 2', [[1, 4], [9, 16]]],
  ['A ⊗ B', [[0, 1, 0, 2], [1, 0, 2, 0], [0, 3, 0, 4], [3, 0, 4, 0]]],
  ['c A', [[-2, -4], [-6, -8]]],
  ['t^2 + 1', 10],
  ['exp(0 t)', 1],
  ['sqrt(t + 1)', 2],
  ['‖a‖', rounded(Math.sqrt(5)) as number],
  ['‖A‖_F', rounded(Math.sqrt(30)) as number],
  ['det(M)', 6],
  ['tr(M)', 7],
  ['M⁻¹', rounded([[4, 1, -3], [0, 3, -3], [-2, -2, 6]].map((r) => r.map((x) => x / 6)))],
  ['M v', [[4], [5], [5]]],
  ['vᵀ M v', 14],
  ['A_{ij}', 3],
  ['A_{ji}', 2],
  ['A[1,2]', 2],
  ['a_i', 2],
  ['(Aᵀ)_{ij}', 2],
  ['δ_{ij}', 0],
  ['δ_{ii}', 1],
  ['e_i', [[0], [1]]],
  ['e_p', [[0], [0], [1]]],
  ['e_i e_jᵀ', [[0, 0], [1, 0]]],
  ['e_iᵀ A e_j', 3],
  ['I_{ij}', 0],
  ['A_{ik} B_{kj}', 4],
  ['a_k b_k', 1],
  ['δ_{ik} a_k', 2],
  ['\\sum_k a_k b_k', 1],
  ['M_{pk} v_k', 5],
];

for (const [text, expected] of cases) {
  test(`evaluates ${text}`, (t) => {
    t.deepEqual(value(text), expected);
  });
}

test('the identity alone takes no size; it takes the size of what it meets', (t) => {
  t.is(plain(evaluate(term('I'), envOf({}))), 'I×1');
  t.is(plain(evaluate(term('I⁻¹'), envOf({}))), 'I×1');
  t.deepEqual(value('I A'), [[1, 2], [3, 4]]);
});

test('scalar-valued products become numbers, not 1×1 matrices', (t) => {
  const r = evaluate(term('aᵀ b', decls), envOf(values));
  t.true(r.ok && typeof r.value === 'number');
});

test('matrix functions: exp of a symmetric matrix through its eigenvalues, of a nilpotent one by series', (t) => {
  const d = rounded(plain(evaluate(term('exp(D)', 'D ∈ ℝ^{2×2}'), envOf({ D: [[1, 0], [0, 2]] }))));
  t.deepEqual(d, rounded([[Math.E, 0], [0, Math.exp(2)]]));
  t.deepEqual(rounded(plain(evaluate(term('exp(N)', 'N ∈ ℝ^{2×2}'), envOf({ N: [[0, 1], [0, 0]] })))), [[1, 1], [0, 1]]);
  t.deepEqual(rounded(plain(evaluate(term('exp.(N)', 'N ∈ ℝ^{2×2}'), envOf({ N: [[0, 1], [0, 0]] })))), rounded([[1, Math.E], [1, 1]]));
});

test('∂/∂t by central differences', (t) => {
  t.is(value('∂(t^3)/∂t'), 27);
  t.is(value('∂(c t)/∂t'), -2);
});

test('∂f/∂X entry by entry: ∂(aᵀXb)/∂X = abᵀ, ∂det(X)/∂X = det(X) X⁻ᵀ', (t) => {
  const env = envOf({ ...values, X: values['A']! });
  const d = 'a, b ∈ ℝ^2; X ∈ ℝ^{2×2}';
  t.deepEqual(rounded(plain(evaluate(term('∂(aᵀXb)/∂X', d), env))), [[3, -1], [6, -2]]);
  t.deepEqual(rounded(plain(evaluate(term('∂det(X)/∂X', d), env))), [[4, -3], [-2, 1]]);
  t.deepEqual(rounded(plain(evaluate(term('∂(Xb)/∂b', d), env))), [[1, 2], [3, 4]]);
  t.is(rounded(plain(evaluate(term('∂det(X)/∂X_{ij}', `${d}; i, j : index`), envOf({ ...values, X: values['A']! }, indices)))), -2);
});

test('d(X⁻¹) along the direction dX = B is −X⁻¹ B X⁻¹', (t) => {
  const env = envOf({ X: values['A']! }, { directions: new Map([['X', new Matrix(values['B'] as number[][])]]) });
  t.deepEqual(rounded(plain(evaluate(term('d(X⁻¹)', 'X ∈ ℝ^{2×2}'), env))), [[5, -2], [-3.25, 1.25]]);
  t.deepEqual(rounded(plain(evaluate(term('dX', 'X ∈ ℝ^{2×2}'), env))), [[0, 1], [1, 0]]);
});

test('f′(X)·H for f(X) = X² is XH + HX; evaluation at a point sets the variable', (t) => {
  const square: Binding = { kind: 'function', apply: ([x]) => ({ ok: true, value: (x as Matrix).mmul(x as Matrix) }) };
  const env = envOf({ X: values['A']!, H: values['B']! }, { bindings: new Map([['f', square]]) });
  t.deepEqual(rounded(plain(evaluate(term('f′(X)·H', 'X, H ∈ ℝ^{2×2}'), env))), [[5, 5], [5, 5]]);
  t.is(value('(t^2)|_{t=2}'), 4);
});

test('a curve X(t) is evaluated at its argument, and differentiated along it', (t) => {
  const curve: Binding = { kind: 'dependent', on: ['t'], compute: ([s]) => ({ ok: true, value: new Matrix([[1, s as number], [0, (s as number) ** 2]]) }) };
  const env = envOf({ t: 3 }, { bindings: new Map([['X', curve]]) });
  const d = 't ∈ ℝ; X(t) ∈ ℝ^{2×2}';
  t.deepEqual(rounded(plain(evaluate(term('∂X(t)/∂t', d), env))), [[0, 1], [0, 6]]);
  t.deepEqual(rounded(plain(evaluate(term('X(t)|_{t=0}', d), env))), [[1, 0], [0, 0]]);
});

test('o(…) has a value only where a little-o check gives it one', (t) => {
  const h = term('o(H)', 'H ∈ ℝ^{2×2}');
  t.is(plain(evaluate(h, envOf({ H: values['A']! }))), '[unsupported]');
  t.is(plain(evaluate(h, envOf({ H: values['A']! }, { littleO: { kind: 'zero' } }))), 0);
});

test('hostile and meaningless inputs give typed failures', (t) => {
  const failure = (text: string, env: Record<string, Plain> = values, d = decls): ReturnType<typeof plain> => plain(evaluate(term(text, d), envOf(env)));
  t.is(failure('X⁻¹', { X: [[1, 2], [2, 4]] }, 'X ∈ ℝ^{2×2}'), '[singular]');
  t.is(failure('X⁻¹', { X: [[1, 0], [0, 1e-12]] }, 'X ∈ ℝ^{2×2}'), '[singular]');
  t.is(failure('log(c)'), '[domain]');
  t.is(failure('c⁻¹', { c: 0 }, 'c ∈ ℝ'), '[singular]');
  t.is(failure('A + Z', values, `${decls}; Z ∈ ℝ^{2×2}`), '[unbound]');
  t.is(failure('tr(I)'), '[unsupported]');
  t.is(failure('A + M', values, 'A ∈ ℝ^{2×2}; M ∈ ℝ^{2×2}'), '[shape]');
  t.is(failure('exp(t)^{400}'), '[non-finite]');
});

test('the budget bounds every evaluation', (t) => {
  const r = evaluate(term('∂det(X)/∂X', 'X ∈ ℝ^{2×2}'), envOf({ X: values['A']! }, { budget: 10 }));
  t.false(r.ok);
  t.is(!r.ok && r.failure.kind, 'budget');
});

test('an index summed explicitly shadows an index with a value', (t) => {
  const r = evaluate(term('\\sum_i a_i', decls), envOf(values, indices));
  t.is((r as { value: Value }).value, 3);
});
