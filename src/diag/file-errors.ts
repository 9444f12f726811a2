import { makeDiagnostic, type Diagnostic } from './diagnostic.js';
import type { Span } from './source.js';

/**
 * Named constructors for E03xx: the structure of rule files (`rules/*.rules`)
 * and proof files (`*.proof`) — lines, names, tags, conditions, justifications.
 * Errors inside a formula keep their E01xx/E02xx codes. Messages are one
 * sentence, lower-case, no final period; `found` quotes the text as written.
 */

const q = (s: string): string => `"${s}"`;
/** The text as written, quoted, or "nothing" for an empty one. */
const shown = (s: string): string => (s.trim() === '' ? 'nothing' : q(s.trim()));

/** A line that is none of the kinds the file allows; `expected` lists them. */
export const unrecognisedLine = (at: Span, expected: string, found: string): Diagnostic =>
  makeDiagnostic('E0301', 'this line is not understood', at, { expected, found: shown(found) });

/** `rule inverse-left A⁻¹ A = I`: the colon between the name and the equation is missing. */
export const missingColon = (at: Span, what: string, found: string): Diagnostic =>
  makeDiagnostic('E0302', `${what} needs ":" before its equation`, at, { expected: `":" after the name`, found: shown(found) });

/** A rule id, tag, theorem or library name that is not kebab-case (`inverse-left`, `d-inverse-curve`). */
export const malformedName = (at: Span, what: string, found: string): Diagnostic =>
  makeDiagnostic('E0303', `malformed ${what}`, at, {
    expected: 'letters and digits, words joined by "-" (such as inverse-left)',
    found: shown(found),
  });

/** `[simp` without `]`, `[]`, or `[simp,,x]`. */
export const malformedTags = (at: Span, found: string): Diagnostic =>
  makeDiagnostic('E0304', 'malformed tag list', at, { expected: 'tags in brackets, such as [simp] or [simp, expand]', found: shown(found) });

/** `rule r : = B` or `A =`: one side of the equation is empty. */
export const emptySide = (at: Span, side: 'left' | 'right' | 'both'): Diagnostic =>
  makeDiagnostic('E0305', side === 'both' ? 'the equation is empty' : `the ${side} side of the equation is empty`, at, {
    expected: side === 'both' ? 'an equation lhs = rhs' : `a term on the ${side} of "="`,
    found: 'nothing',
  });

/** A side condition that is not `name(arg, …)`. */
export const malformedCondition = (at: Span, found: string): Diagnostic =>
  makeDiagnostic('E0306', 'malformed side condition', at, {
    expected: 'a predicate applied to terms, such as invertible(A) or constant(A, t)',
    found: shown(found),
  });

/** A `vars` group without a sort, a sort without names, or a name that is not one symbol. */
export const malformedVars = (at: Span, expected: string, found: string): Diagnostic =>
  makeDiagnostic('E0307', 'malformed variable declaration', at, { expected, found: shown(found) });

/** `use` with nothing after it (or `rules` without a name). */
export const missingPath = (at: Span, keyword: string): Diagnostic =>
  makeDiagnostic('E0308', `"${keyword}" needs ${keyword === 'use' ? 'a path' : 'a name'}`, at, {
    expected: keyword === 'use' ? 'a path such as rules/core' : 'a name such as inverse',
    found: 'nothing',
  });

/** Where one equation (`lhs = rhs`) is required and something else was written. */
export const equationExpected = (at: Span, where: string, found: string): Diagnostic =>
  makeDiagnostic('E0309', `${where} must be one equation`, at, { expected: 'an equation lhs = rhs', found });

/** A theorem whose proof never reaches `qed`; the note says where reading stopped. */
export const proofNotClosed = (at: Span, name: string, stoppedAt: string): Diagnostic =>
  makeDiagnostic('E0310', `the proof of ${q(name)} is not closed`, at, {
    expected: '"qed" after the last step',
    found: stoppedAt,
    notes: ['every "proof" ends with a line "qed"'],
  });

/** A step, `proof` or `qed` where no proof is open. */
export const outsideProof = (at: Span, what: string): Diagnostic =>
  makeDiagnostic('E0311', `${what} outside a proof`, at, {
    expected: 'a "theorem NAME : equation" line and "proof" first',
    found: what,
  });

/** A step without its `by` clause. */
export const missingJustification = (at: Span, found: string): Diagnostic =>
  makeDiagnostic('E0312', 'this step has no justification', at, {
    expected: '"by" and a rule, such as "by inverse-left" or "by auto"',
    found: shown(found),
  });

/** `both-sides frobnicate`. */
export const unknownBothSides = (at: Span, found: string): Diagnostic =>
  makeDiagnostic('E0313', `unknown both-sides operation ${shown(found)}`, at, {
    expected: '∂/∂t, d, tr, transpose, left-multiply TERM, right-multiply TERM, add TERM, subtract TERM or evaluate t=0',
    found: shown(found),
  });

/** `at 1..0`, `at x`: not a position. */
export const malformedPosition = (at: Span, found: string): Diagnostic =>
  makeDiagnostic('E0314', 'malformed position', at, { expected: 'dotted numbers such as 1.0, or ε for the whole term', found: shown(found) });

/** A second theorem with a name already used in the file. */
export const duplicateTheorem = (at: Span, name: string, firstAt: string): Diagnostic =>
  makeDiagnostic('E0315', `theorem ${q(name)} is defined twice`, at, {
    expected: 'a new name',
    found: q(name),
    notes: [`first defined at ${firstAt}`],
  });

/** A `by` clause item that is empty or not a rule, `auto`, `both-sides …` or `hyp NAME`. */
export const malformedJustification = (at: Span, found: string): Diagnostic =>
  makeDiagnostic('E0316', 'malformed justification', at, {
    expected: 'rule names separated by ",", "auto", "both-sides OP" or "hyp NAME"',
    found: shown(found),
  });

/** A line of a rule or proof file longer than the readers take (`limit` characters); it is left out. */
export const lineTooLong = (at: Span, limit: number, length: number): Diagnostic =>
  makeDiagnostic('E0106', `line too long (${length} characters)`, at, {
    expected: `at most ${limit} characters on a line`,
    found: `${length} characters`,
    notes: ['the line is left out'],
  });

/** `proof` with no `theorem` line before it, or a second `proof` for the same theorem. */
export const proofWithoutTheorem = (at: Span): Diagnostic =>
  makeDiagnostic('E0311', '"proof" without a theorem before it', at, {
    expected: 'a "theorem NAME : equation" line just before "proof"',
    found: '"proof"',
  });
