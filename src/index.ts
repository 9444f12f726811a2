/**
 * Leibniz's public API: read formulas in any notation, infer their shapes,
 * build and compare terms in canonical form, and print them. The `leibniz`
 * command line is built on these functions.
 *
 * ```ts
 * import { readFormula, printTerm, formatShape } from 'leibniz';
 * const read = readFormula('a^TX^{-1}b', { declarations: 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}' });
 * if (read.ok) {
 *   const s = read.elaboration.formula.statements[0];
 *   if (s?.kind === 'term') console.log(printTerm(s.term), formatShape(read.elaboration.shapeOf(s.term)!));
 * }
 * ```
 */
export * from './term/index.js';
export type { Diagnostic, Span, Source, SpanTable, ErrorCode } from './diag/index.js';
export { formatDiagnostic, formatDiagnostics, formatLocation, lineCol, ERROR_CODES } from './diag/index.js';
export { parseFormula, parseTerm, parseDeclarations } from './parse/index.js';
export type { ParseOptions, ParseOutcome } from './parse/index.js';
export { printTerm, printTermMarked, printFormula, printStatement, printDeclaration } from './print/index.js';
export type { Notation, PrintOptions } from './print/index.js';
export { elaborate, inferShape, makeEnv, formatShape } from './shape/index.js';
export type { Shape, ShapeEnv, Elaboration } from './shape/index.js';
export { readFormula } from './rules/read-formula.js';
export type { ReadOptions, ReadOutcome } from './rules/read-formula.js';
