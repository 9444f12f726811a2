import { isInteger, type Term } from '../term/index.js';
import {
  argPieces, bracketEntry, call, formatMagnitude, formatNumber, isNaturalNumeral, operandPieces,
} from './common.js';
import { asciiSymbol } from './names.js';
import { concat, enclose, joinPieces, lit, type Piece } from './piece.js';
import { baseForm, type Form } from './precedence.js';
import type { KindPrinters, ProductTokens, RenderKid, Style } from './style.js';

/**
 * ASCII notation, for MATLAB/NumPy-minded readers and `--to ascii`:
 * `a'*inv(X)*b`, `-inv(X)'*a*b'*inv(X)'`, `diff(f, X)`, `M[i,j]`. Most
 * constructs are calls, so they are atoms and need no brackets.
 */

const paren = (p: Piece): Piece => enclose('(', p, ')');

/**
 * `^2`, `^k`, `^(12)`, `^(k+1)`, `^(-2)`: bare only for one digit or a symbol
 * other than `T` (`X^T` is the transpose).
 */
function exponent(e: Term, kid: RenderKid): Piece {
  const p = kid(1, 'top');
  const bare = (isNaturalNumeral(e) && p.text.length === 1) || (e.kind === 'sym' && e.name !== 'T');
  return bare ? p : paren(p);
}

/** `kron(A, kron(B, C))`: binary, nested to the right (the same term once flattened). */
function kronPiece(count: number, kid: RenderKid): Piece {
  const pieces = argPieces(kid, 0, count);
  return pieces.reduceRight((acc, p) => call('kron', [p, acc]));
}

const printers: KindPrinters = {
  num: (t) => formatNumber(t.value, '-'),
  sym: (t) => lit(asciiSymbol(t.name)),
  identity: () => lit('I'),
  transpose: (_, kid) => concat(kid(0, 'base'), "'"),
  inverse: (_, kid) => call('inv', [kid(0, 'top')]),
  power: (t, kid) => concat(kid(0, 'base'), '^', exponent(t.exponent, kid)),
  hpow: (t, kid) => concat(kid(0, 'base'), '.^', exponent(t.exponent, kid)),
  fn: (t, kid) => call(t.name, argPieces(kid, 0, t.args.length)),
  map: (t, kid) => concat(t.name, '.(', kid(0, 'top'), ')'),
  hadamard: (t, kid) => joinPieces(operandPieces(kid, t.factors.length), '.*'),
  kron: (t, kid) => kronPiece(t.factors.length, kid),
  hdiv: (_, kid) => concat(kid(0, 'operand'), './', kid(1, 'operand')),
  partial: (_, kid) => call('diff', argPieces(kid, 0, 2)),
  d: (_, kid) => call('d', [kid(0, 'top')]),
  frechet: (t, kid) => call('D', argPieces(kid, 0, t.dir ? 3 : 2)),
  at: (_, kid) => call('at', [kid(0, 'top'), concat(kid(1, 'top'), '=', kid(2, 'top'))]),
  entry: (t, kid) => bracketEntry(kid, t.indices.length, 'symbol'),
  delta: (_, kid) => concat('delta(', joinPieces(argPieces(kid, 0, 2), ','), ')'),
  basis: (_, kid) => call('e', [kid(0, 'top')]),
  sum: (_, kid) => call('sum', argPieces(kid, 0, 2)),
  o: (_, kid) => call('o', [kid(0, 'top')]),
  apply: (t, kid) => concat(kid(0, 'symbol'), '(', joinPieces(argPieces(kid, 1, t.args.length), ', '), ')'),
  norm: (t, kid) => call('norm', t.sub === null ? [kid(0, 'top')] : [kid(0, 'top'), lit(normArgument(t.sub))]),
  tuple: (t, kid) => paren(joinPieces(argPieces(kid, 0, t.items.length), ', ')),
};

/** MATLAB's name for a norm: `'fro'` for Frobenius, the number for p-norms. */
const normArgument = (sub: string): string => (sub === 'F' ? "'fro'" : /^[0-9]+$/.test(sub) ? sub : `'${sub}'`);

/**
 * Kinds written as calls in ASCII, hence atoms. Not `d(X)`: the parser reads
 * `d(X)'` as `d(Xᵀ)` (the differential takes the postfix chain), so it stays a
 * prefix form and is bracketed before a postfix: `(d(X))'`.
 */
const CALLS: ReadonlySet<Term['kind']> = new Set(['inverse', 'kron', 'partial', 'frechet', 'at', 'delta', 'basis', 'sum']);

const formOf = (t: Term): Form => (CALLS.has(t.kind) ? 'atom' : baseForm(t));

const product: ProductTokens = {
  minus: '-',
  coefficient: (q) => (isInteger(q) ? formatMagnitude(q) : `(${formatMagnitude(q)})`),
  coefficientGap: () => '*',
  gap: () => '*',
};

/** The ASCII style. */
export const asciiStyle: Style = { notation: 'ascii', formOf, paren, product, printers };

