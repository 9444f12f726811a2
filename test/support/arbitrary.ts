import fc from './fc.js';
import {
  add, apply, at, basis, delta, differential, entry, fn, frechet, hadamard, hdiv, hpow, identity, inverse, kron,
  littleO, mapFn, mul, neg, norm, num, partial, power, rational, scale, sum, sym, transpose, type Term,
} from '../../src/term/index.js';

/**
 * fast-check generators of random, well-shaped, canonical terms (built only
 * through the smart constructors, with the default structural scalar test).
 * Generation is by target shape — scalar, column vector n×1, row vector 1×n,
 * square matrix n×n — so every product conforms: `rowᵀ·square·vec` is a
 * scalar, `tr` and `det` take squares, sums add like shapes.
 *
 * Names avoid the letters the language reserves (`d`, `e`, `o`, `I`, `δ`, `Σ`);
 * `G` is a function letter used as a matrix on purpose, so printers must not
 * let `G (A + B)` become an application. Depth is bounded (`MAX_DEPTH`).
 */

type Arb = fc.Arbitrary<Term>;
type Shape = 'scalar' | 'vector' | 'row' | 'square';

const MAX_DEPTH = 3;

const symbols = (...names: string[]): Arb => fc.constantFrom(...names).map(sym);
const SQUARES = ['A', 'B', 'C', 'X', 'Y', 'H', 'M', 'G'];
const VECTORS = ['a', 'b', 'c', 'u', 'v', 'x', 'y'];
const SCALARS = ['t', 's', 'α', 'λ'];
const FUNCTION_LETTERS = ['f', 'g', 'h', 'F', 'φ', 'ψ'];

/** Index letters i j k ℓ. */
export const arbIndex: Arb = symbols('i', 'j', 'k', 'ℓ');
const arbParameter: Arb = symbols('t', 's');
const arbFunctionLetter: Arb = symbols(...FUNCTION_LETTERS);
const arbSmallInteger = fc.integer({ min: -4, max: 5 }).filter((n) => n !== 0 && n !== 1 && n !== -1);
/** Exponents of powers: small integers other than 0, ±1, or the symbol `k`. */
const arbExponent: Arb = fc.oneof(arbSmallInteger.map((n) => num(n)), fc.constant(sym('k')));
/** Nonzero coefficients: integers and simple fractions, either sign. */
const arbCoefficient = fc.oneof(
  arbSmallInteger.map((n) => rational(BigInt(n))),
  fc.tuple(fc.integer({ min: -3, max: 3 }).filter((n) => n !== 0), fc.integer({ min: 2, max: 5 }))
    .map(([n, d]) => rational(BigInt(n), BigInt(d))),
);

const leaves: Readonly<Record<Shape, Arb>> = {
  scalar: fc.oneof(
    symbols(...SCALARS),
    fc.tuple(symbols(...SQUARES), arbIndex, arbIndex).map(([m, i, j]) => entry(m, [i, j])),
    fc.tuple(symbols(...VECTORS), arbIndex).map(([v, i]) => entry(v, [i])),
    fc.tuple(arbIndex, arbIndex).map(([i, j]) => delta(i, j)),
  ),
  vector: fc.oneof({ arbitrary: symbols(...VECTORS), weight: 4 }, { arbitrary: arbIndex.map(basis), weight: 1 }),
  row: symbols(...VECTORS).map(transpose),
  square: fc.oneof({ arbitrary: symbols(...SQUARES), weight: 6 }, { arbitrary: fc.constant(identity()), weight: 1 }),
};

const cache = new Map<string, Arb>();

/** Terms of `shape` of depth at most `depth` (leaves have depth 0). */
export function arbOfShape(shape: Shape, depth: number): Arb {
  const key = `${shape}/${depth}`;
  let arb = cache.get(key);
  if (arb === undefined) {
    arb = depth <= 0 ? leaves[shape] : fc.oneof(
      { arbitrary: leaves[shape], weight: 2 },
      { arbitrary: compound(shape, depth - 1), weight: 5 },
    );
    cache.set(key, arb);
  }
  return arb;
}

function compound(shape: Shape, d: number): Arb {
  switch (shape) {
    case 'scalar': return fc.oneof(scalarAlgebra(d), scalarCalculus(d));
    case 'vector': return vectorCompound(d);
    case 'row': return rowCompound(d);
    case 'square': return fc.oneof(squareAlgebra(d), squareCalculus(d));
  }
}

const S = (d: number): Arb => arbOfShape('scalar', d);
const V = (d: number): Arb => arbOfShape('vector', d);
const R = (d: number): Arb => arbOfShape('row', d);
const Q = (d: number): Arb => arbOfShape('square', d);

/** Sums of two or three terms of one shape, scalar multiples, negations: shared by every shape. */
function linear(of: (d: number) => Arb, d: number): Arb {
  return fc.oneof(
    fc.array(of(d), { minLength: 2, maxLength: 3 }).map(add),
    fc.tuple(S(d), of(d)).map(([c, x]) => mul([c, x])),
    fc.tuple(arbCoefficient, of(d)).map(([c, x]) => scale(c, x)),
    of(d).map((x) => neg(x)),
  );
}

function scalarAlgebra(d: number): Arb {
  return fc.oneof(
    linear(S, d),
    fc.tuple(R(d), Q(d), V(d)).map(([r, m, v]) => mul([r, m, v])),
    fc.tuple(R(d), V(d)).map(([r, v]) => mul([r, v])),
    fc.tuple(fc.constantFrom('tr', 'det'), Q(d)).map(([f, m]) => fn(f, [m])),
    fc.tuple(fc.constantFrom('log', 'exp', 'sin', 'sqrt'), S(d)).map(([f, x]) => fn(f, [x])),
    fc.tuple(S(d), arbExponent).map(([x, e]) => power(x, e)),
    S(d).map(inverse),
    V(d).map((v) => norm(v)),
    Q(d).map((m) => norm(m, 'F')),
    fc.tuple(Q(d), arbIndex, arbIndex).map(([m, i, j]) => entry(m, [i, j])),
    fc.tuple(V(d), arbIndex).map(([v, i]) => entry(v, [i])),
  );
}

function scalarCalculus(d: number): Arb {
  return fc.oneof(
    fc.tuple(S(d), arbParameter).map(([x, p]) => partial(x, p)),
    fc.tuple(arbFunctionLetter, Q(d)).map(([f, m]) => apply(f, [m])),
    fc.tuple(arbFunctionLetter, Q(d), Q(d)).map(([f, m, h]) => frechet(f, m, h)),
    S(d).map((x) => at(x, sym('t'), num(0))),
    fc.tuple(arbIndex, V(d), V(d)).map(([k, a, b]) => sum(k, mul([entry(a, [k]), entry(b, [k])]))),
    S(d).map(littleO),
  );
}

function vectorCompound(d: number): Arb {
  return fc.oneof(
    linear(V, d),
    fc.tuple(Q(d), V(d)).map(([m, v]) => mul([m, v])),
    fc.tuple(V(d), V(d)).map(([x, y]) => hadamard([x, y])),
    fc.tuple(fc.constantFrom('exp', 'sin', 'log'), V(d)).map(([f, v]) => mapFn(f, v)),
    V(d).map((v) => hpow(v, num(2))),
    R(d).map(transpose),
    fc.tuple(symbols(...VECTORS), arbParameter).map(([v, p]) => apply(v, [p])),
    V(d).map(differential),
  );
}

function rowCompound(d: number): Arb {
  return fc.oneof(
    linear(R, d),
    V(d).map(transpose),
    fc.tuple(R(d), Q(d)).map(([r, m]) => mul([r, m])),
  );
}

function squareAlgebra(d: number): Arb {
  return fc.oneof(
    linear(Q, d),
    fc.array(Q(d), { minLength: 2, maxLength: 3 }).map((fs) => mul(fs)),
    Q(d).map(inverse),
    Q(d).map(transpose),
    fc.tuple(Q(d), arbExponent).map(([m, e]) => power(m, e)),
    fc.tuple(Q(d), Q(d)).map(([x, y]) => hadamard([x, y])),
    fc.tuple(Q(d), Q(d)).map(([x, y]) => hdiv(x, y)),
    Q(d).map((m) => hpow(m, num(2))),
    fc.tuple(fc.constantFrom('exp', 'sin'), Q(d)).map(([f, m]) => mapFn(f, m)),
    Q(d).map((m) => fn('exp', [m])),
    fc.tuple(V(d), R(d)).map(([v, r]) => mul([v, r])),
  );
}

function squareCalculus(d: number): Arb {
  return fc.oneof(
    Q(d).map(differential),
    fc.tuple(Q(d), arbParameter).map(([m, p]) => partial(m, p)),
    fc.tuple(symbols(...SQUARES), arbParameter).map(([m, p]) => apply(m, [p])),
    fc.tuple(S(d), symbols(...SQUARES)).map(([f, x]) => partial(f, x)),
    fc.tuple(arbFunctionLetter, Q(d), Q(d)).map(([f, m, h]) => frechet(f, m, h)),
    Q(d).map((m) => at(m, sym('t'), num(0))),
    Q(d).map(littleO),
  );
}

/** Scalar-valued terms (traces, quadratic forms `aᵀXb`, entries, deltas, norms, …). */
export const arbScalarTerm: Arb = arbOfShape('scalar', MAX_DEPTH);
/** Column vectors n×1. */
export const arbVectorTerm: Arb = arbOfShape('vector', MAX_DEPTH);
/** Row vectors 1×n. */
export const arbRowTerm: Arb = arbOfShape('row', MAX_DEPTH);
/** Square matrices n×n. */
export const arbMatrixTerm: Arb = arbOfShape('square', MAX_DEPTH);
/** Kronecker products of squares (n²×n²), kept apart because they change the size. */
export const arbKronTerm: Arb = fc.array(Q(MAX_DEPTH - 1), { minLength: 2, maxLength: 3 }).map(kron);

/** Any well-shaped term. */
export const arbTerm: Arb = fc.oneof(
  { arbitrary: arbScalarTerm, weight: 3 },
  { arbitrary: arbVectorTerm, weight: 2 },
  { arbitrary: arbRowTerm, weight: 1 },
  { arbitrary: arbMatrixTerm, weight: 3 },
  { arbitrary: arbKronTerm, weight: 1 },
);
