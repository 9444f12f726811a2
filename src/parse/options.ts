import type { Diagnostic, Source, SpanTable } from '../diag/index.js';

/** How to read a text. Every field is optional. */
export type ParseOptions = {
  /** The file name shown in diagnostics (default `<arg>`). */
  sourceName?: string;
  /** Extra symbols that read as functions before `(`: declared functions, parameter-dependent symbols (`X` of `X(t)`). */
  functions?: Iterable<string>;
  /** Longest accepted text, in UTF-16 units (default 100 000; the file readers and `readFormula` pass `FORMULA_MAX_LENGTH`) → E0106. */
  maxLength?: number;
  /** Deepest accepted bracket nesting (default 64) → E0105. Keeps the parser far from the JS stack limit. */
  maxDepth?: number;
  /**
   * Deepest accepted term (default 256) → E0105. Operators nest without
   * brackets (`Xᵀᵀᵀ…`, `log log … x`); past this depth the formula is refused,
   * so no later stage (shapes, canonical form, the checker) meets a term deep
   * enough to exhaust the JS stack.
   */
  maxTermDepth?: number;
  /**
   * The text is a slice of a larger source (a rule or proof file) starting at
   * UTF-16 offset `start`: spans and diagnostics then point into `source`
   * (`proofs/x.proof:12:9`), and `sourceName` is ignored. Invariant: `text`
   * has the length of the slice it stands for (blanked comments keep their width).
   */
  within?: Origin;
  /** A table to record spans in (several formulas of one file share one), instead of a new one. */
  spans?: SpanTable;
};

/** Where a slice of text comes from: its source and the offset of its first character there. */
export type Origin = { readonly source: Source; readonly start: number };

/** A value read from text with the spans of its parts, or the diagnostics that stopped it. Never thrown. */
export type ParseOutcome<T> =
  | { ok: true; value: T; spans: SpanTable; source: Source }
  | { ok: false; diagnostics: Diagnostic[]; source: Source };

export const DEFAULT_MAX_LENGTH = 100_000;
/**
 * The longest formula read from a rule or proof file, the command line or a
 * prompt (E0106). Reading takes some 60 µs a character, and up to 300 for
 * long runs of juxtaposed letters; 4 000 characters keep one formula under
 * about a second, and are far more than any formula written by hand.
 */
export const FORMULA_MAX_LENGTH = 4_000;
/**
 * The longest line of a rule or proof file (a rule with its continuation
 * lines counts as one), E0106: the readers try a line several ways (words,
 * `by` clauses, declarations), each costing a reading of its pieces.
 */
export const LINE_MAX_LENGTH = 10_000;
export const DEFAULT_MAX_DEPTH = 64;
export const DEFAULT_MAX_TERM_DEPTH = 256;

/**
 * The reading limits of rule and proof files that a caller may change
 * (README, "Limits"; `--limit formula-length=N` …); each absent one is its
 * default (`FORMULA_MAX_LENGTH`, `LINE_MAX_LENGTH`, `DEFAULT_MAX_DEPTH`,
 * `DEFAULT_MAX_TERM_DEPTH`).
 */
export type ReadLimits = {
  readonly formulaLength?: number;
  readonly lineLength?: number;
  readonly bracketDepth?: number;
  readonly termDepth?: number;
};

/** `limits` with every default filled in. */
export const fullReadLimits = (limits: ReadLimits = {}): Required<ReadLimits> => ({
  formulaLength: limits.formulaLength ?? FORMULA_MAX_LENGTH,
  lineLength: limits.lineLength ?? LINE_MAX_LENGTH,
  bracketDepth: limits.bracketDepth ?? DEFAULT_MAX_DEPTH,
  termDepth: limits.termDepth ?? DEFAULT_MAX_TERM_DEPTH,
});
export const DEFAULT_SOURCE_NAME = '<arg>';
