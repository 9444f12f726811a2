import { equationExpected, malformedName, missingColon, missingJustification, span } from '../diag/index.js';
import {
  NAME, pieceEnd, spanIn, splitWord, statementAt, subPiece, termAt, trimPiece, type FileReader, type Piece,
} from '../parse/file-support.js';
import type { Chain, Statement } from '../term/index.js';
import { readJustification } from './justification.js';
import type { Justification, ProofLine } from './proof-file.js';

/** `⟹`, `⇒`, `=>`, `\implies`, `\Rightarrow`, `\Longrightarrow`, with optional `\quad` or `&` around: what opens an equation step. */
export const IMPLIES = /^(?:\\q?quad(?![A-Za-z])|&|\s)*(?:⟹|⇒|=>|\\implies(?![A-Za-z])|\\Rightarrow(?![A-Za-z])|\\Longrightarrow(?![A-Za-z]))(?:\\q?quad(?![A-Za-z])|\s)*/;
/** `=` or `&=` (pasted from an `align`), not `=>`. */
const REWRITE = /^&?\s*=(?![>=])/;

/**
 * Reads one line inside `proof … qed` (`p` trimmed, comments blanked):
 * `have NAME : EQ by …`, `⟹ EQ by …`, `= TERM by …`, `EQ by …` or a bare
 * TERM (a chain start). Returns `null` after reporting when the line cannot
 * be used. LaTeX layout (`&`, `\\` at the end, `\left`, `\quad`) is allowed.
 */
export function readStepLine(r: FileReader, p: Piece): ProofLine | null {
  const lineSpan = spanIn(r, p);
  const { word, rest } = splitWord(p);
  if (word.text === 'have') return readHave(r, rest, word, lineSpan);
  const arrow = IMPLIES.exec(p.text);
  const equals = arrow === null ? REWRITE.exec(p.text) : null;
  if (arrow !== null) {
    const { formula, by } = splitBy(r, subPiece(p, arrow[0].length), p);
    const equation = readEquation(r, formula, 'the line after "⟹"');
    return equation === null || by === null ? null : { kind: 'implies', equation, by, span: lineSpan };
  }
  if (equals !== null) {
    const { formula, by } = splitBy(r, subPiece(p, equals[0].length), p);
    const term = termAt(r, trimPiece(formula));
    return term === null || by === null ? null : { kind: 'rewrite', term, by, span: lineSpan };
  }
  return readPlain(r, p, lineSpan);
}

/** A line without a marker: an equation with `by` (a fact) or a bare term (a chain start). */
function readPlain(r: FileReader, p: Piece, lineSpan: ProofLine['span']): ProofLine | null {
  const hasBy = findBy(p).length > 0;
  const { formula, by } = hasBy ? splitBy(r, p, p) : { formula: p, by: null };
  const statement = statementAt(r, trimPiece(formula), () => equationExpected(lineSpan, 'a proof line', 'several statements'));
  if (statement === null) return null;
  if (statement.kind === 'term' && !hasBy) return { kind: 'start', term: statement.term, span: lineSpan };
  if (statement.kind !== 'chain') {
    r.diagnostics.push(equationExpected(spanIn(r, trimPiece(formula)), 'a justified line', found(statement)));
    return null;
  }
  if (!hasBy) r.diagnostics.push(missingJustification(span(r.source, pieceEnd(p)), p.text));
  return by === null ? null : { kind: 'fact', equation: statement, by, span: lineSpan };
}

/** `have NAME : EQ by …`. */
function readHave(r: FileReader, p: Piece, keyword: Piece, lineSpan: ProofLine['span']): ProofLine | null {
  const colon = p.text.indexOf(':');
  if (colon === -1) {
    r.diagnostics.push(missingColon(spanIn(r, p.text === '' ? keyword : p), '"have"', p.text));
    return null;
  }
  const name = trimPiece(subPiece(p, 0, colon));
  if (!NAME.test(name.text)) r.diagnostics.push(malformedName(spanIn(r, name.text === '' ? keyword : name), 'name', name.text));
  const { formula, by } = splitBy(r, subPiece(p, colon + 1), p);
  const equation = readEquation(r, formula, '"have"');
  if (!NAME.test(name.text) || equation === null || by === null) return null;
  return { kind: 'have', name: { text: name.text, span: spanIn(r, name) }, equation, by, span: lineSpan };
}

/** One equation (a chain `lhs = rhs`), or `null` after reporting. */
function readEquation(r: FileReader, p: Piece, where: string): Chain | null {
  const t = trimPiece(p);
  const statement = statementAt(r, t, () => equationExpected(spanIn(r, t), where, 'several statements'));
  if (statement === null) return null;
  if (statement.kind === 'chain') return statement;
  r.diagnostics.push(equationExpected(spanIn(r, t), where, found(statement)));
  return null;
}

const found = (s: Statement): string =>
  s.kind === 'term' ? 'a term alone' : s.kind === 'implies' ? 'an implication' : s.kind === 'decl' ? 'a declaration' : 'a signature';

/** Offsets of the words `by` standing alone (white space or the line's ends around them). */
const findBy = (p: Piece): number[] => [...p.text.matchAll(/(^|\s)by(?=\s|$)/g)].map((m) => m.index + m[1]!.length);

/**
 * Splits `FORMULA by CLAUSE` at the last `by` followed by a clause that reads
 * without errors (a term in a clause may itself hold the letters `b y`). When
 * none does, the last `by` is used and its clause's errors are reported;
 * when there is no `by` at all, E0312 is reported at the end of `line`.
 */
export function splitBy(r: FileReader, p: Piece, line: Piece): { formula: Piece; by: Justification | null } {
  const hits = findBy(p);
  if (hits.length === 0) {
    r.diagnostics.push(missingJustification(span(r.source, pieceEnd(line)), line.text));
    return { formula: p, by: null };
  }
  for (let i = hits.length - 1; i >= 0; i--) {
    const scratch: FileReader = { ...r, diagnostics: [] };
    const by = clauseAt(scratch, p, hits[i]!);
    if (scratch.diagnostics.length === 0) return { formula: subPiece(p, 0, hits[i]!), by };
  }
  const last = hits[hits.length - 1]!;
  clauseAt(r, p, last);
  return { formula: subPiece(p, 0, last), by: null };
}

const clauseAt = (r: FileReader, p: Piece, at: number): Justification =>
  readJustification(r, subPiece(p, at + 2), subPiece(p, at, at + 2));
