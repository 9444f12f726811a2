import test from 'ava';
import {
  identity, inverse, mul, neg, partial, sym, transpose,
  type Declaration, type DimExpr, type Formula, type ShapeSpec, type Statement, type Term,
} from '../../src/term/index.js';
import { printDeclaration, printFormula, printStatement } from '../../src/print/index.js';

const [X, a, b, H] = ['X', 'a', 'b', 'H'].map(sym) as [Term, Term, Term, Term];
const I = identity();
const n: DimExpr = { kind: 'dim-sym', name: 'n' };
const m: DimExpr = { kind: 'dim-sym', name: 'm' };
const one: DimExpr = { kind: 'dim-num', value: 1 };
const square: ShapeSpec = { kind: 'matrix', rows: n, cols: n };
const vector: ShapeSpec = { kind: 'matrix', rows: n, cols: one };
const scalar: ShapeSpec = { kind: 'scalar' };
const decl = (names: string[], shape: ShapeSpec, properties: string[] = [], params: string[] = []): Declaration =>
  ({ kind: 'decl', targets: names.map((name) => ({ name, params })), shape, properties });

const printsDecl = (d: Declaration, unicode: string, latex: string, ascii: string): void => {
  test(`declaration ${unicode}`, (t) => {
    t.is(printDeclaration(d), unicode);
    t.is(printDeclaration(d, { notation: 'latex' }), latex);
    t.is(printDeclaration(d, { notation: 'ascii' }), ascii);
  });
};

printsDecl(decl(['X'], square), 'X ∈ ℝⁿˣⁿ', 'X \\in \\mathbb{R}^{n \\times n}', 'X : n x n');
printsDecl(decl(['a', 'b'], vector), 'a, b ∈ ℝⁿ', 'a, b \\in \\mathbb{R}^{n}', 'a b : n');
printsDecl(decl(['t'], scalar), 't ∈ ℝ', 't \\in \\mathbb{R}', 't : scalar');
printsDecl(decl(['S'], square, ['symmetric']), 'S ∈ ℝⁿˣⁿ symmetric', 'S \\in \\mathbb{R}^{n \\times n} symmetric',
  'S : n x n symmetric');
printsDecl(decl(['X'], square, ['invertible'], ['t']), 'X(t) ∈ ℝⁿˣⁿ invertible',
  'X(t) \\in \\mathbb{R}^{n \\times n} invertible', 'X(t) : n x n invertible');
printsDecl(decl(['A'], { kind: 'matrix', rows: m, cols: n }), 'A ∈ ℝᵐˣⁿ', 'A \\in \\mathbb{R}^{m \\times n}', 'A : m x n');
printsDecl(decl(['K'], { kind: 'matrix', rows: { kind: 'dim-mul', factors: [m, n] }, cols: n }), 'K ∈ ℝᵐⁿˣⁿ',
  'K \\in \\mathbb{R}^{mn \\times n}', 'K : mn x n');
printsDecl(decl(['v'], { kind: 'matrix', rows: { kind: 'dim-sym', name: 'd' }, cols: one }), 'v ∈ ℝ^{d}',
  'v \\in \\mathbb{R}^{d}', 'v : d');
printsDecl(decl(['i'], { kind: 'index', range: null }), 'i : index', 'i : index', 'i : index');

const seedFormula: Formula = {
  statements: [
    {
      kind: 'chain',
      terms: [
        partial(mul([transpose(a), inverse(X), b]), X),
        neg(mul([transpose(inverse(X)), a, transpose(b), transpose(inverse(X))])),
      ],
      relations: ['='],
    },
    decl(['a', 'b'], vector),
  ],
};

test('the seed’s formula (1) in the three notations', (t) => {
  t.is(printFormula(seedFormula), '∂(aᵀX⁻¹b)/∂X = −X⁻ᵀabᵀX⁻ᵀ; a, b ∈ ℝⁿ');
  t.is(printFormula(seedFormula, { notation: 'latex' }),
    '\\frac{\\partial a^{T} X^{-1} b}{\\partial X} = -X^{-T} a b^{T} X^{-T} \\quad a, b \\in \\mathbb{R}^{n}');
  t.is(printFormula(seedFormula, { notation: 'ascii' }), "diff(a'*inv(X)*b, X) = -inv(X)'*a*b'*inv(X)'; a b : n");
});

const implication: Statement = {
  kind: 'implies',
  parts: [
    { kind: 'chain', terms: [mul([inverse(X), X]), I], relations: ['='] },
    { kind: 'chain', terms: [X, H, I], relations: ['≡', '→'] },
  ],
};

test('implications and chains of relations', (t) => {
  t.is(printStatement(implication), 'X⁻¹X = I ⟹ X ≡ H → I');
  t.is(printStatement(implication, { notation: 'latex' }), 'X^{-1} X = I \\implies X \\equiv H \\to I');
  t.is(printStatement(implication, { notation: 'ascii' }), 'inv(X)*X = I => X \\equiv H -> I');
});

test('a bare term statement and a signature', (t) => {
  t.is(printStatement({ kind: 'term', term: inverse(X) }), 'X⁻¹');
  const signature: Statement = {
    kind: 'signature', target: sym('F'), domain: { kind: 'matrix', rows: m, cols: m }, codomain: scalar,
  };
  t.is(printStatement(signature), 'F : ℝᵐˣᵐ → ℝ');
  t.is(printStatement(signature, { notation: 'latex' }), 'F : \\mathbb{R}^{m \\times m} \\to \\mathbb{R}');
  t.is(printStatement(signature, { notation: 'ascii' }), 'F : \\R^{m x m} -> \\R');
});
