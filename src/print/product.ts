import {
  absRational, isNegative, isOne, negateRational, num, type Add, type Mul, type Path, type Term,
} from '../term/index.js';
import { concat, markIf, type Piece } from './piece.js';
import type { RenderKid, Style } from './style.js';

/**
 * Sums and products, shared by all notations (the style supplies the tokens).
 *
 * Sums print summands in stored order; a summand with a negative coefficient
 * is written with a binary minus (`I − H + o(H)`), and a leading one with a
 * prefix minus (`−X + Y`). Products print the coefficient first (`−2X`,
 * `(1/2)X`), then the factors in order, separated as the style says
 * (juxtaposition, spaces or `*`); bracketing of factors follows `precedence.ts`.
 */
export function renderSum(t: Add, style: Style, kid: RenderKid, highlight: Path | null): Piece {
  const parts = t.terms.map((summand, i) => {
    const positive = negatedSummand(summand);
    if (positive === undefined) return i === 0 ? kid(i, 'summand') : concat('+ ', kid(i, 'summand'));
    const body = kid(i, 'summand', positive);
    const sign = i === 0 ? style.product.minus : `${style.product.minus} `;
    return markIf(concat(sign, body), highlight?.length === 1 && highlight[0] === i);
  });
  return concat(...parts.flatMap((p, i) => (i === 0 ? [p] : [' ', p])));
}

/** `x` when `summand` is `−x` (a negative numeral or a product with a negative coefficient). */
function negatedSummand(summand: Term): Term | undefined {
  if (summand.kind === 'num' && isNegative(summand.value)) return num(negateRational(summand.value));
  if (summand.kind !== 'mul' || !isNegative(summand.coeff)) return undefined;
  return { kind: 'mul', coeff: negateRational(summand.coeff), factors: summand.factors };
}

/** A product: optional sign, optional coefficient, then the factors. */
export function renderProduct(t: Mul, style: Style, kid: RenderKid): Piece {
  const last = t.factors.length - 1;
  const raw = t.factors.map((_, i) => kid(i, i === last ? 'last-factor' : 'factor'));
  const pieces = raw.map((p, i) => (i < last && isSwallowing(t.factors[i]!, raw[i + 1]!, style) ? style.paren(p) : p));
  let body: Piece | undefined = pieces[0];
  for (let i = 1; i < pieces.length; i++) {
    const left = { term: t.factors[i - 1]!, text: pieces[i - 1]!.text };
    const right = { term: t.factors[i]!, text: pieces[i]!.text };
    body = concat(body!, style.product.gap(body!.text, left, right), pieces[i]!);
  }
  const sign = isNegative(t.coeff) ? style.product.minus : '';
  const size = absRational(t.coeff);
  if (body === undefined) return concat(sign, style.product.coefficient(size));
  if (isOne(size)) return concat(sign, body);
  return concat(sign, style.product.coefficient(size), style.product.coefficientGap(body.text), body);
}

/**
 * The parser reads `dX (A + B)` as `d(X (A + B))`: a differential takes the
 * whole postfix chain after it, a bracket included. So a differential before
 * a factor that opens with a bracket is bracketed itself: `(dX) (A + B)`.
 * (ASCII writes `*` between factors, which stops the chain.)
 */
function isSwallowing(factor: Term, next: Piece, style: Style): boolean {
  if (style.notation === 'ascii') return false;
  const opensWithBracket = next.text.startsWith('(') || next.text.startsWith('\\left(');
  return factor.kind === 'd' && style.formOf(factor) === 'prefix' && opensWithBracket;
}
