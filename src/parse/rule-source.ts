import type { Source, Span, SpanTable } from '../diag/index.js';
import type { Statement, Term } from '../term/index.js';

/**
 * A rule file as read, before validation ("loose at the boundary"): what the
 * text says, with spans. `compileRules` (src/rules) turns it into `Rule`s or
 * diagnostics. Terms are raw, as `parseFormula` returns them.
 *
 *     -- rules/inverse.rules
 *     rules inverse
 *     use rules/core
 *     vars A B : matrix, X : square matrix, c : scalar
 *     -- A matrix times its inverse is the identity.
 *     rule inverse-left : A⁻¹ A = I   if invertible(A)
 *     rule d-inverse [simp] : d(X⁻¹) = −X⁻¹ dX X⁻¹   if invertible(X)
 */
export type RuleFileSource = {
  readonly source: Source;
  /** `rules NAME`, if the file names itself. */
  readonly name: Named | null;
  /** `use rules/core`: paths as written (resolution is the loader's job). */
  readonly uses: readonly Named[];
  /** Each metavariable as declared by `vars`, with its sort as written (`matrix`, `square matrix`, …). */
  readonly vars: readonly VarSource[];
  readonly rules: readonly RuleSource[];
  /** Spans of every term, statement and condition. */
  readonly spans: SpanTable;
};

export type Named = { readonly text: string; readonly span: Span };

export type VarSource = { readonly name: string; readonly sortText: string; readonly span: Span };

export type RuleSource = {
  readonly id: Named;
  readonly tags: readonly Named[];
  /** What follows the colon; validation requires one equation `lhs = rhs`. */
  readonly statement: Statement;
  readonly conditions: readonly ConditionSource[];
  /** The `--` comment line(s) just above the rule, without the dashes. */
  readonly doc: string | null;
  readonly span: Span;
};

export type ConditionSource = { readonly predicate: Named; readonly args: readonly Term[]; readonly span: Span };
