import type { Diagnostic, Source, SpanTable } from '../diag/index.js';
import { FORMULA_MAX_LENGTH, parseDeclarations, parseFormula } from '../parse/index.js';
import { elaborate, type Elaboration } from '../shape/index.js';
import type { Declaration, Signature, Term } from '../term/index.js';

/** A formula read, shaped and canonicalised, or the diagnostics that stopped it. */
export type ReadOutcome =
  | { ok: true; elaboration: Elaboration; spans: SpanTable; source: Source }
  | { ok: false; diagnostics: readonly Diagnostic[] };

export type ReadOptions = {
  /** How to show a term inside a diagnostic (the CLI passes the Unicode printer). */
  describe?: (t: Term) => string;
  /** Declarations in any notation, `;`-separated (`--let "a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}"`). */
  declarations?: string;
  /** Name used in diagnostics for the formula (default `<arg>`). */
  sourceName?: string;
  /** Longest formula (and declarations) read, in UTF-16 units (default `FORMULA_MAX_LENGTH`) → E0106. */
  maxLength?: number;
  /** Deepest bracket nesting and term read (defaults `DEFAULT_MAX_DEPTH`, `DEFAULT_MAX_TERM_DEPTH`) → E0105. */
  maxDepth?: number;
  maxTermDepth?: number;
};

/**
 * The whole front end for one formula (this module compiles sources — formulas
 * now, rule files later — into validated, shaped, canonical terms): parse the declarations and the formula,
 * infer shapes, canonicalise. Any diagnostic with severity `error` (syntax or
 * shape) makes the outcome a failure; all of them are returned, not only the first.
 */
export function readFormula(text: string, options: ReadOptions = {}): ReadOutcome {
  const maxLength = options.maxLength ?? FORMULA_MAX_LENGTH;
  const declared = readDeclarations(options.declarations, maxLength);
  if (!declared.ok) return declared;
  const parsed = parseFormula(text, {
    sourceName: options.sourceName ?? '<arg>',
    functions: functionNames(declared.declarations),
    maxLength,
    ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}),
    ...(options.maxTermDepth !== undefined ? { maxTermDepth: options.maxTermDepth } : {}),
  });
  if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics };
  const elaboration = elaborate(parsed.value, parsed.spans, {
    declarations: declared.declarations,
    ...(options.describe ? { describe: options.describe } : {}),
  });
  const errors = elaboration.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { ok: false, diagnostics: elaboration.diagnostics };
  return { ok: true, elaboration, spans: parsed.spans, source: parsed.source };
}

function readDeclarations(text: string | undefined, maxLength: number):
  | { ok: true; declarations: readonly Declaration[] }
  | { ok: false; diagnostics: readonly Diagnostic[] } {
  if (text === undefined || text.trim() === '') return { ok: true, declarations: [] };
  const parsed = parseDeclarations(text, { sourceName: '<--let>', maxLength });
  return parsed.ok ? { ok: true, declarations: parsed.value } : { ok: false, diagnostics: parsed.diagnostics };
}

/** Declared names that depend on parameters (`X(t) ∈ …`) read as applications before `(`. */
function functionNames(declarations: readonly (Declaration | Signature)[]): string[] {
  return declarations.flatMap((d) =>
    d.kind === 'decl' ? d.targets.filter((t) => t.params.length > 0).map((t) => t.name) : [],
  );
}
