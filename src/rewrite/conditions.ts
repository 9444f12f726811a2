import { instantiate, type Sort, type SortTest, type Subst } from '../match/index.js';
import type { Facts, Predicate } from '../rules/facts.js';
import type { Rule } from '../rules/rule.js';
import type { Term } from '../term/index.js';
import type { DischargedCondition } from './step.js';

/** The outcome of checking a rule's side conditions under one substitution. */
export type ConditionsOutcome =
  | { readonly ok: true; readonly discharged: readonly DischargedCondition[] }
  | { readonly ok: false; readonly condition: { readonly predicate: string; readonly args: readonly Term[] }; readonly explanation: string };

/**
 * Decides each side condition of `rule`, in order, on its arguments
 * instantiated with `subst`; stops at the first that fails. An unknown
 * predicate fails (rules are validated on load, so this is a safety net).
 * Invariant: only `Predicate.decide` is consulted — never numeric evaluation.
 */
export function checkConditions(
  rule: Rule, subst: Subst, facts: Facts, predicates: ReadonlyMap<string, Predicate>,
): ConditionsOutcome {
  const discharged: DischargedCondition[] = [];
  for (const c of rule.conditions) {
    const args = c.args.map((a) => instantiate(a, subst, facts.isScalar));
    const predicate = predicates.get(c.predicate);
    if (predicate === undefined) {
      return { ok: false, condition: { predicate: c.predicate, args }, explanation: `unknown predicate "${c.predicate}"` };
    }
    const verdict = predicate.decide(args, facts);
    if (!verdict.holds) return { ok: false, condition: { predicate: c.predicate, args }, explanation: verdict.reason };
    discharged.push({ predicate: c.predicate, args, by: verdict.by });
  }
  return { ok: true, discharged };
}

/**
 * The default sort test, from the goal's facts: `scalar` needs `isScalar`,
 * `square` needs `isSquare`, `index` a symbol; `vector`, `matrix` and `any`
 * accept every term (the facts carry no finer shape information).
 */
export function sortTestFromFacts(facts: Facts): SortTest {
  return (t: Term, sort: Sort): boolean => {
    switch (sort) {
      case 'scalar': return facts.isScalar(t);
      case 'square': return facts.isSquare(t);
      case 'vector': return facts.isVector(t);
      case 'index': return t.kind === 'sym';
      default: return true;
    }
  };
}
