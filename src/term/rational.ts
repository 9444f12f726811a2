/**
 * Exact rational numbers for numeric coefficients.
 *
 * Invariant: `d > 0` and `gcd(|n|, d) = 1`; zero is `0/1`. Every function here
 * returns a value satisfying the invariant, so two equal rationals have equal
 * fields and can be compared field by field.
 */
export type Rational = { readonly n: bigint; readonly d: bigint };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Builds `n/d` in lowest terms. Precondition: `d !== 0n`. */
export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new Error('rational: zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };
export const MINUS_ONE: Rational = { n: -1n, d: 1n };

export const isZero = (q: Rational): boolean => q.n === 0n;
export const isOne = (q: Rational): boolean => q.n === 1n && q.d === 1n;
export const isInteger = (q: Rational): boolean => q.d === 1n;
export const isNegative = (q: Rational): boolean => q.n < 0n;
export const equalRationals = (p: Rational, q: Rational): boolean => p.n === q.n && p.d === q.d;

export const addRationals = (p: Rational, q: Rational): Rational => rational(p.n * q.d + q.n * p.d, p.d * q.d);
/** `p·q`; multiplying by one (the common case: most coefficients are 1) returns the other operand as it is. */
export function mulRationals(p: Rational, q: Rational): Rational {
  if (isOne(p)) return q;
  if (isOne(q)) return p;
  return rational(p.n * q.n, p.d * q.d);
}
export const negateRational = (p: Rational): Rational => ({ n: -p.n, d: p.d });

/** `p / q`, or `undefined` when `q` is zero. */
export function divRationals(p: Rational, q: Rational): Rational | undefined {
  return q.n === 0n ? undefined : rational(p.n * q.d, p.d * q.n);
}

/** `|p|`. */
export const absRational = (p: Rational): Rational => (p.n < 0n ? negateRational(p) : p);

/** Reads a decimal literal such as `12`, `0.5` or `3.25` exactly. */
export function parseDecimal(text: string): Rational {
  const [whole, frac = ''] = text.split('.');
  return rational(BigInt((whole || '0') + frac), 10n ** BigInt(frac.length));
}

/** `3`, `-1/2`: the form used in keys and ASCII output. */
export function formatRational(q: Rational): string {
  return q.d === 1n ? `${q.n}` : `${q.n}/${q.d}`;
}

/** Total order used to sort terms: by value. */
export function compareRationals(p: Rational, q: Rational): number {
  const diff = p.n * q.d - q.n * p.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}
