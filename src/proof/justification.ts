import { malformedJustification, malformedPosition, span, unknownBothSides, type Span } from '../diag/index.js';
import { NAME, pieceEnd, spanIn, splitTopLevel, subPiece, symbolAt, termAt, trimPiece, wordsOf, type FileReader, type Piece } from '../parse/file-support.js';
import type { BothSidesOp, Justification, JustificationItem, PathSource } from './proof-file.js';

/**
 * Reads a `by` clause (the text after `by`): items separated by `,`, each
 * `auto`, `hyp NAME`, `both-sides OP`, or a rule id followed by `at PATH`
 * and/or `←` (`<-`), which belong to that rule. Problems are reported into `r`.
 */
export function readJustification(r: FileReader, clause: Piece, by: Piece): Justification {
  const whole = trimPiece(clause);
  const items: JustificationItem[] = [];
  if (whole.text === '') {
    r.diagnostics.push(malformedJustification(spanIn(r, by), ''));
  } else {
    for (const part of splitTopLevel(whole)) {
      const item = readItem(r, trimPiece(part), whole);
      if (item !== null) items.push(item);
    }
  }
  return { items, span: span(r.source, by.start, whole.text === '' ? pieceEnd(by) : pieceEnd(whole)) };
}

function readItem(r: FileReader, p: Piece, clause: Piece): JustificationItem | null {
  const words = wordsOf(p);
  const first = words[0];
  if (first === undefined) {
    r.diagnostics.push(malformedJustification(spanIn(r, clause), clause.text));
    return null;
  }
  const span = spanIn(r, p);
  if (first.text === 'auto' && words.length === 1) return { kind: 'auto', span };
  if (first.text === 'hyp') {
    const name = words[1];
    if (words.length === 2 && NAME.test(name!.text)) return { kind: 'hyp', name: { text: name!.text, span: spanIn(r, name!) }, span };
    r.diagnostics.push(malformedJustification(span, p.text));
    return null;
  }
  if (first.text === 'frechet-unique' && words.length === 1) return { kind: 'frechet-unique', span };
  if (first.text === 'substitute') return readSubstitute(r, trimPiece(subPiece(p, first.text.length)), span);
  if (first.text === 'both-sides') {
    const op = readBothSides(r, trimPiece(subPiece(p, first.text.length)), first);
    return op === null ? null : { kind: 'both-sides', op, span };
  }
  return readRuleRef(r, words, p);
}

/** `inverse-left`, `inverse-left ←`, `inverse-left←`, `transpose-of-product at 1.0 ←`. */
function readRuleRef(r: FileReader, words: readonly Piece[], p: Piece): JustificationItem | null {
  const head = words[0]!;
  const glued = /(←|<-)$/.exec(head.text);
  const id = glued ? subPiece(head, 0, head.text.length - glued[0].length) : head;
  let backward = glued !== null;
  let at: PathSource | null = null;
  if (!NAME.test(id.text)) {
    r.diagnostics.push(malformedJustification(spanIn(r, p), p.text));
    return null;
  }
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w.text === '←' || w.text === '<-') backward = true;
    else if (w.text === 'at' && at === null) {
      at = readPath(r, words[i + 1], w);
      if (at === null) return null;
      i++;
    } else {
      r.diagnostics.push(malformedJustification(spanIn(r, w), p.text));
      return null;
    }
  }
  return { kind: 'rule', id: { text: id.text, span: spanIn(r, id) }, backward, at, span: spanIn(r, p) };
}

/** `1.0`, `2`, `ε` (or `eps`) for the root: argument indexes from 0, dotted. */
function readPath(r: FileReader, w: Piece | undefined, atWord: Piece): PathSource | null {
  if (w === undefined || !(/^(ε|eps)$/.test(w.text) || /^[0-9]{1,6}(\.[0-9]{1,6})*$/.test(w.text))) {
    r.diagnostics.push(malformedPosition(spanIn(r, w ?? atWord), w?.text ?? ''));
    return null;
  }
  const path = /^[0-9]/.test(w.text) ? w.text.split('.').map(Number) : [];
  return { path, span: spanIn(r, w) };
}

/** `substitute H := E_{ij}` (also `H = …`, `H \\to …`): a declared symbol and the term put in its place. */
function readSubstitute(r: FileReader, rest: Piece, span: Span): JustificationItem | null {
  const sep = /:=|=|→|\\to(?![A-Za-z])/.exec(rest.text);
  const variable = sep === null ? null : trimPiece(subPiece(rest, 0, sep.index));
  const value = sep === null ? null : trimPiece(subPiece(rest, sep.index + sep[0].length));
  if (variable === null || value === null || !NAME.test(variable.text) || value.text === '') {
    r.diagnostics.push(malformedJustification(span, `substitute ${rest.text}`));
    return null;
  }
  const term = termAt(r, value);
  return term === null ? null : { kind: 'substitute', variable: { text: variable.text, span: spanIn(r, variable) }, term, span };
}

const TERM_OPS = new Set(['left-multiply', 'right-multiply', 'add', 'subtract']);
const SIMPLE_OPS: Readonly<Record<string, BothSidesOp>> = {
  d: { kind: 'differential' }, tr: { kind: 'trace' }, trace: { kind: 'trace' }, transpose: { kind: 'transpose' },
};

/** `∂/∂t` (also `\partial/\partial t`, `d/dt`), `d`, `tr`, `transpose`, `left-multiply TERM`, …, `evaluate t=0`. */
function readBothSides(r: FileReader, p: Piece, keyword: Piece): BothSidesOp | null {
  const partial = /^(?:∂|\\partial(?![A-Za-z]))\s*\/\s*(?:∂|\\partial(?![A-Za-z]))\s*(\S[\s\S]*)$|^d\s*\/\s*d(\S+)$/.exec(p.text);
  if (partial !== null) return partialOp(r, p, partial[1] ?? partial[2]!);
  const simple = SIMPLE_OPS[p.text];
  if (simple !== undefined) return simple;
  const { 0: word, index } = /^\S*/.exec(p.text)!;
  const rest = trimPiece(subPiece(p, index + word.length));
  if (TERM_OPS.has(word) && rest.text !== '') {
    const term = termAt(r, rest);
    return term === null ? null : { kind: word as 'add', term };
  }
  if (word === 'evaluate') return evaluateOp(r, rest, p);
  r.diagnostics.push(unknownBothSides(spanIn(r, p.text === '' ? keyword : p), p.text));
  return null;
}

function partialOp(r: FileReader, p: Piece, variableText: string): BothSidesOp | null {
  const v = subPiece(p, p.text.length - variableText.length);
  const variable = symbolAt(r, v);
  if (variable !== null) return { kind: 'partial', variable };
  r.diagnostics.push(unknownBothSides(spanIn(r, p), p.text));
  return null;
}

/** `evaluate t=0`, `evaluate t = 0`. */
function evaluateOp(r: FileReader, rest: Piece, p: Piece): BothSidesOp | null {
  const eq = rest.text.indexOf('=');
  const variable = eq === -1 ? null : symbolAt(r, trimPiece(subPiece(rest, 0, eq)));
  const valuePiece = trimPiece(subPiece(rest, eq + 1));
  if (variable === null || valuePiece.text === '') {
    r.diagnostics.push(unknownBothSides(spanIn(r, p), p.text));
    return null;
  }
  const value = termAt(r, valuePiece);
  return value === null ? null : { kind: 'evaluate', variable, value };
}
