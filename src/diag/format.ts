import type { Diagnostic } from './diagnostic.js';
import { formatLocation, lineCol, lineText } from './source.js';

/**
 * Renders a diagnostic for people:
 *
 *     <arg>:1:6: error E0101: unexpected "}"
 *       expected: a term
 *       found:    "}"
 *       aᵀX⁻¹}b
 *            ^
 *       note: …
 *
 * The caret excerpt is shown only when the span's line is non-empty; the
 * underline covers the span on its first line (at least one column).
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.span ? `${formatLocation(d.span)}: ` : '';
  const lines = [`${where}${d.severity} ${d.code}: ${d.message}`];
  if (d.expected !== undefined) lines.push(`  expected: ${d.expected}`);
  if (d.found !== undefined) lines.push(`  found:    ${d.found}`);
  if (d.span) lines.push(...caretExcerpt(d));
  for (const note of d.notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}

function caretExcerpt(d: Diagnostic): string[] {
  const s = d.span!;
  const text = lineText(s.source, s.start);
  if (text.trim() === '') return [];
  const { col } = lineCol(s.source, s.start);
  const startLine = lineCol(s.source, s.start).line;
  const end = lineCol(s.source, s.end);
  const lineLength = [...text].length;
  const endCol = end.line === startLine ? end.col : lineLength + 1;
  const width = Math.max(1, Math.min(endCol, lineLength + 1) - col);
  return [`  ${text}`, `  ${' '.repeat(col - 1)}${'^'.repeat(width)}`];
}

/** Several diagnostics, separated by blank lines. */
export const formatDiagnostics = (ds: readonly Diagnostic[]): string => ds.map(formatDiagnostic).join('\n\n');
