import test from 'ava';
import * as c from '../../src/term/index.js';
import { rational } from '../../src/term/index.js';
import { readsAs, reads } from './helpers.js';
import { parseTerm } from '../../src/parse/index.js';

/**
 * The table of /tmp/leibniz-syntax.md ("Terms → text"): every row in its
 * Unicode, LaTeX and ASCII spellings reads as the same term.
 */
const { sym, identity, num, mul, add, neg, transpose, inverse, power, fn, mapFn, hadamard, kron, hdiv, hpow, partial,
  differential, frechet, at, entry, delta, basis, basisMatrix, sum, littleO, apply, norm, tuple } = c;
const [A, B, C, X, Y, H, M, a, b, f, t0, i, j, k, x] = ['A', 'B', 'C', 'X', 'Y', 'H', 'M', 'a', 'b', 'f', 't', 'i', 'j', 'k', 'x'].map(sym) as [
  c.Term, c.Term, c.Term, c.Term, c.Term, c.Term, c.Term, c.Term, c.Term, c.Term, c.Term, c.Term, c.Term, c.Term, c.Term];
const ell = sym('ℓ');
const aXb = mul([transpose(a), inverse(X), b]);

const rows: readonly [string, c.Term | null, ...string[]][] = [
  ['sym', X, 'X', 'X', 'X'],
  ['greek sym', sym('ϕ'), 'ϕ', '\\phi', 'phi'],
  ['varphi', sym('φ'), 'φ', '\\varphi', 'varphi'],
  ['identity', identity(), 'I', 'I', 'I'],
  ['num', num(2), '2', '2', '2'],
  ['rational coefficient', c.scale(rational(1n, 2n), X), '(1/2)X', '\\frac{1}{2} X', '(1/2)*X'],
  ['mul', aXb, 'aᵀX⁻¹b', 'a^{T} X^{-1} b', "a'*inv(X)*b", 'a^TX^{-1}b'],
  ['bracketed factor', mul([X, add([identity(), H])]), 'X (I + H)', 'X \\left(I + H\\right)', 'X*(I + H)'],
  ['negative coefficient', neg(mul([inverse(X), H, inverse(X)])), '−X⁻¹HX⁻¹', '-X^{-1} H X^{-1}', '-inv(X)*H*inv(X)'],
  ['scalar unit', mul([mul([transpose(a), b]), Y]), '(aᵀb) Y', '\\left(a^{T} b\\right) Y', "(a'*b)*Y"],
  ['add', add([A, B, neg(C)]), 'A + B − C', 'A + B - C', 'A + B - C'],
  ['transpose', transpose(A), 'Aᵀ', 'A^{T}', "A'", 'A^T', 'A^\\top'],
  ['transpose of product', transpose(mul([A, B])), '(A B)ᵀ', '\\left(A B\\right)^{T}', "(A*B)'"],
  ['inverse', inverse(A), 'A⁻¹', 'A^{-1}', 'inv(A)', 'A^-1'],
  ['inverse of sum', inverse(add([A, B])), '(A + B)⁻¹', '\\left(A + B\\right)^{-1}', 'inv(A + B)'],
  ['inverse transpose', transpose(inverse(A)), 'A⁻ᵀ', 'A^{-T}', "inv(A)'"],
  ['power', power(H, num(2)), 'H²', 'H^{2}', 'H^2'],
  ['symbolic power', power(X, k), 'Xᵏ', 'X^{k}', 'X^k'],
  ['negative power', power(X, num(-2)), 'X⁻²', 'X^{-2}', 'X^(-2)'],
  ['power of sum', power(X, add([k, num(1)])), 'X^(k+1)', 'X^{k+1}', 'X^(k+1)'],
  ['trace', fn('tr', [A]), 'tr(A)', '\\operatorname{tr}(A)', 'tr(A)', '\\mathrm{tr}(A)', '\\operatorname{tr} A'],
  ['det', fn('det', [X]), 'det(X)', '\\det(X)', 'det(X)', 'det X', '\\det X'],
  ['log det', fn('log', [fn('det', [X])]), 'log(det(X))', '\\log(\\det(X))', 'log(det(X))', 'log det X', '\\log\\det X'],
  ['log', fn('log', [x]), 'log(x)', '\\log(x)', 'log(x)'],
  ['map', mapFn('exp', X), 'exp.(X)', '\\exp.(X)', 'exp.(X)', '\\exp_{\\circ}(X)'],
  ['hadamard', hadamard([A, B]), 'A ⊙ B', 'A \\odot B', 'A.*B', 'A \\circ B'],
  ['kron', kron([A, B]), 'A ⊗ B', 'A \\otimes B', 'kron(A, B)'],
  ['hdiv', hdiv(A, B), 'A ⊘ B', 'A \\oslash B', 'A./B'],
  ['hpow', hpow(x, num(2)), 'x.^2', 'x^{\\circ 2}', 'x.^2'],
  ['partial', partial(f, X), '∂f/∂X', '\\frac{\\partial f}{\\partial X}', 'diff(f, X)', '\\frac{\\partial}{\\partial X}(f)', '∂(f)/∂X'],
  ['partial of product', partial(aXb, X), '∂(aᵀX⁻¹b)/∂X', '\\frac{\\partial a^{T} X^{-1} b}{\\partial X}', "diff(a'*inv(X)*b, X)"],
  ['partial of call', partial(inverse(apply(X, [t0])), t0), '∂X⁻¹(t)/∂t', '\\frac{\\partial X^{-1}(t)}{\\partial t}', 'diff(inv(X(t)), t)'],
  ['d', differential(X), 'dX', '\\mathrm{d}X', 'd(X)'],
  ['d of product', differential(mul([X, Y])), 'd(XY)', '\\mathrm{d}(X Y)', 'd(X*Y)'],
  ['frechet dir', frechet(f, X, H), 'f′(X)·H', 'f^\\prime(X) \\cdot H', 'D(f, X, H)', "f'(X)·H"],
  ['frechet map', frechet(f, X, null), 'f′(X)', 'f^\\prime(X)', 'D(f, X)'],
  ['at', at(X, t0, num(0)), '(X)|ₜ₌₀', '\\left. X \\right|_{t=0}', 'at(X, t=0)', '(X)|_{t=0}'],
  ['entry', entry(M, [i, j]), 'Mᵢⱼ', 'M_{ij}', 'M[i,j]', '\\left(M\\right)_{ij}'],
  ['entry of product', entry(mul([transpose(a), inverse(X)]), [k]), '(aᵀX⁻¹)ₖ', '\\left(a^{T} X^{-1}\\right)_{k}', "(a'*inv(X))[k]"],
  ['entry ℓ', entry(M, [i, ell]), '(M)_{iℓ}', 'M_{i\\ell}', 'M[i,ell]'],
  ['numeric entry', entry(M, [num(1), num(2)]), 'M_{1,2}', 'M_{1,2}', 'M[1,2]'],
  ['vector entry', entry(sym('v'), [i]), 'vᵢ', 'v_{i}', 'v[i]'],
  ['delta', delta(i, j), 'δᵢⱼ', '\\delta_{ij}', 'delta(i,j)', 'δ_{ij}'],
  ['delta ℓ', delta(j, ell), 'δ_{jℓ}', '\\delta_{j\\ell}', 'delta(j, ell)'],
  ['basis', basis(i), 'eᵢ', 'e_{i}', 'e(i)'],
  ['basis matrix', basisMatrix(i, j), 'e_{ij}', 'E_{ij}', 'E(i,j)', 'eᵢeⱼᵀ'],
  ['sum', sum(k, mul([entry(A, [i, k]), entry(B, [k, j])])), 'Σₖ (Aᵢₖ Bₖⱼ)', '\\sum_{k} \\left(A_{ik} B_{kj}\\right)', 'sum(k, A[i,k]*B[k,j])', 'Σ_{k} (A_{ik}B_{kj})'],
  ['little o', littleO(H), 'o(H)', 'o(H)', 'o(H)'],
  ['apply', apply(f, [X]), 'f(X)', 'f(X)', 'f(X)'],
  ['apply param', apply(X, [t0]), 'X(t)', 'X(t)', 'X(t)'],
  ['apply sum', apply(sym('F'), [add([A, mul([t0, basisMatrix(i, j)])])]), 'F(A + t e_{ij})', 'F(A + t e_{ij})', 'F(A + t*E(i,j))'],
  ['apply nothing', apply(sym('o'), []), 'o()', 'o()', 'o()'],
  ['norm', norm(x), '‖x‖', '\\|x\\|', 'norm(x)', '\\lVert x \\rVert'],
  ['frobenius', norm(X, 'F'), '‖X‖_F', '\\|X\\|_F', "norm(X, 'fro')"],
  ['tuple', tuple([i, j]), '(i, j)', '(i, j)', '(i, j)'],
];

for (const [name, expected, ...spellings] of rows) {
  test(`notation: ${name}`, (t) => reads(t, expected, ...spellings));
}

/** The readings of /tmp/leibniz-syntax.md, one line each. */
test('letters juxtapose; known names are functions before (', (t) => {
  readsAs(t, 'ab^TX', mul([a, transpose(b), X]));
  readsAs(t, 'tr(A)B', mul([fn('tr', [A]), B]));
  readsAs(t, 'ax', mul([a, x]));
  readsAs(t, 'sqrt(x)', fn('sqrt', [x]));
});

test('d before a letter or ( is the differential', (t) => {
  readsAs(t, 'X⁻¹ dX X⁻¹', mul([inverse(X), differential(X), inverse(X)]));
  readsAs(t, 'd(X⁻¹)', differential(inverse(X)));
});

test('e with a subscript is a basis vector, δ a delta, other subscripts entries', (t) => {
  readsAs(t, 'e_i', basis(i));
  readsAs(t, '(X^{-1} b)_{\\ell}', entry(mul([inverse(X), b]), [ell]));
  readsAs(t, 'M_{1,2}', entry(M, [num(1), num(2)]));
});

test('f(X), X(t), o(H) are calls; X (I+H), (I+H)(I-H), a(b+c) are products', (t) => {
  readsAs(t, 'g(X)', apply(sym('g'), [X]));
  readsAs(t, 'ψ(X)', apply(sym('ψ'), [X]));
  readsAs(t, 'Y(s)', apply(Y, [sym('s')]));
  readsAs(t, '(I+H)(I-H)', mul([add([identity(), H]), add([identity(), neg(H)])]));
  readsAs(t, 'a(b+c)', mul([a, add([b, sym('c')])]));
  readsAs(t, 'X(Y)', mul([X, Y]));
  readsAs(t, 'X(Y)', apply(X, [Y]), { functions: ['X'] });
});

test('postfix operators before a call apply to the application', (t) => {
  const Xt = apply(X, [t0]);
  reads(t, inverse(Xt), 'X^{-1}(t)', 'X(t)^{-1}', 'X⁻¹(t)', 'X(t)⁻¹', 'inv(X(t))');
  reads(t, transpose(Xt), 'X^T(t)', "X'(t)", 'X(t)ᵀ');
  reads(t, transpose(inverse(Xt)), 'X^{-T}(t)', 'X(t)⁻ᵀ');
});

test("' is a transpose except before a call of a function letter", (t) => {
  readsAs(t, "f'(X)", frechet(f, X, null));
  readsAs(t, "X'", transpose(X));
  readsAs(t, "g'(X)·H", frechet(sym('g'), X, H));
});

test('a partial is a factor; the numerator is one postfix atom', (t) => {
  const Xt = apply(X, [t0]);
  readsAs(t, 'X⁻¹(t) ∂X(t)/∂t', mul([inverse(Xt), partial(Xt, t0)]));
  readsAs(t, '∂X⁻¹(t)/∂t X(t)', mul([partial(inverse(Xt), t0), Xt]));
});

test('numerals: a/b is a rational, x/y is x y⁻¹, 2X is a product, −x has coefficient −1', (t) => {
  readsAs(t, '3/4', num(rational(3n, 4n)));
  readsAs(t, 'x/y', mul([x, inverse(sym('y'))]));
  readsAs(t, '2X', c.scale(rational(2n), X));
  readsAs(t, '−x', neg(x));
  readsAs(t, 'x − y', add([x, neg(sym('y'))]));
  readsAs(t, '0.5X', c.scale(rational(1n, 2n), X));
});

test('the digits of a power end where a space is: x.^2 0.^2 is two powers, X^-1 2 a power and a factor', (t) => {
  readsAs(t, 'x.^2 0.^2', mul([hpow(x, num(2)), hpow(num(0), num(2))]));
  readsAs(t, '0.^2 0.^2 0.^2', mul([hpow(num(0), num(2)), hpow(num(0), num(2)), hpow(num(0), num(2))]));
  readsAs(t, 'X^-1 2', mul([power(X, num(-1)), num(2)]));
  readsAs(t, 'x.^12', hpow(x, num(12)));
});

test('layout is dropped', (t) => {
  reads(t, mul([A, B]), 'A B', '\\displaystyle A \\, B', '\\left(A\\right) \\; B', 'A\\!B', '\\mathbf{A} \\boldsymbol{B}',
    '\\big(A\\big) \\Bigl(B\\Bigr)', '\\mathrm{A}B', 'A B.', 'A B,');
});

test('Df(X)[H] is the Fréchet derivative of f at X applied to H, like f′(X)·H', (t) => {
  const expected = c.frechet(c.sym('f'), c.sym('X'), c.sym('H'));
  for (const text of ['Df(X)[H]', 'f′(X)·H', "f'(X)*H", 'D(f, X, H)']) {
    const read = parseTerm(text);
    t.true(read.ok && c.equalTerms(c.canonicalize(read.value), expected), text);
  }
  const map = parseTerm('D\\phi(X)');
  t.true(map.ok && c.equalTerms(c.canonicalize(map.value), c.frechet(c.sym('ϕ'), c.sym('X'), null)));
  const product = parseTerm('DX(t)');
  t.true(product.ok && product.value.kind !== 'frechet', 'D before a matrix letter is a product');
});
