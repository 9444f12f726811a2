import { autoFailed, type Diagnostic, type Span } from '../diag/index.js';
import { applicableRewrites, type ApplicableOptions, type RewriteOptions, type Step } from '../rewrite/index.js';
import { busiestRules, charge, isExhausted, lineBudget, type LineBudget } from './budget.js';
import type { Rule } from '../rules/index.js';
import { equalTerms, termKey, type Term } from '../term/index.js';

/** Budgets of `by auto`: rule applications in a row, and distinct terms explored. */
export const AUTO_DEPTH = 3;
export const AUTO_NODES = 300;

/**
 * A proof found, or why not: the diagnostic for the proof line, the stop
 * reason it states (`work budget reached after 120 terms`), and when a budget
 * stopped the search the rules that made the most terms (`id ×n`).
 */
export type AutoOutcome =
  | { readonly ok: true; readonly steps: readonly Step[] }
  | { readonly ok: false; readonly diagnostic: Diagnostic; readonly stop: string; readonly busiest: readonly string[] };

/**
 * `by auto`: breadth-first search from `from` to `to` over every rule in
 * scope, both directions, at most `AUTO_DEPTH` applications and
 * `AUTO_NODES` distinct terms. What it finds is a list of ordinary kernel
 * steps (the report names their rules); when it stops without a proof it
 * says which budget stopped it. Left-to-right rules are tried alone first:
 * right-to-left ones (`A = I A`) apply almost everywhere and flood the budget.
 * Each pass has its own `LineBudget`; a pass stopped by a budget names the
 * rules that made the most terms.
 */
export function searchAuto(from: Term, to: Term, rules: readonly Rule[], at: Span, options: RewriteOptions): AutoOutcome {
  const forward = breadthFirst(from, to, rules, at, { ...options, directions: ['forward'] }, lineBudget());
  return forward.ok ? forward : breadthFirst(from, to, rules, at, options, lineBudget());
}

/** One bounded breadth-first search (left-to-right rules first, since they simplify; then both directions). */
function breadthFirst(from: Term, to: Term, rules: readonly Rule[], at: Span, options: ApplicableOptions, budget: LineBudget): AutoOutcome {
  const seen = new Set([termKey(from)]);
  let layer: { term: Term; steps: Step[] }[] = [{ term: from, steps: [] }];
  for (let depth = 0; depth < AUTO_DEPTH && layer.length > 0; depth++) {
    const next: { term: Term; steps: Step[] }[] = [];
    for (const node of layer) {
      for (const step of charge(budget, node.term, () => applicableRewrites(node.term, rules, { ...options, budget }).map((a) => a.step))) {
        if (equalTerms(step.after, to)) return { ok: true, steps: [...node.steps, step] };
        const key = termKey(step.after);
        if (seen.has(key)) continue;
        seen.add(key);
        if (seen.size >= AUTO_NODES) return failed(at, 'node budget reached', seen.size, busiestRules(budget));
        next.push({ term: step.after, steps: [...node.steps, step] });
      }
    }
    layer = next;
  }
  if (isExhausted(budget)) return failed(at, 'work budget reached', seen.size, busiestRules(budget));
  return failed(at, layer.length === 0 ? 'no rule applies further' : `depth ${AUTO_DEPTH} reached`, seen.size, []);
}

function failed(at: Span, stop: string, explored: number, busiest: readonly string[]): AutoOutcome {
  return { ok: false, diagnostic: autoFailed(at, stop, explored, busiest), stop: `${stop} after ${explored} terms`, busiest };
}
