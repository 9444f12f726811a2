import type { Term } from '../term/index.js';

/**
 * What side conditions may ask about the terms of a goal, answered from its
 * declarations and shapes (never numerically). Built by the caller from an
 * `Elaboration` (see `src/shape`); the kernel only reads it.
 */
export type Facts = {
  /** Is `t` scalar-valued? (The same test that fixes canonical products.) */
  readonly isScalar: (t: Term) => boolean;
  /** Is `t` a square matrix (or a scalar)? */
  readonly isSquare: (t: Term) => boolean;
  /** Is `t` a column vector (one column, known to be 1 — a scalar counts)? */
  readonly isVector: (t: Term) => boolean;
  /** Was `t` — a symbol, or an application `X(t)` of one — declared with `property` (`invertible`, `symmetric`, …)? */
  readonly hasProperty: (t: Term, property: string) => boolean;
  /** Was the symbol `name` declared (in the file, by `--let`, or as an entry index of `proof entrywise i j`)? */
  readonly isDeclared: (name: string) => boolean;
  /** Do `a` and `b` have the same, fully known shape? */
  readonly sameShape: (a: Term, b: Term) => boolean;
  /** Does `t` depend on the parameter `p` (by declaration `X(t) ∈ …`, or by containing `p`)? */
  readonly dependsOn: (t: Term, p: string) => boolean;
  /**
   * The symbols `d` differentiates by: `['X']` in a `proof differential X`,
   * where every other symbol is fixed. Absent, every symbol may vary (only a
   * term without symbols is fixed).
   */
  readonly varying?: readonly string[];
  /**
   * `made`, built by a rewrite from `old`, in the canonical form a line
   * written in place of `old` reads as (a rule's sides have one shape, so
   * `0` put where a matrix was is the zero matrix), its shapes remembered for
   * later questions. Absent, a rewrite's result is canonical by the shapes of
   * its new parts alone.
   */
  readonly readInPlace?: (made: Term, old: Term) => Term;
};

/** How a side condition was decided: `by` names the evidence (`declaration`, `shape`, `structure`, …). */
export type Verdict = { readonly holds: true; readonly by: string } | { readonly holds: false; readonly reason: string };

/** A named side-condition predicate, with its documentation. */
export type Predicate = {
  readonly name: string;
  readonly arity: number;
  /** One sentence: what it means and how it is decided. */
  readonly doc: string;
  readonly decide: (args: readonly Term[], facts: Facts) => Verdict;
};
