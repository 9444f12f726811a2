import type { Rational, Term, TermKind, TermOf } from '../term/index.js';
import type { Piece } from './piece.js';
import type { Context, Form } from './precedence.js';

/** The three surface notations a term can be printed in. */
export type Notation = 'unicode' | 'latex' | 'ascii';

/**
 * Prints a descendant of the node being printed, bracketed if `context` needs
 * it. `path` is relative to the node (a child index, or a longer path to reach
 * past a node printed as part of a combined form, as in `X⁻ᵀ`). With `as`, the
 * term `as` is printed in place of that descendant; it must have the same
 * children (used to print `−X` in a sum as `− X`), so highlighting still works.
 */
export type RenderKid = (path: number | readonly number[], context: Context, as?: Term) => Piece;

/** One printer per term kind (sums and products are shared, see `product.ts`). */
export type KindPrinters = {
  readonly [K in Exclude<TermKind, 'add' | 'mul'>]: (t: TermOf<K>, kid: RenderKid) => Piece;
};

/** A factor of a product and its printed text (brackets included). */
export type Factor = { readonly term: Term; readonly text: string };

/** The tokens sums and products are made of. */
export type ProductTokens = {
  /** Prefix minus: `−` or `-`. */
  readonly minus: string;
  /** A positive coefficient other than 1, as written before the first factor: `2`, `(1/2)`, `\frac{1}{2}`. */
  coefficient(q: Rational): string;
  /** What goes between the coefficient and the first factor, given that factor's text. */
  coefficientGap(next: string): string;
  /** What goes between two factors, given the product's text so far and the two factors. */
  gap(before: string, left: Factor, right: Factor): string;
};

/**
 * A notation: the token tables and per-kind templates the shared walker fills
 * in. Invariant: whatever a style prints reads back, under the parser's
 * readings, to the term printed, provided each child is bracketed as
 * `needsParens(child, formOf(child), context)` says.
 */
export type Style = {
  readonly notation: Notation;
  /** The form of `t` in this notation (call syntax like ASCII `inv(X)` makes some kinds atoms). */
  formOf(t: Term): Form;
  /** Grouping brackets: `(…)` or `\left(…\right)`. */
  paren(p: Piece): Piece;
  readonly product: ProductTokens;
  readonly printers: KindPrinters;
};
