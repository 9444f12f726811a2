import { bothSidesInRewrite, equationStepRefused, nothingToContinue, searchBudgetReached, wrongResult, type Diagnostic, type Span, type SpanTable } from '../diag/index.js';
import type { JustificationItem, ProofLine } from '../proof/index.js';
import { printTerm } from '../print/index.js';
import type { RewriteOptions, Step } from '../rewrite/index.js';
import { equalTerms, termKey, type Chain, type Term } from '../term/index.js';
import { applyOnce, explainNoApplication, type Citation, type RuleScope } from './apply-item.js';
import { proposedAuto, searchAuto, type AutoProposer } from './auto.js';
import { busiestIn, charge, isExhausted, lineBudget, type LineBudget, type SearchLimits } from '../rewrite/index.js';
import { applyBothSides, describeOp, type Sides } from './both-sides.js';
import { reachTerm, resolveAll, type LineOutcome } from './reach.js';
import { searchItems, type SearchItem } from './search-items.js';
import { checkFrechetUnique } from './frechet-unique.js';
import { checkSubstitution, substituteSymbol } from './substitute.js';
import { equationRule } from './theorem-rule.js';

/** Where a proof stands after each line: the current term of the chain, where that chain began, and the current equation. */
export type ProofState = { term: Term | null; chainStart: Term | null; sides: Sides | null };

/** What a line needs: rules in scope, rewrite options, and the canonical form of its formulas. */
export type LineContext = {
  readonly scope: RuleScope & { readonly hyps: Map<string, import('../rules/index.js').Rule> };
  readonly options: RewriteOptions;
  readonly limits: SearchLimits;
  /** The search behind `by auto` (default: the checker's own breadth-first `searchAuto`); what it proposes is replayed by the kernel. */
  readonly auto?: AutoProposer | undefined;
  readonly library: string;
  readonly canonicalTerm: (raw: Term) => Term;
  readonly canonicalChain: (raw: Chain) => Chain;
  /** Where a raw term or statement of the file was written (for carets under the formula rather than the whole line). */
  readonly spans: SpanTable;
};

/** The span of what a line states: its term or equation, else the whole line. */
function formulaSpan(line: Exclude<ProofLine, { kind: 'start' }>, spans: SpanTable): Span {
  const stated = line.kind === 'rewrite' ? line.term : line.equation;
  return spans.get(stated) ?? line.span;
}

/** Checks one line against the state and moves the state on (to what the line states, even when it fails, so later lines are checked on their own). */
export function checkLine(line: ProofLine, state: ProofState, ctx: LineContext): LineOutcome {
  switch (line.kind) {
    case 'start': {
      const term = ctx.canonicalTerm(line.term);
      Object.assign(state, { term, chainStart: term });
      return { ok: true, steps: [], cited: [] };
    }
    case 'rewrite': {
      const to = ctx.canonicalTerm(line.term);
      const from = state.term;
      state.term = to;
      if (from === null) return { ok: false, cited: [], diagnostics: [nothingToContinue(line.span, 'this "=" step')] };
      return justifyTerm(from, to, line, ctx);
    }
    case 'fact': case 'have': return checkFact(line, state, ctx);
    case 'implies': return checkImplication(line, state, ctx);
  }
}

function justifyTerm(from: Term, to: Term, line: Exclude<ProofLine, { kind: 'start' }>, ctx: LineContext): LineOutcome {
  const items = line.by.items;
  if (items.some((i) => i.kind === 'auto')) {
    const rules = [...ctx.scope.registry, ...ctx.scope.hyps.values()];
    const auto = ctx.auto === undefined
      ? searchAuto(from, to, rules, line.by.span, ctx.options, ctx.limits)
      : proposedAuto(ctx.auto, from, to, rules, line.by.span, ctx.options, ctx.limits);
    return auto.ok ? { ok: true, steps: auto.steps, cited: ['auto'] } : { ok: false, cited: ['auto'], diagnostics: [auto.diagnostic] };
  }
  const both = items.find((i) => i.kind === 'both-sides');
  if (both) return { ok: false, cited: [], diagnostics: [bothSidesInRewrite(both.span)] };
  const own = items.find((i) => i.kind === 'frechet-unique' || i.kind === 'substitute');
  if (own) return { ok: false, cited: [], diagnostics: [equationStepRefused(own.span, own.kind, 'an equation step: "⟹ equation by …"', 'a "=" step')] };
  const { citations, diagnostics } = resolveAll(items, ctx.scope);
  const cited = citations.map((c) => c.rule.id);
  if (diagnostics.length > 0) return { ok: false, cited, diagnostics };
  return reachTerm(from, to, citations, formulaSpan(line, ctx.spans), ctx.scope, ctx.options, ctx.limits);
}

/** `lhs = … = rhs by …`: each link justified by the clause; `have` also names it for `hyp`. */
function checkFact(line: Extract<ProofLine, { kind: 'fact' | 'have' }>, state: ProofState, ctx: LineContext): LineOutcome {
  const chain = ctx.canonicalChain(line.equation);
  const terms = chain.terms;
  Object.assign(state, { term: terms.at(-1)!, chainStart: terms[0]!, sides: { lhs: terms[0]!, rhs: terms.at(-1)! } });
  if (line.kind === 'have') ctx.scope.hyps.set(line.name.text, equationRule(line.name.text, ctx.library, terms[0]!, terms.at(-1)!, line.span));
  const steps: Step[] = [];
  const cited = new Set<string>();
  for (let i = 0; i + 1 < terms.length; i++) {
    const r = justifyTerm(terms[i]!, terms[i + 1]!, line, ctx);
    r.cited.forEach((id) => cited.add(id));
    if (!r.ok) return { ok: false, cited: [...cited], diagnostics: r.diagnostics };
    steps.push(...r.steps);
  }
  return { ok: true, steps, cited: [...cited] };
}

/** `⟹ equation by both-sides OP, rule, …`: the previous equation, transformed side by side, must give this one. */
function checkImplication(line: Extract<ProofLine, { kind: 'implies' }>, state: ProofState, ctx: LineContext): LineOutcome {
  const chain = ctx.canonicalChain(line.equation);
  const target: Sides = { lhs: chain.terms[0]!, rhs: chain.terms.at(-1)! };
  const previous = state.sides;
  Object.assign(state, { sides: target, term: target.rhs, chainStart: target.lhs });
  if (previous === null) return { ok: false, cited: [], diagnostics: [nothingToContinue(line.span, 'this "⟹" step')] };
  const own = line.by.items.find((i) => i.kind === 'frechet-unique' || i.kind === 'substitute');
  if (own !== undefined) return checkOwnEquationStep(own, line.by.items.length, previous, target, ctx);
  const { citations, diagnostics } = resolveAll(line.by.items, ctx.scope);
  const cited = [...line.by.items.flatMap((i) => (i.kind === 'both-sides' ? [`both-sides ${describeOp(i.op)}`] : [])), ...citations.map((c) => c.rule.id)];
  if (diagnostics.length > 0) return { ok: false, cited, diagnostics };
  const items = sideItems(line, citations, ctx);
  const key = (s: Sides): string => `${termKey(s.lhs)} = ${termKey(s.rhs)}`;
  const goal = (s: Sides): boolean => equalTerms(s.lhs, target.lhs) && equalTerms(s.rhs, target.rhs);
  const budget = lineBudget(ctx.limits);
  const space = { expand: (s: Sides, c: Citation) => expandSides(s, c, ctx.options, budget), key, goal, limits: ctx.limits };
  const once = searchItems(previous, items, { ...space, maxRepeat: 1 });
  const quick = once.ok && once.reached.some((r) => goal(r.state));
  const result = quick ? once : searchItems(previous, items, space);
  const hit = result.ok ? result.reached.find((r) => equalTerms(r.state.lhs, target.lhs) && equalTerms(r.state.rhs, target.rhs)) : undefined;
  if (hit) return { ok: true, steps: hit.steps, cited };
  if (isExhausted(budget)) return { ok: false, cited, diagnostics: [searchBudgetReached(formulaSpan(line, ctx.spans), cited, busiestIn(budget))] };
  if (!result.ok) {
    const failed = items[result.failedItem]!;
    const citation = failed.kind === 'rule' ? failed.citation : citations[0]!;
    const tried = result.tried[0]!.state;
    return { ok: false, cited, diagnostics: [explainNoApplication(tried.lhs, citation, { ...ctx.options, budget: lineBudget(ctx.limits) })] };
  }
  const found = result.reached[0]!.state;
  return { ok: false, cited, diagnostics: [sidesMismatch(line, target, found, cited, ctx.spans)] };
}

/**
 * The kernel's own equation steps, which stand alone in their clause:
 * `frechet-unique` (the linear part of an expansion is the derivative) and
 * `substitute H := T` (an equation about a free symbol holds for any value).
 */
function checkOwnEquationStep(item: JustificationItem, clauseSize: number, previous: Sides, target: Sides, ctx: LineContext): LineOutcome {
  const facts = ctx.options.facts;
  if (item.kind === 'substitute') {
    const name = `substitute ${item.variable.text}`;
    const value = ctx.canonicalTerm(item.term);
    const put = (t: Term): Term => substituteSymbol(t, item.variable.text, value, facts.isScalar);
    const gives: Sides = { lhs: put(previous.lhs), rhs: put(previous.rhs) };
    const refusal = clauseSize > 1 ? STANDS_ALONE : checkSubstitution(previous, item.variable.text, value, facts)
      ?? (equalTerms(gives.lhs, target.lhs) && equalTerms(gives.rhs, target.rhs) ? null : `it gives ${printTerm(gives.lhs)} = ${printTerm(gives.rhs)}`);
    return ownOutcome(name, refusal, item.span, `the previous equation with ${printTerm(value)} for ${item.variable.text}`);
  }
  const refusal = clauseSize > 1 ? STANDS_ALONE : checkFrechetUnique(previous, target, facts);
  return ownOutcome('frechet-unique', refusal, item.span, 'f(X + H) = f(X) + L + o(H) before, f′(X)·H = L here, L linear in H');
}

const STANDS_ALONE = 'other items in the same "by" clause (this step stands alone)';

function ownOutcome(name: string, refusal: string | null, at: Span, condition: string): LineOutcome {
  return refusal === null
    ? { ok: true, steps: [], cited: [name] }
    : { ok: false, cited: [name], diagnostics: [equationStepRefused(at, name, condition, refusal)] };
}

function sideItems(line: Extract<ProofLine, { kind: 'implies' }>, citations: readonly Citation[], ctx: LineContext): SearchItem<Sides, Citation>[] {
  let next = 0;
  const isScalar = ctx.options.facts.isScalar;
  return line.by.items.flatMap((item): SearchItem<Sides, Citation>[] => {
    if (item.kind === 'both-sides') {
      const op = (t: Term): Term => applyBothSides(item.op, t, isScalar, ctx.canonicalTerm);
      return [{ kind: 'map', apply: (s) => ({ lhs: op(s.lhs), rhs: op(s.rhs) }) }];
    }
    if (item.kind === 'rule' || item.kind === 'hyp') return [{ kind: 'rule', citation: citations[next++]! }];
    return [];
  });
}

/** One application of `c` to either side; the steps are charged to the line's budget. */
function expandSides(s: Sides, c: Citation, options: RewriteOptions, budget: LineBudget): { state: Sides; step: Step }[] {
  const budgeted = { ...options, budget };
  const left = charge(budget, s.lhs, () => applyOnce(s.lhs, c, budgeted)).map((step) => ({ state: { lhs: step.after, rhs: s.rhs }, step }));
  const right = charge(budget, s.rhs, () => applyOnce(s.rhs, c, budgeted)).map((step) => ({ state: { lhs: s.lhs, rhs: step.after }, step }));
  return [...left, ...right];
}

function sidesMismatch(line: Extract<ProofLine, { kind: 'implies' }>, target: Sides, found: Sides, cited: readonly string[], spans: SpanTable): Diagnostic {
  return wrongResult(formulaSpan(line, spans), cited, `${printTerm(target.lhs)} = ${printTerm(target.rhs)}`, `${printTerm(found.lhs)} = ${printTerm(found.rhs)}`);
}
