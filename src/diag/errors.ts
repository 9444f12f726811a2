import { makeDiagnostic, type Diagnostic } from './diagnostic.js';
import type { Span } from './source.js';

/**
 * Named constructors for every diagnostic Leibniz emits (the role of ohm's
 * `errors.js`). Callers pass already-printed terms and shapes, so this module
 * depends on nothing. Messages are one sentence, lower-case, no final period.
 */

const q = (s: string): string => `"${s}"`;

// ── E01xx: reading formulas ────────────────────────────────────────────────

/** A token the grammar cannot continue with. `expected` lists what would have been accepted there. */
export const syntaxError = (at: Span, expected: string, found: string): Diagnostic =>
  makeDiagnostic('E0101', found === 'end of input' ? 'unexpected end of input' : `unexpected ${found}`, at, { expected, found });

/** An opening bracket without its closing partner, or a closing one without an opening one. */
export const unbalancedBracket = (at: Span, bracket: string, expected: string, found: string, openedAt?: string): Diagnostic =>
  makeDiagnostic('E0102', `unbalanced ${q(bracket)}`, at, {
    expected,
    found,
    notes: openedAt ? [`opened at ${openedAt}`] : [],
  });

/** A LaTeX control sequence the language does not know. */
export const unknownCommand = (at: Span, command: string, suggestion?: string): Diagnostic =>
  makeDiagnostic('E0103', `unknown LaTeX command ${q(command)}`, at, {
    expected: 'a known command such as \\frac, \\partial, \\operatorname{tr}, \\left(',
    found: q(command),
    notes: suggestion ? [`did you mean ${q(suggestion)}?`] : [],
  });

export const emptyInput = (at: Span): Diagnostic =>
  makeDiagnostic('E0104', 'empty formula', at, { expected: 'a term, an equation or a declaration', found: 'nothing' });

export const nestingTooDeep = (at: Span, limit: number): Diagnostic =>
  makeDiagnostic('E0105', `brackets nested more than ${limit} deep`, at, {
    expected: `at most ${limit} levels of nesting`,
    found: 'a deeper bracket',
  });

/** A term nested deeper than the limit through operators (`Xᵀᵀᵀ…`, `log log … x`) rather than brackets. */
export const termTooDeep = (at: Span, limit: number): Diagnostic =>
  makeDiagnostic('E0105', `formula nested more than ${limit} levels deep`, at, {
    expected: `at most ${limit} levels of operators and brackets`,
    found: 'a deeper subterm',
  });

/**
 * Nesting that exhausted the reader's stack before the depth limits could be
 * measured (long chains of prefix operators such as `log log … x`, or of
 * norm bars): the formula is refused as nested too deep, `limit` being the
 * term depth the reader takes.
 */
export const nestedTooDeepToRead = (at: Span, limit: number): Diagnostic =>
  makeDiagnostic('E0105', 'formula nested too deep to read', at, {
    expected: `at most ${limit} levels of operators and brackets`,
    found: 'nesting deeper than the reader can follow',
  });

export const inputTooLong = (at: Span, limit: number, length: number, unit: 'characters' | 'bytes' = 'characters'): Diagnostic =>
  makeDiagnostic('E0106', `formula too long (${length} ${unit})`, at, {
    expected: `at most ${limit} ${unit}`,
    found: `${length} ${unit}`,
  });

export const characterNotAllowed = (at: Span, char: string): Diagnostic => {
  const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return makeDiagnostic('E0107', `character U+${code} is not allowed in a formula`, at, {
    expected: 'a letter, digit, operator or bracket',
    found: `U+${code}`,
  });
};

export const unsupportedConstruct = (at: Span, what: string, hint?: string): Diagnostic =>
  makeDiagnostic('E0108', `${what} is not supported here`, at, { notes: hint ? [hint] : [] });

export const malformedDeclaration = (at: Span, expected: string, found: string): Diagnostic =>
  makeDiagnostic('E0109', 'malformed declaration', at, { expected, found });

/** A bug in the reader, reported instead of a stack trace. Tests assert it never happens. */
export const internalReaderError = (at: Span, detail: string): Diagnostic =>
  makeDiagnostic('E0199', 'internal error while reading this formula (please report it)', at, { notes: [detail] });

// ── E02xx: shapes ──────────────────────────────────────────────────────────

/** `left right` where the columns of `left` do not match the rows of `right`. */
export const nonConformingProduct = (at: Span | null, left: string, leftShape: string, right: string, rightShape: string): Diagnostic =>
  makeDiagnostic('E0201', `cannot multiply ${left} (${leftShape}) by ${right} (${rightShape})`, at, {
    expected: `a left factor with as many columns as ${right} has rows`,
    found: `${leftShape} times ${rightShape}`,
  });

/** A sum, Hadamard product or equation whose operands' shapes differ. */
export const nonConformingOperands = (at: Span | null, op: string, left: string, leftShape: string, right: string, rightShape: string): Diagnostic =>
  makeDiagnostic('E0202', `cannot ${op} ${left} (${leftShape}) and ${right} (${rightShape})`, at, {
    expected: 'operands of the same shape',
    found: `${leftShape} and ${rightShape}`,
  });

/** How an operation is named in "… of A needs a square matrix". */
const OPERATION_NAMES: Readonly<Record<string, string>> = {
  inverse: 'the inverse', tr: 'the trace', det: 'the determinant', power: 'a power', diag: 'diag',
};

/** Inverse, trace, determinant or power of a non-square matrix. */
export const notSquare = (at: Span | null, operation: string, term: string, shape: string): Diagnostic =>
  makeDiagnostic('E0203', `${OPERATION_NAMES[operation] ?? operation} of ${term} needs a square matrix`, at, {
    expected: 'a square matrix',
    found: shape,
  });

export const indexRangeMismatch = (at: Span | null, index: string, firstRange: string, secondRange: string): Diagnostic =>
  makeDiagnostic('E0204', `index ${index} ranges over ${firstRange} here but over ${secondRange} elsewhere`, at, {
    expected: `a range of ${firstRange}`,
    found: secondRange,
  });

/** The sides of a relation (`=`, `≡`, `→`) differ in shape; `left`/`right`, when given, name the two sides in the message. */
export const sidesDiffer = (at: Span | null, relation: string, leftShape: string, rightShape: string, left?: string, right?: string): Diagnostic =>
  makeDiagnostic(
    'E0205',
    left !== undefined && right !== undefined
      ? `the two sides of "${relation}" have different shapes: ${left} (${leftShape}) and ${right} (${rightShape})`
      : `the two sides of "${relation}" have different shapes`,
    at,
    { expected: leftShape, found: rightShape },
  );

export const notScalar = (at: Span | null, role: string, term: string, shape: string): Diagnostic =>
  makeDiagnostic('E0206', `${role} ${term} must be a scalar`, at, { expected: 'a scalar', found: shape });

export const conflictingDeclaration = (at: Span | null, name: string, first: string, second: string): Diagnostic =>
  makeDiagnostic('E0207', `${name} is declared twice with different shapes`, at, { expected: first, found: second });

export const derivativeUndefined = (at: Span | null, body: string, bodyShape: string, wrt: string, wrtShape: string): Diagnostic =>
  makeDiagnostic('E0208', `the derivative of ${body} (${bodyShape}) by ${wrt} (${wrtShape}) is not defined`, at, {
    expected: 'a scalar by anything, anything by a scalar, or a vector by a vector',
    found: `${bodyShape} by ${wrtShape}`,
    notes: ['for a matrix function of a matrix, use the differential d(…) instead'],
  });

/** A function (or a Fréchet derivative) applied to an argument outside its domain. */
export const argumentMismatch = (at: Span | null, fn: string, domain: string, arg: string, argShape: string): Diagnostic =>
  makeDiagnostic('E0202', `${fn} takes a ${domain} argument, not ${arg} (${argShape})`, at, {
    expected: domain,
    found: argShape,
  });

/** A term whose shape, found late, differs from the shape its context had already fixed. */
export const contextMismatch = (at: Span | null, term: string, shape: string, expectedShape: string): Diagnostic =>
  makeDiagnostic('E0202', `${term} is ${shape} but its context needs ${expectedShape}`, at, {
    expected: expectedShape,
    found: shape,
  });

/** An entry `(M)_{…}` with the wrong number of indices for the shape of `M`. */
export const badEntryIndices = (at: Span | null, body: string, shape: string, count: number): Diagnostic =>
  makeDiagnostic('E0209', `${body} (${shape}) cannot take ${count} ${count === 1 ? 'index' : 'indices'}`, at, {
    expected: 'two indices for a matrix, one for a vector or row vector',
    found: `${count} ${count === 1 ? 'index' : 'indices'} on a ${shape}`,
  });

// ── E09xx: the command line ───────────────────────────────────────────────

export const cannotRead = (path: string, reason: string): Diagnostic =>
  makeDiagnostic('E0901', `cannot read ${path}: ${reason}`, null);

export const badUsage = (message: string, hint?: string): Diagnostic =>
  makeDiagnostic('E0902', message, null, { notes: hint ? [hint] : [] });

/** `leibniz derive` could not finish: `problem` says what no rule does, `found` the construct in the way (printed). */
export const cannotDerive = (at: Span, problem: string, found: string | null, notes: readonly string[] = []): Diagnostic =>
  makeDiagnostic('E0903', `cannot derive: ${problem}`, at, { ...(found === null ? {} : { found }), notes });
