import { isInteger, isNegative, type Rational, type Term } from '../term/index.js';
import { argPieces, bracketEntry, call, indexList, isFunctionLetter, normSubscript, operandPieces } from './common.js';
import { latexFunction, latexSymbol } from './names.js';
import { concat, enclose, joinPieces, lit, type Piece } from './piece.js';
import { baseForm, isSubscriptSensitive, type Form } from './precedence.js';
import type { KindPrinters, ProductTokens, Style } from './style.js';

/**
 * LaTeX notation, as pasted into Math.SE: `a^{T} X^{-1} b`,
 * `\frac{\partial f}{\partial X}`, `\left(M\right)_{ij}`. Factors are
 * separated by spaces; groups use `\left(…\right)`.
 */

const paren = (p: Piece): Piece => enclose('\\left(', p, '\\right)');

/** `2`, `\frac{1}{2}` (no sign). */
function magnitude(q: Rational): string {
  const n = isNegative(q) ? -q.n : q.n;
  return isInteger(q) ? `${n}` : `\\frac{${n}}{${q.d}}`;
}

/** `X^{T}` is the transpose, so a power with the symbol `T` as exponent is written `X^{\left(T\right)}`. */
const isTransposeLetter = (e: Term): boolean => e.kind === 'sym' && e.name === 'T';

const sup = (base: Piece, exponent: Piece | string): Piece => concat(base, '^{', exponent, '}');
const sub = (base: Piece | string, indices: readonly Piece[]): Piece => concat(base, '_{', indexList(indices), '}');
const fnCall = (name: string, args: readonly Piece[]): Piece => concat(name, '(', joinPieces(args, ', '), ')');

const printers: KindPrinters = {
  num: (t) => lit(`${isNegative(t.value) ? '-' : ''}${magnitude(t.value)}`),
  sym: (t) => lit(latexSymbol(t.name)),
  identity: () => lit('I'),
  transpose: (t, kid) =>
    t.arg.kind === 'inverse'
      ? sup(kid([0, 0], 'base'), '-T')
      : sup(kid(0, t.arg.kind === 'basis' ? 'operand' : 'base'), 'T'),
  inverse: (_, kid) => sup(kid(0, 'base'), '-1'),
  power: (t, kid) => sup(kid(0, 'base'), isTransposeLetter(t.exponent) ? paren(kid(1, 'top')) : kid(1, 'top')),
  hpow: (_, kid) => sup(kid(0, 'base'), concat('\\circ ', kid(1, 'top'))),
  fn: (t, kid) => fnCall(latexFunction(t.name), argPieces(kid, 0, t.args.length)),
  map: (t, kid) => concat(latexFunction(t.name), '.(', kid(0, 'top'), ')'),
  hadamard: (t, kid) => joinPieces(operandPieces(kid, t.factors.length), ' \\odot '),
  kron: (t, kid) => joinPieces(operandPieces(kid, t.factors.length), ' \\otimes '),
  hdiv: (_, kid) => concat(kid(0, 'operand'), ' \\oslash ', kid(1, 'operand')),
  partial: (_, kid) => concat('\\frac{\\partial ', kid(0, 'numerator'), '}{\\partial ', kid(1, 'symbol'), '}'),
  d: (t, kid) =>
    t.arg.kind === 'sym' ? concat('\\mathrm{d}', kid(0, 'top')) : concat('\\mathrm{d}(', kid(0, 'top'), ')'),
  frechet: (t, kid) =>
    !isFunctionLetter(t.fn)
      ? call('D', argPieces(kid, 0, t.dir ? 3 : 2))
      : concat(kid(0, 'symbol'), '^\\prime(', kid(1, 'top'), ')', t.dir ? concat(' \\cdot ', kid(2, 'operand')) : ''),
  at: (_, kid) => concat('\\left. ', kid(0, 'top'), ' \\right|_{', kid(1, 'top'), '=', kid(2, 'top'), '}'),
  entry: (t, kid) =>
    isSubscriptSensitive(t.body)
      ? bracketEntry(kid, t.indices.length, 'base')
      : sub(kid(0, 'symbol'), argPieces(kid, 1, t.indices.length)),
  delta: (_, kid) => sub('\\delta', argPieces(kid, 0, 2)),
  basis: (_, kid) => sub('e', [kid(0, 'top')]),
  sum: (_, kid) => concat(sub('\\sum', [kid(0, 'top')]), ' ', paren(kid(1, 'top'))),
  o: (_, kid) => fnCall('o', [kid(0, 'top')]),
  apply: (t, kid) => concat(kid(0, 'symbol'), '(', joinPieces(argPieces(kid, 1, t.args.length), ', '), ')'),
  norm: (t, kid) => concat('\\|', kid(0, 'top'), '\\|', normSubscript(t.sub)),
  tuple: (t, kid) => concat('(', joinPieces(argPieces(kid, 0, t.items.length), ', '), ')'),
};

/**
 * `\frac{1}{2}` is delimited (an atom); `\frac{\partial f}{\partial X}` too,
 * so it may stand anywhere in a product, but a postfix after it would be unclear.
 */
function formOf(t: Term): Form {
  if (t.kind === 'num' && !isNegative(t.value)) return 'atom';
  return t.kind === 'partial' ? 'prefix' : baseForm(t);
}

const product: ProductTokens = {
  minus: '-',
  coefficient: magnitude,
  coefficientGap: () => ' ',
  gap: () => ' ',
};

/** The LaTeX style. */
export const latexStyle: Style = { notation: 'latex', formOf, paren, product, printers };

