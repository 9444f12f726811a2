/**
 * Printed text with an optional marked range: what the walker builds bottom-up,
 * so a highlighted subterm's position survives concatenation and bracketing.
 */

/** A `[start, end)` range of UTF-16 code units. */
export type Range = { readonly start: number; readonly end: number };

/** Invariant: `mark` (when present) lies within `text`: `0 ≤ start ≤ end ≤ text.length`. */
export type Piece = { readonly text: string; readonly mark: Range | null };

/** Unmarked literal text. */
export const lit = (text: string): Piece => ({ text, mark: null });

/** `p` marked as a whole (when `isMarked`), replacing any inner mark. */
export const markIf = (p: Piece, isMarked: boolean): Piece =>
  isMarked ? { text: p.text, mark: { start: 0, end: p.text.length } } : p;

/** Is the whole of `p` marked? */
export const isWhollyMarked = (p: Piece): boolean => p.mark !== null && p.mark.start === 0 && p.mark.end === p.text.length;

/**
 * Concatenates pieces and plain strings. At most one part should carry a mark
 * (only one subterm is highlighted); the first mark found is kept.
 */
export function concat(...parts: readonly (Piece | string)[]): Piece {
  let text = '';
  let mark: Range | null = null;
  for (const part of parts) {
    const p = typeof part === 'string' ? lit(part) : part;
    if (p.mark && !mark) mark = { start: text.length + p.mark.start, end: text.length + p.mark.end };
    text += p.text;
  }
  return { text, mark };
}

/** Joins pieces with a separator string. */
export function joinPieces(pieces: readonly Piece[], separator: string): Piece {
  return concat(...pieces.flatMap((p, i) => (i === 0 ? [p] : [separator, p])));
}

/**
 * `open p close`. When `p` is marked as a whole, the mark grows to cover the
 * brackets too: the brackets are printed because of that subterm.
 */
export function enclose(open: string, p: Piece, close: string): Piece {
  const wrapped = concat(open, p, close);
  return isWhollyMarked(p) ? markIf(wrapped, true) : wrapped;
}

/** Replaces every character of `p.text` by `map(ch)` (which must keep each UTF-16 length), keeping the mark. */
export function mapChars(p: Piece, map: (ch: string) => string): Piece {
  return { text: Array.from(p.text, map).join(''), mark: p.mark };
}
