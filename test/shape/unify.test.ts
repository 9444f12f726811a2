import test from 'ava';
import { formatShape, type Dim, type Shape } from '../../src/shape/index.js';
import { freshDim, resolveDim, unifyDims } from '../../src/shape/dims.js';
import { dimNum, dimSym, functionShape, indexShape, matrix, SCALAR, tupleShape } from '../../src/shape/shape.js';
import { freshShape, makeShapeStore, resolveShape, unify } from '../../src/shape/unify.js';
import { describeTerm } from '../../src/shape/describe.js';
import { add, basisMatrix, inverse, mul, neg, num, sym, transpose, type Term } from '../../src/term/index.js';

const [m, n, one] = [dimSym('m'), dimSym('n'), dimNum(1)];
const mn: Dim = { kind: 'dim-mul', factors: [m, n] };

const formats = (shape: Shape, expected: string): void => {
  test(`formatShape(${JSON.stringify(shape, (_, v) => (typeof v === 'bigint' ? String(v) : v))}) → ${expected}`, (tt) => tt.is(formatShape(shape), expected));
};
formats(SCALAR, 'scalar');
formats(matrix(n, n), 'n×n');
formats(matrix(n, one), 'n×1');
formats(matrix(one, n), '1×n');
formats(matrix(one, one), 'scalar');
formats(matrix(mn, { kind: 'dim-mul', factors: [n, dimNum(2)] }), '(mn)×(n2)');
formats(indexShape(n), 'index over n');
formats(functionShape(matrix(m, m), SCALAR), 'm×m → scalar');
formats(tupleShape([indexShape(n), indexShape(m)]), '(index over n, index over m)');

test('two different named dimensions do not unify', (tt) => {
  const s = makeShapeStore();
  tt.false(unifyDims(s.dims, m, n));
  tt.false(unifyDims(s.dims, n, one));
  tt.true(unifyDims(s.dims, n, n));
});

test('a variable unifies with anything, once', (tt) => {
  const s = makeShapeStore();
  const v = freshDim(s.dims);
  tt.true(unifyDims(s.dims, v, m));
  tt.deepEqual(resolveDim(s.dims, v), m);
  tt.false(unifyDims(s.dims, v, n));
});

test('products unify up to order and fold numerals', (tt) => {
  const s = makeShapeStore();
  tt.true(unifyDims(s.dims, mn, { kind: 'dim-mul', factors: [n, m] }));
  tt.true(unifyDims(s.dims, { kind: 'dim-mul', factors: [one, n] }, n));
  tt.false(unifyDims(s.dims, mn, n));
});

test('occurs check: ?1 = (?1 m) fails', (tt) => {
  const s = makeShapeStore();
  const v = freshDim(s.dims);
  tt.false(unifyDims(s.dims, v, { kind: 'dim-mul', factors: [v, m] }));
});

test('a scalar is a 1×1 matrix', (tt) => {
  const s = makeShapeStore();
  const [r, c] = [freshDim(s.dims), freshDim(s.dims)];
  tt.true(unify(s, SCALAR, matrix(r, c)));
  tt.is(formatShape(resolveShape(s, matrix(r, c))), 'scalar');
  tt.false(unify(s, SCALAR, matrix(n, one)));
});

test('a failed unification leaves no binding behind', (tt) => {
  const s = makeShapeStore();
  const [r, c] = [freshDim(s.dims), freshDim(s.dims)];
  tt.false(unify(s, tupleShape([matrix(r, c), SCALAR]), tupleShape([matrix(m, n), indexShape(n)])));
  tt.is(formatShape(resolveShape(s, matrix(r, c))), `?${r.kind === 'dim-var' ? r.id : 0}×?${c.kind === 'dim-var' ? c.id : 0}`);
});

test('shape variables bind to functions and stay bound', (tt) => {
  const s = makeShapeStore();
  const v = freshShape(s);
  tt.true(unify(s, v, functionShape(matrix(n, n), SCALAR)));
  tt.false(unify(s, v, matrix(n, n)));
  tt.is(formatShape(resolveShape(s, v)), 'n×n → scalar');
});

const describes = (term: Term, expected: string): void => {
  test(`describeTerm → ${expected}`, (tt) => tt.is(describeTerm(term), expected));
};
const [X, a, b, H] = ['X', 'a', 'b', 'H'].map(sym) as [Term, Term, Term, Term];
describes(mul([transpose(a), inverse(X), b]), 'aᵀX⁻¹b');
describes(transpose(inverse(X)), 'X⁻ᵀ');
describes(neg(mul([inverse(X), H, inverse(X)])), '−X⁻¹HX⁻¹');
describes(add([X, neg(H)]), '−H + X');
describes(add([X, neg(mul([num(2), H]))]), '−2H + X');
describes(add([sym('A'), sym('B')]), 'A + B');
describes(mul([num(2), X]), '2X');
describes(basisMatrix(sym('i'), sym('j')), 'e_ie_jᵀ');
