import test from 'ava';
import fc from '../support/fc.js';
import {
  canonicalize, equalTerms, inverse, mul, neg, partial, sym, termKey, transpose, type Formula, type Term,
} from '../../src/term/index.js';
import { parseFormula, parseTerm } from '../../src/parse/index.js';
import { printFormula, printTerm, type Notation } from '../../src/print/index.js';
import { arbTerm } from '../support/arbitrary.js';

/**
 * Printing then parsing gives back the same term (after canonicalisation with
 * the default, structural scalar test), in each notation, for random
 * well-shaped terms.
 */
const roundTrips = (notation: Notation, terms: fc.Arbitrary<Term> = arbTerm): void => {
  test(`${notation}: parseTerm(printTerm(t)) is t`, (t) => {
    fc.assert(
      fc.property(terms, (term) => {
        const text = printTerm(term, { notation });
        const parsed = parseTerm(text);
        if (!parsed.ok) throw new Error(`${text}: ${JSON.stringify(parsed.diagnostics)}`);
        const back: Term = canonicalize(parsed.value);
        if (!equalTerms(back, term)) throw new Error(`${text}\n  printed ${termKey(term)}\n  read    ${termKey(back)}`);
      }),
      { numRuns: 400 },
    );
    t.pass();
  });
};

roundTrips('unicode');
roundTrips('latex');
roundTrips('ascii');

const [X, a, b] = ['X', 'a', 'b'].map(sym) as [Term, Term, Term];
const n = { kind: 'dim-sym', name: 'n' } as const;
const square = { kind: 'matrix', rows: n, cols: n } as const;
const vector = { kind: 'matrix', rows: n, cols: { kind: 'dim-num', value: 1 } } as const;
const XinvT = transpose(inverse(X));
/** The seed's formula (1), its declarations, and a signature. */
const seedFormula: Formula = {
  statements: [
    {
      kind: 'chain',
      terms: [partial(mul([transpose(a), inverse(X), b]), X), neg(mul([XinvT, a, transpose(b), XinvT]))],
      relations: ['='],
    },
    { kind: 'decl', targets: [{ name: 'a', params: [] }, { name: 'b', params: [] }], shape: vector, properties: [] },
    { kind: 'decl', targets: [{ name: 'X', params: ['t'] }], shape: square, properties: ['invertible'] },
    { kind: 'signature', target: sym('F'), domain: square, codomain: { kind: 'scalar' } },
  ],
};

for (const notation of ['unicode', 'latex', 'ascii'] as const) {
  test(`${notation}: a printed formula reads back and prints the same`, (t) => {
    const text = printFormula(seedFormula, { notation });
    const parsed = parseFormula(text);
    if (!parsed.ok) return t.fail(`${text}: ${JSON.stringify(parsed.diagnostics)}`);
    t.is(printFormula(parsed.value, { notation }), text);
  });
}
