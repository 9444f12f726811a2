import { checkConditions, makeStep, matchAt, type RewriteOptions, type Step } from '../rewrite/index.js';
import { describeStop, simp } from '../search/simp.js';
import { equalTerms, getAt, replaceAt, type Path, type Term } from '../term/index.js';
import type { ProverContext } from './prover-context.js';

/** What `s` did: kernel steps on the whole term, in order, and a sentence for the status line. */
export type Simplified = { readonly steps: readonly Step[]; readonly message: string };

/**
 * Simplifies the selected subterm with the rules tagged `simp` (`simp` of
 * `src/search`), then lifts each of its steps to the whole term: the same
 * rule, direction and match, at the selection's path followed by the step's
 * own. A step whose lifted form is not the kernel's own step on the whole term
 * (canonical form may regroup a product around the subterm) ends the lifting
 * there: what is returned always holds.
 */
export function simplifySelection(ctx: ProverContext, term: Term, selection: Path, options: RewriteOptions): Simplified {
  const sub = getAt(term, selection);
  if (sub === undefined) return { steps: [], message: 'simp: nothing selected' };
  if (ctx.simpRules.length === 0) return { steps: [], message: 'simp: no rule in scope is tagged simp' };
  const result = simp(sub, ctx.simpRules, { ...options, limits: ctx.limits.simp });
  const steps: Step[] = [];
  let whole = term;
  for (const local of result.steps) {
    const lifted = liftStep(ctx, whole, selection, local, options);
    if (lifted === undefined) break;
    steps.push(lifted);
    whole = lifted.after;
  }
  const stop = describeStop(result.stop, result.steps.length);
  const partial = steps.length < result.steps.length ? ` (${steps.length} of them apply to the whole term)` : '';
  return { steps, message: steps.length === 0 && result.steps.length === 0 ? `simp: already simple (${stop})` : `simp: ${stop}${partial}` };
}

/** `local` (a step on the subterm at `selection`) as a kernel step on `whole`, if the two agree. */
function liftStep(ctx: ProverContext, whole: Term, selection: Path, local: Step, options: RewriteOptions): Step | undefined {
  const rule = ctx.simpRules.find((r) => r.id === local.ruleId);
  const path = [...selection, ...local.path];
  if (rule === undefined || getAt(whole, path) === undefined) return undefined;
  const expected = replaceAt(whole, selection, local.after, options.facts.isScalar);
  if (expected === undefined) return undefined;
  for (const match of matchAt(whole, path, rule, local.direction, options)) {
    const conditions = checkConditions(rule, match.subst, options.facts, options.predicates);
    if (!conditions.ok) continue;
    const step = makeStep(whole, path, rule, local.direction, match, conditions, options);
    if (equalTerms(step.after, expected)) return step;
  }
  return undefined;
}
