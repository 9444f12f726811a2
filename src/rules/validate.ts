import {
  closest, malformedRuleId, predicateArity, ruleNotEquation, ruleSidesDiffer, unboundVariable, unknownPredicate, unknownSort,
  type Diagnostic, type Span, type SpanTable,
} from '../diag/index.js';
import { SORTS, type Sort } from '../match/sort.js';
import type { ConditionSource, RuleSource, VarSource } from '../parse/rule-source.js';
import { describeTerm, formatShape, makePatternShaper, type PatternShaper } from '../shape/index.js';
import { children, type ScalarTest, type Term } from '../term/index.js';
import { PREDICATES } from './predicates.js';

/**
 * The checks `compileRuleFile` runs on each rule (STYLE.md point 6: validate
 * when the rule is built). Each returns diagnostics; none throws.
 */

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** E0408 unless `id` is kebab-case (`transpose-of-product`). */
export function checkId(rule: RuleSource): Diagnostic[] {
  return KEBAB.test(rule.id.text) ? [] : [malformedRuleId(rule.id.span, rule.id.text)];
}

/** `square matrix` is `square`; the other sorts are their own names. */
export function parseSort(text: string): Sort | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'square matrix') return 'square';
  return (SORTS as readonly string[]).includes(t) ? (t as Sort) : undefined;
}

/** The metavariables declared by `vars`, with E0407 for each unknown sort. */
export function readVars(vars: readonly VarSource[]): { vars: Map<string, Sort>; diagnostics: Diagnostic[] } {
  const out = new Map<string, Sort>();
  const diagnostics: Diagnostic[] = [];
  for (const v of vars) {
    const sort = parseSort(v.sortText);
    if (sort === undefined) diagnostics.push(unknownSort(v.span, v.sortText, closest(v.sortText, [...SORTS, 'square matrix'])));
    else out.set(v.name, sort);
  }
  return { vars: out, diagnostics };
}

/** The two sides of a rule's statement, or E0406 when it is not exactly one equation. */
export function sidesOf(rule: RuleSource): { lhs: Term; rhs: Term } | Diagnostic {
  const st = rule.statement;
  if (st.kind === 'chain' && st.terms.length === 2 && (st.relations[0] === '=' || st.relations[0] === '≡')) {
    return { lhs: st.terms[0]!, rhs: st.terms[1]! };
  }
  const found = st.kind === 'chain' ? `a chain of ${st.terms.length} terms (${st.relations.join(' ')})` : describeStatement(st.kind);
  return ruleNotEquation(rule.span, rule.id.text, found);
}

const describeStatement = (kind: string): string =>
  ({ term: 'a term without "="', implies: 'an implication', decl: 'a declaration', signature: 'a signature' })[kind] ?? kind;

/** The metavariables occurring in `t` (symbols named in `vars`), each with its first occurrence. */
export function metavariablesOf(t: Term, vars: ReadonlyMap<string, Sort>, into = new Map<string, Term>()): Map<string, Term> {
  if (t.kind === 'sym' && vars.has(t.name) && !into.has(t.name)) into.set(t.name, t);
  for (const c of children(t)) metavariablesOf(c, vars, into);
  return into;
}

/** E0402 for each metavariable of the right side or of a condition that the left side does not bind. */
export function checkBound(rule: RuleSource, lhs: Term, rhs: Term, vars: ReadonlyMap<string, Sort>, spans: SpanTable): Diagnostic[] {
  const bound = metavariablesOf(lhs, vars);
  const out: Diagnostic[] = [];
  const report = (t: Term, where: string, fallback: Span): void => {
    for (const [name, at] of metavariablesOf(t, vars)) {
      if (!bound.has(name)) out.push(unboundVariable(spans.get(at) ?? fallback, rule.id.text, name, where));
    }
  };
  report(rhs, 'the right side', rule.span);
  for (const c of rule.conditions) c.args.forEach((a) => report(a, `condition ${c.predicate.text}`, c.span));
  return out;
}

/** E0404 (with a did-you-mean) or E0405 for each condition. */
export function checkConditions(conditions: readonly ConditionSource[]): Diagnostic[] {
  return conditions.flatMap((c) => {
    const p = PREDICATES.get(c.predicate.text);
    if (p === undefined) return [unknownPredicate(c.predicate.span, c.predicate.text, closest(c.predicate.text, PREDICATES.keys()))];
    return p.arity === c.args.length ? [] : [predicateArity(c.span, p.name, p.arity, c.args.length)];
  });
}

/** What a condition on a bare metavariable says about its shape. */
const SHAPE_OF_CONDITION: Readonly<Record<string, 'square' | 'scalar'>> = {
  invertible: 'square', square: 'square', symmetric: 'square', scalar: 'scalar', positive: 'scalar',
};

export type ShapeCheck = { diagnostics: Diagnostic[]; isScalar: ScalarTest };

/**
 * Checks that both sides have the same shape for every shape the pattern side
 * (with its conditions) allows: inferred from the pattern side alone, then
 * with the other side, the other side must not restrict any metavariable. Done
 * for the left side as pattern, and for the right side too unless `forwardOnly`.
 * Shape errors inside a side are reported as they are (E02xx).
 */
export function checkShapes(rule: RuleSource, lhs: Term, rhs: Term, vars: ReadonlyMap<string, Sort>, spans: SpanTable, forwardOnly: boolean): ShapeCheck {
  const forward = shapeDirection(rule, lhs, rhs, vars, spans, 'left');
  if (forward.diagnostics.length > 0 || forwardOnly) return forward;
  const backward = shapeDirection(rule, rhs, lhs, vars, spans, 'right');
  return { diagnostics: backward.diagnostics, isScalar: forward.isScalar };
}

function shapeDirection(rule: RuleSource, pattern: Term, other: Term, vars: ReadonlyMap<string, Sort>, spans: SpanTable, side: 'left' | 'right'): ShapeCheck {
  const shaper = makePatternShaper(vars, { spans });
  const patternShape = shaper.infer(pattern);
  for (const c of rule.conditions) constrain(shaper, c, vars);
  shaper.settle();
  const own = shaper.diagnostics();
  if (own.length > 0) return { diagnostics: own, isScalar: shaper.isScalar };
  const snap = shaper.snapshot();
  const shown = shaper.show(patternShape);
  const otherShape = shaper.infer(other);
  const agree = shaper.same(patternShape, otherShape);
  const otherShown = shaper.show(otherShape);
  shaper.settle();
  const errors = shaper.diagnostics();
  if (errors.length > 0) return { diagnostics: errors, isScalar: shaper.isScalar };
  const restricted = shaper.restricted(snap);
  if (agree && restricted.length === 0) return { diagnostics: [], isScalar: shaper.isScalar };
  const detail = agree
    ? `the ${side === 'left' ? 'right' : 'left'} side needs special shapes of ${restricted.join(', ')}; the ${side} side allows any ${restricted.map((n) => `${n} : ${formatShape(snap.get(n)!)}`).join(', ')}`
    : undefined;
  const [l, r, ls, rs] = side === 'left' ? [pattern, other, shown, otherShown] : [other, pattern, otherShown, shown];
  return { diagnostics: [ruleSidesDiffer(spans.get(rule.statement) ?? rule.span, rule.id.text, describeTerm(l), ls, describeTerm(r), rs, detail)], isScalar: shaper.isScalar };
}

/** A shape-implying condition on a term of the pattern side (`invertible(A)`, `scalar(F(X))`) constrains its shape. */
function constrain(shaper: PatternShaper, c: ConditionSource, vars: ReadonlyMap<string, Sort>): void {
  const what = SHAPE_OF_CONDITION[c.predicate.text];
  const arg = c.args[0];
  if (what === undefined || c.args.length !== 1 || arg === undefined) return;
  if (arg.kind === 'sym' && vars.has(arg.name)) shaper.require(arg.name, what);
  else shaper.requireTerm(arg, what);
}
