import test from 'ava';
import fc from '../support/fc.js';
import {
  add, apply, identity, inverse, littleO, mul, neg, positions, power, sym, transpose, type Path, type Term,
} from '../../src/term/index.js';
import { printTerm, printTermMarked, type Notation } from '../../src/print/index.js';
import { arbTerm } from '../support/arbitrary.js';

/** One line per case: the term, the highlighted path, the notation, and the text the mark must cover. */
const marks = (term: Term, path: Path, notation: Notation, covered: string | null): void => {
  test(`${printTerm(term, { notation })} at [${path.join('.')}] marks ${covered ?? 'nothing'}`, (t) => {
    const { text, mark } = printTermMarked(term, { notation, highlight: path });
    t.is(text, printTerm(term, { notation }));
    t.is(mark && text.slice(mark.start, mark.end), covered);
  });
};

const [A, B, H, X, a, b, t] = ['A', 'B', 'H', 'X', 'a', 'b', 't'].map(sym) as [Term, Term, Term, Term, Term, Term, Term];
const aXb = mul([transpose(a), inverse(X), b]);
const seed = neg(mul([transpose(inverse(X)), a, transpose(b), transpose(inverse(X))]));

marks(aXb, [1], 'unicode', 'X⁻¹');
marks(aXb, [0], 'unicode', 'aᵀ');
marks(aXb, [1, 0], 'unicode', 'X');
marks(aXb, [], 'unicode', 'aᵀX⁻¹b');
marks(aXb, [5], 'unicode', null);
marks(aXb, [1, 0, 0], 'unicode', null);
marks(aXb, [1], 'latex', 'X^{-1}');
marks(aXb, [1], 'ascii', 'inv(X)');
marks(aXb, [2], 'ascii', 'b');
marks(seed, [0], 'unicode', 'X⁻ᵀ');
marks(seed, [0, 0], 'unicode', 'X⁻ᵀ');
marks(seed, [0, 0, 0], 'unicode', 'X');
marks(seed, [3, 0, 0], 'unicode', 'X');
marks(seed, [0, 0], 'ascii', 'inv(X)');
marks(add([identity(), neg(H), littleO(H)]), [1], 'unicode', '− H');
marks(add([identity(), neg(H), littleO(H)]), [1, 0], 'unicode', 'H');
marks(add([identity(), neg(H), littleO(H)]), [2, 0], 'unicode', 'H');
marks(add([neg(A), B]), [0], 'unicode', '−A');
marks(transpose(add([A, B])), [0], 'unicode', '(A + B)');
marks(transpose(add([A, B])), [0, 1], 'unicode', 'B');
marks(transpose(add([A, B])), [0], 'latex', '\\left(A + B\\right)');
marks(power(X, sym('k')), [1], 'unicode', 'ᵏ');
marks(inverse(apply(X, [t])), [0, 1], 'unicode', 't');

const notations: readonly Notation[] = ['unicode', 'latex', 'ascii'];

test('every position of a random term is marked inside its parent’s mark, and the text never changes', (t) => {
  fc.assert(
    fc.property(arbTerm, fc.constantFrom(...notations), (term, notation) => {
      const text = printTerm(term, { notation });
      for (const path of positions(term)) {
        const { text: marked, mark } = printTermMarked(term, { notation, highlight: path });
        if (marked !== text || mark === null || mark.start > mark.end || mark.end > text.length) return false;
        if (path.length === 0 && (mark.start !== 0 || mark.end !== text.length)) return false;
        const parent = printTermMarked(term, { notation, highlight: path.slice(0, -1) }).mark!;
        if (mark.start < parent.start || mark.end > parent.end) return false;
      }
      return true;
    }),
    { numRuns: 200 },
  );
  t.pass();
});
