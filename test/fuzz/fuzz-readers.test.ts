import test from 'ava';
import { assertFuzzClean, fuzz, type FuzzCounts } from '../support/fuzz.js';

/**
 * The fuzzer's CI share for the readers (2,500 of the 5,000 inputs `npm
 * test` runs; `fuzz-checker.test.ts` has the others, so the two files run
 * side by side): formulas through the parser, shapes and `leibniz parse`,
 * and rule files through the loader and a proof that leans on their rules
 * (`by auto` and a clause citing several). `npm run fuzz` runs 100,000 and
 * more. Fixed seeds: a failure here replays.
 */
const none: FuzzCounts = { formula: 0, rules: 0, proof: 0, cli: 0 };

test('1,600 fuzzed formulas: diagnostics inside the input, no exception, no hang', (t) => {
  assertFuzzClean(t, fuzz(20_261_123, { ...none, formula: 1600 }), 1600);
});

test('900 fuzzed rule files: diagnostics inside the input, no exception, no hang, even with looping rules', (t) => {
  assertFuzzClean(t, fuzz(20_261_125, { ...none, rules: 900 }), 900);
});
