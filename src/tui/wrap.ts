/**
 * Wrapping printed formulas to a width: breaks go at the spaces the printer
 * puts around operators (before `+`, `−`, `=`, `⊙`, `⊗` first, then any
 * space), never inside a symbol; a run with no space that is still too long
 * is cut only before a character that starts a new symbol (never before a
 * superscript, subscript, prime or closing bracket, which belong to what
 * precedes them). Widths count code points (the formulas' symbols are one
 * column each in a terminal).
 */

/** A piece of a wrapped line: text, and whether it belongs to the highlighted subterm. */
export type Segment = { readonly text: string; readonly marked: boolean };
export type WrappedLine = readonly Segment[];

/** `[start, end)` in UTF-16 code units, as `printTermMarked` reports it. */
export type MarkRange = { readonly start: number; readonly end: number };

const OPERATORS = new Set(['+', '−', '-', '=', '⊙', '⊗', '⊘', '·']);
/** Characters that attach to what precedes them. */
const ATTACHED = /[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵀᵏⁿᵢⱼₖₗₘₙₜ₀₁₂₃₄₅₆₇₈₉₌′'\)\]\}‖|]/u;

/**
 * Lines of at most `width` columns (the first; continuation lines get
 * `indent` spaces in front and are counted with them). `mark` is carried into
 * the segments. Invariant: joining the lines' text with the breaks restored
 * gives `text` back (a break consumes the one space it replaces).
 */
export function wrapFormula(text: string, width: number, mark: MarkRange | null = null, indent = 2): WrappedLine[] {
  const chars = [...text];
  const marked = markedFlags(chars, mark);
  const lines: WrappedLine[] = [];
  let start = 0;
  while (start < chars.length) {
    const room = Math.max(8, width - (lines.length === 0 ? 0 : indent));
    if (chars.length - start <= room) {
      lines.push(segments(chars, marked, start, chars.length, lines.length === 0 ? 0 : indent));
      break;
    }
    const cut = breakPoint(chars, start, start + room);
    lines.push(segments(chars, marked, start, cut, lines.length === 0 ? 0 : indent));
    start = chars[cut] === ' ' ? cut + 1 : cut;
  }
  return lines.length > 0 ? lines : [[{ text: '', marked: false }]];
}

/** Where to end the line starting at `start` with at most `limit - start` characters: see the module comment. */
function breakPoint(chars: readonly string[], start: number, limit: number): number {
  let space = -1;
  let operator = -1;
  for (let i = start + 1; i <= limit && i < chars.length; i++) {
    if (chars[i] !== ' ') continue;
    space = i;
    if (OPERATORS.has(chars[i + 1] ?? '')) operator = i;
  }
  const half = start + Math.floor((limit - start) / 2);
  if (operator > half) return operator;
  if (space > start) return space;
  for (let i = limit; i > start + 1; i--) if (!ATTACHED.test(chars[i] ?? '')) return i;
  return limit;
}

function markedFlags(chars: readonly string[], mark: MarkRange | null): boolean[] {
  const flags = new Array<boolean>(chars.length).fill(false);
  if (mark === null) return flags;
  let offset = 0;
  chars.forEach((ch, i) => {
    flags[i] = offset >= mark.start && offset < mark.end;
    offset += ch.length;
  });
  return flags;
}

function segments(chars: readonly string[], marked: readonly boolean[], from: number, to: number, indent: number): WrappedLine {
  const out: Segment[] = indent > 0 ? [{ text: ' '.repeat(indent), marked: false }] : [];
  for (let i = from; i < to; i++) {
    const last = out[out.length - 1];
    if (last !== undefined && last.marked === marked[i]) out[out.length - 1] = { text: last.text + chars[i], marked: last.marked };
    else out.push({ text: chars[i]!, marked: marked[i]! });
  }
  return out;
}

/** A wrapped line as plain text (for the plain, non-terminal output and tests). */
export const lineText = (line: WrappedLine): string => line.map((s) => s.text).join('');
