/**
 * Limits of `leibniz check` and `leibniz parse` that the command line can
 * change (README, "Limits"): input size (`--max-input-bytes`; the file limit
 * is `MAX_FILE_BYTES` in `load-proofs.ts`) and rules in scope (`--max-rules`).
 * The others — bracket and term depth, formula length, the checker's search
 * budgets — are fixed: they keep the JS stack and each line's search
 * bounded, and a verdict must not depend on flags.
 */

/** Larger files are refused (E0901) before reading: a proof file is text typed by people (`--max-input-bytes`). */
export const MAX_FILE_BYTES = 1_000_000;

/** Where `leibniz check` keeps verdicts, in the working folder (`--cache-dir`, `--no-cache`). */
export const DEFAULT_CACHE_DIR = '.leibniz-cache';

/** Rules in scope of one proof file, at most (`--max-rules`); past it the file is not checked (E0607). */
export const DEFAULT_MAX_RULES = 10_000;

/** Parses a whole number ≥ `min` given on the command line; the error says what was expected. */
export function parseCount(value: string, min: number): number | { error: string } {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= min ? n : { error: `expected a whole number of at least ${min}, not "${value}"` };
}
