import test from 'ava';
import {
  add, children, equalTerms, formatPath, getAt, inverse, mul, positions, replaceAt, sym, transpose, type Term,
} from '../../src/term/index.js';

const [X, Y, a, b] = ['X', 'Y', 'a', 'b'].map(sym) as [Term, Term, Term, Term];
const aXb = mul([transpose(a), inverse(X), b]);

test('paths index children from 0; the empty path is the root', (t) => {
  t.is(getAt(aXb, []), aXb);
  t.true(equalTerms(getAt(aXb, [1])!, inverse(X)));
  t.true(equalTerms(getAt(aXb, [1, 0])!, X));
  t.is(getAt(aXb, [5]), undefined);
  t.is(getAt(aXb, [0, 0, 0]), undefined);
});

test('every position is defined', (t) => {
  const ps = positions(aXb);
  t.is(ps.length, 6);
  for (const p of ps) t.not(getAt(aXb, p), undefined, formatPath(p));
});

test('replaceAt rebuilds canonically: a product replacing a factor is flattened', (t) => {
  const replaced = replaceAt(aXb, [1], mul([Y, X]))!;
  t.true(equalTerms(replaced, mul([transpose(a), Y, X, b])));
  t.is(children(replaced).length, 4);
});

test('replaceAt in a sum re-sorts it', (t) => {
  const s = add([X, Y]);
  const replaced = replaceAt(s, [0], a)!;
  t.true(equalTerms(replaced, add([Y, a])));
});

test('replaceAt outside the term is undefined', (t) => {
  t.is(replaceAt(aXb, [9], X), undefined);
});

test('positions lists every node of a 3,000-deep term', (t) => {
  let deep: Term = X;
  for (let i = 0; i < 3000; i++) deep = transpose(deep);
  const ps = positions(deep);
  t.is(ps.length, 3001);
  t.is(ps.at(-1)!.length, 3000);
});

test('formatPath', (t) => {
  t.is(formatPath([]), 'ε');
  t.is(formatPath([1, 0]), '1.0');
});
