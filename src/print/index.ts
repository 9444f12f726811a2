import { getAt, type Declaration, type Formula, type Path, type Statement, type Term } from '../term/index.js';
import { formatDeclaration, formatFormula, formatStatement } from './formula.js';
import type { Range } from './piece.js';
import type { Notation, Style } from './style.js';
import { asciiStyle } from './style-ascii.js';
import { latexStyle } from './style-latex.js';
import { unicodeStyle } from './style-unicode.js';
import { renderTerm } from './walker.js';

/**
 * Printing terms and formulas in the three notations. Everything printed
 * reads back (through `parseTerm` and `canonicalize`) to the same term, with
 * the fewest brackets that guarantee it.
 */
export type { Notation } from './style.js';
export type { Range as MarkRange } from './piece.js';
export { formatShape as printShape } from './formula.js';

/** `notation` defaults to `'unicode'`; `highlight` is a position in the printed term (see `printTermMarked`). */
export type PrintOptions = { readonly notation?: Notation; readonly highlight?: Path };

const STYLES: Readonly<Record<Notation, Style>> = { unicode: unicodeStyle, latex: latexStyle, ascii: asciiStyle };

const styleOf = (options?: PrintOptions): Style => STYLES[options?.notation ?? 'unicode'];

/** `t` as text. The highlight, if any, does not change the text. */
export function printTerm(t: Term, options?: PrintOptions): string {
  return renderTerm(t, styleOf(options), null).text;
}

/**
 * The text plus the `[start, end)` UTF-16 range of the highlighted subterm
 * (brackets printed around it included), for the terminal UI to colour.
 * `mark` is `null` when the path is not a position of `t`. A subterm printed
 * only inside a combined form (the inverse in `X⁻ᵀ`) marks that whole form.
 */
export function printTermMarked(
  t: Term, options: PrintOptions & { readonly highlight: Path },
): { text: string; mark: Range | null } {
  const valid = getAt(t, options.highlight) !== undefined;
  const piece = renderTerm(t, styleOf(options), valid ? options.highlight : null);
  return { text: piece.text, mark: valid ? piece.mark : null };
}

const termPrinter = (options?: PrintOptions) => (t: Term): string => printTerm(t, { notation: options?.notation ?? 'unicode' });

/** Statements joined by `; ` (Unicode, ASCII) or ` \quad ` (LaTeX). */
export function printFormula(f: Formula, options?: PrintOptions): string {
  return formatFormula(f, options?.notation ?? 'unicode', termPrinter(options));
}

/** A chain `a = b = c`, an implication `P ⟹ Q`, a declaration, a signature or a bare term. */
export function printStatement(s: Statement, options?: PrintOptions): string {
  return formatStatement(s, options?.notation ?? 'unicode', termPrinter(options));
}

/** `X ∈ ℝⁿˣⁿ` / `X \in \mathbb{R}^{n \times n}` / `X : n x n`, with properties appended. */
export function printDeclaration(d: Declaration, options?: PrintOptions): string {
  return formatDeclaration(d, options?.notation ?? 'unicode');
}
