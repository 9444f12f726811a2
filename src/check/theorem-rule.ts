import type { Span } from '../diag/index.js';
import type { Rule } from '../rules/index.js';
import type { Term } from '../term/index.js';

/**
 * A proved theorem (or a `have`) as a rule for what follows: its equation,
 * usable in both directions, with NO metavariables — it rewrites exactly the
 * terms it is about, with the symbols as declared in its file. (Generalising
 * symbols into metavariables would also need the side conditions the proof
 * relied on — properties, and independence of parameters — as conditions;
 * until that is done, instances are exact, which is always sound.)
 */
export function equationRule(id: string, library: string, lhs: Term, rhs: Term, span: Span | null): Rule {
  return {
    id,
    library,
    lhs,
    rhs,
    vars: new Map(),
    conditions: [],
    tags: ['theorem'],
    forwardOnly: false,
    doc: null,
    span,
  };
}
