import { instantiate, matchPattern, type Sort, type Subst } from '../match/index.js';
import type { Direction, Rule } from '../rules/rule.js';
import * as c from '../term/index.js';
import { equalTerms, getAt, replaceAt, type Path, type Term } from '../term/index.js';
import { sidesOf } from './apply-rule.js';
import { collectStep, HOLE, occurrences } from './collect.js';
import { checkConditions, sortTestFromFacts } from './conditions.js';
import type { DischargedCondition, RewriteOptions, Step } from './step.js';

/**
 * A rule whose matched side is `F(A B)` and whose other side is
 * `F(B) F(A)` (`transpose-of-product`, `inverse-of-product`) or `F(A) F(B)`
 * (`at-product`) — with `F` a context around the product and `A`, `B`
 * metavariables that occur nowhere else in `F` — holds for every split of a
 * product into `A B`. By induction on the number of factors it then gives
 * `F(A₁⋯Aₙ) = F(Aₙ)⋯F(A₁)` (or `F(A₁)⋯F(Aₙ)`) in one step: peel `A₁` off
 * with the rule (`A = A₁`, `B = A₂⋯Aₙ`), then `A₂` off `F(A₂⋯Aₙ)`, and so on.
 * The step checks each peel's sorts and side conditions, so it is exactly the
 * n − 1 binary steps taken at once: a person writes `(ABC)ᵀ = CᵀBᵀAᵀ` as one
 * line, and pushing a transpose through n factors costs one step, not n − 1.
 */
export type SpreadForm = {
  /** The matched side with the product `A B` replaced by the metavariable `HOLE`. */
  readonly context: Term;
  /** The other side's two factors: `F(A)` and `F(B)` as patterns. */
  readonly ofA: Term;
  readonly a: string;
  readonly b: string;
  /** True for `F(B) F(A)` (the factors' images come in reverse order). */
  readonly reversed: boolean;
};


const forms = new WeakMap<Rule, Map<Direction, SpreadForm | null>>();

/** The rule's spread form in `direction`, or null when it has none (memoised). */
export function spreadForm(rule: Rule, direction: Direction): SpreadForm | null {
  let byDirection = forms.get(rule);
  if (byDirection === undefined) forms.set(rule, (byDirection = new Map()));
  let form = byDirection.get(direction);
  if (form === undefined) byDirection.set(direction, (form = findForm(rule, direction)));
  return form;
}

function findForm(rule: Rule, direction: Direction): SpreadForm | null {
  const { from, to } = sidesOf(rule, direction);
  const hole = productHole(from, rule.vars);
  if (hole === null || to.kind !== 'mul' || to.factors.length !== 2 || !c.isOne(to.coeff)) return null;
  const [a, b] = hole.names;
  const image = (name: string): Term => replaceAt(from, hole.path, c.sym(name))!;
  const [first, second] = to.factors as [Term, Term];
  const reversed = equalTerms(first, image(b)) && equalTerms(second, image(a));
  if (!reversed && !(equalTerms(first, image(a)) && equalTerms(second, image(b)))) return null;
  return { context: replaceAt(from, hole.path, c.sym(HOLE))!, ofA: image(a), a, b, reversed };
}

/** The path of the one product `A B` of two distinct matrix metavariables in `from`, not at its root, each occurring only there. */
function productHole(from: Term, vars: ReadonlyMap<string, Sort>): { path: Path; names: [string, string] } | null {
  const spreadable = (s: Sort | undefined): boolean => s === 'matrix' || s === 'square' || s === 'any';
  for (const path of c.positions(from)) {
    const t = getAt(from, path)!;
    if (path.length === 0 || t.kind !== 'mul' || t.factors.length !== 2 || !c.isOne(t.coeff)) continue;
    const [x, y] = t.factors as [Term, Term];
    if (x.kind !== 'sym' || y.kind !== 'sym' || x.name === y.name || !spreadable(vars.get(x.name)) || !spreadable(vars.get(y.name))) continue;
    if (occurrences(from, x.name) === 1 && occurrences(from, y.name) === 1) return { path, names: [x.name, y.name] };
  }
  return null;
}

/**
 * The rule taken through a whole product or sum at `path` in one step: the
 * spread step (`SpreadForm`) or the collect step (`CollectForm`, in
 * collect.ts), or null when neither applies. Kernel steps like any other:
 * the checker accepts a line they reach, and search may take them.
 */
export function spreadStep(term: Term, path: Path, rule: Rule, direction: Direction, options: RewriteOptions): Step | null {
  return productSpreadStep(term, path, rule, direction, options) ?? collectStep(term, path, rule, direction, options);
}

/**
 * The spread step of `rule` at `path` (see `SpreadForm`): applies when the
 * subterm there is `F(P)` with `P` a product of three or more factors, none
 * of them scalar, coefficient 1, and every peel fits the sorts and meets the
 * side conditions. The step's `subst` is the first peel's; `spread` is the
 * number of factors. Null when it does not apply.
 */
function productSpreadStep(term: Term, path: Path, rule: Rule, direction: Direction, options: RewriteOptions): Step | null {
  const form = spreadForm(rule, direction);
  const sub = getAt(term, path);
  if (form === null || sub === undefined) return null;
  const isScalar = options.facts.isScalar;
  const vars = new Map(rule.vars).set(HOLE, 'any');
  const match = matchPattern(form.context, vars, sub, { fitsSort: () => true, isScalar, maxMatches: 1 })[0];
  const product = match?.part === undefined ? match?.subst.get(HOLE) : undefined;
  if (match === undefined || product?.kind !== 'mul' || product.factors.length < 3 || !c.isOne(product.coeff) || product.factors.some(isScalar)) return null;
  const peels = checkPeels(rule, form, match.subst, product.factors, options);
  if (peels === null) return null;
  const images = product.factors.map((f) => instantiate(form.ofA, new Map(match.subst).set(form.a, f), isScalar));
  const replacement = c.mul(form.reversed ? images.reverse() : images, isScalar);
  return {
    ruleId: rule.id, direction, path, subst: peels.first, conditions: peels.discharged,
    before: term, after: replaceAt(term, path, replacement, isScalar)!, spread: product.factors.length,
  };
}

/** Each peel `A = fᵢ`, `B = fᵢ₊₁⋯fₙ`: sorts and side conditions; the first peel's substitution and every discharged condition, or null. */
function checkPeels(rule: Rule, form: SpreadForm, context: Subst, factors: readonly Term[], options: RewriteOptions): { first: Subst; discharged: DischargedCondition[] } | null {
  const fits = options.fitsSort ?? sortTestFromFacts(options.facts);
  const [sortA, sortB] = [rule.vars.get(form.a)!, rule.vars.get(form.b)!];
  // `matrix` and `any` accept every term, so an unconditioned rule needs no `B` built (peeling stays linear).
  const needsRest = rule.conditions.length > 0 || (sortB !== 'matrix' && sortB !== 'any');
  const discharged: DischargedCondition[] = [];
  let first: Subst | null = null;
  for (let i = 0; i + 1 < factors.length; i++) {
    const rest = needsRest || i === 0 ? c.mul(factors.slice(i + 1), options.facts.isScalar) : null;
    const subst = new Map(context).set(form.a, factors[i]!);
    if (rest !== null) subst.set(form.b, rest);
    subst.delete(HOLE);
    if (!fits(factors[i]!, sortA) || (rest !== null && !fits(rest, sortB))) return null;
    const conditions = checkConditions(rule, subst, options.facts, options.predicates);
    if (!conditions.ok) return null;
    discharged.push(...conditions.discharged);
    first ??= subst;
  }
  return { first: first!, discharged };
}
