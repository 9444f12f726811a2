import test from 'ava';
import fc from '../support/fc.js';
import { arbMatrixTerm, arbScalarTerm } from '../support/arbitrary.js';
import { add, equalTerms, num, replaceSummands, sym, termKey, type Term } from '../../src/term/index.js';

/**
 * `replaceSummands` inserts the new summands into the sorted rest instead of
 * re-sorting the whole sum: it must give exactly the canonical sum `add`
 * gives, for any sum, any summands taken out and any replacement.
 */
const sumsWithChoice = (arb: fc.Arbitrary<Term>) =>
  fc.tuple(fc.array(arb, { minLength: 2, maxLength: 6 }), arb, fc.array(fc.nat(5), { maxLength: 3 }))
    .map(([summands, replacement, picks]) => ({ sum: add(summands), replacement, picks }))
    .filter(({ sum }) => sum.kind === 'add');

for (const [name, arb] of [['matrix', arbMatrixTerm], ['scalar', arbScalarTerm]] as const) {
  test(`replaceSummands equals add of the rest and the replacement (${name} sums)`, (t) => {
    fc.assert(fc.property(sumsWithChoice(arb), ({ sum, replacement, picks }) => {
      if (sum.kind !== 'add') return true;
      const indices = [...new Set(picks.map((p) => p % sum.terms.length))];
      const rest = sum.terms.filter((_, i) => !indices.includes(i));
      const expected = add([...rest, replacement]);
      const got = replaceSummands(sum, indices, replacement);
      return equalTerms(got, expected) || t.fail(`${termKey(got)} ≠ ${termKey(expected)}`);
    }));
    t.pass();
  });
}

test('replaceSummands: a sum as replacement is spread among the rest; a numeral folds', (t) => {
  const [X, Y, Z, W] = ['X', 'Y', 'Z', 'W'].map(sym) as [Term, Term, Term, Term];
  const sum = add([X, Y, Z]);
  if (sum.kind !== 'add') return t.fail();
  t.is(termKey(replaceSummands(sum, [1], add([W, Y]))), termKey(add([X, W, Y, Z])));
  t.is(termKey(replaceSummands(sum, [0, 1, 2], X)), termKey(X), 'one summand left is no sum');
  const numeric = add([num(2), X, Y]);
  if (numeric.kind !== 'add') return t.fail();
  t.is(termKey(replaceSummands(numeric, [1], num(3))), termKey(add([num(5), Y])));
});
