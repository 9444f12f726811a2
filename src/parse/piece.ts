import { span, type Source, type Span } from '../diag/index.js';
import type { Origin } from './options.js';

/**
 * A slice of a file with the offset of its first character: the unit the
 * rule-file and proof-file readers cut lines into. Invariant: `text` has the
 * length of the slice it stands for (comments are blanked with spaces, never
 * removed), so `start + i` is the file offset of `text[i]`.
 */
export type Piece = { readonly text: string; readonly start: number };

export const piece = (text: string, start: number): Piece => ({ text, start });

/** The end offset (exclusive) of a piece in its file. */
export const pieceEnd = (p: Piece): number => p.start + p.text.length;

/** `p.text.slice(from, to)`, keeping file offsets. */
export const subPiece = (p: Piece, from: number, to: number = p.text.length): Piece =>
  piece(p.text.slice(from, to), p.start + Math.max(0, Math.min(from, p.text.length)));

/** The piece without leading and trailing white space. */
export function trimPiece(p: Piece): Piece {
  const lead = p.text.length - p.text.trimStart().length;
  return piece(p.text.trim(), p.start + lead);
}

export const spanOf = (source: Source, p: Piece): Span => span(source, p.start, pieceEnd(p));

/** Where a formula read from this piece comes from (`ParseOptions.within`). */
export const originOf = (source: Source, p: Piece): Origin => ({ source, start: p.start });

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

/** Splits at `separator` outside brackets (`f(a, b), g(c)` → two pieces). Unbalanced closers never go below depth 0. */
export function splitTopLevel(p: Piece, separator = ','): Piece[] {
  const parts: Piece[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < p.text.length; i++) {
    const ch = p.text[i]!;
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    else if (ch === separator && depth === 0) {
      parts.push(subPiece(p, from, i));
      from = i + 1;
    }
  }
  parts.push(subPiece(p, from));
  return parts;
}

/** The white-space separated words of a piece, each with its offset. */
export function wordsOf(p: Piece): Piece[] {
  const words: Piece[] = [];
  for (const m of p.text.matchAll(/\S+/g)) words.push(piece(m[0], p.start + m.index));
  return words;
}

/** The first word and the (trimmed) rest: `rule a : b` → `rule`, `a : b`. */
export function splitWord(p: Piece): { word: Piece; rest: Piece } {
  const t = trimPiece(p);
  const m = /^\S+/.exec(t.text);
  const n = m ? m[0].length : 0;
  return { word: subPiece(t, 0, n), rest: trimPiece(subPiece(t, n)) };
}
