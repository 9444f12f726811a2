import test from 'ava';
import {
  add, apply, at, basis, delta, differential, entry, fn, frechet, hadamard, hdiv, hpow, identity, inverse, kron,
  littleO, mapFn, mul, neg, norm, num, partial, power, rational, sub, sum, sym, transpose, tuple,
  type ScalarTest, type Term,
} from '../../src/term/index.js';
import { printTerm } from '../../src/print/index.js';

/** One line per case: the term, then its Unicode, LaTeX and ASCII forms. */
const prints = (term: Term, unicode: string, latex: string, ascii: string): void => {
  test(`${unicode}  ·  ${latex}  ·  ${ascii}`, (t) => {
    t.is(printTerm(term), unicode, 'unicode');
    t.is(printTerm(term, { notation: 'latex' }), latex, 'latex');
    t.is(printTerm(term, { notation: 'ascii' }), ascii, 'ascii');
  });
};

const [A, B, C, H, M, X, Y, a, b, f, F, t, i, j, k, l] =
  ['A', 'B', 'C', 'H', 'M', 'X', 'Y', 'a', 'b', 'f', 'F', 't', 'i', 'j', 'k', 'ℓ'].map(sym) as Term[] as [
    Term, Term, Term, Term, Term, Term, Term, Term, Term, Term, Term, Term, Term, Term, Term, Term,
  ];
const I = identity();
const Xt = apply(X, [t]);
const half = num(rational(1n, 2n));
const aXb = mul([transpose(a), inverse(X), b]);
const XinvT = transpose(inverse(X));

// ── atoms ────────────────────────────────────────────────────────────────
prints(X, 'X', 'X', 'X');
prints(sym('φ'), 'φ', '\\varphi', 'varphi');
prints(sym('ϕ'), 'ϕ', '\\phi', 'phi');
prints(sym('α'), 'α', '\\alpha', 'alpha');
prints(I, 'I', 'I', 'I');
prints(num(2), '2', '2', '2');
prints(num(0), '0', '0', '0');
prints(num(-3), '−3', '-3', '-3');
prints(half, '1/2', '\\frac{1}{2}', '1/2');

// ── products and coefficients ────────────────────────────────────────────
prints(aXb, 'aᵀX⁻¹b', 'a^{T} X^{-1} b', "a'*inv(X)*b");
prints(mul([XinvT, a, transpose(b), XinvT]), 'X⁻ᵀabᵀX⁻ᵀ', 'X^{-T} a b^{T} X^{-T}', "inv(X)'*a*b'*inv(X)'");
prints(neg(mul([XinvT, a, transpose(b), XinvT])), '−X⁻ᵀabᵀX⁻ᵀ', '-X^{-T} a b^{T} X^{-T}', "-inv(X)'*a*b'*inv(X)'");
prints(neg(mul([inverse(X), H, inverse(X)])), '−X⁻¹HX⁻¹', '-X^{-1} H X^{-1}', '-inv(X)*H*inv(X)');
prints(mul([num(-2), X]), '−2X', '-2 X', '-2*X');
prints(mul([half, X]), '(1/2)X', '\\frac{1}{2} X', '(1/2)*X');
prints(mul([num(rational(-3n, 4n)), X, Y]), '−(3/4)XY', '-\\frac{3}{4} X Y', '-(3/4)*X*Y');
prints(mul([num(2), add([A, B])]), '2(A + B)', '2 \\left(A + B\\right)', '2*(A + B)');
prints(mul([X, add([I, H])]), 'X (I + H)', 'X \\left(I + H\\right)', 'X*(I + H)');
prints(mul([add([I, H]), sub(I, H)]), '(I + H) (I − H)', '\\left(I + H\\right) \\left(I - H\\right)', '(I + H)*(I - H)');
prints(mul([f, add([A, B])]), 'f (A + B)', 'f \\left(A + B\\right)', 'f*(A + B)');
prints(mul([F, add([A, B])]), 'F (A + B)', 'F \\left(A + B\\right)', 'F*(A + B)');
prints(mul([t, add([A, B])]), 't (A + B)', 't \\left(A + B\\right)', 't*(A + B)');
prints(mul([f, X]), 'fX', 'f X', 'f*X');
prints(mul([t, sym('r'), X]), 't rX', 't r X', 't*r*X');
prints(mul([sym('p'), sym('h'), sym('i')]), 'ph i', 'p h i', 'p*h*i');
prints(mul([X, differential(X), Y]), 'X dX Y', 'X \\mathrm{d}X Y', 'X*d(X)*Y');
prints(mul([basis(i), transpose(basis(j))]), 'eᵢeⱼᵀ', 'e_{i} e_{j}^{T}', "e(i)*e(j)'");
prints(mul([norm(a), norm(b), X]), '‖a‖ ‖b‖ X', '\\|a\\| \\|b\\| X', 'norm(a)*norm(b)*X');

/** The scalar test shape inference would give: `aᵀb` is a scalar. */
const scalars: ScalarTest = (u) => u.kind === 'mul' && u.factors[0]?.kind === 'transpose' && u.factors.at(-1) === b;
prints(mul([mul([transpose(a), b]), Y], scalars), '(aᵀb) Y', '\\left(a^{T} b\\right) Y', "(a'*b)*Y");

// ── sums ─────────────────────────────────────────────────────────────────
prints(add([A, B, neg(C)]), 'A + B − C', 'A + B - C', 'A + B - C');
prints(add([I, neg(H), littleO(H)]), 'I − H + o(H)', 'I - H + o(H)', 'I - H + o(H)');
prints(add([neg(X), Y]), '−X + Y', '-X + Y', '-X + Y');
prints(add([X, num(-2)]), '−2 + X', '-2 + X', '-2 + X');
prints(add([X, mul([num(rational(-1n, 2n)), Y])]), 'X − (1/2)Y', 'X - \\frac{1}{2} Y', 'X - (1/2)*Y');
prints(add([X, half]), '1/2 + X', '\\frac{1}{2} + X', '1/2 + X');

// ── postfix operators ────────────────────────────────────────────────────
prints(transpose(A), 'Aᵀ', 'A^{T}', "A'");
prints(transpose(mul([A, B])), '(AB)ᵀ', '\\left(A B\\right)^{T}', "(A*B)'");
prints(neg(add([A, B])), '−(A + B)', '-\\left(A + B\\right)', '-(A + B)');
prints(inverse(A), 'A⁻¹', 'A^{-1}', 'inv(A)');
prints(inverse(add([A, B])), '(A + B)⁻¹', '\\left(A + B\\right)^{-1}', 'inv(A + B)');
prints(XinvT, 'X⁻ᵀ', 'X^{-T}', "inv(X)'");
prints(inverse(transpose(X)), '(Xᵀ)⁻¹', '\\left(X^{T}\\right)^{-1}', "inv(X')");
prints(transpose(transpose(X)), '(Xᵀ)ᵀ', '\\left(X^{T}\\right)^{T}', "(X')'");
prints(transpose(neg(X)), '(−X)ᵀ', '\\left(-X\\right)^{T}', "(-X)'");
prints(power(H, num(2)), 'H²', 'H^{2}', 'H^2');
prints(power(X, k), 'Xᵏ', 'X^{k}', 'X^k');
prints(power(X, num(-2)), 'X⁻²', 'X^{-2}', 'X^(-2)');
prints(power(X, add([k, num(1)])), 'X^(1 + k)', 'X^{1 + k}', 'X^(1 + k)');
prints(power(X, num(12)), 'X¹²', 'X^{12}', 'X^(12)');
prints(power(X, sym('q')), 'X^(q)', 'X^{q}', 'X^q');
prints(power(X, sym('T')), 'X^(T)', 'X^{\\left(T\\right)}', 'X^(T)');
prints(power(X, sym('x')), 'X^(x)', 'X^{x}', 'X^x');
prints(power(X, half), 'X^(1/2)', 'X^{\\frac{1}{2}}', 'X^(1/2)');
prints(power(mul([A, B]), num(2)), '(AB)²', '\\left(A B\\right)^{2}', '(A*B)^2');
prints(power(inverse(X), num(2)), '(X⁻¹)²', '\\left(X^{-1}\\right)^{2}', 'inv(X)^2');
prints(transpose(Xt), 'X(t)ᵀ', 'X(t)^{T}', "X(t)'");
prints(inverse(Xt), 'X(t)⁻¹', 'X(t)^{-1}', 'inv(X(t))');

// ── functions ────────────────────────────────────────────────────────────
prints(fn('tr', [A]), 'tr(A)', '\\operatorname{tr}(A)', 'tr(A)');
prints(fn('det', [X]), 'det(X)', '\\det(X)', 'det(X)');
prints(fn('log', [fn('det', [X])]), 'log(det(X))', '\\log(\\det(X))', 'log(det(X))');
prints(fn('sqrt', [t]), 'sqrt(t)', '\\operatorname{sqrt}(t)', 'sqrt(t)');
prints(mul([fn('tr', [A]), X]), 'tr(A) X', '\\operatorname{tr}(A) X', 'tr(A)*X');
prints(mapFn('exp', X), 'exp.(X)', '\\exp.(X)', 'exp.(X)');

// ── element-wise and Kronecker ───────────────────────────────────────────
prints(hadamard([A, B]), 'A ⊙ B', 'A \\odot B', 'A.*B');
prints(kron([A, B]), 'A ⊗ B', 'A \\otimes B', 'kron(A, B)');
prints(kron([A, B, C]), 'A ⊗ B ⊗ C', 'A \\otimes B \\otimes C', 'kron(A, kron(B, C))');
prints(hdiv(A, B), 'A ⊘ B', 'A \\oslash B', 'A./B');
prints(hpow(a, num(2)), 'a.^2', 'a^{\\circ 2}', 'a.^2');
prints(mul([hadamard([A, B]), C]), '(A ⊙ B) C', '\\left(A \\odot B\\right) C', '(A.*B)*C');
prints(mul([C, hadamard([A, B])]), 'C (A ⊙ B)', 'C \\left(A \\odot B\\right)', 'C*(A.*B)');
prints(hadamard([mul([A, B]), C]), '(AB) ⊙ C', '\\left(A B\\right) \\odot C', '(A*B).*C');
prints(hadamard([transpose(A), neg(B)]), 'Aᵀ ⊙ (−B)', 'A^{T} \\odot \\left(-B\\right)', "A'.*(-B)");
prints(kron([hadamard([A, B]), C]), '(A ⊙ B) ⊗ C', '\\left(A \\odot B\\right) \\otimes C', 'kron(A.*B, C)');
prints(hdiv(hdiv(A, B), C), '(A ⊘ B) ⊘ C', '\\left(A \\oslash B\\right) \\oslash C', '(A./B)./C');
prints(transpose(hadamard([A, B])), '(A ⊙ B)ᵀ', '\\left(A \\odot B\\right)^{T}', "(A.*B)'");

// ── calculus ─────────────────────────────────────────────────────────────
prints(partial(f, X), '∂f/∂X', '\\frac{\\partial f}{\\partial X}', 'diff(f, X)');
prints(partial(aXb, X), '∂(aᵀX⁻¹b)/∂X', '\\frac{\\partial a^{T} X^{-1} b}{\\partial X}', "diff(a'*inv(X)*b, X)");
prints(partial(inverse(Xt), t), '∂X(t)⁻¹/∂t', '\\frac{\\partial X(t)^{-1}}{\\partial t}', 'diff(inv(X(t)), t)');
prints(partial(add([A, B]), t), '∂(A + B)/∂t', '\\frac{\\partial \\left(A + B\\right)}{\\partial t}', 'diff(A + B, t)');
prints(partial(f, entry(X, [i, j])), '∂f/∂(Xᵢⱼ)', '\\frac{\\partial f}{\\partial \\left(X_{ij}\\right)}', 'diff(f, X[i,j])');
prints(mul([inverse(Xt), partial(Xt, t)]), 'X(t)⁻¹ ∂X(t)/∂t', 'X(t)^{-1} \\frac{\\partial X(t)}{\\partial t}',
  'inv(X(t))*diff(X(t), t)');
prints(neg(mul([inverse(Xt), partial(Xt, t), inverse(Xt)])), '−X(t)⁻¹ (∂X(t)/∂t) X(t)⁻¹',
  '-X(t)^{-1} \\frac{\\partial X(t)}{\\partial t} X(t)^{-1}', '-inv(X(t))*diff(X(t), t)*inv(X(t))');
prints(transpose(partial(f, X)), '(∂f/∂X)ᵀ', '\\left(\\frac{\\partial f}{\\partial X}\\right)^{T}', "diff(f, X)'");
prints(differential(X), 'dX', '\\mathrm{d}X', 'd(X)');
prints(differential(mul([X, Y])), 'd(XY)', '\\mathrm{d}(X Y)', 'd(X*Y)');
prints(differential(inverse(X)), 'd(X⁻¹)', '\\mathrm{d}(X^{-1})', 'd(inv(X))');
prints(transpose(differential(X)), '(dX)ᵀ', '\\left(\\mathrm{d}X\\right)^{T}', "(d(X))'");
prints(mul([differential(X), add([A, B])]), '(dX) (A + B)', '\\left(\\mathrm{d}X\\right) \\left(A + B\\right)',
  'd(X)*(A + B)');
prints(mul([differential(X), transpose(add([A, B])), differential(Y)]), '(dX) (A + B)ᵀ dY',
  '\\left(\\mathrm{d}X\\right) \\left(A + B\\right)^{T} \\mathrm{d}Y', "d(X)*(A + B)'*d(Y)");
prints(frechet(f, X, H), 'f′(X)·H', 'f^\\prime(X) \\cdot H', 'D(f, X, H)');
prints(frechet(f, X, null), 'f′(X)', 'f^\\prime(X)', 'D(f, X)');
prints(frechet(f, X, mul([basis(i), transpose(basis(j))])), 'f′(X)·(eᵢeⱼᵀ)',
  'f^\\prime(X) \\cdot \\left(e_{i} e_{j}^{T}\\right)', "D(f, X, e(i)*e(j)')");
prints(mul([frechet(f, X, H), Y]), '(f′(X)·H) Y', '\\left(f^\\prime(X) \\cdot H\\right) Y', 'D(f, X, H)*Y');
prints(add([apply(f, [X]), frechet(f, X, H), littleO(H)]), 'f(X) + f′(X)·H + o(H)',
  'f(X) + f^\\prime(X) \\cdot H + o(H)', 'f(X) + D(f, X, H) + o(H)');
prints(at(partial(Xt, t), t, num(0)), '(∂X(t)/∂t)|ₜ₌₀', '\\left. \\frac{\\partial X(t)}{\\partial t} \\right|_{t=0}',
  'at(diff(X(t), t), t=0)');
prints(at(Xt, t, sym('ℓ')), '(X(t))|_{t=ℓ}', '\\left. X(t) \\right|_{t=\\ell}', 'at(X(t), t=ell)');
prints(mul([transpose(a), at(partial(inverse(Xt), t), t, num(0)), b]), 'aᵀ (∂X(t)⁻¹/∂t)|ₜ₌₀ b',
  'a^{T} \\left. \\frac{\\partial X(t)^{-1}}{\\partial t} \\right|_{t=0} b', "a'*at(diff(inv(X(t)), t), t=0)*b");

// ── entries, deltas, basis vectors, sums ─────────────────────────────────
prints(entry(M, [i, j]), 'Mᵢⱼ', 'M_{ij}', 'M[i,j]');
prints(entry(mul([transpose(a), inverse(X)]), [k]), '(aᵀX⁻¹)ₖ', '\\left(a^{T} X^{-1}\\right)_{k}', "(a'*inv(X))[k]");
prints(entry(M, [i, l]), 'M_{iℓ}', 'M_{i\\ell}', 'M[i,ell]');
prints(entry(M, [l, k]), 'M_{ℓk}', 'M_{\\ell k}', 'M[ell,k]');
prints(entry(M, [num(1), num(2)]), 'M_{1,2}', 'M_{1,2}', 'M[1,2]');
prints(entry(sym('E'), [i, j]), 'E[i,j]', 'E[i,j]', '(E)[i,j]');
prints(mul([transpose(a), entry(sym('e'), [i]), b]), 'e[i] aᵀb', 'e[i] a^{T} b', "(e)[i]*a'*b");
prints(entry(transpose(M), [i, j]), '(Mᵀ)ᵢⱼ', '\\left(M^{T}\\right)_{ij}', "(M')[i,j]");
prints(entry(partial(aXb, X), [i, j]), '(∂(aᵀX⁻¹b)/∂X)ᵢⱼ', '\\left(\\frac{\\partial a^{T} X^{-1} b}{\\partial X}\\right)_{ij}',
  "(diff(a'*inv(X)*b, X))[i,j]");
prints(delta(i, j), 'δᵢⱼ', '\\delta_{ij}', 'delta(i,j)');
prints(delta(j, l), 'δ_{jℓ}', '\\delta_{j\\ell}', 'delta(j,ell)');
prints(basis(i), 'eᵢ', 'e_{i}', 'e(i)');
prints(basis(l), 'e_{ℓ}', 'e_{\\ell}', 'e(ell)');
prints(transpose(basis(j)), 'eⱼᵀ', 'e_{j}^{T}', "e(j)'");
prints(neg(mul([entry(mul([transpose(a), inverse(X)]), [k]), delta(i, k), delta(j, l), entry(mul([inverse(X), b]), [l])])),
  '−(aᵀX⁻¹)ₖ (X⁻¹b)_{ℓ} δᵢₖ δ_{jℓ}', '-\\left(a^{T} X^{-1}\\right)_{k} \\left(X^{-1} b\\right)_{\\ell} \\delta_{ik} \\delta_{j\\ell}',
  "-(a'*inv(X))[k]*(inv(X)*b)[ell]*delta(i,k)*delta(j,ell)");
prints(sum(k, mul([entry(a, [k]), entry(b, [k])])), 'Σₖ (aₖbₖ)', '\\sum_{k} \\left(a_{k} b_{k}\\right)', 'sum(k, a[k]*b[k])');
prints(mul([sum(k, entry(a, [k])), X]), '(Σₖ (aₖ)) X', '\\left(\\sum_{k} \\left(a_{k}\\right)\\right) X', 'sum(k, a[k])*X');

// ── applications, little-o, norms, tuples ────────────────────────────────
prints(apply(f, [X]), 'f(X)', 'f(X)', 'f(X)');
prints(Xt, 'X(t)', 'X(t)', 'X(t)');
prints(apply(F, [add([A, mul([t, basis(i), transpose(basis(j))])])]), 'F(teᵢeⱼᵀ + A)', 'F(t e_{i} e_{j}^{T} + A)',
  "F(t*e(i)*e(j)' + A)");
prints(apply(sym('φ'), [X]), 'φ(X)', '\\varphi(X)', 'varphi(X)');
prints(littleO(mul([inverse(X), H])), 'o(X⁻¹H)', 'o(X^{-1} H)', 'o(inv(X)*H)');
prints(norm(a), '‖a‖', '\\|a\\|', 'norm(a)');
prints(norm(X, 'F'), '‖X‖_F', '\\|X\\|_F', "norm(X, 'fro')");
prints(tuple([i, j]), '(i, j)', '(i, j)', '(i, j)');
