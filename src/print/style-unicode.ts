import { isInteger, type Term, type TermOf } from '../term/index.js';
import {
  argPieces, bracketEntry, call, formatMagnitude, isFunctionLetter, formatNumber, indexList, isIntegerNumeral, normSubscript, operandPieces,
  plainExponent,
} from './common.js';
import { RESERVED_WORDS } from './names.js';
import { concat, enclose, joinPieces, lit, mapChars, type Piece } from './piece.js';
import { baseForm, isSubscriptSensitive } from './precedence.js';
import type { Factor, KindPrinters, ProductTokens, Style } from './style.js';
import { MINUS, subscriptChar, superscriptChar, toSubscript, toSuperscript } from './unicode.js';

/**
 * Unicode notation: `aᵀX⁻¹b`, `−X⁻ᵀabᵀX⁻ᵀ`, `∂(aᵀX⁻¹b)/∂X`, `(X(t))|ₜ₌₀`.
 * Super- and subscript glyphs where they exist (`unicode.ts`), `^(…)` and
 * `_{…}` otherwise.
 */

const paren = (p: Piece): Piece => enclose('(', p, ')');

/**
 * Letters whose superscript glyph reads back as a symbol exponent (`Xᵏ`). Not
 * `T` (`ᵀ` is the transpose), `d` (never a symbol), `x` (`ˣ` is the `×` of
 * `ℝⁿˣⁿ`), and not `q`, which has no glyph.
 */
const EXPONENT_LETTERS = /^[a-cefghijklmnoprstuvwyz]$/;

/** An exponent: superscript glyphs for an integer or a single such letter (`²`, `⁻²`, `ᵏ`), else `^(…)`. */
function exponent(p: Piece, e: Term): Piece {
  const glyphable = isIntegerNumeral(e) || (e.kind === 'sym' && EXPONENT_LETTERS.test(e.name));
  return glyphable && toSuperscript(p.text) !== undefined ? mapChars(p, superscriptChar) : concat('^(', p, ')');
}

/** Subscripted indices: glyphs when each is one letter that has one (`ᵢⱼ`), else `_{iℓ}` / `_{1,2}`. */
function subscript(indices: readonly Piece[]): Piece {
  const glyphs = indices.every((p) => /^\p{L}$/u.test(p.text) && toSubscript(p.text) !== undefined);
  return glyphs ? mapChars(concat(...indices), subscriptChar) : concat('_{', indexList(indices), '}');
}

/** `|ₜ₌₀` for a letter with a subscript glyph set to an integer, else `|_{t=ℓ}`. */
function evaluation(t: TermOf<'at'>, variable: Piece, value: Piece): Piece {
  const assignment = concat(variable, '=', value);
  const glyphs = /^\p{L}$/u.test(variable.text) && isIntegerNumeral(t.value) && toSubscript(assignment.text) !== undefined;
  return glyphs ? concat('|', mapChars(assignment, subscriptChar)) : concat('|_{', assignment, '}');
}

const printers: KindPrinters = {
  num: (t) => formatNumber(t.value, MINUS),
  sym: (t) => lit(t.name),
  identity: () => lit('I'),
  transpose: (t, kid) =>
    t.arg.kind === 'inverse'
      ? concat(kid([0, 0], 'base'), '⁻ᵀ')
      : concat(kid(0, t.arg.kind === 'basis' ? 'operand' : 'base'), 'ᵀ'),
  inverse: (_, kid) => concat(kid(0, 'base'), '⁻¹'),
  power: (t, kid) => concat(kid(0, 'base'), exponent(kid(1, 'top'), t.exponent)),
  hpow: (t, kid) => concat(kid(0, 'base'), '.^', plainExponent(t.exponent, kid, paren)),
  fn: (t, kid) => call(t.name, argPieces(kid, 0, t.args.length)),
  map: (t, kid) => concat(t.name, '.(', kid(0, 'top'), ')'),
  hadamard: (t, kid) => joinPieces(operandPieces(kid, t.factors.length), ' ⊙ '),
  kron: (t, kid) => joinPieces(operandPieces(kid, t.factors.length), ' ⊗ '),
  hdiv: (_, kid) => concat(kid(0, 'operand'), ' ⊘ ', kid(1, 'operand')),
  partial: (_, kid) => concat('∂', kid(0, 'operand'), '/∂', kid(1, 'symbol')),
  d: (t, kid) => (t.arg.kind === 'sym' ? concat('d', kid(0, 'top')) : concat('d(', kid(0, 'top'), ')')),
  frechet: (t, kid) =>
    !isFunctionLetter(t.fn)
      ? call('D', argPieces(kid, 0, t.dir ? 3 : 2))
      : concat(kid(0, 'symbol'), '′(', kid(1, 'top'), ')', t.dir ? concat('·', kid(2, 'operand')) : ''),
  at: (t, kid) => concat(kid(0, 'symbol'), evaluation(t, kid(1, 'top'), kid(2, 'top'))),
  entry: (t, kid) =>
    isSubscriptSensitive(t.body)
      ? bracketEntry(kid, t.indices.length, 'base')
      : concat(kid(0, 'symbol'), subscript(argPieces(kid, 1, t.indices.length))),
  delta: (_, kid) => concat('δ', subscript(argPieces(kid, 0, 2))),
  basis: (_, kid) => concat('e', subscript([kid(0, 'top')])),
  sum: (_, kid) => concat('Σ', subscript([kid(0, 'top')]), ' ', paren(kid(1, 'top'))),
  o: (_, kid) => call('o', [kid(0, 'top')]),
  apply: (t, kid) => concat(kid(0, 'symbol'), '(', joinPieces(argPieces(kid, 1, t.args.length), ', '), ')'),
  norm: (t, kid) => concat('‖', kid(0, 'top'), '‖', normSubscript(t.sub)),
  tuple: (t, kid) => paren(joinPieces(argPieces(kid, 0, t.items.length), ', ')),
};

/** One letter followed only by super/subscript glyphs: `X`, `aᵀ`, `X⁻ᵀ`, `H²`, `eᵢ`, `Mᵢⱼ`. */
const GLYPH_ATOM = /^[A-Za-zͰ-Ͽ][ᴬ-ᶿ⁰-₟ʰ-˿²³¹ᵢⱼ]*$/u;

/** A symbol-based postfix atom printed with glyphs only: such factors juxtapose without a space (`aᵀX⁻¹b`). */
function isGlyphAtom(f: Factor): boolean {
  let t: Term = f.term;
  while (t.kind === 'transpose' || t.kind === 'inverse' || t.kind === 'power') t = t.kind === 'power' ? t.base : t.arg;
  const symbolic = t.kind === 'sym' || t.kind === 'identity' || t.kind === 'basis' || t.kind === 'delta' || t.kind === 'entry';
  return symbolic && GLYPH_ATOM.test(f.text);
}

/** Would juxtaposing `next` after `before` spell a word the parser reads as one (`t`,`r` → `tr`; `p`,`h`,`i` → `phi`)? */
function spellsWord(before: string, next: string): boolean {
  const tail = /[A-Za-zͰ-Ͽ]+$/u.exec(before)?.[0] ?? '';
  const head = /^[A-Za-zͰ-Ͽ]+/u.exec(next)?.[0] ?? '';
  return RESERVED_WORDS.some((w) => (tail + head).includes(w) && !tail.includes(w) && !head.includes(w));
}

const product: ProductTokens = {
  minus: MINUS,
  coefficient: (q) => (isInteger(q) ? formatMagnitude(q) : `(${formatMagnitude(q)})`),
  coefficientGap: (next) => (/^[A-Za-zͰ-Ͽ(]/u.test(next) ? '' : ' '),
  gap: (before, left, right) =>
    isGlyphAtom(left) && isGlyphAtom(right) && !spellsWord(before, right.text) ? '' : ' ',
};

/** The Unicode style. */
export const unicodeStyle: Style = { notation: 'unicode', formOf: baseForm, paren, product, printers };
