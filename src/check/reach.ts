import { searchBudgetReached, wrongResult, type Diagnostic, type Span } from '../diag/index.js';
import type { JustificationItem } from '../proof/index.js';
import { printTerm } from '../print/index.js';
import { applicableRewrites, type RewriteOptions, type Step } from '../rewrite/index.js';
import { equalTerms, termKey, type Term } from '../term/index.js';
import { applyOnce, explainNoApplication, firstStepTowards, resolveCitation, type Citation, type RuleScope } from './apply-item.js';
import { busiestIn, charge, isExhausted, lineBudget, type LineBudget, type SearchLimits } from '../rewrite/index.js';
import { searchItems, type Reached } from './search-items.js';

/** How a line was justified: the kernel steps from the previous term to this one, or why not. */
export type LineOutcome = { readonly ok: true; readonly steps: readonly Step[]; readonly cited: readonly string[] } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[]; readonly cited: readonly string[] };

/** Resolves the rule and hypothesis items of a clause; the first unknown ones are reported. */
export function resolveAll(items: readonly JustificationItem[], scope: RuleScope): { citations: Citation[]; diagnostics: Diagnostic[] } {
  const citations: Citation[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const item of items) {
    if (item.kind !== 'rule' && item.kind !== 'hyp') continue;
    const c = resolveCitation(item, scope);
    if ('rule' in c) citations.push(c);
    else diagnostics.push(c);
  }
  return { citations, diagnostics };
}

/**
 * Checks `from = to` by the cited rules: first applied in turn (each once;
 * then each greedily, as often as it applies; then each one or more times,
 * breadth first), as the line says; failing that, in any order (at most six
 * applications in all, every cited rule used) — only cited rules are ever
 * used, and none is cited for nothing. On failure the
 * diagnostic comes from the in-turn reading: the rule that applied nowhere
 * (with the kernel's reason), or the results that are not `to`, with a hint
 * naming a library rule that would have made the step check. All the
 * searches share one `LineBudget`; when it ran out, that is the diagnostic
 * (E0515, naming the rules that spent it).
 */
export function reachTerm(from: Term, to: Term, citations: readonly Citation[], at: Span, scope: RuleScope, options: RewriteOptions, limits: SearchLimits): LineOutcome {
  const cited = citations.map((c) => c.rule.id);
  const budget = lineBudget(limits);
  const budgeted = { ...options, budget };
  const space = { expand: (t: Term, c: Citation) => charge(budget, t, () => applyOnce(t, c, budgeted, to)).map((step) => ({ state: step.after, step })), key: termKey, goal: (t: Term) => equalTerms(t, to), limits };
  const items = citations.map((citation) => ({ kind: 'rule' as const, citation }));
  // Several rules: the one-path greedy reading first; it is right for most such lines.
  const greedyFirst = citations.length > 1 ? greedyInTurn(from, to, citations, budgeted, budget) : undefined;
  if (greedyFirst) return { ok: true, steps: greedyFirst, cited };
  const once = searchItems(from, items, { ...space, maxRepeat: 1 });
  const quick = once.ok ? once.reached.find((r) => equalTerms(r.state, to)) : undefined;
  if (quick) return { ok: true, steps: quick.steps, cited };
  const greedy = citations.length > 1 ? undefined : greedyInTurn(from, to, citations, budgeted, budget);
  if (greedy) return { ok: true, steps: greedy, cited };
  const inTurn = once.ok ? searchItems(from, items, space) : once;
  const hit = inTurn.ok ? inTurn.reached.find((r) => equalTerms(r.state, to)) : undefined;
  if (hit) return { ok: true, steps: hit.steps, cited };
  const anyOrder = searchAnyOrder(from, to, citations, space);
  if (anyOrder) return { ok: true, steps: anyOrder.steps, cited };
  if (isExhausted(budget)) return { ok: false, cited, diagnostics: [searchBudgetReached(at, cited, busiestIn(budget))] };
  // The explanations search again, each on a fresh budget of its own.
  if (!inTurn.ok) return { ok: false, cited, diagnostics: [explainNoApplication(inTurn.tried[0]!.state, citations[inTurn.failedItem]!, { ...options, budget: lineBudget(limits) })] };
  const found = inTurn.reached[0]!.state;
  const hint = suggestRule(from, to, scope, { ...options, budget: lineBudget(limits) });
  const notes = [`the rules give ${inTurn.reached.length} result${inTurn.reached.length === 1 ? '' : 's'}, none equal to this line`, ...(hint ? [`rule "${hint}" would make this step check`] : [])];
  return { ok: false, cited, diagnostics: [wrongResult(at, cited, printTerm(to), printTerm(found), notes)] };
}

/**
 * The cheap reading of a line whose rules apply more than once (`by
 * partial-entry-constant` for both `∂a/∂Xᵢⱼ` and `∂b/∂Xᵢⱼ`): each cited rule
 * in turn, applied again and again (at most `MAX_REPEAT` times) at the first
 * position found, until it applies no more or the line is reached. One path,
 * no branching; when it misses, the breadth-first searches decide.
 */
function greedyInTurn(from: Term, to: Term, citations: readonly Citation[], options: RewriteOptions, budget: LineBudget): Step[] | undefined {
  const steps: Step[] = [];
  let term = from;
  for (const c of citations) {
    let applied = 0;
    while (applied < budget.limits.repeat && !(applied > 0 && equalTerms(term, to))) {
      const step = charge(budget, term, () => { const s = firstStepTowards(term, c, options, to); return s ? [s] : []; })[0];
      if (step === undefined) break;
      steps.push(step);
      term = step.after;
      applied++;
    }
    if (applied === 0) return undefined;
  }
  return equalTerms(term, to) ? steps : undefined;
}

/** Breadth-first over the cited rules in any order, up to `limits.repeat` applications and `limits.states` terms; the path to `to`, if found. */
function searchAnyOrder(from: Term, to: Term, citations: readonly Citation[], space: { expand: (t: Term, c: Citation) => { state: Term; step: Step }[]; key: (t: Term) => string; limits: SearchLimits }): Reached<Term> | undefined {
  const seen = new Set([termKey(from)]);
  let layer: Reached<Term>[] = [{ state: from, steps: [] }];
  for (let depth = 0; depth < space.limits.repeat && layer.length > 0 && seen.size < space.limits.states; depth++) {
    const next: Reached<Term>[] = [];
    for (const r of layer) {
      for (const c of citations) {
        for (const { state, step } of space.expand(r.state, c)) {
          const reached = { state, steps: [...r.steps, step] };
          if (equalTerms(state, to) && usesAll(reached.steps, citations)) return reached;
          if (!seen.has(space.key(state))) (seen.add(space.key(state)), next.push(reached));
        }
      }
    }
    layer = next;
  }
  return undefined;
}

/** Does a path use every cited rule? (A citation that plays no part must not pass unnoticed.) */
function usesAll(steps: readonly Step[], citations: readonly Citation[]): boolean {
  const used = new Set(steps.map((s) => s.ruleId));
  return citations.every((c) => used.has(c.rule.id));
}

/** A rule of the registry that turns `from` into `to` in one step, if any (for hints). */
export function suggestRule(from: Term, to: Term, scope: RuleScope, options: RewriteOptions): string | undefined {
  const rules = [...scope.registry];
  return applicableRewrites(from, rules, options).find((a) => equalTerms(a.step.after, to))?.rule.id;
}
