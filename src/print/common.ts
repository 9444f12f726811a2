import { FUNCTION_LETTERS, isInteger, isNegative, type Rational, type Term } from '../term/index.js';
import { concat, joinPieces, lit, type Piece } from './piece.js';
import type { Context } from './precedence.js';
import type { RenderKid } from './style.js';

/** Helpers shared by the notation styles. */

/** `f′(X)` needs a function letter; any other function is written `D(F, X, H)`, which reads back in every notation. */
export const isFunctionLetter = (t: Term): boolean => t.kind === 'sym' && FUNCTION_LETTERS.has(t.name);

/** `name(a, b)`. */
export const call = (name: string, args: readonly Piece[]): Piece => concat(name, '(', joinPieces(args, ', '), ')');

/** Children `from … from+count−1` of the node, each printed in a delimited slot (no brackets needed). */
export const argPieces = (kid: RenderKid, from: number, count: number): Piece[] =>
  Array.from({ length: count }, (_, i) => kid(from + i, 'top'));

/** `|q|` as digits, `n/d` for a non-integer. */
export const formatMagnitude = (q: Rational): string => {
  const n = isNegative(q) ? -q.n : q.n;
  return isInteger(q) ? `${n}` : `${n}/${q.d}`;
};

/** A numeral: `2`, `−2`, `1/2`, with the given minus sign. */
export const formatNumber = (q: Rational, minus: string): Piece =>
  lit(`${isNegative(q) ? minus : ''}${formatMagnitude(q)}`);

/** Is `t` a numeral that is a non-negative integer? */
export const isNaturalNumeral = (t: Term): boolean => t.kind === 'num' && isInteger(t.value) && !isNegative(t.value);

/** Is `t` an integer numeral (of either sign)? */
export const isIntegerNumeral = (t: Term): boolean => t.kind === 'num' && isInteger(t.value);

/** A single letter, or a single LaTeX letter command such as `\ell`: such indices need no commas between them. */
export const isSingleLetter = (text: string): boolean => /^(\p{L}|\\[A-Za-z]+)$/u.test(text);

/**
 * Index lists: `ij` when every index is one letter, `1,2` otherwise (the
 * parser's reading of `_{…}`). A letter command is followed by a space
 * (`\ell k`, not `\ellk`).
 */
export function indexList(indices: readonly Piece[]): Piece {
  if (!indices.every((p) => isSingleLetter(p.text))) return joinPieces(indices, ',');
  return concat(...indices.flatMap((p, i) => (i > 0 && indices[i - 1]!.text.startsWith('\\') ? [' ', p] : [p])));
}

/** Operands of ⊙ and ⊗ (children `0 … count−1`). */
export const operandPieces = (kid: RenderKid, count: number): Piece[] =>
  Array.from({ length: count }, (_, i) => kid(i, 'operand'));

/** The exponent of `.^` (child 1): a natural number or a symbol as is, anything else grouped. */
export function plainExponent(e: Term, kid: RenderKid, group: (p: Piece) => Piece): Piece {
  const p = kid(1, 'top');
  return isNaturalNumeral(e) || e.kind === 'sym' ? p : group(p);
}

/** A norm's subscript: `_F`, `_2`, `_{op}`. */
export const normSubscript = (sub: string | null): string =>
  sub === null ? '' : sub.length === 1 ? `_${sub}` : `_{${sub}}`;

/** An entry with ASCII brackets, `M[i,j]`, its body (child 0) printed in `context`. */
export const bracketEntry = (kid: RenderKid, count: number, context: Context): Piece =>
  concat(kid(0, context), '[', joinPieces(argPieces(kid, 1, count), ','), ']');
