import test from 'ava';
import { cleanUpFuzz } from '../support/fuzz-targets.js';
import { assertFuzzClean, fuzz, type FuzzCounts } from '../support/fuzz.js';

/**
 * The fuzzer's CI share for the checker (the other 2,500 of the 5,000
 * inputs `npm test` runs): proof files read and checked against the shipped
 * libraries, and whole files on disk through `leibniz check` (human and
 * `--json`) and `leibniz export`, as functions. Fixed seeds.
 */
const none: FuzzCounts = { formula: 0, rules: 0, proof: 0, cli: 0 };

test.after.always(cleanUpFuzz);

test('2,350 fuzzed proof files: diagnostics inside the input, no exception, no hang', (t) => {
  assertFuzzClean(t, fuzz(20_261_124, { ...none, proof: 2350 }), 2350);
});

test('150 fuzzed files through leibniz check and export: documented exit codes, positions inside the file', (t) => {
  assertFuzzClean(t, fuzz(20_261_126, { ...none, cli: 150 }), 150);
});
