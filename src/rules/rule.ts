import type { Span } from '../diag/index.js';
import type { Sort } from '../match/sort.js';
import type { Term } from '../term/index.js';

/**
 * A validated rule: a named equation `lhs = rhs` between patterns, usable in
 * both directions, with side conditions. Built only by `compileRule`, which
 * guarantees: `id` is kebab-case and unique in its registry; every
 * metavariable of `rhs` and of the conditions occurs in `lhs` (and, for
 * rules usable backwards, every metavariable of `lhs` occurs in `rhs`, or the
 * rule is marked `forwardOnly`); both sides have the same shape for every
 * instantiation the sorts allow; every predicate is known.
 */
export type Rule = {
  readonly id: string;
  /** The library (rule file) or proof file that defines it: `core`, `inverse`, … */
  readonly library: string;
  readonly lhs: Term;
  readonly rhs: Term;
  /** Metavariables and their sorts; every other symbol in the rule is a constant. */
  readonly vars: ReadonlyMap<string, Sort>;
  readonly conditions: readonly SideCondition[];
  /** `simp`, … */
  readonly tags: readonly string[];
  /** True when `rhs` has metavariables `lhs` lacks, so the rule cannot be used right-to-left. */
  readonly forwardOnly: boolean;
  /** The one-line comment above the rule, if any. */
  readonly doc: string | null;
  readonly span: Span | null;
};

/** `invertible(A)`, `constant(A, t)`: a named predicate applied to pattern terms. */
export type SideCondition = { readonly predicate: string; readonly args: readonly Term[]; readonly span: Span | null };

/** Which way a rule is used: `lhs → rhs` (forward) or `rhs → lhs` (backward, written `←` in proofs). */
export type Direction = 'forward' | 'backward';
