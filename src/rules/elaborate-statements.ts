import type { Diagnostic, SpanTable } from '../diag/index.js';
import { elaborate, type ElaborateOptions, type Elaboration } from '../shape/index.js';
import { termKey, type Declaration, type Signature, type Statement, type Term } from '../term/index.js';
import type { Facts } from './facts.js';
import { factsOf } from './facts-of.js';

/** Statements of one context (a theorem and its proof) shaped together, canonical, with the facts their side conditions may ask. */
export type ElaboratedStatements = {
  /** The same statements, in the same order, with every term canonical. */
  readonly statements: readonly Statement[];
  readonly facts: Facts;
  readonly elaboration: Elaboration;
  readonly diagnostics: readonly Diagnostic[];
};

/** How to elaborate: the printer for messages, and the terms meant to be equal (see `ElaborateOptions.sameShape`). */
export type StatementsOptions = Pick<ElaborateOptions, 'describe' | 'sameShape'>;

/**
 * Elaborates several statements as one formula, so one symbol has one shape
 * across all of them (the lines of a proof share their dimensions), under
 * `declarations`. The scalar, square and vector tests are memoised (see
 * `memoised`): rewriting asks them about many new terms, and each answer for
 * a new term costs an inference.
 */
export function elaborateStatements(
  statements: readonly Statement[],
  spans: SpanTable,
  declarations: readonly (Declaration | Signature)[],
  options: StatementsOptions = {},
): ElaboratedStatements {
  const elaboration = elaborate({ statements }, spans, { declarations, ...options });
  const facts = memoised(factsOf(elaboration), elaboration);
  return { statements: elaboration.formula.statements, facts, elaboration, diagnostics: elaboration.diagnostics };
}

/**
 * Shape questions about a term whose object already has a shape are answered
 * directly; others are memoised by key (rewritten terms are new objects, often
 * equal to ones asked before).
 */
function memoised(facts: Facts, elaboration: Elaboration): Facts {
  const scalar = new Map<string, boolean>();
  const square = new Map<string, boolean>();
  const vector = new Map<string, boolean>();
  const remember = (cache: Map<string, boolean>, test: (t: Term) => boolean) => (t: Term): boolean => {
    if (elaboration.shapeKnown(t)) return test(t);
    const key = termKey(t);
    let known = cache.get(key);
    if (known === undefined) cache.set(key, (known = test(t)));
    return known;
  };
  const rememberScalar = remember(scalar, facts.isScalar);
  return {
    ...facts,
    isScalar: (t) => !elaboration.clearlyNotScalar(t) && (elaboration.quickScalar(t) ?? rememberScalar(t)),
    isSquare: remember(square, facts.isSquare),
    isVector: remember(vector, facts.isVector),
  };
}
