import type { Diagnostic, SpanTable } from '../diag/index.js';
import { elaborate, type Elaboration } from '../shape/index.js';
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

/**
 * Elaborates several statements as one formula, so one symbol has one shape
 * across all of them (the lines of a proof share their dimensions), under
 * `declarations`. The scalar test and squareness are memoised by term key:
 * rewriting asks them about many new terms, and each answer costs an
 * inference.
 */
export function elaborateStatements(
  statements: readonly Statement[],
  spans: SpanTable,
  declarations: readonly (Declaration | Signature)[],
  describe?: (t: Term) => string,
): ElaboratedStatements {
  const elaboration = elaborate({ statements }, spans, { declarations, ...(describe ? { describe } : {}) });
  const facts = memoised(factsOf(elaboration));
  return { statements: elaboration.formula.statements, facts, elaboration, diagnostics: elaboration.diagnostics };
}

function memoised(facts: Facts): Facts {
  const scalar = new Map<string, boolean>();
  const square = new Map<string, boolean>();
  const vector = new Map<string, boolean>();
  const remember = (cache: Map<string, boolean>, test: (t: Term) => boolean) => (t: Term): boolean => {
    const key = termKey(t);
    let known = cache.get(key);
    if (known === undefined) cache.set(key, (known = test(t)));
    return known;
  };
  return {
    ...facts,
    isScalar: remember(scalar, facts.isScalar),
    isSquare: remember(square, facts.isSquare),
    isVector: remember(vector, facts.isVector),
  };
}
