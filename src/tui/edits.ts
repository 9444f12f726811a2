import { castDraft, type Draft } from 'immer';
import type { Step } from '../rewrite/index.js';
import { formatPath, type Term } from '../term/index.js';
import { autoComplete, entryIndices } from './auto-complete.js';
import { appendSteps, failure, info, success, type Edit } from './edit.js';
import { applyInEquation, autoInEquation, equationRules, manualEquationStep, NOT_IN_EQUATIONS, simplifyInEquation } from './equation-edits.js';
import { checkManualLine } from './manual-line.js';
import { elaborateGoal, type ProverContext } from './prover-context.js';
import { ruleClause, rewriteLine } from './render-proof.js';
import { filterEntries, rulesAt, type PanelEntry } from './rules-panel.js';
import { currentTerm, type ProofDoc, type Session, type SessionStep, type StepOrigin } from './session.js';
import { simplifySelection } from './simplify.js';

/**
 * The undoable changes to the proof, one per key: each returns an `Edit`
 * (`edit.ts`) for `state.ts` to run; in equation steps they hand over to
 * `equation-edits.ts`.
 */
export type { Edit } from './edit.js';

/** The rows of the rules panel the user sees: the rules at the selection, filtered. */
export function visibleRules(ctx: ProverContext, s: Session): readonly PanelEntry[] {
  if (s.doc.style === 'equations') return equationRules(ctx, s);
  const facts = elaborateGoal(ctx, s.goal, s.doc.indices);
  return filterEntries(rulesAt(currentTerm(s.doc), s.doc.selection, ctx.rules, facts.options), s.filter);
}

/** A kernel step as a line of the proof: `= TERM   by rule at PATH [←]`. */
export function stepOf(step: Step, origin: StepOrigin): SessionStep {
  return { term: step.after, line: rewriteLine(step.after, ruleClause(step.ruleId, step.direction, step.path)), rules: [step.ruleId], origin };
}

/** `Enter`: applies the highlighted rule of the panel. */
export function applyHighlighted(ctx: ProverContext, s: Session): Edit {
  const rows = visibleRules(ctx, s);
  const entry = rows[Math.min(s.highlight, rows.length - 1)];
  if (entry === undefined) return { ok: false, message: failure(s.filter === '' ? 'no rule applies at this subterm' : `no rule matching "${s.filter}" applies here`) };
  if (s.doc.style === 'equations') return applyInEquation(ctx, s, entry);
  const step = stepOf(entry.step(), 'rule');
  const where = `${entry.direction === 'backward' ? '← ' : ''}at ${formatPath(entry.path)}`;
  return { ok: true, label: entry.ruleId, recipe: (doc) => appendSteps(doc, [step], entry.path), message: success(`applied ${entry.ruleId} ${where}`) };
}

/** `:` then `Enter`: the typed line, checked by the kernel (see `manual-line.ts`, and `equation-lines.ts` in equation steps). */
export function manualStep(ctx: ProverContext, s: Session, typed: string, replacesPending: boolean): Edit {
  if (s.doc.style === 'equations') return manualEquationStep(ctx, s, typed, replacesPending);
  const outcome = checkManualLine(ctx, s.goal, s.doc, typed);
  if (!outcome.ok) return { ok: false, message: failure(outcome.error.message), error: outcome.error };
  const step: SessionStep = { term: outcome.term, line: outcome.line, rules: outcome.rules, origin: 'manual' };
  const recipe = (doc: Draft<ProofDoc>): void => {
    if (replacesPending) doc.pending.shift();
    appendSteps(doc, [step], s.doc.selection);
  };
  return { ok: true, label: 'typed line', recipe, message: success(`checked: ${outcome.rules.join(', ') || 'no rewrite needed'}`) };
}

/** `a`: auto-completion (see `auto-complete.ts`); one undo takes all of it back. */
export function autoStep(ctx: ProverContext, s: Session): Edit {
  if (s.doc.style === 'equations') return autoInEquation(ctx, s);
  const result = autoComplete(ctx, s.goal, s.doc);
  if (result.steps.length === 0 && result.indices === s.doc.indices) return { ok: false, message: failure(result.message) };
  const steps = result.steps.map((step) => stepOf(step, 'auto'));
  const recipe = (doc: Draft<ProofDoc>): void => {
    if (result.indices !== s.doc.indices) switchStart(doc, result.indices, result.start);
    appendSteps(doc, steps, []);
  };
  return { ok: true, label: 'auto', recipe, message: result.reached || result.steps.length > 0 ? success(result.message) : info(result.message) };
}

/** `s`: simplifies the selected subterm with the `simp` rules. */
export function simplifyStep(ctx: ProverContext, s: Session): Edit {
  if (s.doc.style === 'equations') return simplifyInEquation(ctx, s);
  const facts = elaborateGoal(ctx, s.goal, s.doc.indices);
  const result = simplifySelection(ctx, currentTerm(s.doc), s.doc.selection, facts.options);
  if (result.steps.length === 0) return { ok: false, message: info(result.message) };
  const steps = result.steps.map((step) => stepOf(step, 'simp'));
  return { ok: true, label: 'simp', recipe: (doc) => appendSteps(doc, steps, s.doc.selection), message: success(result.message) };
}

/** `e`: proves the goal entry by entry (or back to a plain chain); only before the first step. */
export function toggleEntrywise(ctx: ProverContext, s: Session): Edit {
  if (s.doc.style === 'equations') return { ok: false, message: failure(NOT_IN_EQUATIONS.entrywise) };
  if (s.doc.steps.length > 0) return { ok: false, message: failure('entry by entry is chosen before the first step (undo back to the start first)') };
  const facts = elaborateGoal(ctx, s.goal, []);
  const indices = s.doc.indices.length > 0 ? [] : entryIndices(s.goal, facts);
  if (indices.length === 0 && s.doc.indices.length === 0) return { ok: false, message: failure('the goal is a scalar: it has no entries') };
  const start = elaborateGoal(ctx, s.goal, indices).start;
  const text = indices.length > 0 ? `proving entry (${indices.join(', ')}) of both sides` : 'proving the whole term again';
  return { ok: true, label: 'entry by entry', recipe: (doc) => switchStart(doc, indices, start), message: info(text) };
}

function switchStart(doc: Draft<ProofDoc>, indices: readonly string[], start: Term): void {
  doc.indices = [...indices];
  doc.start = castDraft(start);
  doc.startLine = null;
  doc.selection = [];
}

/** `r` when a journal is offered: the journal's proof replaces the session's (undoable). */
export function restoreJournal(journal: ProofDoc): Edit {
  const recipe = (doc: Draft<ProofDoc>): void => {
    Object.assign(doc, castDraft(journal));
  };
  return { ok: true, label: 'journal', recipe, message: success(`restored ${journal.steps.length} step${journal.steps.length === 1 ? '' : 's'} from the journal`) };
}
