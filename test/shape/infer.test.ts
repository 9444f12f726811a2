import test from 'ava';
import type { Declaration, DimExpr, ShapeSpec, Signature, Term } from '../../src/term/index.js';
import {
  add, apply, at, basis, basisMatrix, delta, differential, entry, fn, frechet, hadamard, identity, inverse, kron, littleO,
  neg, num, partial, power, sum, sym, transpose,
} from '../../src/term/index.js';
import { emptyEnv, formatShape, inferShape, makeEnv, type ShapeEnv } from '../../src/shape/index.js';

/** Declaration helpers: `decl('X', 'n', 'n')`, `decl('a b', 'n')` (a vector), `decl('t')` (a scalar). */
const dim = (d: string): DimExpr => (/^\d+$/.test(d) ? { kind: 'dim-num', value: Number(d) } : { kind: 'dim-sym', name: d });
const spec = (rows?: string, cols?: string): ShapeSpec =>
  rows === undefined ? { kind: 'scalar' } : { kind: 'matrix', rows: dim(rows), cols: dim(cols ?? '1') };
const decl = (names: string, rows?: string, cols?: string, properties: string[] = []): Declaration => ({
  kind: 'decl', targets: names.split(' ').map((name) => ({ name, params: [] })), shape: spec(rows, cols), properties,
});
const env = (...ds: (Declaration | Signature)[]): ShapeEnv => makeEnv(ds).env;

const [X, Y, A, B, a, b, t, H] = ['X', 'Y', 'A', 'B', 'a', 'b', 't', 'H'].map(sym) as Term[] as [Term, Term, Term, Term, Term, Term, Term, Term];
const [i, j, k] = ['i', 'j', 'k'].map(sym) as [Term, Term, Term];
const raw = (...factors: Term[]): Term => ({ kind: 'mul', coeff: { n: 1n, d: 1n }, factors });
const seedEnv = env(decl('X', 'n', 'n'), decl('a b', 'n'));
const rect = env(decl('A', 'm', 'n'), decl('B', 'n', 'm'));

/** `shapes(name, term, env, 'n×n')`: the term has that shape and no error. */
const shapes = (name: string, term: Term, e: ShapeEnv, expected: string): void => {
  test(`${name} : ${expected}`, (tt) => {
    const r = inferShape(term, e);
    tt.deepEqual(r.diagnostics.map((d) => d.message), []);
    tt.is(formatShape(r.shape), expected);
  });
};
/** `fails(name, term, env, 'E0201', /message/)`: exactly one error, with that code and message. */
const fails = (name: string, term: Term, e: ShapeEnv, code: string, message?: RegExp): void => {
  test(`${name} fails with ${code}`, (tt) => {
    const r = inferShape(term, e);
    tt.deepEqual(r.diagnostics.map((d) => d.code), [code]);
    if (message) tt.regex(r.diagnostics[0]!.message, message);
  });
};

shapes('aᵀb is a scalar', raw(transpose(a), b), seedEnv, 'scalar');
shapes('abᵀ is n×n', raw(a, transpose(b)), seedEnv, 'n×n');
shapes('aᵀX⁻¹b is a scalar', raw(transpose(a), inverse(X), b), seedEnv, 'scalar');
shapes('the seed: ∂(aᵀX⁻¹b)/∂X', partial(raw(transpose(a), inverse(X), b), X), seedEnv, 'n×n');
shapes('the seed answer: −X⁻ᵀabᵀX⁻ᵀ', neg(raw(transpose(inverse(X)), a, transpose(b), transpose(inverse(X)))), seedEnv, 'n×n');
shapes('∂(aᵀXb)/∂X', partial(raw(transpose(a), X, b), X), seedEnv, 'n×n');
shapes('∂ tr(AX)/∂X', partial(fn('tr', [raw(A, X)]), X), emptyEnv, 'n×n');
shapes('d(X⁻¹)', differential(inverse(X)), seedEnv, 'n×n');
shapes('−X⁻¹ dX X⁻¹', neg(raw(inverse(X), differential(X), inverse(X))), seedEnv, 'n×n');
shapes('default: lowercase is a column vector', a, emptyEnv, 'n×1');
shapes('default: uppercase is square', Y, emptyEnv, 'n×n');
shapes('default: t is a scalar', t, emptyEnv, 'scalar');
shapes('default: Greek is a scalar', sym('λ'), emptyEnv, 'scalar');
shapes('a row vector', transpose(a), emptyEnv, '1×n');
shapes('A B with A m×n, B n×m', raw(A, B), rect, 'm×m');
shapes('Aᵀ is n×m', transpose(A), rect, 'n×m');
shapes('a scalar times anything', raw(t, A), rect, 'm×n');
shapes('scalars commute out', raw(A, t), rect, 'm×n');
shapes('a 1×1 prefix is a scalar: aᵀb X', raw(transpose(a), b, X), seedEnv, 'n×n');
shapes('(aᵀb) Y', raw(raw(transpose(a), b), Y), seedEnv, 'n×n');
shapes('Y (aᵀb)', raw(Y, raw(transpose(a), b)), seedEnv, 'n×n');
shapes('tr of a scalar', fn('tr', [t]), emptyEnv, 'scalar');
shapes('det X', fn('det', [X]), seedEnv, 'scalar');
shapes('exp(X) is a matrix function', fn('exp', [X]), seedEnv, 'n×n');
shapes('vec(A) is (mn)×1', fn('vec', [A]), rect, '(mn)×1');
shapes('diag(a) is n×n', fn('diag', [a]), emptyEnv, 'n×n');
shapes('diag(X) is n×1', fn('diag', [X]), emptyEnv, 'n×1');
shapes('A ⊗ B is (mn)×(nm)', kron([A, B]), rect, '(mn)×(nm)');
shapes('a ⊗ X is (nn)×n', kron([a, X]), emptyEnv, '(nn)×n');
shapes('t ⊗ A is A', kron([t, A]), rect, 'm×n');
shapes('I + H is n×n', add([identity(), H]), emptyEnv, 'n×n');
shapes('I a is n×1', raw(identity(), a), emptyEnv, 'n×1');
shapes('A + 0 (zero is polymorphic)', add([A, num(0)]), rect, 'm×n');
shapes('0 alone is a scalar', num(0), emptyEnv, 'scalar');
shapes('H² is n×n', power(H, num(2)), emptyEnv, 'n×n');
shapes('X ⊙ Y', hadamard([X, Y]), emptyEnv, 'n×n');
shapes('(M)ᵢⱼ is a scalar', entry(A, [i, j]), rect, 'scalar');
shapes('eᵢ is a vector', raw(A, basis(j)), rect, 'm×1');
shapes('e_{ij} = eᵢeⱼᵀ fits A', add([A, basisMatrix(i, j)]), rect, 'm×n');
shapes('δᵢⱼ is a scalar', delta(i, j), emptyEnv, 'scalar');
shapes('Σₖ aₖ bₖ', sum(k, raw(entry(a, [k]), entry(b, [k]))), emptyEnv, 'scalar');
shapes('∂X(t)/∂t', partial(apply(X, [t]), t), emptyEnv, 'n×n');
shapes('∂(aᵀX⁻¹b)/∂t', partial(raw(transpose(a), inverse(X), b), t), emptyEnv, 'scalar');
shapes('Jacobian ∂(Xa)/∂b', partial(raw(X, a), b), emptyEnv, 'n×n');
shapes('Jacobian of m-vector by n-vector', partial(raw(A, a), a), env(decl('A', 'm', 'n')), 'm×n');
shapes('f(X) with f undeclared adapts', add([apply(sym('f'), [X]), X]), emptyEnv, 'n×n');
shapes('f′(X)·H has the shape of f(X)', add([frechet(sym('f'), X, H), apply(sym('f'), [X])]), emptyEnv, '?3');
shapes('f′(X)·H = −X⁻¹HX⁻¹', add([frechet(sym('f'), X, H), neg(raw(inverse(X), H, inverse(X)))]), emptyEnv, 'n×n');
shapes('o(H) adapts to its context', add([identity(), neg(H), littleO(H)]), emptyEnv, 'n×n');
shapes('o(H) alone has the shape of H', littleO(raw(inverse(X), H)), emptyEnv, 'n×n');
shapes('at t=0', at(partial(apply(X, [t]), t), t, num(0)), emptyEnv, 'n×n');
shapes('∂F(A)/∂X with F undeclared is a gradient', partial(apply(sym('F'), [A]), X), emptyEnv, 'n×n');
shapes('declared F: ℝ^{m×m} → ℝ', apply(sym('F'), [A]),
  env(decl('A', 'm', 'm'), { kind: 'signature', target: sym('F'), domain: spec('m', 'm'), codomain: spec() }), 'scalar');
shapes('Xⁿ: an undeclared exponent is a scalar', power(X, sym('n')), emptyEnv, 'n×n');
shapes('Xᵏ: an index exponent', power(X, k), emptyEnv, 'n×n');
shapes('vec(A ⊗ B) is (mnnm)×1', fn('vec', [kron([A, B])]), rect, '(mnnm)×1');
shapes('‖H‖ is a scalar', { kind: 'norm', arg: H, sub: null }, emptyEnv, 'scalar');

fails('a X', raw(a, X), seedEnv, 'E0201', /^cannot multiply a \(n×1\) by X \(n×n\)$/);
fails('X aᵀ', raw(X, transpose(a)), seedEnv, 'E0201', /X \(n×n\) by aᵀ \(1×n\)/);
fails('A A with A m×n', raw(A, A), rect, 'E0201');
fails('A + B with A m×n, B n×m', add([A, B]), rect, 'E0202', /^cannot add A \(m×n\) and B \(n×m\)$/);
fails('X + a', add([X, a]), emptyEnv, 'E0202');
fails('A ⊙ B', hadamard([A, B]), rect, 'E0202');
fails('A⁻¹ with A m×n', inverse(A), rect, 'E0203', /inverse of A needs a square matrix/);
fails('tr(A)', fn('tr', [A]), rect, 'E0203');
fails('det(A)', fn('det', [A]), rect, 'E0203');
fails('A²', power(A, num(2)), rect, 'E0203');
fails('exp(A)', fn('exp', [A]), rect, 'E0203');
fails('aᵢ Aᵢⱼ: i over n and over m', raw(entry(a, [i]), entry(A, [i, j])), rect, 'E0204', /index i ranges over m here but over n elsewhere/);
fails('δᵢⱼ Aᵢⱼ with A m×n', raw(delta(i, j), entry(A, [i, j])), rect, 'E0204');
fails('∂X/∂Y (matrix by matrix)', partial(X, Y), emptyEnv, 'E0208');
fails('Xᵢ (one index on a square matrix)', entry(X, [i]), seedEnv, 'E0209');
fails('f(a) after f(X)', add([apply(sym('f'), [X]), apply(sym('f'), [a])]), emptyEnv, 'E0202');
fails('X^a with a declared vector', power(X, a), seedEnv, 'E0206', /the exponent a must be a scalar/);
fails('evaluation at a matrix variable', at(X, Y, num(0)), emptyEnv, 'E0206');

test('no cascade: an ill-shaped product inside a sum and a trace reports once', (tt) => {
  const r = inferShape(fn('tr', [add([raw(a, X), Y])]), seedEnv);
  tt.deepEqual(r.diagnostics.map((d) => d.code), ['E0201']);
  tt.is(formatShape(r.shape), 'scalar');
});

test('every error of a term is reported', (tt) => {
  const r = inferShape(add([raw(a, X), raw(X, transpose(a)), add([A, B])]), { ...rect, symbols: new Map([...seedEnv.symbols, ...rect.symbols]) });
  tt.deepEqual(r.diagnostics.map((d) => d.code), ['E0201', 'E0201', 'E0202']);
});
