import { instantiate, matchPattern, type Subst } from '../match/index.js';
import type { Direction, Rule } from '../rules/rule.js';
import * as c from '../term/index.js';
import { equalTerms, getAt, replaceAt, termKey, type Path, type Term } from '../term/index.js';
import { sidesOf } from './apply-rule.js';
import { binaryHole, checkInstances, HOLE, mustBind, occurrences, perRuleDirection } from './rule-form.js';
import type { DischargedCondition, RewriteOptions, Step } from './step.js';

/**
 * A rule whose matched side is `F(B) + F(C)` and whose other side is
 * `F(B + C)` (`trace-merge`: `tr(A B) + tr(A C) = tr(A (B + C))`; `trace-of-sum`
 * used backwards), with `B`, `C` metavariables occurring nowhere else, holds
 * for any two summands of that form. By induction it gives
 * `F(B₁) + ⋯ + F(Bₙ) = F(B₁ + ⋯ + Bₙ)` in one step: merge `F(B₁) + F(B₂)`,
 * then that with `F(B₃)`, and so on, each merge checked for its sorts and
 * side conditions. The summands collected are those whose other
 * metavariables (`A`) bind alike. One step instead of n − 1, each of which
 * would build the growing `F(B₁ + ⋯ + Bᵢ)` anew.
 */
export type CollectForm = {
  /** `F(HOLE)`: each collected summand, and the result with `HOLE` the sum. */
  readonly template: Term;
  readonly b: string;
  readonly c: string;
};

/** The rule's collect form in `direction`, or null (memoised). */
export const collectForm = perRuleDirection(findForm);

function findForm(rule: Rule, direction: Direction): CollectForm | null {
  const { from, to } = sidesOf(rule, direction);
  if (from.kind !== 'add' || from.terms.length !== 2) return null;
  const hole = binaryHole(to, rule.vars, 'add', ['matrix', 'square', 'any', 'scalar']);
  if (hole === null) return null;
  const [b, cName] = hole.names;
  const image = (name: string): Term => replaceAt(to, hole.path, c.sym(name))!;
  const [x, y] = from.terms as [Term, Term];
  const both = (p: Term, q: Term): boolean => equalTerms(x, p) && equalTerms(y, q);
  if (!both(image(b), image(cName)) && !both(image(cName), image(b))) return null;
  if (occurrences(from, b) !== 1 || occurrences(from, cName) !== 1) return null;
  return { template: image(HOLE), b, c: cName };
}

/**
 * The collect step of `rule` at `path` (see `CollectForm`): applies to a sum
 * with three or more summands of the form `F(Bᵢ)` whose other metavariables
 * bind alike — the first such group, in summand order — when every merge fits
 * the sorts and meets the side conditions. Its `subst` is the first merge's;
 * `spread` is the number of summands collected. Null when it does not apply.
 */
export function collectStep(term: Term, path: Path, rule: Rule, direction: Direction, options: RewriteOptions): Step | null {
  const form = collectForm(rule, direction);
  const sum = getAt(term, path);
  if (form === null || sum?.kind !== 'add' || sum.terms.length < 3) return null;
  const group = firstGroup(sum.terms, form, rule, options);
  if (group === null) return null;
  const merges = checkMerges(rule, form, group.context, group.values, options);
  if (merges === null) return null;
  const isScalar = options.facts.isScalar;
  const collected = instantiate(form.template, new Map(group.context).set(HOLE, c.add(group.values)), isScalar);
  const after = replaceAt(term, path, c.replaceSummands(sum, group.indices, collected), isScalar)!;
  return { ruleId: rule.id, direction, path, subst: merges.first, conditions: merges.discharged, before: term, after, spread: group.indices.length };
}

type Group = { context: Subst; indices: number[]; values: Term[] };

/** The summands of the form `F(Bᵢ)` grouped by how the other metavariables bind; the first group of three or more. */
function firstGroup(summands: readonly Term[], form: CollectForm, rule: Rule, options: RewriteOptions): Group | null {
  const vars = new Map(rule.vars).set(HOLE, 'any');
  const groups = new Map<string, Group>();
  summands.forEach((s, i) => {
    const match = matchPattern(form.template, vars, s, { fitsSort: () => true, isScalar: options.facts.isScalar, maxMatches: 1 })[0];
    if (match === undefined || match.part !== undefined) return;
    const context = new Map([...match.subst].filter(([name]) => name !== HOLE));
    const key = [...context].map(([name, v]) => `${name}=${termKey(v)}`).sort().join(';');
    const group = groups.get(key) ?? { context, indices: [], values: [] };
    group.indices.push(i);
    group.values.push(match.subst.get(HOLE)!);
    groups.set(key, group);
  });
  return [...groups.values()].find((g) => g.indices.length >= 3) ?? null;
}

/** Each merge `B = B₁ + ⋯ + Bᵢ`, `C = Bᵢ₊₁`, checked (`checkInstances`); the partial sum is built only where it must be. */
function checkMerges(rule: Rule, form: CollectForm, context: Subst, values: readonly Term[], options: RewriteOptions): { first: Subst; discharged: DischargedCondition[] } | null {
  const bindSoFar = mustBind(rule, form.b);
  function* merges(): Generator<Subst> {
    for (let i = 1; i < values.length; i++) {
      const subst = new Map(context).set(form.c, values[i]!);
      if (bindSoFar || i === 1) subst.set(form.b, c.add(values.slice(0, i)));
      yield subst;
    }
  }
  return checkInstances(rule, merges(), options);
}
