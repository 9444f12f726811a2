import type { Rational } from './rational.js';

/**
 * The term language of Leibniz: plain immutable data, one variant per
 * mathematical construct. Concrete syntax (parentheses, spacing, notation) and
 * source positions are never part of a term; they live in `parse` and `print`.
 *
 * Terms built by `construct.ts` are in canonical form (see `canonical.ts`):
 * that form is the only notion of "the same term" the checker has.
 */
export type Term =
  | Num
  | Sym
  | Identity
  | Add
  | Mul
  | Transpose
  | Inverse
  | Power
  | Fn
  | MapFn
  | Hadamard
  | Kron
  | HadamardDiv
  | HadamardPow
  | Partial
  | Differential
  | Frechet
  | At
  | Entry
  | Delta
  | Basis
  | Sum
  | LittleO
  | Apply
  | Norm
  | Tuple;

/** A numeric literal, exact. */
export type Num = { readonly kind: 'num'; readonly value: Rational };
/** A named symbol: a matrix, vector, scalar, index or function name (`X`, `a`, `t`, `i`, `f`, `φ`). */
export type Sym = { readonly kind: 'sym'; readonly name: string };
/** The identity matrix `I`, of whatever square size its context needs. */
export type Identity = { readonly kind: 'identity' };
/** A sum of at least two summands. Invariant (canonical): no summand is an `add`; summands sorted by `termKey`; at most one `num`, never zero. */
export type Add = { readonly kind: 'add'; readonly terms: readonly Term[] };
/**
 * A product `coeff · f₁ f₂ … fₖ`. Order of `factors` is significant (matrix
 * products do not commute). Invariant (canonical): `coeff ≠ 0`; no factor is a
 * `num`; scalar factors come first, sorted by key; a nested `mul` appears only
 * as a scalar-valued unit (like `(aᵀb)` in `(aᵀb) Y`) with coefficient 1; and
 * either `coeff ≠ 1` or there are at least two factors.
 */
export type Mul = { readonly kind: 'mul'; readonly coeff: Rational; readonly factors: readonly Term[] };
/** `Aᵀ`. */
export type Transpose = { readonly kind: 'transpose'; readonly arg: Term };
/** `A⁻¹`; for a scalar, its reciprocal. `X⁻ᵀ` is `transpose(inverse(X))`. */
export type Inverse = { readonly kind: 'inverse'; readonly arg: Term };
/** `Aᵏ` for an exponent other than −1 (which is `inverse`). */
export type Power = { readonly kind: 'power'; readonly base: Term; readonly exponent: Term };
/** A named function applied to arguments: `tr`, `det`, `log`, `exp`, `sin`, … (see `functions.ts`). */
export type Fn = { readonly kind: 'fn'; readonly name: string; readonly args: readonly Term[] };
/** An element-wise function `exp.(X)`. */
export type MapFn = { readonly kind: 'map'; readonly name: string; readonly arg: Term };
/** `A ⊙ B ⊙ …`, flattened, order kept. */
export type Hadamard = { readonly kind: 'hadamard'; readonly factors: readonly Term[] };
/** `A ⊗ B ⊗ …`, flattened, order kept. */
export type Kron = { readonly kind: 'kron'; readonly factors: readonly Term[] };
/** Element-wise division `A ./ B`. */
export type HadamardDiv = { readonly kind: 'hdiv'; readonly num: Term; readonly den: Term };
/** Element-wise power `A .^ k`. */
export type HadamardPow = { readonly kind: 'hpow'; readonly base: Term; readonly exponent: Term };
/** `∂body/∂wrt`. */
export type Partial = { readonly kind: 'partial'; readonly body: Term; readonly wrt: Term };
/** The differential `d(arg)`, written `dX` for a symbol. */
export type Differential = { readonly kind: 'd'; readonly arg: Term };
/** The Fréchet derivative of `fn` at `at`, applied to `dir` (`f′(X)·H`), or the linear map itself (`f′(X)`) when `dir` is null. */
export type Frechet = { readonly kind: 'frechet'; readonly fn: Term; readonly at: Term; readonly dir: Term | null };
/** `body|_{variable = value}`. */
export type At = { readonly kind: 'at'; readonly body: Term; readonly variable: Term; readonly value: Term };
/** An entry `(body)_{i j}` (one index for a vector or a row vector). */
export type Entry = { readonly kind: 'entry'; readonly body: Term; readonly indices: readonly Term[] };
/** The Kronecker delta `δᵢⱼ`. */
export type Delta = { readonly kind: 'delta'; readonly i: Term; readonly j: Term };
/** The standard basis vector `eᵢ`. The basis matrix `e_{ij}` (`E_{ij}`) is read as `eᵢeⱼᵀ`. */
export type Basis = { readonly kind: 'basis'; readonly index: Term };
/** An explicit sum `Σ_index body`. Repeated indices in a product are summed implicitly (Einstein) without a `sum` node. */
export type Sum = { readonly kind: 'sum'; readonly index: Term; readonly body: Term };
/** Little-o `o(arg)`. */
export type LittleO = { readonly kind: 'o'; readonly arg: Term };
/** Application of a function symbol or of a parameter-dependent symbol: `f(X)`, `X(t)`, `F(A + t e_{ij})`. */
export type Apply = { readonly kind: 'apply'; readonly fn: Term; readonly args: readonly Term[] };
/** A norm `‖arg‖`, or `‖arg‖_F` (Frobenius) when `sub` is `'F'`. */
export type Norm = { readonly kind: 'norm'; readonly arg: Term; readonly sub: string | null };
/** A tuple `(i, j)`, as in "the entry in position (i, j)". */
export type Tuple = { readonly kind: 'tuple'; readonly items: readonly Term[] };

export type TermKind = Term['kind'];

/** Narrows a term to one variant. */
export type TermOf<K extends TermKind> = Extract<Term, { kind: K }>;

/** For exhaustive `switch (t.kind)`: a programmer error if reached. */
export function assertNever(x: never): never {
  throw new Error(`unexpected variant: ${JSON.stringify(x)}`);
}
