import type { Draft } from 'immer';
import type { Step } from '../rewrite/index.js';
import { proposeChain } from '../search/auto.js';
import { count, mostApplied } from './auto-complete.js';
import { equalTerms, formatPath, type Term } from '../term/index.js';
import { appendSteps, failure, info, success, type Edit } from './edit.js';
import { checkEquationLines, checkTypedEquation } from './equation-lines.js';
import { currentSides, equationText, selectedSide } from './focus.js';
import { elaborateGoal, type ProverContext } from './prover-context.js';
import { ruleClause } from './render-proof.js';
import { filterEntries, rulesAt, type PanelEntry } from './rules-panel.js';
import type { ProofDoc, Session, Sides, StepOrigin } from './session.js';
import { simplifySelection } from './simplify.js';

/**
 * The edits of a proof in equation steps. Rules apply to one side of the
 * current equation; whatever is proposed (a rule of the panel, `simp`'s
 * steps, a typed line) becomes `⟹` lines that the checker accepts before
 * they are recorded — the equation of each recorded step is the checker's.
 */

/** Rules panel rows at the selection, when it is inside a side (the whole equation has none). */
export function equationRules(ctx: ProverContext, s: Session): readonly PanelEntry[] {
  const at = selectedSide(s.doc);
  if (at === null) return [];
  const options = elaborateGoal(ctx, s.goal, []).options;
  return filterEntries(rulesAt(at.term, at.path, ctx.rules, options), s.filter);
}

/** `Enter`: the highlighted rule on its side, as the line `⟹ NEW-EQUATION   by RULE at PATH [←]`. */
export function applyInEquation(ctx: ProverContext, s: Session, entry: PanelEntry): Edit {
  const where = `${entry.direction === 'backward' ? '← ' : ''}at ${formatPath(entry.path)}`;
  return sideSteps(ctx, s, [entry.step()], 'rule', entry.ruleId, `applied ${entry.ruleId} ${where}`);
}

/** `s`: the selection simplified with the `simp` rules, one `⟹` line per step. */
export function simplifyInEquation(ctx: ProverContext, s: Session): Edit {
  const at = selectedSide(s.doc);
  if (at === null) return { ok: false, message: info('simp: select a subterm of one side first (↓ selects the left side)') };
  const result = simplifySelection(ctx, at.term, at.path, elaborateGoal(ctx, s.goal, []).options);
  if (result.steps.length === 0) return { ok: false, message: info(result.message) };
  return sideSteps(ctx, s, result.steps, 'simp', 'simp', result.message);
}

/**
 * Kernel steps on the selected side, in turn, as `⟹` lines (each the whole
 * equation after it, citing the rule at its position in that side),
 * recorded only if the checker accepts every one of them.
 */
function sideSteps(ctx: ProverContext, s: Session, steps: readonly Step[], origin: StepOrigin, label: string, done: string): Edit {
  const at = selectedSide(s.doc);
  const sides = currentSides(s.doc);
  if (at === null || sides === null) return { ok: false, message: failure('select a subterm of one side of the equation first') };
  return recordLines(ctx, s, sideLines(sides, at.side, steps), { origin, label, done, near: [at.side, ...(steps.at(-1)?.path ?? at.path)] });
}

type Recording = { readonly origin: StepOrigin; readonly label: string; readonly done: string; readonly near: readonly number[] };

/** `⟹` lines recorded as steps when the checker accepts every one of them; else the first it refuses, and why. */
function recordLines(ctx: ProverContext, s: Session, lines: readonly string[], how: Recording): Edit {
  const outcome = checkEquationLines(ctx, s.goal, s.doc, lines, how.origin);
  if (!outcome.ok) return { ok: false, message: failure(`the checker does not accept "${lines[outcome.index]}": ${outcome.message}`) };
  return { ok: true, label: how.label, recipe: (doc) => appendSteps(doc, outcome.steps, how.near), message: finished(how.done, outcome.proved) };
}

/**
 * `a`: each side of the current equation taken to the same side of the claim
 * by the `by auto` search (`proposeChain`, bounded), as `⟹` lines the
 * checker accepts — the left side's steps, then the right side's. It only
 * rewrites sides: a step that acts on both sides (`both-sides …`) is the
 * user's, and when one is needed the message says which side was not reached.
 */
export function autoInEquation(ctx: ProverContext, s: Session): Edit {
  const sides = currentSides(s.doc);
  if (sides === null) return { ok: false, message: info('a: type the first equation first (:)') };
  if (s.goal.rhs === null) return { ok: false, message: failure('a: the claim has no right side to reach') };
  const options = elaborateGoal(ctx, s.goal, []).options;
  const reach = (from: Term, to: Term) => (equalTerms(from, to) ? { ok: true as const, steps: [] } : proposeChain(from, to, ctx.rules, options, ctx.limits.search));
  const left = reach(sides.lhs, s.goal.lhs);
  if (!left.ok) return { ok: false, message: failure(notReached('left', left)) };
  const right = reach(sides.rhs, s.goal.rhs);
  if (!right.ok) return { ok: false, message: failure(notReached('right', right)) };
  if (left.steps.length + right.steps.length === 0) return { ok: false, message: info('a: the equation is the claim already') };
  const lines = [...sideLines(sides, 0, left.steps), ...sideLines({ lhs: s.goal.lhs, rhs: sides.rhs }, 1, right.steps)];
  const done = `auto: ${count([...left.steps, ...right.steps])} take both sides to the claim's`;
  return recordLines(ctx, s, lines, { origin: 'auto', label: 'auto', done, near: [] });
}

const notReached = (side: string, found: { stop: string; explored: number; busiest: readonly string[] }): string =>
  `auto: the ${side} side does not reach the claim's (${found.stop} after ${found.explored} terms${mostApplied(found.busiest)}); ` +
  'a step on both sides (: ⟹ … by both-sides …) may be needed first';

/** `⟹ EQUATION   by RULE at PATH`: each step of one side, with the equation it leaves. */
function sideLines(sides: Sides, side: 0 | 1, steps: readonly Step[]): string[] {
  let current = sides;
  return steps.map((step) => {
    current = side === 0 ? { lhs: step.after, rhs: current.rhs } : { lhs: current.lhs, rhs: step.after };
    return `⟹ ${equationText(current)}   by ${ruleClause(step.ruleId, step.direction, step.path)}`;
  });
}

/** `:` then `Enter`: the typed line (the first equation, or a `⟹` step), checked by the kernel. */
export function manualEquationStep(ctx: ProverContext, s: Session, typed: string, replacesPending: boolean): Edit {
  const outcome = checkTypedEquation(ctx, s.goal, s.doc, typed);
  if (!outcome.ok) return { ok: false, message: failure(outcome.error.message), error: outcome.error };
  const recipe = (doc: Draft<ProofDoc>): void => {
    if (replacesPending) doc.pending.shift();
    appendSteps(doc, [outcome.step], s.doc.selection.length > 0 ? s.doc.selection : [0]);
  };
  return { ok: true, label: 'typed line', recipe, message: finished(`checked: ${outcome.step.rules.join(', ') || 'no rewrite needed'}`, outcome.proved) };
}

/** The message after a step: what was done, and that the proof is finished when the checker says it is proved. */
const finished = (done: string, proved: boolean) => (proved ? success(`${done} — the equation is the claim: proved (w saves)`) : success(done));

/** Why `e` is refused in equation steps (DESIGN: `proof entrywise i j` is a calculation chain of entries). */
export const NOT_IN_EQUATIONS = {
  entrywise: 'e: entry by entry is for calculation chains; this proof goes by equation steps',
} as const;
