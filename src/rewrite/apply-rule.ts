import { instantiate, matchPattern, matchWith, type Match, type Subst } from '../match/index.js';
import type { Direction, Rule } from '../rules/rule.js';
import { getAt, isZero, positions, someNode, unsharedCopy, type Path, type Term } from '../term/index.js';
import { closestSubterms } from './closest.js';
import { headOf, symbolsIn } from './head.js';
import { checkConditions, sortTestFromFacts, type ConditionsOutcome } from './conditions.js';
import { replacePart } from './replace.js';
import type { ApplyOptions, RewriteOptions, RewriteOutcome, Step } from './step.js';

/** The side a rule is read from and the side it writes, for a direction. */
export function sidesOf(rule: Rule, direction: Direction): { from: Term; to: Term } {
  return direction === 'forward' ? { from: rule.lhs, to: rule.rhs } : { from: rule.rhs, to: rule.lhs };
}

/**
 * Applies `rule` once to `term`: at `options.path` if given, else at the first
 * position in pre-order where it matches and its side conditions hold.
 * Among several matches it takes the `occurrence`-th applicable one (default 0).
 * A match whose conditions fail is skipped; if no match is applicable the
 * first failing condition is reported, and if nothing matched, `no-match`
 * with the closest subterms.
 * Invariant: an `ok` outcome's step satisfies the `Step` invariant, and every
 * side condition of the rule is in `step.conditions`.
 */
export function applyRule(term: Term, rule: Rule, options: ApplyOptions): RewriteOutcome {
  const direction = options.direction ?? 'forward';
  if (direction === 'backward' && rule.forwardOnly) return { ok: false, reason: 'forward-only' };
  const { from } = sidesOf(rule, direction);
  const unbound = unboundVariables(rule, direction);
  if (unbound.length > 0) {
    return direction === 'backward' ? { ok: false, reason: 'forward-only' } : { ok: false, reason: 'unbound-variables', variables: unbound };
  }
  if (options.path !== undefined && getAt(term, options.path) === undefined) {
    return { ok: false, reason: 'bad-path', path: options.path };
  }
  const paths = options.path !== undefined ? [options.path] : positions(term);
  let skip = options.occurrence ?? 0;
  let failure: RewriteOutcome | undefined;
  const head = headOf(from, rule.vars);
  for (const path of paths) {
    if (head !== null && headOf(getAt(term, path)!) !== head) continue;
    for (const match of matchAt(term, path, rule, direction, options)) {
      const conditions = checkConditions(rule, match.subst, options.facts, options.predicates);
      if (!conditions.ok) {
        failure ??= { ok: false, reason: 'side-condition', path, condition: conditions.condition, explanation: conditions.explanation };
        continue;
      }
      if (skip-- > 0) continue;
      return { ok: true, step: makeStep(term, path, rule, direction, match, conditions, options) };
    }
  }
  if (failure !== undefined) return failure;
  const closest = closestSubterms(term, from, rule.vars, options.path ?? []);
  return options.path !== undefined
    ? { ok: false, reason: 'no-match', expected: from, path: options.path, closest }
    : { ok: false, reason: 'no-match', expected: from, closest };
}

/**
 * Metavariables of the side written (and of the conditions) that the side
 * matched from does not bind. Validation rejects such rules, and marks rules
 * `forwardOnly` when only the backward direction has them; the kernel checks
 * again so that a hand-built rule can never write an unbound metavariable.
 */
export function unboundVariables(rule: Rule, direction: Direction): readonly string[] {
  let perRule = unboundCache.get(rule);
  if (perRule === undefined) unboundCache.set(rule, (perRule = new Map()));
  let found = perRule.get(direction);
  if (found === undefined) perRule.set(direction, (found = computeUnbound(rule, direction)));
  return found;
}

const unboundCache = new WeakMap<Rule, Map<Direction, readonly string[]>>();

function computeUnbound(rule: Rule, direction: Direction): readonly string[] {
  const { from, to } = sidesOf(rule, direction);
  const bound = symbolsIn(from);
  const written = [to, ...rule.conditions.flatMap((c) => c.args)];
  return [...new Set(written.flatMap((t) => [...symbolsIn(t)]))].filter((n) => rule.vars.has(n) && !bound.has(n));
}

/** For a caller that asks for more matches only when it needs them: the candidates tried are `maxMatches`, and `cutShort` says whether more may exist. */
export type StagedSearch = { readonly cutShort: { stop: boolean } };

/** Every match of the rule's `direction` side at `path` (which must be inside `term`); only the first `maxMatches` when given. */
export function matchAt(term: Term, path: Path, rule: Rule, direction: Direction, options: RewriteOptions, maxMatches?: number, staged?: StagedSearch): Match[] {
  const { from } = sidesOf(rule, direction);
  return matchPattern(from, rule.vars, getAt(term, path)!, {
    fitsSort: options.fitsSort ?? sortTestFromFacts(options.facts),
    isScalar: options.facts.isScalar,
    budget: options.budget,
    ...(maxMatches !== undefined ? { maxMatches } : {}),
    ...(staged !== undefined ? { cutShort: staged.cutShort, maxCandidates: maxMatches } : {}),
  });
}

/** The match of the rule's `direction` side at `path` that `subst` gives (see `matchWith`), or null. */
export function matchWithAt(term: Term, path: Path, rule: Rule, direction: Direction, options: RewriteOptions, subst: Subst): Match | null {
  const { from } = sidesOf(rule, direction);
  return matchWith(from, rule.vars, getAt(term, path)!, subst, { fitsSort: options.fitsSort ?? sortTestFromFacts(options.facts), isScalar: options.facts.isScalar });
}

/**
 * Builds the step for an applicable match: instantiate the other side and
 * replace the covered part. When that side brings a term whose shape only
 * its place decides — `0`, `I`, `o(H)` — the result is read in place (see
 * `Facts.readInPlace`), so it is canonical as the line stating it reads.
 */
export function makeStep(
  term: Term, path: Path, rule: Rule, direction: Direction, match: Match,
  conditions: Extract<ConditionsOutcome, { ok: true }>, options: RewriteOptions,
): Step {
  const { to } = sidesOf(rule, direction);
  const isScalar = options.facts.isScalar;
  const instance = instantiate(to, match.subst, isScalar);
  const readInPlace = bringsPolymorphic(to) ? options.facts.readInPlace : undefined;
  // `readInPlace` shapes by node: the replacement's nodes must be its own (a rule's constants are shared) and each in one place.
  const built = replacePart(term, path, match.part, readInPlace ? unsharedCopy(instance) : instance, isScalar);
  const after = readInPlace ? readInPlace(built, term) : built;
  const base = { ruleId: rule.id, direction, path, subst: match.subst, conditions: conditions.discharged, before: term, after };
  return match.part === undefined ? base : { ...base, part: match.part };
}

const polymorphic = new WeakMap<Term, boolean>();

/** Does a rule side contain `0`, `I` or `o(…)` of its own (memoised per side)? */
function bringsPolymorphic(side: Term): boolean {
  let found = polymorphic.get(side);
  if (found === undefined) {
    found = someNode(side, (u) => u.kind === 'identity' || u.kind === 'o' || (u.kind === 'num' && isZero(u.value)));
    polymorphic.set(side, found);
  }
  return found;
}
