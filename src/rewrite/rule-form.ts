import type { Sort, Subst } from '../match/index.js';
import type { Direction, Rule } from '../rules/rule.js';
import * as c from '../term/index.js';
import { getAt, type Path, type Term } from '../term/index.js';
import { checkConditions, sortTestFromFacts } from './conditions.js';
import type { DischargedCondition, RewriteOptions } from './step.js';

/**
 * What the spread and collect steps read off a rule's sides: memoised per
 * rule and direction, and the one binary node `A B` or `B + C` of two
 * distinct metavariables that they generalise to n operands.
 */

/** The metavariable standing for the whole product or sum in a spread or collect template. */
export const HOLE = '⟨whole⟩';

/** `find` memoised per rule object and direction (rules are immutable). */
export function perRuleDirection<T>(find: (rule: Rule, direction: Direction) => T | null): (rule: Rule, direction: Direction) => T | null {
  const forms = new WeakMap<Rule, Map<Direction, T | null>>();
  return (rule, direction) => {
    let byDirection = forms.get(rule);
    if (byDirection === undefined) forms.set(rule, (byDirection = new Map()));
    let form = byDirection.get(direction);
    if (form === undefined) byDirection.set(direction, (form = find(rule, direction)));
    return form;
  };
}

/** A binary node of `side`, not at its root, of two distinct metavariables each occurring only there: its path and the two names. */
export type Hole = { readonly path: Path; readonly names: [string, string] };

/**
 * The first node of `side` that is a coefficient-1 product of two factors
 * (`kind` `mul`) or a sum of two summands (`add`), each a metavariable whose
 * sort `allowed` accepts, distinct, and occurring nowhere else in `side`.
 */
export function binaryHole(side: Term, vars: ReadonlyMap<string, Sort>, kind: 'mul' | 'add', allowed: readonly Sort[]): Hole | null {
  const fits = (u: Term): u is Term & { kind: 'sym'; name: string } => u.kind === 'sym' && allowed.includes(vars.get(u.name)!);
  for (const path of c.positions(side)) {
    const t = getAt(side, path)!;
    const operands = t.kind === 'mul' && kind === 'mul' && c.isOne(t.coeff) ? t.factors : t.kind === 'add' && kind === 'add' ? t.terms : null;
    if (path.length === 0 || operands?.length !== 2) continue;
    const [x, y] = operands as [Term, Term];
    if (!fits(x) || !fits(y) || x.name === y.name) continue;
    if (occurrences(side, x.name) === 1 && occurrences(side, y.name) === 1) return { path, names: [x.name, y.name] };
  }
  return null;
}

/** How many times symbol `name` occurs in `t`. */
export function occurrences(t: Term, name: string): number {
  return c.positions(t).filter((p) => { const u = getAt(t, p)!; return u.kind === 'sym' && u.name === name; }).length;
}

/**
 * Checks the instances of `rule` a spread or collect step stands for: in
 * each, every bound metavariable of the rule fits its sort and the side
 * conditions hold. The first instance (the step's `subst`) and every
 * discharged condition; null when one instance fails, or there is none.
 * `instances` may leave out a metavariable whose sort accepts every term and
 * that no condition mentions (so peeling need not build each rest).
 */
export function checkInstances(rule: Rule, instances: Iterable<Subst>, options: RewriteOptions): { first: Subst; discharged: DischargedCondition[] } | null {
  const fits = options.fitsSort ?? sortTestFromFacts(options.facts);
  const discharged: DischargedCondition[] = [];
  let first: Subst | null = null;
  for (const subst of instances) {
    for (const [name, value] of subst) {
      const sort = rule.vars.get(name);
      if (sort !== undefined && !fits(value, sort)) return null;
    }
    const conditions = checkConditions(rule, subst, options.facts, options.predicates);
    if (!conditions.ok) return null;
    discharged.push(...conditions.discharged);
    first ??= subst;
  }
  return first === null ? null : { first, discharged };
}

/** Whether instances must bind `name`: its sort does not accept every term, or a side condition may mention it. */
export const mustBind = (rule: Rule, name: string): boolean =>
  rule.conditions.length > 0 || !['matrix', 'any'].includes(rule.vars.get(name)!);
