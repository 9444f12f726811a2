import * as c from '../term/index.js';
import { MINUS_ONE, ONE, divRationals, negateRational, type Rational, type Term } from '../term/index.js';
import { markRange } from './context.js';
import { isBracketProduct } from './postfix.js';

/** How two factors are joined: juxtaposition (`null`), `*`, `·`/`\cdot`, or `/`. */
export type Joiner = null | 'times' | 'dot' | 'divide';

/** A factor as read, with the operator before it and where it is. */
export type FactorItem = { readonly term: Term; readonly joiner: Joiner; readonly start: number; readonly end: number };

/**
 * Builds the raw product of the factors, as written: a leading numeral is the
 * coefficient; `a/b` of two numerals is a rational and `x/y` is `x y⁻¹`;
 * `f′(X)·H` applies the Fréchet derivative to `H`. Parenthesised products stay
 * nested (only shape inference knows whether they are scalar units); a
 * bracket that is a factor, not a call (`X (Y)ᵀ Z`), is juxtaposition like
 * any other, so its product is spliced in: `X (Y)ᵀ Z` reads as `X Yᵀ Z` does.
 */
export function buildProduct(items: readonly FactorItem[]): Term {
  const factors: FactorItem[] = [];
  for (const item of items.flatMap(spliced)) {
    const previous = factors[factors.length - 1];
    const joined = previous && join(previous, item);
    if (joined) factors[factors.length - 1] = joined;
    else factors.push(item.joiner === 'divide' ? { ...item, term: mark(c.inverse(item.term), item) } : item);
  }
  const first = factors[0]!;
  const start = first.start;
  const end = factors[factors.length - 1]!.end;
  const hasCoefficient = first.term.kind === 'num' && factors.length > 1;
  const coeff = first.term.kind === 'num' && hasCoefficient ? first.term.value : ONE;
  const rest = hasCoefficient ? factors.slice(1) : factors;
  if (rest.length === 1 && !hasCoefficient) return rest[0]!.term;
  return markRange({ kind: 'mul', coeff, factors: rest.map((f) => f.term) }, start, end);
}

/** The factors of a product made from brackets that are not calls (see `isBracketProduct`), or the item itself. */
function spliced(item: FactorItem): FactorItem[] {
  const t = item.term;
  if (t.kind !== 'mul' || !isBracketProduct(t)) return [item];
  return t.factors.map((f, i) => ({ term: f, joiner: i === 0 ? item.joiner : null, start: item.start, end: item.end }));
}

/** Two factors that make one term (`1/2`, `f′(X)·H`, ASCII `f'(X)*H`), or `undefined`. */
function join(left: FactorItem, right: FactorItem): FactorItem | undefined {
  const range = { start: left.start, end: right.end };
  if (right.joiner === 'divide' && left.term.kind === 'num' && right.term.kind === 'num') {
    const q = divRationals(left.term.value, right.term.value);
    return q ? { ...range, joiner: left.joiner, term: mark(c.num(q), range) } : undefined;
  }
  if ((right.joiner === 'dot' || right.joiner === 'times') && left.term.kind === 'frechet' && left.term.dir === null) {
    const f = c.frechet(left.term.fn, left.term.at, right.term);
    return { ...range, joiner: left.joiner, term: mark(f, range) };
  }
  return undefined;
}

const mark = (t: Term, r: { start: number; end: number }): Term => markRange(t, r.start, r.end);

/** `−t` as written: a numeral becomes negative, a product's coefficient changes sign, anything else gets coefficient −1. */
export function negate(t: Term, start: number, end: number): Term {
  if (t.kind === 'num') return markRange(c.num(negateRational(t.value)), start, end);
  if (t.kind === 'mul') return markRange({ kind: 'mul', coeff: negateRational(t.coeff), factors: t.factors }, start, end);
  return markRange({ kind: 'mul', coeff: MINUS_ONE, factors: [t] }, start, end);
}

/** Reads a coefficient written as a numeral; exported for the `\frac{1}{2}` reading. */
export function quotient(a: Term, b: Term): Term | undefined {
  if (a.kind !== 'num' || b.kind !== 'num') return undefined;
  const q: Rational | undefined = divRationals(a.value, b.value);
  return q && c.num(q);
}
