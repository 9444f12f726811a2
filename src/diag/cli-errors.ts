import { makeDiagnostic, type Diagnostic } from './diagnostic.js';
import type { Span } from './source.js';

/**
 * Named constructors for E06xx: what `leibniz check` and `leibniz export`
 * find in the files and folders they are given — `use` lines that lead
 * nowhere or in a circle, folders without proofs, files without theorems.
 * Messages are one sentence, lower-case, no final period.
 */

const q = (s: string): string => `"${s}"`;

/** `use X` where no candidate file exists: `candidates` are the files looked for (`X.rules`, `X.proof`), `tried` the folders looked in. */
export const nothingToUse = (at: Span | null, path: string, candidates: readonly string[], tried: readonly string[]): Diagnostic =>
  makeDiagnostic('E0601', `"use ${path}" names no ${candidates.length === 1 ? 'existing file' : 'rule library and no proof file'}`, at, {
    expected: candidates.length === 1 ? `a file ${candidates[0]}` : `a file ${candidates.join(' or ')}`,
    found: 'no such file',
    notes: tried.length === 0 ? [] : [`looked in ${tried.join(', ')}`],
  });

/** A folder given to `check` that holds no `*.proof` file, at any depth. */
export const noProofFiles = (folder: string): Diagnostic =>
  makeDiagnostic('E0602', `no proof files in ${folder}`, null, {
    expected: 'at least one *.proof file in the folder or below it',
    found: 'none',
  });

/** A proof file without any theorem: an error when it holds nothing at all (bad input, exit 2), a warning when it only has `use` lines and declarations. */
export const noTheorems = (at: Span, file: string, empty: boolean): Diagnostic =>
  makeDiagnostic('E0603', empty ? `${file} is empty: nothing to check` : `no theorems in ${file}`, at, {
    severity: empty ? 'error' : 'warning',
    expected: 'a line "theorem NAME : equation" followed by a proof',
    found: empty ? 'only blank lines and comments' : 'no theorem',
  });

/** `use` lines between proof files that lead back to a file being checked: `chain` is the cycle, first name repeated last. */
export const proofUseCycle = (at: Span | null, chain: readonly string[]): Diagnostic =>
  makeDiagnostic('E0604', `use cycle between proof files: ${chain.join(' → ')}`, at, {
    expected: 'proof files that do not use each other in a circle',
    found: chain.join(' → '),
    notes: ['the theorems of the file that closes the circle are not available here'],
  });

/** More diagnostics in one file than are printed; the rest are counted (and all are in `--json`). */
export const tooManyDiagnostics = (file: string, shown: number, total: number): Diagnostic =>
  makeDiagnostic('E0605', `${total - shown} more diagnostics in ${file} not shown`, null, {
    severity: 'warning',
    notes: [`only the first ${shown} are printed; --json lists all ${total}`],
  });

/** More rules in scope of one proof file than `--max-rules` allows; `at` is the `use` line that brought the count over. */
export const tooManyRules = (at: Span | null, count: number, limit: number): Diagnostic =>
  makeDiagnostic('E0607', `too many rules in scope (${count}; at most ${limit})`, at, {
    expected: `at most ${limit} rules from the libraries and proof files used`,
    found: `${count} rules`,
    notes: ['use fewer libraries, or raise the limit with --max-rules'],
  });

/** A library with errors, used again after its errors were reported (with the first file that used it). */
export const libraryHasErrors = (at: Span | null, library: string): Diagnostic =>
  makeDiagnostic('E0606', `rule library ${q(library)} has errors (reported above, where it was first used)`, at, {
    expected: 'a rule library without errors',
    found: `errors in ${library}`,
  });
