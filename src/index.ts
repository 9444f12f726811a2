/**
 * Leibniz's public API: read formulas in any notation, infer their shapes,
 * load rule libraries, apply rules with recorded steps, and check proof files.
 * The `leibniz` command line is built on these functions (README, "Using
 * Leibniz from TypeScript", shows them together).
 */
export * from './term/index.js';
export type { Diagnostic, Span, Source, SpanTable, ErrorCode } from './diag/index.js';
export { formatDiagnostic, formatDiagnostics, formatLocation, lineCol, makeSource, ERROR_CODES } from './diag/index.js';
export { parseFormula, parseTerm, parseDeclarations, readRuleFile } from './parse/index.js';
export type { ParseOptions, ParseOutcome, RuleFileSource } from './parse/index.js';
export { printTerm, printTermMarked, printFormula, printStatement, printDeclaration } from './print/index.js';
export type { Notation, PrintOptions } from './print/index.js';
export { elaborate, inferShape, makeEnv, formatShape } from './shape/index.js';
export type { Shape, ShapeEnv, Elaboration } from './shape/index.js';
export { matchPattern, instantiate } from './match/index.js';
export type { Match, Sort, Subst } from './match/index.js';
export {
  compileRuleFile, elaborateStatements, factsOf, loadLibrary, readFormula, RuleRegistry, PREDICATES,
} from './rules/index.js';
export type { Direction, Facts, LibraryLoader, Predicate, ReadOptions, ReadOutcome, Rule } from './rules/index.js';
export { applyRule, applicableRewrites, normalize } from './rewrite/index.js';
export type { RewriteOutcome, Step, StopReason } from './rewrite/index.js';
export { readProofFile } from './proof/index.js';
export type { ProofFile, Theorem, ProofLine } from './proof/index.js';
export { checkProofFile, summarize } from './check/index.js';
export type { FileReport, TheoremReport, StepReport, CheckSummary } from './check/index.js';
