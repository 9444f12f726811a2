import { lineTooLong, makeSource, malformedName, malformedVars, missingPath, span, unrecognisedLine, type Diagnostic } from '../diag/index.js';
import { makeFileReader, spanIn, symbolAt, type FileReader } from './file-reader.js';
import { joinLines, NAME, splitLines, type SourceLine } from './lines.js';
import type { ReadLimits } from './options.js';
import { bracketTooDeep } from './prescan.js';
import { splitTopLevel, splitWord, subPiece, trimPiece, wordsOf, type Piece } from './piece.js';
import { readRule } from './rule-line.js';
import type { Named, RuleFileSource, RuleSource, VarSource } from './rule-source.js';

/** Options of `readRuleFile`. */
export type RuleFileOptions = {
  /** The file name shown in diagnostics (`rules/inverse.rules`). */
  sourceName: string;
  /** Reading limits other than the defaults. */
  limits?: ReadLimits;
};

/** A rule file as read, and every problem found in it (in file order). Never thrown. */
export type RuleFileOutcome = { file: RuleFileSource; diagnostics: Diagnostic[] };

/** One logical line: a first line and its indented continuation lines, with the comment lines just above it. */
type Item = { readonly code: Piece; readonly doc: string | null };

const KEYWORDS = new Set(['rules', 'use', 'vars', 'rule']);
const LINE_KINDS = '"rules NAME", "use PATH", "vars … : SORT", "rule ID : LHS = RHS", or a comment';

/**
 * Reads a rule library (`rules/*.rules`). Line kinds: comments (`--`, `%`,
 * `//`), `rules NAME`, `use PATH`, `vars A B : matrix, c : scalar`, and
 * `rule ID [TAGS] : LHS = RHS [if COND, …]`; an indented line that does not
 * start with a keyword continues the line before it. The comment lines just
 * above a rule are its doc. Every error is reported, and reading goes on
 * after each; what could be read is kept. Validation (sorts, predicates,
 * unbound variables, shapes) is `compileRules`' job, not this reader's.
 */
export function readRuleFile(text: string, options: RuleFileOptions): RuleFileOutcome {
  const r = makeFileReader(makeSource(options.sourceName, text), options.limits);
  const acc = { name: null as Named | null, uses: [] as Named[], vars: [] as VarSource[], rules: [] as RuleSource[] };
  for (const item of items(splitLines(text))) {
    if (item.code.text.length <= r.limits.lineLength) readItem(r, item, acc);
    else r.diagnostics.push(tooLongLine(r, item.code.start, item.code.text.length));
  }
  const file: RuleFileSource = { source: r.source, name: acc.name, uses: acc.uses, vars: acc.vars, rules: acc.rules, spans: r.spans };
  return { file, diagnostics: r.diagnostics };
}

/** A line (or item) of a file past the reader's line length: E0105 if its first part nests brackets too deep, else E0106 at the cut. */
export function tooLongLine(r: FileReader, start: number, length: number): Diagnostic {
  const { lineLength, bracketDepth } = r.limits;
  return bracketTooDeep(r.source, start, start + lineLength, bracketDepth) ?? lineTooLong(span(r.source, start + lineLength), lineLength, length);
}

/** Groups lines into items: continuation lines join their first line; comment lines right above an item become its doc. */
function items(lines: readonly SourceLine[]): Item[] {
  const out: Item[] = [];
  let doc: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.isBlank) {
      doc = line.comment === null ? [] : [...doc, line.comment];
      continue;
    }
    let last = i;
    while (last + 1 < lines.length && isContinuation(lines[last + 1]!)) last++;
    out.push({ code: joinLines(lines, i, last), doc: doc.length > 0 ? doc.join('\n') : null });
    doc = [];
    i = last;
  }
  return out;
}

const isContinuation = (line: SourceLine): boolean =>
  !line.isBlank && line.isIndented && !KEYWORDS.has(splitWord(line.code).word.text);

type Accumulator = { name: Named | null; uses: Named[]; vars: VarSource[]; rules: RuleSource[] };

function readItem(r: FileReader, item: Item, acc: Accumulator): void {
  const { word, rest } = splitWord(item.code);
  switch (word.text) {
    case 'rules': {
      const name = readName(r, word, rest, 'library name');
      if (name !== null && acc.name === null) acc.name = name;
      return;
    }
    case 'use': {
      const path = readName(r, word, rest, null);
      if (path !== null) acc.uses.push(path);
      return;
    }
    case 'vars':
      acc.vars.push(...readVars(r, rest));
      return;
    case 'rule': {
      const rule = readRule(r, subPiece(item.code, word.start - item.code.start + word.text.length), item.code, item.doc);
      if (rule !== null) acc.rules.push(rule);
      return;
    }
    default:
      r.diagnostics.push(unrecognisedLine(spanIn(r, trimPiece(item.code)), LINE_KINDS, firstLine(trimPiece(item.code).text)));
  }
}

const firstLine = (text: string): string => text.split('\n')[0]!.trim();

/**
 * `use PATH` or `rules NAME`: one word after the keyword. `what` names what
 * a library name must look like (`null` for a path, taken as written).
 */
export function readName(r: FileReader, keyword: Piece, rest: Piece, what: string | null): Named | null {
  const words = wordsOf(rest);
  if (words.length === 0) {
    r.diagnostics.push(missingPath(spanIn(r, keyword), keyword.text));
    return null;
  }
  if (words.length > 1 || (what !== null && !NAME.test(words[0]!.text))) {
    r.diagnostics.push(malformedName(spanIn(r, rest), what ?? 'path', rest.text));
    return null;
  }
  return { text: words[0]!.text, span: spanIn(r, words[0]!) };
}

/** `A B : matrix, X : square matrix, c : scalar`; names before a group's colon may also be separated by commas (`A, B : matrix`). */
function readVars(r: FileReader, p: Piece): VarSource[] {
  const out: VarSource[] = [];
  let pending: Piece[] = [];
  for (const group of splitTopLevel(p).map(trimPiece)) {
    const colon = group.text.indexOf(':');
    pending.push(...wordsOf(colon === -1 ? group : subPiece(group, 0, colon)));
    if (colon === -1) continue;
    const sort = trimPiece(subPiece(group, colon + 1));
    if (sort.text === '' || pending.length === 0) {
      const expected = sort.text === '' ? 'a sort after ":" (scalar, vector, matrix, square matrix, index, any)' : 'variable names before ":"';
      r.diagnostics.push(malformedVars(spanIn(r, group), expected, group.text));
    } else {
      out.push(...varsOf(r, pending, sort.text.replace(/\s+/g, ' ')));
    }
    pending = [];
  }
  if (pending.length > 0 || trimPiece(p).text === '') {
    const at = pending.length > 0 ? pending[0]! : p;
    r.diagnostics.push(malformedVars(spanIn(r, at), '": SORT" after the names', pending.map((w) => w.text).join(' ')));
  }
  return out;
}

function varsOf(r: FileReader, names: readonly Piece[], sortText: string): VarSource[] {
  return names.flatMap((w) => {
    const name = symbolAt(r, w);
    if (name !== null) return [{ name, sortText, span: spanIn(r, w) }];
    r.diagnostics.push(malformedVars(spanIn(r, w), 'one symbol per variable (A, x, \\alpha)', w.text));
    return [];
  });
}
