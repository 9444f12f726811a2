import {
  emptySide, equationExpected, malformedCondition, malformedName, malformedTags, missingColon,
} from '../diag/index.js';
import type { Statement, Term } from '../term/index.js';
import { spanIn, statementAt, termAt, type FileReader } from './file-reader.js';
import { NAME } from './lines.js';
import { splitTopLevel, subPiece, trimPiece, wordsOf, type Piece } from './piece.js';
import type { ConditionSource, Named, RuleSource } from './rule-source.js';

/**
 * Reads one `rule` item (the text after the keyword, continuation lines
 * included): `ID [TAGS] : LHS = RHS [if COND, …]`. Every problem is reported
 * into the reader; the rule is returned whenever its id and equation could
 * be read (a bad tag or condition alone does not lose the rule).
 */
export function readRule(r: FileReader, body: Piece, whole: Piece, doc: string | null): RuleSource | null {
  const colon = body.text.indexOf(':');
  if (colon === -1) {
    r.diagnostics.push(missingColon(spanIn(r, trimPiece(body)), 'a rule', body.text));
    return null;
  }
  const head = readHead(r, subPiece(body, 0, colon));
  const { equation, conditions } = splitConditions(subPiece(body, colon + 1));
  const statement = readEquation(r, equation, trimPiece(subPiece(body, 0, colon)));
  const conds = conditions === null ? [] : readConditions(r, conditions);
  if (head === null || statement === null) return null;
  return { id: head.id, tags: head.tags, statement, conditions: conds, doc, span: spanIn(r, trimPiece(whole)) };
}

/** `inverse-left`, `d-inverse [simp]`, `x [simp, expand]`. */
function readHead(r: FileReader, head: Piece): { id: Named; tags: Named[] } | null {
  const bracket = head.text.indexOf('[');
  const idPiece = trimPiece(bracket === -1 ? head : subPiece(head, 0, bracket));
  const tags = bracket === -1 ? [] : readTags(r, subPiece(head, bracket));
  if (!NAME.test(idPiece.text)) {
    r.diagnostics.push(malformedName(spanIn(r, idPiece.text === '' ? head : idPiece), 'rule id', idPiece.text));
    return null;
  }
  return { id: { text: idPiece.text, span: spanIn(r, idPiece) }, tags };
}

/** `[simp]`, `[simp, expand]`, `[simp expand]`: reports an unclosed bracket, text after it, and bad or empty tags. */
function readTags(r: FileReader, p: Piece): Named[] {
  const t = trimPiece(p);
  const close = t.text.indexOf(']');
  if (close === -1 || trimPiece(subPiece(t, close + 1)).text !== '') {
    r.diagnostics.push(malformedTags(spanIn(r, t), t.text));
    return [];
  }
  const inner = subPiece(t, 1, close);
  const words = splitTopLevel(inner).flatMap((part) => {
    const ws = wordsOf(part);
    return ws.length === 0 ? [trimPiece(part)] : ws;
  });
  const bad = words.find((w) => !NAME.test(w.text));
  if (bad !== undefined) {
    r.diagnostics.push(malformedTags(spanIn(r, bad.text === '' ? t : bad), t.text));
    return [];
  }
  return words.map((w) => ({ text: w.text, span: spanIn(r, w) }));
}

/** Splits `LHS = RHS if c₁, c₂` at the first `if` that stands alone (white space, or the end, on both sides). */
export function splitConditions(p: Piece): { equation: Piece; conditions: Piece | null } {
  const m = /(^|\s)if(?=\s|$)/.exec(p.text);
  if (m === null) return { equation: p, conditions: null };
  const at = m.index + m[1]!.length;
  return { equation: subPiece(p, 0, at), conditions: subPiece(p, at + 2) };
}

/**
 * The equation after the colon: reports an empty side before parsing, and
 * several statements after. Whether it is exactly one equation is checked
 * once, by rule validation (E0406), not here.
 */
function readEquation(r: FileReader, p: Piece, head: Piece): Statement | null {
  const t = trimPiece(p);
  const side = t.text === '' ? 'both' : /^=(?![>=])/.test(t.text) ? 'left' : /(^|[^=<>])=$/.test(t.text) ? 'right' : null;
  if (side !== null) {
    r.diagnostics.push(emptySide(spanIn(r, t.text === '' ? head : t), side));
    return null;
  }
  return statementAt(r, t, () => equationExpected(spanIn(r, t), 'a rule', 'several statements'));
}

/** `invertible(A), constant(A, t)`: each a predicate name and its arguments in brackets. */
function readConditions(r: FileReader, p: Piece): ConditionSource[] {
  const whole = trimPiece(p);
  if (whole.text === '') {
    r.diagnostics.push(malformedCondition(spanIn(r, p.text === '' ? subPiece(p, 0, 0) : p), ''));
    return [];
  }
  return splitTopLevel(whole).flatMap((part) => {
    const c = readCondition(r, trimPiece(part));
    return c === null ? [] : [c];
  });
}

function readCondition(r: FileReader, p: Piece): ConditionSource | null {
  const m = /^([A-Za-z][A-Za-z0-9_-]*)\s*\(([\s\S]*)\)$/.exec(p.text);
  if (m === null) {
    r.diagnostics.push(malformedCondition(spanIn(r, p), p.text));
    return null;
  }
  const name = subPiece(p, 0, m[1]!.length);
  const open = p.text.indexOf('(', name.text.length);
  const inner = subPiece(p, open + 1, p.text.length - 1);
  const argPieces = trimPiece(inner).text === '' ? [] : splitTopLevel(inner).map(trimPiece);
  const args: Term[] = [];
  for (const a of argPieces) {
    if (a.text === '') r.diagnostics.push(malformedCondition(spanIn(r, p), p.text));
    const term = a.text === '' ? null : termAt(r, a);
    if (term === null) return null;
    args.push(term);
  }
  return { predicate: { text: name.text, span: spanIn(r, name) }, args, span: spanIn(r, p) };
}
