import type { Term } from './term.js';

/**
 * What a line of mathematics says: formulas are sequences of statements
 * (`aᵀX⁻¹b = … \quad a, b ∈ ℝⁿ` is an equation and then a declaration).
 */
export type Formula = { readonly statements: readonly Statement[] };

export type Statement = TermStatement | Chain | Implication | Declaration | Signature;

/** A bare term: `X^{-1}`. */
export type TermStatement = { readonly kind: 'term'; readonly term: Term };

/** `=` (equality), `≡` (equality by definition), `→` (tends to, as in `‖H‖ → 0`). */
export type Relation = '=' | '≡' | '→';

/** `t₀ rel₁ t₁ rel₂ t₂ …`, at least two terms. Invariant: `relations.length === terms.length - 1`. */
export type Chain = { readonly kind: 'chain'; readonly terms: readonly Term[]; readonly relations: readonly Relation[] };

/** `s₁ ⟹ s₂ ⟹ …`, at least two parts. */
export type Implication = { readonly kind: 'implies'; readonly parts: readonly Statement[] };

/** A dimension in a shape: a symbol (`n`), a number (`3`), or a product (`m n`, for Kronecker sizes). */
export type DimExpr =
  | { readonly kind: 'dim-sym'; readonly name: string }
  | { readonly kind: 'dim-num'; readonly value: number }
  | { readonly kind: 'dim-mul'; readonly factors: readonly DimExpr[] };

/** What a declaration fixes: a scalar, a vector (`ℝⁿ`, i.e. `n×1`), a matrix, an index, or an abstract space (`E`). */
export type ShapeSpec =
  | { readonly kind: 'scalar' }
  | { readonly kind: 'matrix'; readonly rows: DimExpr; readonly cols: DimExpr }
  | { readonly kind: 'index'; readonly range: DimExpr | null }
  | { readonly kind: 'space'; readonly name: string };

/**
 * `X ∈ ℝ^{n×n} invertible`, `a, b ∈ ℝⁿ`, `X(t) ∈ ℝ^{n×n}`, `t : scalar`.
 * Each target is a symbol, optionally applied to parameters it depends on (`X(t)`).
 */
export type Declaration = {
  readonly kind: 'decl';
  readonly targets: readonly DeclTarget[];
  readonly shape: ShapeSpec;
  readonly properties: readonly string[];
};

/** A declared name and the parameters it depends on (`X(t)` → name `X`, params `[t]`). */
export type DeclTarget = { readonly name: string; readonly params: readonly string[] };

/** `F : ℝ^{m×m} → ℝ`, `f : E → F`, `f′(X) : E → F`: the type of a function (or of a derivative map). */
export type Signature = {
  readonly kind: 'signature';
  readonly target: Term;
  readonly domain: ShapeSpec;
  readonly codomain: ShapeSpec;
};
