import { autoFailed, autoRefused, type Diagnostic, type Span } from '../diag/index.js';
import { applicableRewrites, type ApplicableOptions, type RewriteOptions, type Step } from '../rewrite/index.js';
import { busiestIn, charge, DEFAULT_SEARCH_LIMITS, isExhausted, lineBudget, type LineBudget, type SearchLimits } from '../rewrite/index.js';
import type { Rule } from '../rules/index.js';
import { equalTerms, termKey, type Term } from '../term/index.js';


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
 * scope, both directions, at most `limits.autoDepth` applications and
 * `limits.autoTerms` distinct terms. What it finds is a list of ordinary kernel
 * steps (the report names their rules); when it stops without a proof it
 * says which budget stopped it. Left-to-right rules are tried alone first:
 * right-to-left ones (`A = I A`) apply almost everywhere and flood the budget.
 * Each pass has its own `LineBudget`; a pass stopped by a budget names the
 * rules that made the most terms.
 */
export function searchAuto(from: Term, to: Term, rules: readonly Rule[], at: Span, options: RewriteOptions, limits: SearchLimits = DEFAULT_SEARCH_LIMITS): AutoOutcome {
  const forward = breadthFirst(from, to, rules, at, { ...options, directions: ['forward'] }, lineBudget(limits));
  return forward.ok ? forward : breadthFirst(from, to, rules, at, options, lineBudget(limits));
}

/** One bounded breadth-first search (left-to-right rules first, since they simplify; then both directions). */
function breadthFirst(from: Term, to: Term, rules: readonly Rule[], at: Span, options: ApplicableOptions, budget: LineBudget): AutoOutcome {
  const seen = new Set([termKey(from)]);
  let layer: { term: Term; steps: Step[] }[] = [{ term: from, steps: [] }];
  const { autoDepth, autoTerms } = budget.limits;
  for (let depth = 0; depth < autoDepth && layer.length > 0; depth++) {
    const next: { term: Term; steps: Step[] }[] = [];
    for (const node of layer) {
      for (const step of charge(budget, node.term, () => applicableRewrites(node.term, rules, { ...options, budget }).map((a) => a.step))) {
        if (equalTerms(step.after, to)) return { ok: true, steps: [...node.steps, step] };
        const key = termKey(step.after);
        if (seen.has(key)) continue;
        seen.add(key);
        if (seen.size >= autoTerms) return failed(at, 'node budget reached', seen.size, busiestIn(budget));
        next.push({ term: step.after, steps: [...node.steps, step] });
      }
    }
    layer = next;
  }
  if (isExhausted(budget)) return failed(at, 'work budget reached', seen.size, busiestIn(budget));
  return failed(at, layer.length === 0 ? 'no rule applies further' : `depth ${autoDepth} reached`, seen.size, []);
}

function failed(at: Span, stop: string, explored: number, busiest: readonly string[]): AutoOutcome {
  return { ok: false, diagnostic: autoFailed(at, stop, explored, busiest), stop: `${stop} after ${explored} terms`, busiest };
}

/**
 * What a search outside the kernel (`searchBetween` of `src/search`, passed
 * in by the command line and the prover) proposes for `by auto`: steps, or
 * why it stopped. The checker believes none of it: `proposedAuto` replays
 * every step with the rewriter.
 */
export type AutoProposal =
  | { readonly ok: true; readonly steps: readonly Step[] }
  | { readonly ok: false; readonly stop: string; readonly explored: number; readonly busiest: readonly string[] };

export type AutoProposer = (from: Term, to: Term, rules: readonly Rule[], options: RewriteOptions, limits: SearchLimits) => AutoProposal;

/**
 * `by auto` with the steps proposed by `propose`, each replayed by the
 * kernel: its rule must be in scope and, applied the same way at the same
 * position, give the same term; the chain must start at `from` and end at
 * `to`. What the report keeps are the kernel's own steps. A proposal the
 * kernel refuses is a failed line (E0507 naming the step), never a pass.
 */
export function proposedAuto(propose: AutoProposer, from: Term, to: Term, rules: readonly Rule[], at: Span, options: RewriteOptions, limits: SearchLimits): AutoOutcome {
  const found = propose(from, to, rules, options, limits);
  if (!found.ok) return failed(at, found.stop, found.explored, found.busiest);
  const replayed = replayChain(from, to, found.steps, rules, options);
  if ('refused' in replayed) return { ok: false, diagnostic: autoRefused(at, replayed.refused), stop: `refused step ${replayed.refused}`, busiest: [] };
  return { ok: true, steps: replayed.steps };
}

/** The kernel's steps for `proposed`, or the (1-based) number and rule of the first one it does not make. */
function replayChain(from: Term, to: Term, proposed: readonly Step[], rules: readonly Rule[], options: RewriteOptions): { steps: Step[] } | { refused: string } {
  const steps: Step[] = [];
  let term = from;
  for (const [i, p] of proposed.entries()) {
    const rule = rules.find((r) => r.id === p.ruleId);
    const made = rule === undefined ? undefined : applicableRewrites(term, [rule], { ...options, directions: [p.direction] })
      .map((a) => a.step).find((s) => equalTerms(s.after, p.after) && samePath(s.path, p.path));
    if (made === undefined) return { refused: `${i + 1} (${p.ruleId})` };
    steps.push(made);
    term = made.after;
  }
  return equalTerms(term, to) ? { steps } : { refused: `${proposed.length} (it ends elsewhere)` };
}

const samePath = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
