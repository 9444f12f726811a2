import { internalReaderError, makeSource, nestedTooDeepToRead, span, termTooDeep, type Diagnostic, type Source, type Span, type SpanTable } from '../diag/index.js';
import type { Declaration, Formula, Term } from '../term/index.js';
import { withContext } from './context.js';
import { syntaxDiagnostic } from './failure.js';
import {
  DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH, DEFAULT_MAX_TERM_DEPTH, DEFAULT_SOURCE_NAME, type Origin, type ParseOptions, type ParseOutcome,
} from './options.js';
import { prescan } from './prescan.js';
import { relocate } from './relocate.js';
import { grammar, semantics } from './semantics.js';
import { tooDeepNode } from './term-depth.js';

type StartRule = 'FormulaInput' | 'TermInput' | 'DeclarationsInput';

/**
 * Reads a formula: one or more statements (terms, equation chains,
 * implications, declarations, signatures) separated by `\quad` or `;`.
 * Terms are raw (structure as written); run `canonicalize` on them.
 */
export function parseFormula(text: string, options: ParseOptions = {}): ParseOutcome<Formula> {
  return parseWith<Formula>(text, options, 'FormulaInput', 'statement');
}

/** Reads exactly one term (an equation or declaration is a syntax error). */
export function parseTerm(text: string, options: ParseOptions = {}): ParseOutcome<Term> {
  return parseWith<Term>(text, options, 'TermInput', 'term');
}

/** Reads declarations (`--let`): `a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}` or `a b : n; X : n x n`, separated by `;`, `,` or line breaks. */
export function parseDeclarations(text: string, options: ParseOptions = {}): ParseOutcome<Declaration[]> {
  return parseWith<Declaration[]>(text, options, 'DeclarationsInput', 'statement');
}

function parseWith<T>(text: string, options: ParseOptions, start: StartRule, operation: string): ParseOutcome<T> {
  const source = makeSource(options.within?.source.name ?? options.sourceName ?? DEFAULT_SOURCE_NAME, text);
  const origin: Origin = options.within ?? { source, start: 0 };
  const fail = (diagnostics: Diagnostic[]): ParseOutcome<T> =>
    ({ ok: false, diagnostics: diagnostics.map((d) => relocate(d, origin)), source: origin.source });
  try {
    const limits = { maxLength: options.maxLength ?? DEFAULT_MAX_LENGTH, maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH };
    const problems = prescan(source, limits, origin);
    if (problems.length > 0) return fail(problems);
    const match = grammar.match(text, start);
    if (match.failed()) return fail([syntaxDiagnostic(source, match)]);
    const spans: SpanTable = options.spans ?? new WeakMap();
    const functions = new Set(options.functions ?? []);
    const value = withContext({ source, origin, spans, functions }, () => (semantics(match) as Record<string, () => T>)[operation]!());
    const maxTermDepth = options.maxTermDepth ?? DEFAULT_MAX_TERM_DEPTH;
    const deep = tooDeepNode(value, maxTermDepth, spans);
    if (deep !== null) return fail([termTooDeep(localSpan(source, origin, deep.span), maxTermDepth)]);
    return { ok: true, value, spans, source: origin.source };
  } catch (error) {
    return fail([isStackOverflow(error) ? tooDeep(source, options) : internalError(source, error)]);
  }
}

/** A span of the span table (which points into `origin.source`) as a span of the slice `source`, for `relocate` to move back; the whole slice when there is none. */
function localSpan(source: Source, origin: Origin, at: Span | undefined): Span {
  if (at === undefined || at.source !== origin.source) return span(source, 0, source.text.length);
  return span(source, at.start - origin.start, at.end - origin.start);
}

/**
 * Nesting the pre-scan cannot measure (norm bars, chains of prefix operators
 * such as `log log … x`) can still exhaust the stack: that is input nested too deep.
 */
const isStackOverflow = (error: unknown): boolean =>
  error instanceof RangeError && /call stack/i.test(error.message);

const tooDeep = (source: Source, options: ParseOptions): Diagnostic =>
  nestedTooDeepToRead(span(source, 0, source.text.length), options.maxTermDepth ?? DEFAULT_MAX_TERM_DEPTH);

/** Last resort: an exception in the reader is a bug (E0199), reported instead of a stack trace. */
function internalError(source: Source, error: unknown): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  return internalReaderError(span(source, 0, source.text.length), detail);
}
