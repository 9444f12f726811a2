import test from 'ava';
import { runMutants, runWithoutProperties, soundnessCorpus } from './support/soundness.js';

/**
 * Soundness: every step of every shipped proof, made wrong in the ways people
 * get steps wrong, must be rejected by the checker (`support/soundness.ts`,
 * also run at full size by `npm run soundness`). Mutants equal to the
 * original line in canonical form are not wrong and are skipped (counted).
 * Prints how many mutants were tried and rejected; fails on any accepted one.
 */
const corpus = soundnessCorpus();

test('the corpus proves before it is mutated', (t) => {
  for (const c of corpus) for (const th of c.report.theorems) t.true(th.status === 'proved' || th.status === 'defined', `${c.path}: ${th.name}`);
});

test('every wrong variant of a step is rejected', (t) => {
  const { tried, equivalent, accepted } = runMutants(corpus);
  t.log(`${tried} mutants tried, ${tried - accepted.length} rejected, ${equivalent} equal to the original skipped`);
  t.deepEqual(accepted, []);
  t.true(tried >= 1000, `only ${tried} mutants`);
});

test('removing the declarations a side condition relied on makes the proof fail', (t) => {
  const { tried, stillProved } = runWithoutProperties(corpus);
  t.log(`${tried} theorems rely on declared properties; each fails without them`);
  t.deepEqual(stillProved, []);
  t.true(tried > 0);
});
