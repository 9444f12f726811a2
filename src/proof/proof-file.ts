import type { Source, Span, SpanTable } from '../diag/index.js';
import type { Named } from '../parse/rule-source.js';
import type { Chain, Declaration, Path, Signature, Statement, Term } from '../term/index.js';

/**
 * A proof file as read (`proofs/*.proof`), before checking: what the text
 * says, with spans. Terms are raw, as `parseFormula` returns them; the
 * checker canonicalises and replays them. Every span points into `source`.
 */
export type ProofFile = {
  readonly source: Source;
  /** `use rules/core`: paths as written (resolution is the loader's job). */
  readonly uses: readonly Named[];
  /** `t ∈ ℝ`, `X(t) ∈ ℝ^{n×n} invertible`, `a, b \in \mathbb{R}^n`, in file order. */
  readonly declarations: readonly DeclarationSource[];
  readonly theorems: readonly Theorem[];
  /** Spans of every term, statement and declaration read from the file. */
  readonly spans: SpanTable;
};

/** One declaration line may declare several things (`a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}`). */
export type DeclarationSource = { readonly declaration: Declaration | Signature; readonly span: Span };

/** `theorem NAME : STATEMENT` (or `lemma`), then `proof … qed`. */
export type Theorem = {
  readonly name: Named;
  /**
   * `theorem` or `lemma` (the same thing to the checker), or `definition`:
   * `definition NAME : f(Y) = body` introduces a fresh function `f`; it has no
   * proof and becomes the rule NAME, `f(Y) = body` for every `Y`.
   */
  readonly keyword: 'theorem' | 'lemma' | 'definition';
  /** What is claimed; a well-formed file has one equation (a chain) here. */
  readonly statement: Statement;
  /**
   * `calc` for `proof`; `entrywise` for `proof entrywise i j` (the claim is
   * proved for entry `(i, j)`); `differential` for `proof differential X`:
   * `d` is the differential in `X` alone (every other symbol is fixed), and a
   * claim `∂f/∂X = G` is proved by a chain from `d f` to `tr(Gᵀ dX)`.
   */
  readonly mode: 'calc' | 'entrywise' | 'differential';
  /** The entry indices of `proof entrywise i j` (empty in the other modes). */
  readonly indices: readonly Named[];
  /** The variable of `proof differential X` (null in the other modes). */
  readonly variable: Named | null;
  readonly lines: readonly ProofLine[];
  /** From `theorem` to `qed` (or to the last line read). */
  readonly span: Span;
  /** The `proof` line, or `null` when the theorem is stated without a proof. */
  readonly proofSpan: Span | null;
  /** `qed` was reached. A theorem with a `proof` line and no `qed` is reported (E0310). */
  readonly closed: boolean;
  /** Every line of the proof was read; false when one was left out for a reading error (already reported). */
  readonly complete: boolean;
};

/**
 * One line of a proof. `start` opens a calculation chain; each `rewrite`
 * continues the current chain (`= term by …`: the previous term becomes this
 * one); `fact` states an equation justified on its own (a hypothesis, a rule,
 * or rules applied to its left side); `implies` derives an equation from the
 * previous one (`⟹ … by both-sides ∂/∂t`); `have` names an equation for later
 * `hyp NAME` citations.
 */
export type ProofLine =
  | { readonly kind: 'start'; readonly term: Term; readonly span: Span }
  | { readonly kind: 'rewrite'; readonly term: Term; readonly by: Justification; readonly span: Span }
  | { readonly kind: 'fact'; readonly equation: Chain; readonly by: Justification; readonly span: Span }
  | { readonly kind: 'implies'; readonly equation: Chain; readonly by: Justification; readonly span: Span }
  | { readonly kind: 'have'; readonly name: Named; readonly equation: Chain; readonly by: Justification; readonly span: Span };

/** The `by` clause: items applied in turn, left to right. */
export type Justification = { readonly items: readonly JustificationItem[]; readonly span: Span };

/**
 * One item of a `by` clause. `rule` names a rule or an earlier theorem
 * (`backward` for `←`: right side to left; `at` the position it applies at);
 * `auto` asks for a bounded search; `both-sides` applies one operation to
 * both sides of the previous equation; `hyp` cites a `have` of this proof;
 * `frechet-unique` reads `f′(X)·H = L` off `f(X + H) = f(X) + L + o(H)`;
 * `substitute H := T` puts a term for a declared symbol in the previous
 * equation. The last two stand alone in their clause.
 */
export type JustificationItem =
  | { readonly kind: 'rule'; readonly id: Named; readonly backward: boolean; readonly at: PathSource | null; readonly span: Span }
  | { readonly kind: 'auto'; readonly span: Span }
  | { readonly kind: 'both-sides'; readonly op: BothSidesOp; readonly span: Span }
  | { readonly kind: 'hyp'; readonly name: Named; readonly span: Span }
  | { readonly kind: 'frechet-unique'; readonly span: Span }
  | { readonly kind: 'substitute'; readonly variable: Named; readonly term: Term; readonly span: Span };

/** `at 1.0` (argument indexes from 0, as `src/term/path.ts`) or `at ε` (the root). */
export type PathSource = { readonly path: Path; readonly span: Span };

/** What `both-sides` does to each side of an equation. */
export type BothSidesOp =
  | { readonly kind: 'partial'; readonly variable: string }
  | { readonly kind: 'differential' }
  | { readonly kind: 'trace' }
  | { readonly kind: 'transpose' }
  | { readonly kind: 'left-multiply' | 'right-multiply' | 'add' | 'subtract'; readonly term: Term }
  | { readonly kind: 'evaluate'; readonly variable: string; readonly value: Term };
