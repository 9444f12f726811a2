import type { MatchResult } from 'ohm-js';
import { span, syntaxError, type Diagnostic, type Source } from '../diag/index.js';

/**
 * Turns a failed Ohm match into one E0101 diagnostic at the rightmost failure:
 * what was expected, grouped into words people use ("a term", "an operator",
 * "a relation", a quoted closing bracket, "the end of the formula"), and the
 * token found there.
 */
export function syntaxDiagnostic(source: Source, match: MatchResult): Diagnostic {
  const failed = match as MatchResult & { getRightmostFailurePosition(): number; getRightmostFailures(): OhmFailure[] };
  const rightmost = failed.getRightmostFailurePosition();
  // A failure just after a backslash is inside a command: point at the whole command.
  const position = rightmost > 0 && source.text[rightmost - 1] === '\\' ? rightmost - 1 : rightmost;
  const found = tokenAt(source.text, position);
  const expected = describeExpected(failed.getRightmostFailures().map((f) => f.getText()));
  return syntaxError(span(source, position, position + found.length), expected, found.length === 0 ? 'end of input' : `"${found}"`);
}

type OhmFailure = { getText(): string };

const RELATIONS = new Set(['a relation', 'an implication arrow', '=', '≡', '\\equiv', '→', '->', '\\to', '\\rightarrow',
  '⟹', '⇒', '=>', '\\implies', '\\Rightarrow', '\\Longrightarrow']);
const CLOSING = new Set([')', '}', ']', '‖', '\\|', '\\rVert', '\\Vert', '\\right|']);
/** Norm bars open a term as well as close one. */
const NORM_BARS = new Set(['‖', '\\|', '\\Vert', '\\lVert', '\\rVert']);
const SIGNS = new Set(['+', '-', '−']);
const OPERATORS = new Set(['*', '/', '·', '⋅', '\\cdot', '×', '\\times', '^', '_', "'", '′', '|', '.^',
  '⊙', '⊗', '⊘', '\\odot', '\\otimes', '\\oslash', '\\circ', '.*', './', '[']);
/** Continuations that are almost never what the writer meant (separators, declaration signs). */
const NOISE = new Set(['\\quad', '\\qquad', ';', '.', ',', ':', '∈', '\\in']);
const REALS = new Set(['ℝ', '\\mathbb', '\\R', '\\Reals']);
const SCRIPT_GLYPHS = /^[⁰¹²³⁴⁵⁶⁷⁸⁹⁻ᵀᵃᵇᶜᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷʸᶻ₀-₉ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ]$/;
const TERM_START = /^(\\.*|[(‖∂Σ∑d]|[A-Za-z]+|a symbol|a number)$/;

/** The words for one expected Ohm terminal or description, or `null` to leave it out. */
function category(t: string, hasTerm: boolean): string | null {
  if (hasTerm && (NORM_BARS.has(t) || t === '[')) return null;
  if (CLOSING.has(t)) return `"${t}"`;
  if (RELATIONS.has(t)) return 'a relation';
  if (SIGNS.has(t)) return hasTerm ? null : 'an operator';
  if (OPERATORS.has(t) || SCRIPT_GLYPHS.test(t)) return 'an operator';
  if (t === 'end of input') return 'the end of the formula';
  if (t === 'not a letter') return 'a space or a symbol after the command';
  if (/^not /.test(t)) return null;
  if (NOISE.has(t)) return null;
  if (REALS.has(t)) return '"ℝ"';
  if (/^"."\.\."."$/.test(t)) return 'a letter';
  if (t === 'a digit' || t === 'a property') return t;
  if (t === 'scalar' || t === 'index') return `"${t}"`;
  if (TERM_START.test(t)) return 'a term';
  return `"${t}"`;
}

/** "a term, ")" or the end of the formula". */
export function describeExpected(texts: readonly string[]): string {
  const hasTerm = texts.includes('a symbol');
  const words: string[] = [];
  for (const t of texts) {
    const w = category(t, hasTerm);
    if (w !== null && !words.includes(w)) words.push(w);
  }
  return joinWords(order(words));
}

/** Terms first, then operators, closing brackets and other tokens, relations, and the end last. */
function order(words: string[]): string[] {
  const rank = (w: string): number =>
    w === 'a term' ? 0 : w === 'an operator' ? 1 : w === 'a relation' ? 3 : w === 'the end of the formula' ? 4 : 2;
  return [...words].sort((a, b) => rank(a) - rank(b));
}

function joinWords(words: readonly string[]): string {
  if (words.length === 0) return 'something else';
  if (words.length === 1) return words[0]!;
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** The token at `offset`: a LaTeX command, or one code point; empty at the end. */
function tokenAt(text: string, offset: number): string {
  if (offset >= text.length) return '';
  const command = /^\\([A-Za-z]+|.)/.exec(text.slice(offset, offset + 64));
  return command ? command[0] : String.fromCodePoint(text.codePointAt(offset)!);
}
