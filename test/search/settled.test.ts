import test from 'ava';
import { Settled } from '../../src/search/settled.js';
import { add, mul, sym, transpose, type Term } from '../../src/term/index.js';

test('Settled remembers a term by identity, and a small term by key too', (t) => {
  const settled = new Settled();
  const small = transpose(sym('X'));
  settled.add(small);
  t.true(settled.has(small));
  t.true(settled.has(transpose(sym('X'))), 'a fresh copy of a small term');
  t.false(settled.has(transpose(sym('Y'))));
});

test('Settled knows a large term only as the very object it was given', (t) => {
  const build = (): Term => add(['A', 'B', 'C', 'D', 'E'].map((n) => mul([sym(n), transpose(sym('X'))])));
  const settled = new Settled();
  const large = build();
  settled.add(large);
  t.true(settled.has(large));
  t.false(settled.has(build()), 'an equal copy is searched again');
});
