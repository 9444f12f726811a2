import type { Diagnostic, Source, SpanTable } from '../diag/index.js';
import type { Declaration, Formula, Signature, Statement, Term } from '../term/index.js';
import { fullReadLimits, type ReadLimits } from './options.js';
import { parseDeclarations, parseFormula, parseTerm } from './parse.js';
import { originOf, spanOf, type Piece } from './piece.js';

/**
 * The state shared by the readers of rule and proof files while they read
 * one file: every formula of the file records its spans in one table and
 * reports into one list, and names declared as depending on a parameter
 * (`X(t) ∈ ℝ^{n×n}`) read as functions in every later formula.
 */
export type FileReader = {
  readonly source: Source;
  readonly spans: SpanTable;
  readonly functions: Set<string>;
  readonly diagnostics: Diagnostic[];
  readonly limits: Required<ReadLimits>;
};

export const makeFileReader = (source: Source, limits?: ReadLimits): FileReader =>
  ({ source, spans: new WeakMap(), functions: new Set(), diagnostics: [], limits: fullReadLimits(limits) });

/** How every formula of the file is read: its place in the file, the file's span table and functions, and the reading limits. */
export const optionsAt = (r: FileReader, p: Piece) => ({
  within: originOf(r.source, p), spans: r.spans, functions: r.functions,
  maxLength: r.limits.formulaLength, maxDepth: r.limits.bracketDepth, maxTermDepth: r.limits.termDepth,
});

/** The formula written in `p`, or `null` after reporting why it could not be read. */
export function formulaAt(r: FileReader, p: Piece): Formula | null {
  const out = parseFormula(p.text, optionsAt(r, p));
  if (out.ok) return out.value;
  r.diagnostics.push(...out.diagnostics);
  return null;
}

/** The one statement written in `p` (a second statement, after `\quad` or `;`, is reported by `onExtra`). */
export function statementAt(r: FileReader, p: Piece, onExtra: (s: Statement) => Diagnostic): Statement | null {
  const formula = formulaAt(r, p);
  if (formula === null) return null;
  const [first, second] = formula.statements;
  if (second !== undefined) r.diagnostics.push(onExtra(second));
  return first ?? null;
}

/** The one term written in `p`, or `null` after reporting. */
export function termAt(r: FileReader, p: Piece): Term | null {
  const out = parseTerm(p.text, optionsAt(r, p));
  if (out.ok) return out.value;
  r.diagnostics.push(...out.diagnostics);
  return null;
}

/** `p` read as one symbol (`X`, `\alpha`, `ℓ`) → its name; `null` (nothing reported) when it is anything else. */
export function symbolAt(r: FileReader, p: Piece): string | null {
  const out = parseTerm(p.text, { within: originOf(r.source, p), spans: r.spans, maxDepth: r.limits.bracketDepth, maxTermDepth: r.limits.termDepth });
  return out.ok && out.value.kind === 'sym' ? out.value.name : null;
}

/** `p` read as declarations, without reporting: `null` when it is not one. */
export function tryDeclarations(r: FileReader, p: Piece): { ok: true; value: (Declaration | Signature)[] } | { ok: false; diagnostics: Diagnostic[] } {
  const asDeclarations = parseDeclarations(p.text, optionsAt(r, p));
  if (asDeclarations.ok) return { ok: true, value: asDeclarations.value };
  const asFormula = parseFormula(p.text, optionsAt(r, p));
  if (asFormula.ok && asFormula.value.statements.every((s) => s.kind === 'decl' || s.kind === 'signature')) {
    return { ok: true, value: asFormula.value.statements as (Declaration | Signature)[] };
  }
  return { ok: false, diagnostics: asDeclarations.diagnostics };
}

/** Records the names that `X(t) ∈ …` declares as depending on a parameter. */
export function learnFunctions(r: FileReader, declarations: readonly (Declaration | Signature)[]): void {
  for (const d of declarations) {
    if (d.kind === 'decl') for (const t of d.targets) if (t.params.length > 0) r.functions.add(t.name);
  }
}

/** The span of a piece of this reader's file. */
export const spanIn = (r: FileReader, p: Piece) => spanOf(r.source, p);
