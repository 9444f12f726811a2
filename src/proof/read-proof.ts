import {
  duplicateTheorem, equationExpected, formatLocation, makeSource, malformedName, missingColon, outsideProof,
  proofNotClosed, proofWithoutTheorem, span, unrecognisedLine, type Diagnostic, type Span,
} from '../diag/index.js';
import {
  NAME, learnFunctions, makeFileReader, optionsAt, pieceEnd, readName, spanIn, splitLines, splitWord, statementAt, subPiece,
  symbolAt, trimPiece, tryDeclarations, wordsOf, type FileReader, type Piece,
} from '../parse/file-support.js';
import { parseFormula, tooLongLine, type ReadLimits } from '../parse/index.js';
import type { Named } from '../parse/rule-source.js';
import type { DeclarationSource, ProofFile, ProofLine, Theorem } from './proof-file.js';
import { readStepLine } from './step-line.js';

/** Options of `readProofFile`. */
export type ProofFileOptions = { sourceName: string; /** Reading limits other than the defaults. */ limits?: ReadLimits };

/** A proof file as read, and every problem found in it (in file order). Never thrown. */
export type ProofFileOutcome = { file: ProofFile; diagnostics: Diagnostic[] };

/** A theorem being read; `header: null` marks one whose header was malformed (its proof is read, not kept). */
type Open = {
  header: { name: Named; keyword: Theorem['keyword']; statement: Theorem['statement'] } | null;
  start: number;
  end: number;
  mode: Theorem['mode'];
  indices: Named[];
  variable: Named | null;
  lines: ProofLine[];
  proofSpan: Span | null;
  inProof: boolean;
  /** A line of the proof could not be read (its error is reported) and was left out. */
  dropped: boolean;
};

type State = {
  readonly r: FileReader;
  readonly uses: Named[];
  readonly declarations: DeclarationSource[];
  readonly theorems: Theorem[];
  readonly names: Map<string, Span>;
  open: Open | null;
};

const LAYOUT_ONLY = /^(?:\s*(?:\\(?:begin|end)\{[A-Za-z]+\*?\}|\$\$|\\\[|\\\]))+\s*$/;
const LINE_KINDS = '"use PATH", a declaration, "theorem NAME : equation", "proof", a step, "qed", or a comment';

/**
 * Reads a proof file. Top-level lines: comments (`--`, `%`, `//`), `use
 * PATH`, declarations in any notation, `theorem NAME : EQ` (or `lemma`);
 * then `proof` (or `proof entrywise i j`), step lines (see `readStepLine`),
 * and `qed`. Every error is reported with its position, and reading goes on;
 * random bytes give diagnostics, never an exception.
 */
export function readProofFile(text: string, options: ProofFileOptions): ProofFileOutcome {
  const r = makeFileReader(makeSource(options.sourceName, text), options.limits);
  const state: State = { r, uses: [], declarations: [], theorems: [], names: new Map(), open: null };
  for (const line of splitLines(text)) {
    if (line.isBlank) continue;
    if (line.code.text.length > r.limits.lineLength) {
      r.diagnostics.push(tooLongLine(r, line.code.start, line.code.text.length));
      if (state.open?.inProof) state.open.dropped = true;
      continue;
    }
    if (LAYOUT_ONLY.test(line.code.text)) continue;
    readLine(state, trimPiece(line.code));
  }
  finish(state, 'the end of the file');
  const file: ProofFile = { source: r.source, uses: state.uses, declarations: state.declarations, theorems: state.theorems, spans: r.spans };
  return { file, diagnostics: r.diagnostics };
}

function readLine(state: State, p: Piece): void {
  const { r } = state;
  const { word, rest } = splitWord(p);
  const open = state.open;
  if (word.text === 'use') {
    const path = readName(r, word, rest, null);
    if (path !== null) state.uses.push(path);
  } else if (word.text === 'theorem' || word.text === 'lemma' || word.text === 'definition') {
    finish(state, `the next theorem (line ${lineOf(r, p)})`);
    state.open = readHeader(state, word, rest, p);
  } else if (word.text === 'proof') {
    if (open === null || open.proofSpan !== null) r.diagnostics.push(proofWithoutTheorem(spanIn(r, word)));
    else startProof(r, open, rest, p);
  } else if (word.text === 'qed' && rest.text === '') {
    if (open?.inProof) closeProof(state, open, p);
    else r.diagnostics.push(outsideProof(spanIn(r, p), '"qed"'));
  } else if (open?.inProof) {
    const line = readStepLine(r, p);
    if (line !== null) open.lines.push(line);
    else open.dropped = true;
    open.end = pieceEnd(p);
  } else {
    readTopLevel(state, p);
  }
}

const lineOf = (r: FileReader, p: Piece): number => r.source.text.slice(0, p.start).split('\n').length;

/** `theorem NAME : EQ`: always opens a theorem (so its proof is not reported line by line), kept only when well-formed. */
function readHeader(state: State, keyword: Piece, rest: Piece, line: Piece): Open {
  const { r } = state;
  const open: Open = { header: null, start: line.start, end: pieceEnd(line), mode: 'calc', indices: [], variable: null, lines: [], proofSpan: null, inProof: false, dropped: false };
  const colon = rest.text.indexOf(':');
  if (colon === -1) {
    r.diagnostics.push(missingColon(spanIn(r, rest.text === '' ? keyword : rest), `"${keyword.text}"`, rest.text));
    return open;
  }
  const namePiece = trimPiece(subPiece(rest, 0, colon));
  const eq = trimPiece(subPiece(rest, colon + 1));
  const statement = statementAt(r, eq, () => equationExpected(spanIn(r, eq), 'a theorem', 'several statements'));
  if (statement !== null && statement.kind !== 'chain') r.diagnostics.push(equationExpected(spanIn(r, eq), 'a theorem', `a ${statement.kind === 'term' ? 'term alone' : statement.kind}`));
  if (!NAME.test(namePiece.text)) {
    r.diagnostics.push(malformedName(spanIn(r, namePiece.text === '' ? keyword : namePiece), 'theorem name', namePiece.text));
    return open;
  }
  const name: Named = { text: namePiece.text, span: spanIn(r, namePiece) };
  const first = state.names.get(name.text);
  if (first !== undefined) r.diagnostics.push(duplicateTheorem(name.span, name.text, formatLocation(first)));
  else state.names.set(name.text, name.span);
  if (statement !== null) open.header = { name, keyword: keyword.text as Theorem['keyword'], statement };
  return open;
}

/** `proof`, `proof entrywise i j` (indices separated by spaces or commas) or `proof differential X`. */
function startProof(r: FileReader, open: Open, rest: Piece, line: Piece): void {
  open.inProof = true;
  open.proofSpan = spanIn(r, line);
  open.end = pieceEnd(line);
  if (rest.text === '') return;
  const { word, rest: indices } = splitWord(rest);
  const names = wordsOf(indices).flatMap((w) => w.text.split(',').filter((s) => s !== '').map((s) => subPiece(w, w.text.indexOf(s), w.text.indexOf(s) + s.length)));
  const symbols = names.map((w) => symbolAt(r, w));
  const differential = word.text === 'differential' && names.length === 1;
  if ((word.text !== 'entrywise' && !differential) || names.length === 0 || symbols.some((s) => s === null)) {
    r.diagnostics.push(unrecognisedLine(spanIn(r, rest), '"proof" alone, "proof entrywise i j" or "proof differential X"', line.text));
    return;
  }
  const named = names.map((w, i) => ({ text: symbols[i]!, span: spanIn(r, w) }));
  open.mode = differential ? 'differential' : 'entrywise';
  if (differential) open.variable = named[0]!;
  else open.indices = named;
}

function closeProof(state: State, open: Open, qed: Piece): void {
  open.end = pieceEnd(qed);
  open.inProof = false;
  record(state, open, true);
  state.open = null;
}

/** Ends the theorem being read (at the next theorem or the end of the file): an open proof is reported. */
function finish(state: State, stoppedAt: string): void {
  const open = state.open;
  if (open === null) return;
  if (open.inProof) {
    const at = open.header?.name.span ?? span(state.r.source, open.start, open.end);
    state.r.diagnostics.push(proofNotClosed(at, open.header?.name.text ?? '?', stoppedAt));
  }
  record(state, open, false);
  state.open = null;
}

function record(state: State, open: Open, closed: boolean): void {
  if (open.header === null) return;
  const { name, keyword, statement } = open.header;
  state.theorems.push({
    name, keyword, statement, mode: open.mode, indices: open.indices, variable: open.variable, lines: open.lines,
    span: span(state.r.source, open.start, open.end), proofSpan: open.proofSpan, closed, complete: !open.dropped,
  });
}

/** A declaration, or the reason the line is out of place. */
function readTopLevel(state: State, p: Piece): void {
  const { r } = state;
  const decls = tryDeclarations(r, p);
  if (decls.ok) {
    learnFunctions(r, decls.value);
    for (const d of decls.value) state.declarations.push({ declaration: d, span: r.spans.get(d) ?? spanIn(r, p) });
  } else if (/∈|\\in(?![A-Za-z])|:/.test(p.text)) {
    r.diagnostics.push(...decls.diagnostics);
  } else if (/^(?:have\s|⟹|⇒|=|&|\\implies|\\Rightarrow)|(^|\s)by(\s|$)/.test(p.text) || parseFormula(p.text, { ...optionsAt(r, p), spans: new WeakMap() }).ok) {
    r.diagnostics.push(outsideProof(spanIn(r, p), 'a proof step'));
  } else {
    r.diagnostics.push(unrecognisedLine(spanIn(r, p), LINE_KINDS, p.text));
  }
}
