import {
  characterNotAllowed, emptyInput, inputTooLong, lineCol, nestingTooDeep, span, unbalancedBracket, unknownCommand,
  type Diagnostic, type Source,
} from '../diag/index.js';
import { KNOWN_COMMANDS, suggestCommand } from './latex-commands.js';
import type { Origin } from './options.js';

/**
 * Checks that run before the grammar, in one linear pass, so that bad input
 * is rejected early and with a precise message: length (E0106), emptiness
 * (E0104), characters not allowed (E0107), unknown LaTeX commands (E0103),
 * unbalanced brackets including `\left`/`\right` and norm bars (E0102), and
 * nesting depth (E0105, which also keeps the parser off the stack limit).
 */
export type PrescanLimits = { readonly maxLength: number; readonly maxDepth: number };

const MAX_UNKNOWN_REPORTED = 10;

/** `origin` (default: `source` itself) is where line:col in notes such as "opened at 3:7" point. */
export function prescan(source: Source, limits: PrescanLimits, origin: Origin = { source, start: 0 }): Diagnostic[] {
  const text = source.text;
  if (text.length > limits.maxLength) return [bracketTooDeep(source, 0, limits.maxLength, limits.maxDepth) ?? inputTooLong(span(source, limits.maxLength), limits.maxLength, text.length)];
  if (text.trim() === '') return [emptyInput(span(source, 0, text.length))];
  const bad = findDisallowedCharacter(text);
  if (bad !== -1) return [characterNotAllowed(span(source, bad, bad + 1), String.fromCodePoint(text.codePointAt(bad)!))];
  return scanTokens(source, limits.maxDepth, origin);
}

/**
 * The first bracket of `source.text[from, to)` nested past `maxDepth`, as
 * E0105 at its place; undefined when there is none. A text (or line) too
 * long is still reported as too deep when its first part already nests
 * brackets too deep: the more telling of the two problems.
 */
export function bracketTooDeep(source: Source, from: number, to: number, maxDepth: number): Diagnostic | undefined {
  let depth = 0;
  for (let i = from; i < Math.min(to, source.text.length); ) {
    const token = readToken(source.text, i);
    if (isOpener(token) && ++depth > maxDepth) return nestingTooDeep(span(source, i, i + token.length), maxDepth);
    if (isCloser(token)) depth = Math.max(0, depth - 1);
    i += token.length;
  }
  return undefined;
}

/** Control characters (other than tab and line breaks), lone surrogates and U+FFFD mark binary or damaged input. */
function findDisallowedCharacter(text: string): number {
  const match = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  return match ? match.index : -1;
}

type Opener = { readonly bracket: string; readonly close: string; readonly start: number; readonly end: number };

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/** Brackets, `\left … \right`, norm bars and commands, left to right. */
function scanTokens(source: Source, maxDepth: number, origin: Origin): Diagnostic[] {
  const text = source.text;
  const stack: Opener[] = [];
  const unknown: Diagnostic[] = [];
  let normBar: { start: number; end: number } | null = null;
  for (let i = 0; i < text.length; ) {
    const token = readToken(text, i);
    const end = i + token.length;
    if (/^\\[A-Za-z]+$/.test(token) && !KNOWN_COMMANDS.has(token.slice(1))) {
      if (unknown.length < MAX_UNKNOWN_REPORTED) unknown.push(unknownCommand(span(source, i, end), token, suggest(token)));
    } else if (isOpener(token)) {
      stack.push({ bracket: token, close: closerOf(token), start: i, end });
      if (stack.length > maxDepth) return [nestingTooDeep(span(source, i, end), maxDepth)];
    } else if (isCloser(token)) {
      const problem = closeBracket(source, stack, token, i, end, origin);
      if (problem) return [problem];
    } else if (token === '‖' || token === '\\|') {
      normBar = normBar ? null : { start: i, end };
    }
    i = end;
  }
  const open = stack.pop();
  if (open) return [unclosed(source, open, origin)];
  if (normBar) {
    const bar = text.slice(normBar.start, normBar.end);
    return [unbalancedBracket(span(source, normBar.start, normBar.end), bar, 'a second norm bar to close it', `"${bar}" alone`)];
  }
  return unknown;
}

const suggest = (command: string): string | undefined => {
  const s = suggestCommand(command.slice(1));
  return s === undefined ? undefined : `\\${s}`;
};

/** One token: `\left(` (with its delimiter), a control word, a control symbol, or one code point. */
function readToken(text: string, i: number): string {
  if (text[i] !== '\\') return String.fromCodePoint(text.codePointAt(i)!);
  const word = /^\\(left|right)(?![A-Za-z])\s*(\\[|{}]|\\[A-Za-z]+|[^\s\\])?/.exec(text.slice(i, i + 40));
  if (word) return word[0];
  const command = /^\\([A-Za-z]+|[^A-Za-z]?)/.exec(text.slice(i, i + 64))!;
  return command[0].length > 0 ? command[0] : '\\';
}

const isOpener = (t: string): boolean => t in CLOSERS || t.startsWith('\\left');
const isCloser = (t: string): boolean => t === ')' || t === ']' || t === '}' || t.startsWith('\\right');
const closerOf = (t: string): string => (t.startsWith('\\left') ? '\\right' : CLOSERS[t]!);

function closeBracket(source: Source, stack: Opener[], token: string, start: number, end: number, origin: Origin): Diagnostic | undefined {
  const closer = token.startsWith('\\right') ? '\\right' : token;
  const open = stack.pop();
  const at = span(source, start, end);
  if (open === undefined) return unbalancedBracket(at, token, `an opening bracket before "${token}"`, `"${token}"`);
  if (open.close === closer) return undefined;
  return unbalancedBracket(at, token, `"${open.close}" to close "${open.bracket}"`, `"${token}"`, where(origin, open.start));
}

function unclosed(source: Source, open: Opener, origin: Origin): Diagnostic {
  const at = span(source, source.text.length);
  return unbalancedBracket(at, open.bracket, `"${open.close}" to close "${open.bracket}"`, 'end of input', where(origin, open.start));
}

function where(origin: Origin, offset: number): string {
  const { line, col } = lineCol(origin.source, origin.start + offset);
  return `${line}:${col}`;
}
