import { makeDiagnostic, type Diagnostic } from './diagnostic.js';
import { formatLocation, type Span } from './source.js';

/**
 * Named constructors for the diagnostics of rule libraries (E04xx): what
 * validation finds when a rule file is compiled into rules, and what loading
 * a library with its `use` lines finds. Messages are one sentence, lower-case.
 */

const q = (s: string): string => `"${s}"`;
const didYouMean = (s: string | undefined): string[] => (s === undefined ? [] : [`did you mean ${q(s)}?`]);

/** A rule id defined twice; `first` is where the first definition is (null when unknown). */
export const duplicateRuleId = (at: Span | null, id: string, first: Span | null, library?: string): Diagnostic =>
  makeDiagnostic('E0401', `rule ${q(id)} is already defined`, at, {
    expected: 'a rule id not used before',
    found: q(id),
    notes: [first ? `first defined at ${formatLocation(first)}` : `first defined in library ${q(library ?? '?')}`],
  });

/** A metavariable of the right side (or of a condition) that the left side does not bind. */
export const unboundVariable = (at: Span | null, id: string, name: string, where: string): Diagnostic =>
  makeDiagnostic('E0402', `${where} of rule ${q(id)} uses ${name}, which the left side does not bind`, at, {
    expected: 'only metavariables that occur on the left side',
    found: name,
  });

/** The sides of a rule differ in shape, or agree only for some of the shapes the pattern side allows. */
export const ruleSidesDiffer = (at: Span | null, id: string, left: string, leftShape: string, right: string, rightShape: string, detail?: string): Diagnostic =>
  makeDiagnostic('E0403', `the two sides of rule ${q(id)} have different shapes: ${left} (${leftShape}) and ${right} (${rightShape})`, at, {
    expected: leftShape,
    found: rightShape,
    notes: detail ? [detail] : [],
  });

export const unknownPredicate = (at: Span | null, name: string, suggestion?: string): Diagnostic =>
  makeDiagnostic('E0404', `unknown predicate ${q(name)}`, at, {
    expected: 'a known predicate such as invertible, square, symmetric, scalar, constant',
    found: q(name),
    notes: didYouMean(suggestion),
  });

export const predicateArity = (at: Span | null, name: string, arity: number, given: number): Diagnostic =>
  makeDiagnostic('E0405', `predicate ${q(name)} takes ${arity} argument${arity === 1 ? '' : 's'}, not ${given}`, at, {
    expected: `${arity} argument${arity === 1 ? '' : 's'}`,
    found: `${given}`,
  });

/** A rule whose statement is not exactly one equation `lhs = rhs`. */
export const ruleNotEquation = (at: Span | null, id: string, found: string): Diagnostic =>
  makeDiagnostic('E0406', `rule ${q(id)} is not an equation`, at, { expected: 'one equation lhs = rhs', found });

export const unknownSort = (at: Span | null, sort: string, suggestion?: string): Diagnostic =>
  makeDiagnostic('E0407', `unknown sort ${q(sort)}`, at, {
    expected: 'scalar, vector, matrix, square matrix, index or any',
    found: q(sort),
    notes: didYouMean(suggestion),
  });

export const malformedRuleId = (at: Span | null, id: string): Diagnostic =>
  makeDiagnostic('E0408', `rule id ${q(id)} is not kebab-case`, at, {
    expected: 'lower-case words of letters and digits joined by "-", like transpose-of-product',
    found: q(id),
  });

/** `use` lines that lead back to a library being loaded: `chain` is the cycle, first name repeated last. */
export const useCycle = (at: Span | null, chain: readonly string[]): Diagnostic =>
  makeDiagnostic('E0409', `use cycle: ${chain.join(' → ')}`, at, { expected: 'libraries that do not use each other in a circle', found: chain.join(' → ') });

export const libraryNotFound = (at: Span | null, path: string, reason: string): Diagnostic =>
  makeDiagnostic('E0410', `rule library ${q(path)} not found: ${reason}`, at, { expected: 'a readable .rules file', found: q(path) });
