import { piece, trimPiece, type Piece } from './piece.js';

/**
 * Physical lines of a rule or proof file, with comments recognised.
 * A comment starts with `--`, `%` or `//`, at the start of a line or after
 * white space, and runs to the end of the line. (Formulas never contain these
 * after a space: ASCII minus is one `-`, and LaTeX line ends are `\\`.)
 */
export type SourceLine = {
  /** 1-based line number. */
  readonly number: number;
  /** The line without its `\n`, comments and a final `\r` blanked (same length as the line). */
  readonly code: Piece;
  /** The comment's text without its marker, when the line has one. */
  readonly comment: string | null;
  /** Nothing but a comment (or nothing at all) on the line. */
  readonly isBlank: boolean;
  /** Starts with white space (a continuation line, in rule files). */
  readonly isIndented: boolean;
};

const COMMENT = /(^|\s)(--|%|\/\/)/;

/** Splits `text` into lines (`\n`, `\r\n`), blanking comments. Joining the codes with `\n` gives back a text as long as `text`. */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  let number = 1;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(start, end);
    lines.push(readLine(raw, start, number));
    if (nl === -1) return lines;
    start = nl + 1;
    number++;
  }
}

function readLine(raw: string, start: number, number: number): SourceLine {
  const m = COMMENT.exec(raw);
  const at = m ? m.index + m[1]!.length : raw.length;
  const comment = m ? raw.slice(at + m[2]!.length).trim() : null;
  // A final \r (of \r\n) is blanked like a comment, so the code keeps the line's length.
  const kept = raw.slice(0, at).replace(/\r$/, ' ');
  const code = piece(kept + ' '.repeat(raw.length - at), start);
  const isBlank = trimPiece(code).text === '';
  return { number, code, comment, isBlank, isIndented: /^\s/.test(raw) };
}

/** Kebab-case names: rule ids, tags, theorem and library names (`inverse-left`, `grad-aXinvb`, `d2`). */
export const NAME = /^[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*$/;

/** Lines `from..to` (inclusive) as one piece: their codes joined by line breaks, so offsets stay those of the file. */
export function joinLines(lines: readonly SourceLine[], from: number, to: number): Piece {
  const first = lines[from]!;
  return piece(lines.slice(from, to + 1).map((l) => l.code.text).join('\n'), first.code.start);
}
