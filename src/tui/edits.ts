import { castDraft, type Draft } from 'immer';
import type { Step } from '../rewrite/index.js';
import { formatPath, type Term } from '../term/index.js';
import { autoComplete, entryIndices } from './auto-complete.js';
import { checkManualLine } from './manual-line.js';
import { nearestPosition } from './navigate.js';
import { elaborateGoal, type ProverContext } from './prover-context.js';
import { ruleClause, rewriteLine } from './render-proof.js';
import { filterEntries, rulesAt, type PanelEntry } from './rules-panel.js';
import { currentTerm, type LineError, type Message, type ProofDoc, type Session, type SessionStep, type StepOrigin } from './session.js';
import { simplifySelection } from './simplify.js';

/**
 * The changes to the proof itself — the undoable ones. Each is computed from
 * the (frozen) session first, then described as a recipe on the proof
 * document; `state.ts` runs the recipe with `produceWithPatches` and keeps
 * the patches for undo. An edit that cannot be made returns only a message.
 */
export type Edit =
  | { readonly ok: true; readonly label: string; readonly recipe: (doc: Draft<ProofDoc>) => void; readonly message: Message }
  | { readonly ok: false; readonly message: Message; readonly error?: LineError };

const info = (text: string): Message => ({ text, tone: 'info' });
const success = (text: string): Message => ({ text, tone: 'success' });
const failure = (text: string): Message => ({ text, tone: 'error' });

/** The rows of the rules panel the user sees: the rules at the selection, filtered. */
export function visibleRules(ctx: ProverContext, s: Session): readonly PanelEntry[] {
  const facts = elaborateGoal(ctx, s.goal, s.doc.indices);
  return filterEntries(rulesAt(currentTerm(s.doc), s.doc.selection, ctx.rules, facts.options), s.filter);
}

/** A kernel step as a line of the proof: `= TERM   by rule at PATH [←]`. */
export function stepOf(step: Step, origin: StepOrigin): SessionStep {
  return { term: step.after, line: rewriteLine(step.after, ruleClause(step.ruleId, step.direction, step.path)), rules: [step.ruleId], origin };
}

/** Appends steps (before the kept lines of the file) and moves the selection to where the last one rewrote, or as near as exists. */
function appendSteps(doc: Draft<ProofDoc>, steps: readonly SessionStep[], near: readonly number[]): void {
  for (const step of steps) doc.steps.push(castDraft(step));
  const last = steps.at(-1)?.term;
  if (last !== undefined) doc.selection = [...nearestPosition(last, near)];
}

/** `Enter`: applies the highlighted rule of the panel. */
export function applyHighlighted(ctx: ProverContext, s: Session): Edit {
  const rows = visibleRules(ctx, s);
  const entry = rows[Math.min(s.highlight, rows.length - 1)];
  if (entry === undefined) return { ok: false, message: failure(s.filter === '' ? 'no rule applies at this subterm' : `no rule matching "${s.filter}" applies here`) };
  const step = stepOf(entry.step(), 'rule');
  const where = `${entry.direction === 'backward' ? '← ' : ''}at ${formatPath(entry.path)}`;
  return { ok: true, label: entry.ruleId, recipe: (doc) => appendSteps(doc, [step], entry.path), message: success(`applied ${entry.ruleId} ${where}`) };
}

/** `:` then `Enter`: the typed line, checked by the kernel (see `manual-line.ts`). */
export function manualStep(ctx: ProverContext, s: Session, typed: string, replacesPending: boolean): Edit {
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
  const facts = elaborateGoal(ctx, s.goal, s.doc.indices);
  const result = simplifySelection(ctx, currentTerm(s.doc), s.doc.selection, facts.options);
  if (result.steps.length === 0) return { ok: false, message: info(result.message) };
  const steps = result.steps.map((step) => stepOf(step, 'simp'));
  return { ok: true, label: 'simp', recipe: (doc) => appendSteps(doc, steps, s.doc.selection), message: success(result.message) };
}

/** `e`: proves the goal entry by entry (or back to a plain chain); only before the first step. */
export function toggleEntrywise(ctx: ProverContext, s: Session): Edit {
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
