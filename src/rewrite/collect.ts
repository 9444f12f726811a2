import { instantiate, matchPattern, type Sort, type Subst } from '../match/index.js';
import type { Direction, Rule } from '../rules/rule.js';
import * as c from '../term/index.js';
import { equalTerms, getAt, replaceAt, termKey, type Path, type Term } from '../term/index.js';
import { sidesOf } from './apply-rule.js';
import { checkConditions, sortTestFromFacts } from './conditions.js';
import type { DischargedCondition, RewriteOptions, Step } from './step.js';

/** The metavariable standing for the whole product or sum in a spread or collect template. */
export const HOLE = '⟨whole⟩';

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

const forms = new WeakMap<Rule, Map<Direction, CollectForm | null>>();

/** The rule's collect form in `direction`, or null (memoised). */
export function collectForm(rule: Rule, direction: Direction): CollectForm | null {
  let byDirection = forms.get(rule);
  if (byDirection === undefined) forms.set(rule, (byDirection = new Map()));
  let form = byDirection.get(direction);
  if (form === undefined) byDirection.set(direction, (form = findForm(rule, direction)));
  return form;
}

function findForm(rule: Rule, direction: Direction): CollectForm | null {
  const { from, to } = sidesOf(rule, direction);
  if (from.kind !== 'add' || from.terms.length !== 2) return null;
  const hole = sumHole(to, rule.vars);
  if (hole === null) return null;
  const [b, cName] = hole.names;
  const image = (name: string): Term => replaceAt(to, hole.path, c.sym(name))!;
  const [x, y] = from.terms as [Term, Term];
  const both = (p: Term, q: Term): boolean => equalTerms(x, p) && equalTerms(y, q);
  if (!both(image(b), image(cName)) && !both(image(cName), image(b))) return null;
  if (occurrences(from, b) !== 1 || occurrences(from, cName) !== 1) return null;
  return { template: image(HOLE), b, c: cName };
}

/** The path of the one sum `B + C` of two distinct metavariables in `to`, not at its root, each occurring only there. */
function sumHole(to: Term, vars: ReadonlyMap<string, Sort>): { path: Path; names: [string, string] } | null {
  const summable = (s: Sort | undefined): boolean => s === 'matrix' || s === 'square' || s === 'any' || s === 'scalar';
  for (const path of c.positions(to)) {
    const t = getAt(to, path)!;
    if (path.length === 0 || t.kind !== 'add' || t.terms.length !== 2) continue;
    const [x, y] = t.terms as [Term, Term];
    if (x.kind !== 'sym' || y.kind !== 'sym' || x.name === y.name || !summable(vars.get(x.name)) || !summable(vars.get(y.name))) continue;
    if (occurrences(to, x.name) === 1 && occurrences(to, y.name) === 1) return { path, names: [x.name, y.name] };
  }
  return null;
}

/** How many times symbol `name` occurs in `t`. */
export function occurrences(t: Term, name: string): number {
  return c.positions(t).filter((p) => { const u = getAt(t, p)!; return u.kind === 'sym' && u.name === name; }).length;
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
  const group = largestGroup(sum.terms, form, rule, options);
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
function largestGroup(summands: readonly Term[], form: CollectForm, rule: Rule, options: RewriteOptions): Group | null {
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

/** Each merge `B = B₁ + ⋯ + Bᵢ`, `C = Bᵢ₊₁`: sorts and side conditions; the first merge's substitution and every discharged condition, or null. */
function checkMerges(rule: Rule, form: CollectForm, context: Subst, values: readonly Term[], options: RewriteOptions): { first: Subst; discharged: DischargedCondition[] } | null {
  const fits = options.fitsSort ?? sortTestFromFacts(options.facts);
  const [sortB, sortC] = [rule.vars.get(form.b)!, rule.vars.get(form.c)!];
  // `matrix` and `any` accept every term, so an unconditioned rule needs no partial sum built (merging stays linear).
  const needsSoFar = rule.conditions.length > 0 || (sortB !== 'matrix' && sortB !== 'any');
  const discharged: DischargedCondition[] = [];
  let first: Subst | null = null;
  for (let i = 1; i < values.length; i++) {
    const soFar = needsSoFar || i === 1 ? c.add(values.slice(0, i)) : null;
    const subst = new Map(context).set(form.c, values[i]!);
    if (soFar !== null) subst.set(form.b, soFar);
    if (!fits(values[i]!, sortC) || (soFar !== null && !fits(soFar, sortB))) return null;
    const conditions = checkConditions(rule, subst, options.facts, options.predicates);
    if (!conditions.ok) return null;
    discharged.push(...conditions.discharged);
    first ??= subst;
  }
  return { first: first!, discharged };
}
