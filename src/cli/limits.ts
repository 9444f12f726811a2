/**
 * Limits the command line can change (README, "Limits"): the length of a
 * formula given to `leibniz parse` (`--max-input-bytes`). The others —
 * bracket and term depth, formula and line length in files, the checker's
 * search budgets — are fixed: they keep the JS stack and each line's search
 * bounded, and a verdict must not depend on flags.
 */

/** Parses a whole number ≥ `min` given on the command line; the error says what was expected. */
export function parseCount(value: string, min: number): number | { error: string } {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= min ? n : { error: `expected a whole number of at least ${min}, not "${value}"` };
}
