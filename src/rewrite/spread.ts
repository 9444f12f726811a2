import { instantiate, matchPattern, type Subst } from '../match/index.js';
import type { Direction, Rule } from '../rules/rule.js';
import * as c from '../term/index.js';
import { equalTerms, getAt, replaceAt, type Path, type Term } from '../term/index.js';
import { sidesOf } from './apply-rule.js';
import { collectStep } from './collect.js';
import { binaryHole, checkInstances, HOLE, mustBind, perRuleDirection } from './rule-form.js';
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

/** The rule's spread form in `direction`, or null when it has none (memoised). */
export const spreadForm = perRuleDirection(findForm);

function findForm(rule: Rule, direction: Direction): SpreadForm | null {
  const { from, to } = sidesOf(rule, direction);
  const hole = binaryHole(from, rule.vars, 'mul', ['matrix', 'square', 'any']);
  if (hole === null || to.kind !== 'mul' || to.factors.length !== 2 || !c.isOne(to.coeff)) return null;
  const [a, b] = hole.names;
  const image = (name: string): Term => replaceAt(from, hole.path, c.sym(name))!;
  const [first, second] = to.factors as [Term, Term];
  const reversed = equalTerms(first, image(b)) && equalTerms(second, image(a));
  if (!reversed && !(equalTerms(first, image(a)) && equalTerms(second, image(b)))) return null;
  return { context: replaceAt(from, hole.path, c.sym(HOLE))!, ofA: image(a), a, b, reversed };
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

/** Each peel `A = fᵢ`, `B = fᵢ₊₁⋯fₙ`, checked (`checkInstances`); `B` is built only where it must be. */
function checkPeels(rule: Rule, form: SpreadForm, context: Subst, factors: readonly Term[], options: RewriteOptions): { first: Subst; discharged: DischargedCondition[] } | null {
  const bindRest = mustBind(rule, form.b);
  function* peels(): Generator<Subst> {
    for (let i = 0; i + 1 < factors.length; i++) {
      const subst = new Map(context).set(form.a, factors[i]!);
      subst.delete(HOLE);
      if (bindRest || i === 0) subst.set(form.b, c.mul(factors.slice(i + 1), options.facts.isScalar));
      yield subst;
    }
  }
  return checkInstances(rule, peels(), options);
}
