import test from 'ava';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFormula } from '../../src/parse/index.js';
import * as c from '../../src/term/index.js';
import { canonicalize, termKey } from '../../src/term/index.js';
import { repoRoot } from '../support/repo.js';
import { seedFormulas } from '../support/seed.js';
import { chainTerms, formulaOf } from './helpers.js';

const SEED = '000_4eced3a913fd8ded.txt';
const root = repoRoot();
const seedText = readFileSync(join(root, 'test', 'fixtures', 'seed', SEED), 'utf8');
const formulas = seedFormulas(seedText);
const { sym, identity, transpose, inverse, mul, add, apply, partial, at, num, neg } = c;
const [X, a, b, t0, H] = [sym('X'), sym('a'), sym('b'), sym('t'), sym('H')];
const key = (x: c.Term): string => termKey(canonicalize(x));

/** The seed formula equal to, or else containing, `fragment` (taken from the file, never retyped). */
function seed(fragment: string): string {
  const found = formulas.find((f) => f === fragment) ?? formulas.find((f) => f.includes(fragment));
  if (found === undefined) throw new Error(`no seed formula contains ${fragment}`);
  return found;
}

test('the fixture is an exact copy of the shared seed', (t) => {
  const shared = join(root, '..', 'shared', 'seed', SEED);
  if (existsSync(shared)) t.is(seedText, readFileSync(shared, 'utf8'));
  else t.pass('no shared seed beside the repository');
});

test('the seed holds its 60 formulas ($$…$$ before $…$)', (t) => {
  t.is(formulas.length, 60);
  t.true(formulas.some((f) => f.startsWith('\\begin{align}')));
});

for (const [i, f] of formulas.entries()) {
  test(`seed formula ${i} parses: ${f.slice(0, 50)}`, (t) => {
    const r = parseFormula(f, { sourceName: SEED });
    t.true(r.ok, r.ok ? '' : JSON.stringify(r.diagnostics.map((d) => d.message)));
  });
}

test('X^{-1}(t) is the inverse of X(t)', (t) => {
  const s = formulaOf(t, seed('\\frac{\\partial X^{-1}(t)}{\\partial t} = -X^{-1}(t)')).statements[0];
  t.is(chainTerms(s)[1], key(mul([num(-1), inverse(apply(X, [t0])), partial(apply(X, [t0]), t0), inverse(apply(X, [t0]))])));
});

test('ab^TX^{-T} is a bᵀ X⁻ᵀ', (t) => {
  const s = formulaOf(t, seed('-X^{-T}ab^TX^{-T} \\quad')).statements[0];
  const rhs = chainTerms(s)[1];
  t.is(rhs, key(neg(mul([transpose(inverse(X)), a, transpose(b), transpose(inverse(X))]))));
});

test('e_{ij} = e_ie_j^T has equal sides', (t) => {
  const [lhs, rhs] = chainTerms(formulaOf(t, seed('e_{ij} = e_ie_j^T')).statements[0]);
  t.truthy(lhs);
  t.is(lhs, rhs);
});

test('formula (1) is a chain and then a declaration of a, b as n×1', (t) => {
  const [eq, decl] = formulaOf(t, seed('\\frac{\\partial}{\\partial X} (a^TX^{-1}b)')).statements;
  t.is(chainTerms(eq)[0], key(partial(mul([transpose(a), inverse(X), b]), X)));
  t.like(decl, { kind: 'decl', targets: [{ name: 'a', params: [] }, { name: 'b', params: [] }] });
  t.deepEqual(decl?.kind === 'decl' ? decl.shape : null, {
    kind: 'matrix', rows: { kind: 'dim-sym', name: 'n' }, cols: { kind: 'dim-num', value: 1 },
  });
});

test('…\\bigg|_{t=0} evaluates the partial just before it', (t) => {
  const [lhs, mid] = chainTerms(formulaOf(t, seed('\\frac{\\partial a^T X^{-1}(t)b}{\\partial t}\\bigg|_{t=0}')).statements[0]);
  const Xt = apply(X, [t0]);
  t.is(lhs, key(at(partial(mul([transpose(a), inverse(Xt), b]), t0), t0, num(0))));
  t.is(mid, key(mul([transpose(a), at(partial(inverse(Xt), t0), t0, num(0)), b])));
});

test("f^\\prime(X)\\cdot H is the Fréchet derivative applied to H", (t) => {
  const s = formulaOf(t, seed("f^\\prime(X)\\cdot H")).statements[0];
  t.is(s?.kind === 'term' ? key(s.term) : '', key(c.frechet(sym('f'), X, H)));
});

test('(X (I+X^{-1}H))^{-1} is the inverse of X times a sum', (t) => {
  const s = formulaOf(t, seed('(X (I+X^{-1}H))^{-1}')).statements[0];
  t.is(chainTerms(s)[1], key(inverse(mul([X, add([identity(), mul([inverse(X), H])])]))));
});

test('the align block is a 5-term = chain', (t) => {
  const s = formulaOf(t, seed('\\begin{align}')).statements[0];
  t.is(s?.kind, 'chain');
  t.deepEqual(s?.kind === 'chain' ? s.relations : [], ['=', '=', '=', '=']);
  const [, first] = chainTerms(s);
  const k = sym('k');
  const ell = sym('ℓ');
  const expected = neg(mul([c.entry(mul([transpose(a), inverse(X)]), [k]), c.delta(sym('i'), k), c.delta(sym('j'), ell),
    c.entry(mul([inverse(X), b]), [ell])]));
  t.is(first, key(expected));
});

test('F:\\mathbb{R}^{m\\times m} \\to \\mathbb{R} is a signature', (t) => {
  const s = formulaOf(t, seed('F:\\mathbb{R}^{m\\times m}')).statements[0];
  t.deepEqual(s, {
    kind: 'signature', target: sym('F'), codomain: { kind: 'scalar' },
    domain: { kind: 'matrix', rows: { kind: 'dim-sym', name: 'm' }, cols: { kind: 'dim-sym', name: 'm' } },
  });
});

test('X \\in \\mathbb{R^{n \\times n}} declares X n×n', (t) => {
  const s = formulaOf(t, seed('\\mathbb{R^{n \\times n}}')).statements[0];
  t.deepEqual(s, {
    kind: 'decl', targets: [{ name: 'X', params: [] }], properties: [],
    shape: { kind: 'matrix', rows: { kind: 'dim-sym', name: 'n' }, cols: { kind: 'dim-sym', name: 'n' } },
  });
});

test('\\|H\\| \\to 0 is a chain with relation →', (t) => {
  const s = formulaOf(t, seed('\\|H\\| \\to 0')).statements[0];
  t.deepEqual(s?.kind === 'chain' ? s.relations : [], ['→']);
  t.deepEqual(chainTerms(s), [key(c.norm(H)), key(num(0))]);
});

test('(i,j) is a tuple, o() an application with no arguments', (t) => {
  const tuple = formulaOf(t, seed('(i,j)')).statements[0];
  t.is(tuple?.kind === 'term' ? key(tuple.term) : '', key(c.tuple([sym('i'), sym('j')])));
  const o = formulaOf(t, seed('o()')).statements[0];
  t.is(o?.kind === 'term' ? key(o.term) : '', key(apply(sym('o'), [])));
});

test('\\delta_{ik}\\delta_{j\\ell} are deltas with index ℓ', (t) => {
  const f = formulaOf(t, seed('\\delta_{ik}\\delta_{j\\ell}')).statements[0];
  const terms = chainTerms(f);
  t.true(terms[1]!.includes(key(c.delta(sym('j'), sym('ℓ')))), terms[1]);
});

test('the implication of the first answer has two equation parts', (t) => {
  const s = formulaOf(t, seed('X^{-1}(t)X(t) = I \\implies')).statements[0];
  t.is(s?.kind, 'implies');
  const parts = s?.kind === 'implies' ? s.parts : [];
  t.deepEqual(chainTerms(parts[0]), [key(mul([inverse(apply(X, [t0])), apply(X, [t0])])), key(identity())]);
});
