import {
  ONE, MINUS_ONE, addRationals, divRationals, isInteger, isOne, isZero, mulRationals, rational,
  type Rational,
} from './rational.js';
import { termKey } from './key.js';
import { isStructuralScalar, type ScalarTest } from './scalar.js';
import type { Add, Mul, Num, Term } from './term.js';

/**
 * Smart constructors. Each returns a term in canonical form provided its
 * arguments are canonical:
 * - products are flattened and keep their order; numeric factors fold into one
 *   coefficient; scalar factors (by the given `ScalarTest`) are gathered in
 *   front, sorted by key; a scalar-valued sub-product beside other factors is
 *   kept as one unit (`(aᵀb) Y` is not `Y aᵀ b`);
 * - sums are flattened and sorted; numerals fold; like terms are not merged;
 * - `−(−x)` is `x` (coefficients multiply); `x⁻¹` with exponent −1 is `inverse`;
 *   numerals absorb transposes (`0ᵀ` is `0`: otherwise a zero matrix could be
 *   taken for a scalar and moved out of a product, changing its shape).
 * Nothing else is simplified: that is the job of named rules.
 */

export const num = (value: Rational | number): Num =>
  ({ kind: 'num', value: typeof value === 'number' ? rational(BigInt(value)) : value });
export const sym = (name: string): Term => ({ kind: 'sym', name });
export const identity = (): Term => ({ kind: 'identity' });

const numValue = (t: Term): Rational | undefined => (t.kind === 'num' ? t.value : undefined);

/** Builds the canonical product of `factors`. */
export function mul(factors: readonly Term[], isScalar: ScalarTest = isStructuralScalar): Term {
  let coeff = ONE;
  const scalars: Term[] = [];
  let chain: Term[] = [];
  for (const f of factors) {
    if (f.kind === 'num') coeff = mulRationals(coeff, f.value);
    else if (f.kind === 'mul') {
      coeff = mulRationals(coeff, f.coeff);
      absorbProduct(f, isScalar, scalars, chain);
    } else (isScalar(f) ? scalars : chain).push(f);
  }
  if (isZero(coeff)) return num(0);
  chain = splitScalarRuns(chain, isScalar, scalars);
  if (chain.length === 0 && scalars.length === 1 && scalars[0]!.kind === 'mul') {
    chain = [...scalars[0]!.factors];
    scalars.length = 0;
  }
  scalars.sort(compareByKey);
  return buildMul(coeff, [...scalars, ...chain]);
}

/** Splits an already canonical product into scalar factors and the ordered non-scalar chain. */
function absorbProduct(f: Mul, isScalar: ScalarTest, scalars: Term[], chain: Term[]): void {
  const ownScalars = f.factors.filter(isScalar);
  const ownChain = f.factors.filter((g) => !isScalar(g));
  scalars.push(...ownScalars);
  if (ownChain.length > 1 && isScalar(unit(ownChain))) scalars.push(unit(ownChain));
  else chain.push(...ownChain);
}

/**
 * Reads the chain left to right the way shape inference does: whenever the
 * factors so far form a scalar-valued run of two or more (`aᵀb` in `aᵀb X`),
 * that run becomes one scalar unit and the chain starts again. Returns what is
 * left of the chain. So `aᵀb X`, `(aᵀb) X` and `X (aᵀb)` are one term, and
 * `aᵀbcᵀd` is `(aᵀb)(cᵀd)`.
 */
function splitScalarRuns(chain: readonly Term[], isScalar: ScalarTest, scalars: Term[]): Term[] {
  let run: Term[] = [];
  for (const f of chain) {
    run.push(f);
    if (run.length >= 2 && isScalar(unit(run))) {
      scalars.push(unit(run));
      run = [];
    }
  }
  return run;
}

/** A coefficient-1 product of a non-scalar chain (a scalar-valued unit like `aᵀb`). */
const unit = (chain: readonly Term[]): Mul => ({ kind: 'mul', coeff: ONE, factors: chain });

function buildMul(coeff: Rational, factors: readonly Term[]): Term {
  if (factors.length === 0) return num(coeff);
  if (factors.length === 1 && isOne(coeff)) return factors[0]!;
  return { kind: 'mul', coeff, factors };
}

const compareByKey = (a: Term, b: Term): number => compareStrings(termKey(a), termKey(b));

/** `−t`. */
export const neg = (t: Term, isScalar: ScalarTest = isStructuralScalar): Term => mul([num(MINUS_ONE), t], isScalar);

/** `c · t` for a numeric `c`. */
export const scale = (c: Rational, t: Term, isScalar: ScalarTest = isStructuralScalar): Term =>
  mul([num(c), t], isScalar);

/** Builds the canonical sum of `terms`. */
export function add(terms: readonly Term[]): Term {
  const flat: Term[] = [];
  let constant = rational(0n);
  let hasConstant = false;
  for (const t of terms) {
    for (const s of t.kind === 'add' ? t.terms : [t]) {
      const v = numValue(s);
      if (v === undefined) flat.push(s);
      else [constant, hasConstant] = [addRationals(constant, v), true];
    }
  }
  if (hasConstant && (!isZero(constant) || flat.length === 0)) flat.push(num(constant));
  if (flat.length === 1) return flat[0]!;
  return { kind: 'add', terms: sortSummands(flat) } satisfies Add;
}

/** `a − b`. */
export const sub = (a: Term, b: Term, isScalar: ScalarTest = isStructuralScalar): Term => add([a, neg(b, isScalar)]);

/**
 * Summand order: numerals, then `I`, then the rest by the key of their
 * non-numeric part (so `X` and `−2X` sit together), little-o terms last, and
 * equal non-numeric parts by their whole key. It only has to be total and
 * stable; this choice reads naturally (`I − H + o(H)`). Each summand's rank
 * and keys are computed once, not per comparison.
 */
function sortSummands(terms: readonly Term[]): Term[] {
  const orders = terms.map(summandOrder);
  const order = orders.map((_, i) => i);
  order.sort((i, j) => compareOrders(orders[i]!, orders[j]!));
  return order.map((i) => terms[i]!);
}

type SummandOrder = { rank: number; partKey: string; key: string };

const compareOrders = (a: SummandOrder, b: SummandOrder): number =>
  a.rank - b.rank || compareStrings(a.partKey, b.partKey) || compareStrings(a.key, b.key);

/**
 * `add` of the canonical sum `sum` with its summands at `indices` replaced by
 * `replacement`, built by inserting the new summands into the sorted rest
 * (binary search) rather than sorting the whole sum again: comparing two long
 * summands costs their common prefix, and rewriting one summand of a long sum
 * is the common case. Falls back to `add` where numerals would fold.
 */
export function replaceSummands(sum: Add, indices: readonly number[], replacement: Term): Term {
  const news = replacement.kind === 'add' ? replacement.terms : [replacement];
  const rest = sum.terms.filter((_, i) => !indices.includes(i));
  if (news.some((u) => u.kind === 'num')) return add([...rest, replacement]);
  const out = [...rest];
  for (const u of news) out.splice(insertionPoint(out, summandOrder(u)), 0, u);
  return out.length === 1 ? out[0]! : { kind: 'add', terms: out };
}

/** The first position of sorted `terms` whose summand orders after `order` (after equals: the sort is stable). */
function insertionPoint(terms: readonly Term[], order: SummandOrder): number {
  let [lo, hi] = [0, terms.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareOrders(summandOrder(terms[mid]!), order) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const summandOrders = new WeakMap<Term, SummandOrder>();

/** A summand's sort data (`sortSummands`), memoised per term object: a long sum is re-sorted at every step that changes one summand. */
function summandOrder(t: Term): SummandOrder {
  let order = summandOrders.get(t);
  if (order === undefined) {
    const part = t.kind === 'mul' && !isOne(t.coeff) ? buildMul(ONE, t.factors) : t;
    order = { rank: summandRank(part), partKey: termKey(part), key: termKey(t) };
    summandOrders.set(t, order);
  }
  return order;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Of a summand's non-numeric part. */
function summandRank(part: Term): number {
  return part.kind === 'num' ? 0 : part.kind === 'identity' ? 1 : part.kind === 'o' ? 3 : 2;
}

/** `argᵀ`; the transpose of a numeral is the numeral (a scalar, or the zero matrix `0` of whatever shape). */
export const transpose = (arg: Term): Term => (arg.kind === 'num' ? arg : { kind: 'transpose', arg });

/** `arg⁻¹`; the inverse of a nonzero numeral folds to its reciprocal. */
export function inverse(arg: Term): Term {
  const v = numValue(arg);
  const reciprocal = v && divRationals(ONE, v);
  return reciprocal ? num(reciprocal) : { kind: 'inverse', arg };
}

/** `baseᵉ`; exponent 1 is the base itself, −1 is `inverse`, and numeral powers fold. */
export function power(base: Term, exponent: Term): Term {
  const e = numValue(exponent);
  if (e && isOne(e)) return base;
  if (e && e.n === -1n && e.d === 1n) return inverse(base);
  const b = numValue(base);
  if (b && e && isInteger(e) && e.n >= 0n && e.n <= 64n) {
    return num(rational(b.n ** e.n, b.d ** e.n));
  }
  return { kind: 'power', base, exponent };
}

export const fn = (name: string, args: readonly Term[]): Term => ({ kind: 'fn', name, args });
export const mapFn = (name: string, arg: Term): Term => ({ kind: 'map', name, arg });

/** `A ⊙ B`, flattened, order kept. */
export function hadamard(factors: readonly Term[]): Term {
  const flat = factors.flatMap((f) => (f.kind === 'hadamard' ? f.factors : [f]));
  return flat.length === 1 ? flat[0]! : { kind: 'hadamard', factors: flat };
}

/** `A ⊗ B`, flattened, order kept. */
export function kron(factors: readonly Term[]): Term {
  const flat = factors.flatMap((f) => (f.kind === 'kron' ? f.factors : [f]));
  return flat.length === 1 ? flat[0]! : { kind: 'kron', factors: flat };
}

export const hdiv = (n: Term, den: Term): Term => ({ kind: 'hdiv', num: n, den });
export const hpow = (base: Term, exponent: Term): Term => ({ kind: 'hpow', base, exponent });
export const partial = (body: Term, wrt: Term): Term => ({ kind: 'partial', body, wrt });
export const differential = (arg: Term): Term => ({ kind: 'd', arg });
export const frechet = (f: Term, at: Term, dir: Term | null): Term => ({ kind: 'frechet', fn: f, at, dir });
export const at = (body: Term, variable: Term, value: Term): Term => ({ kind: 'at', body, variable, value });
export const entry = (body: Term, indices: readonly Term[]): Term => ({ kind: 'entry', body, indices });
export const delta = (i: Term, j: Term): Term => ({ kind: 'delta', i, j });
export const basis = (index: Term): Term => ({ kind: 'basis', index });
/** The basis matrix `e_{ij}`, read as `eᵢeⱼᵀ` (the seed's definition). */
export const basisMatrix = (i: Term, j: Term): Term => mul([basis(i), transpose(basis(j))]);
export const sum = (index: Term, body: Term): Term => ({ kind: 'sum', index, body });
export const littleO = (arg: Term): Term => ({ kind: 'o', arg });
export const apply = (f: Term, args: readonly Term[]): Term => ({ kind: 'apply', fn: f, args });
export const norm = (arg: Term, subscript: string | null = null): Term => ({ kind: 'norm', arg, sub: subscript });
export const tuple = (items: readonly Term[]): Term => ({ kind: 'tuple', items });
