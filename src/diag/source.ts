/**
 * A text that diagnostics point into: a file, or a formula given on the
 * command line (named `<arg>`). Offsets are UTF-16 indexes into `text` (what
 * JavaScript and Ohm use); lines and columns shown to people are 1-based and
 * count code points, so `ᵀ` or `𝐗` is one column.
 */
export type Source = { readonly name: string; readonly text: string };

/** A half-open range `[start, end)` of a source. */
export type Span = { readonly source: Source; readonly start: number; readonly end: number };

export const makeSource = (name: string, text: string): Source => ({ name, text });

export const span = (source: Source, start: number, end: number = start): Span => ({ source, start, end });

/** Offsets where each line starts, per source (computed once: positions are asked for often). */
const lineStarts = new WeakMap<Source, number[]>();

function startsOf(source: Source): number[] {
  let starts = lineStarts.get(source);
  if (starts === undefined) {
    starts = [0];
    for (let i = source.text.indexOf('\n'); i !== -1; i = source.text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts.set(source, starts);
  }
  return starts;
}

/** 1-based line and column (in code points) of an offset. Offsets past the end clamp to the end. */
export function lineCol(source: Source, offset: number): { line: number; col: number } {
  const at = Math.max(0, Math.min(offset, source.text.length));
  const starts = startsOf(source);
  let [low, high] = [0, starts.length - 1];
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  const col = [...source.text.slice(starts[low]!, at)].length + 1;
  return { line: low + 1, col };
}

/** The whole line containing `offset`, without its newline. */
export function lineText(source: Source, offset: number): string {
  const at = Math.max(0, Math.min(offset, source.text.length));
  const start = source.text.lastIndexOf('\n', at - 1) + 1;
  const nl = source.text.indexOf('\n', at);
  return source.text.slice(start, nl === -1 ? source.text.length : nl).replace(/\r$/, '');
}

/** `file:line:col` of a span's start. */
export function formatLocation(s: Span): string {
  const { line, col } = lineCol(s.source, s.start);
  return `${s.source.name}:${line}:${col}`;
}

/**
 * Source positions of terms, statements and declarations, keyed by object
 * identity. Terms never hold their own spans (parentheses and positions are
 * not part of a term); this side table does, and `canonicalize`'s `onRebuild`
 * hook carries entries over to rebuilt nodes.
 */
export type SpanTable = WeakMap<object, Span>;
