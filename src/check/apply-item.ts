import { ruleDoesNotMatch, sideConditionFails, unknownHypothesis, unknownRule, type Diagnostic, type Span } from '../diag/index.js';
import type { JustificationItem } from '../proof/index.js';
import { printTerm } from '../print/index.js';
import { applicableRewrites, applyRule, checkConditions, makeStep, matchAt, spreadStep, unboundVariables, type RewriteOptions, type Step } from '../rewrite/index.js';
import type { Direction, Rule, RuleRegistry } from '../rules/index.js';
import { children, equalTerms, formatPath, getAt, positions, termKey, type Term } from '../term/index.js';

/** A rule cited by a justification item, resolved, with how to use it. */
export type Citation = { readonly rule: Rule; readonly direction: Direction; readonly path: readonly number[] | null; readonly span: Span };

/** Where rules are looked up: the file's registry (libraries and earlier theorems) and the proof's `have`s. */
export type RuleScope = { readonly registry: RuleRegistry; readonly hyps: ReadonlyMap<string, Rule> };

/** Resolves a `rule` or `hyp` item to a citation, or E0501/E0508 with a did-you-mean. */
export function resolveCitation(item: JustificationItem, scope: RuleScope): Citation | Diagnostic {
  if (item.kind === 'hyp') {
    const rule = scope.hyps.get(item.name.text);
    return rule ? { rule, direction: 'forward', path: null, span: item.span } : unknownHypothesis(item.name.span, item.name.text);
  }
  if (item.kind !== 'rule') throw new Error(`resolveCitation: ${item.kind}`);
  const rule = scope.registry.get(item.id.text) ?? scope.hyps.get(item.id.text);
  if (!rule) return unknownRule(item.id.span, item.id.text, scope.registry.suggest(item.id.text));
  return { rule, direction: item.backward ? 'backward' : 'forward', path: item.at?.path ?? null, span: item.span };
}

/**
 * Every result of applying a cited rule once to `term` (at its path, if
 * given), deduplicated by key. With a `goal`, positions where `term` and the
 * goal differ are tried first and the first step that reaches the goal is
 * returned alone: the usual line is one rule applied once, and this finds it
 * without building every other result.
 */
export function applyOnce(term: Term, c: Citation, options: RewriteOptions, goal?: Term): Step[] {
  const steps = c.path === null
    ? (goal ? towards(term, c, options, goal) : applicableRewrites(term, [c.rule], { ...options, directions: [c.direction] }).map((a) => a.step))
    : occurrencesAt(term, c, options);
  if (steps.length < 2) return steps;
  const seen = new Set<string>();
  return steps.filter((s) => {
    const key = termKey(s.after);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Can the rule be used in the cited direction at all (no unbound variables on the written side)? */
const usable = (c: Citation): boolean =>
  unboundVariables(c.rule, c.direction).length === 0 && !(c.direction === 'backward' && c.rule.forwardOnly);

/**
 * One application of a cited rule, for a greedy reading of a line: the first
 * step found at the positions nearest to where `term` and `goal` differ (the
 * step reaching the goal, if it is found first), or undefined if the rule
 * applies nowhere.
 */
export function firstStepTowards(term: Term, c: Citation, options: RewriteOptions, goal: Term): Step | undefined {
  return c.path === null ? towards(term, c, options, goal, true)[0] : occurrencesAt(term, c, options)[0];
}

/** `applyOnce` with a goal: positions near the difference first; stops at the first step reaching the goal (or at the first step, if `first`). */
function towards(term: Term, c: Citation, options: RewriteOptions, goal: Term, first = false): Step[] {
  if (!usable(c)) return [];
  const out: Step[] = [];
  for (const path of positionsNear(term, differencePath(term, goal))) {
    for (const step of occurrencesAt(term, { ...c, path }, options)) {
      if (first || equalTerms(step.after, goal)) return [step];
      out.push(step);
    }
  }
  return out;
}

/** The deepest position where `a` and `b` still have the same shape of node and differ in exactly one child. */
function differencePath(a: Term, b: Term): number[] {
  const path: number[] = [];
  let [x, y] = [a, b];
  for (;;) {
    const [xs, ys] = [children(x), children(y)];
    if (x.kind !== y.kind || xs.length !== ys.length) return path;
    const differing = xs.flatMap((k, i) => (equalTerms(k, ys[i]!) ? [] : [i]));
    if (differing.length !== 1) return path;
    path.push(differing[0]!);
    [x, y] = [xs[differing[0]!]!, ys[differing[0]!]!];
  }
}

/** Every position of `term`: those at or below `near` first, then its ancestors (nearest first), then the rest. */
function positionsNear(term: Term, near: readonly number[]): number[][] {
  const all = positions(term);
  const isUnder = (p: readonly number[]): boolean => p.length >= near.length && near.every((k, i) => p[i] === k);
  const isAbove = (p: readonly number[]): boolean => p.length < near.length && p.every((k, i) => near[i] === k);
  const above = all.filter(isAbove).sort((p, q) => q.length - p.length);
  return [...all.filter(isUnder), ...above, ...all.filter((p) => !isUnder(p) && !isAbove(p))].map((p) => [...p]);
}

/**
 * Every applicable match of the rule at the cited path, as steps (the same
 * steps `applyRule` makes, without re-matching per occurrence); first the
 * rule taken through a whole product, when it spreads (`spreadStep`).
 */
function occurrencesAt(term: Term, c: Citation, options: RewriteOptions): Step[] {
  if (getAt(term, c.path!) === undefined || !usable(c)) return [];
  const spread = spreadStep(term, c.path!, c.rule, c.direction, options);
  const steps = matchAt(term, c.path!, c.rule, c.direction, options).flatMap((match) => {
    const conditions = checkConditions(c.rule, match.subst, options.facts, options.predicates);
    return conditions.ok ? [makeStep(term, c.path!, c.rule, c.direction, match, conditions, options)] : [];
  });
  return spread === null ? steps : [spread, ...steps];
}

/** Why a cited rule applies nowhere on `term`: the kernel's own account, as a diagnostic. */
export function explainNoApplication(term: Term, c: Citation, options: RewriteOptions): Diagnostic {
  const r = applyRule(term, c.rule, { ...options, ...(c.path ? { path: c.path } : {}), direction: c.direction });
  const id = c.rule.id;
  const where = c.path ? `at ${formatPath(c.path)}` : 'anywhere in the term';
  if (r.ok) return ruleDoesNotMatch(c.span, id, where, printTerm(c.direction === 'forward' ? c.rule.lhs : c.rule.rhs), null);
  switch (r.reason) {
    case 'side-condition': {
      const condition = `${r.condition.predicate}(${r.condition.args.map((a) => printTerm(a)).join(', ')})`;
      return sideConditionFails(c.span, id, condition, r.explanation);
    }
    case 'no-match': {
      const near = r.closest[0];
      const atRoot = near !== undefined && near.path.length === 0;
      const found = near ? `${printTerm(near.term)}${atRoot ? ' (the whole term)' : ` at ${formatPath(near.path)}`}` : null;
      return ruleDoesNotMatch(c.span, id, where, printTerm(r.expected), found, atRoot ? [] : [`in ${printTerm(term)}`]);
    }
    case 'bad-path': return ruleDoesNotMatch(c.span, id, `at ${formatPath(r.path)}`, 'a position inside the term', `no subterm at ${formatPath(r.path)}`, [`in ${printTerm(term)}`]);
    case 'forward-only': return ruleDoesNotMatch(c.span, id, 'right to left', 'a rule usable in both directions', 'a rule usable only left to right');
    case 'unbound-variables': return ruleDoesNotMatch(c.span, id, where, 'a rule whose sides bind the same variables', `unbound ${r.variables.join(', ')}`);
  }
}
