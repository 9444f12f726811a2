import test from 'ava';
import fc from '../support/fc.js';
import { chainIndex, isSquareRun, squareEnds } from '../../src/match/chain-index.js';
import { equalTerms, sym, transpose, type Term } from '../../src/term/index.js';

/**
 * The chain index narrows where the matcher tries `A A` and rigid factors.
 * It may only narrow: every end where a run is really followed by a copy of
 * itself must be among `squareEnds`' candidates.
 */
const arbFactors = fc.array(fc.constantFrom('X', 'Y', 'Z').map((n) => (n === 'Z' ? transpose(sym('X')) : sym(n))), { minLength: 1, maxLength: 12 });

test('squareEnds proposes every end where the run from pos is followed by its copy', (t) => {
  fc.assert(fc.property(arbFactors, fc.nat(), fc.nat(), fc.nat(), (fs, p, f, l) => {
    const index = chainIndex(fs);
    const pos = p % fs.length;
    const from = pos + 1 + (f % 3);
    const to = from + (l % fs.length);
    const candidates = new Set(squareEnds(index, pos, from, to));
    for (let end = from; end <= Math.min(to, fs.length); end++) {
      const isCopy = end + (end - pos) <= fs.length && fs.slice(pos, end).every((u, k) => equalTerms(u, fs[end + k]!));
      if (isCopy !== isSquareRun(index, pos, end)) return t.fail(`isSquareRun(${pos}, ${end})`);
      if (isCopy && !candidates.has(end)) return t.fail(`end ${end} missing for pos ${pos}`);
    }
    return [...candidates].every((e) => e >= from && e <= to);
  }));
  t.pass();
});

test('chainIndex: equal factors share an id; positions by kind are ascending; memoised per array', (t) => {
  const [X, Y] = [sym('X'), sym('Y')];
  const fs: Term[] = [X, transpose(Y), sym('X'), Y];
  const index = chainIndex(fs);
  t.is(index.runs().ids[0], index.runs().ids[2]);
  t.not(index.runs().ids[0], index.runs().ids[3]);
  t.deepEqual(index.byKind.get('sym'), [0, 2, 3]);
  t.deepEqual(index.byKind.get('transpose'), [1]);
  t.is(chainIndex(fs), index);
});
