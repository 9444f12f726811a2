import { applyPatches, castDraft, enablePatches, produce, produceWithPatches, type Draft } from 'immer';
import { printTerm } from '../print/index.js';
import { applyHighlighted, autoStep, manualStep, restoreJournal, simplifyStep, toggleEntrywise, visibleRules, type Edit } from './edits.js';
import { checkSession } from './manual-line.js';
import { movePath, nearestPosition, type Move } from './navigate.js';
import type { ProverContext } from './prover-context.js';
import { fileText, theoremShape, theoremText } from './render-proof.js';
import { flippedIndex } from './rules-panel.js';
import { equationText, focusTerm } from './focus.js';
import { lastLine, type Message, type ProofDoc, type Session, type TranscriptEntry } from './session.js';

enablePatches();

/**
 * Everything that can happen in a session. The view turns keys into these
 * (`keys.ts`) and results of I/O into the `save-*` ones; nothing else changes
 * the session.
 */
export type Action =
  | { readonly type: 'move'; readonly move: Move }
  | { readonly type: 'select-rule'; readonly delta: number }
  | { readonly type: 'flip' }
  | { readonly type: 'filter-open' }
  | { readonly type: 'filter'; readonly text: string }
  | { readonly type: 'filter-close'; readonly keep: boolean }
  | { readonly type: 'apply' }
  | { readonly type: 'manual-open' }
  | { readonly type: 'manual-edit'; readonly text: string }
  | { readonly type: 'manual-submit' }
  | { readonly type: 'entrywise' }
  | { readonly type: 'auto-request' }
  | { readonly type: 'auto' }
  | { readonly type: 'simplify-request' }
  | { readonly type: 'simplify' }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  | { readonly type: 'save-request'; readonly overwrite?: boolean; readonly path?: string }
  | { readonly type: 'save-and-quit' }
  | { readonly type: 'save-as-edit'; readonly text: string }
  | { readonly type: 'save-as-submit' }
  | { readonly type: 'save-done'; readonly path: string }
  | { readonly type: 'save-failed'; readonly reason: string }
  | { readonly type: 'save-conflict'; readonly path: string }
  | { readonly type: 'quit-request' }
  | { readonly type: 'quit-confirm' }
  | { readonly type: 'cancel' }
  | { readonly type: 'help' }
  | { readonly type: 'resize'; readonly columns: number; readonly rows: number }
  | { readonly type: 'journal'; readonly restore: boolean };

/** The file name offered when a session without a file is saved. */
export const DEFAULT_SAVE_NAME = 'proof.proof';

/**
 * The reducer: the next session after `action`. Pure — no I/O, no clock —
 * so every action is a plain unit test (`test/tui/state.test.ts`).
 * Invariants: only the edits of `edits.ts` (and `journal`) change `doc.steps`,
 * each recorded as one undo entry of immer patches; `doc.selection` is always
 * a position of the focus term (`focus.ts`); the transcript only grows.
 */
export function reduce(ctx: ProverContext, s: Session, action: Action): Session {
  switch (action.type) {
    case 'move': return set(s, (d) => ((d.doc.selection = [...movePath(focusTerm(s.doc), s.doc.selection, action.move)]), (d.highlight = 0)));
    case 'select-rule': return set(s, (d) => (d.highlight = clampRow(ctx, s, s.highlight + action.delta)));
    case 'flip': return flip(ctx, s);
    case 'filter-open': return set(s, (d) => (d.mode = { kind: 'filter' }));
    case 'filter': return set(s, (d) => ((d.filter = action.text), (d.highlight = 0)));
    case 'filter-close': return set(s, (d) => ((d.mode = { kind: 'normal' }), (d.filter = action.keep ? s.filter : '')));
    case 'apply': return commit(s, applyHighlighted(ctx, s));
    case 'manual-open': return set(s, (d) => (d.mode = { kind: 'manual', text: '', error: null, replacesPending: false }));
    case 'manual-edit': return s.mode.kind !== 'manual' ? s : set(s, (d) => (d.mode = { ...(s.mode as Extract<Session['mode'], { kind: 'manual' }>), text: action.text, error: null }));
    case 'manual-submit': return submitManual(ctx, s);
    case 'entrywise': return commit(s, toggleEntrywise(ctx, s));
    case 'auto-request': return s.doc.style === 'equations' ? commit(s, autoStep(ctx, s)) : set(s, (d) => ((d.busy = 'auto'), (d.message = { text: 'auto: searching…', tone: 'info' })));
    case 'auto': return commit(set(s, (d) => (d.busy = null)), autoStep(ctx, s));
    case 'simplify-request': return set(s, (d) => ((d.busy = 'simplify'), (d.message = { text: 'simp: simplifying the selection…', tone: 'info' })));
    case 'simplify': return commit(set(s, (d) => (d.busy = null)), simplifyStep(ctx, s));
    case 'undo': return travel(s, 'undo');
    case 'redo': return travel(s, 'redo');
    case 'save-request': return requestSave(ctx, s, action.path ?? s.path, action.overwrite === true);
    case 'save-and-quit': return requestSave(ctx, set(s, (d) => (d.quitAfterSave = true)), s.path, false);
    case 'save-as-edit': return set(s, (d) => (d.mode = { kind: 'save-as', text: action.text }));
    case 'save-as-submit': return s.mode.kind === 'save-as' ? requestSave(ctx, set(s, (d) => (d.mode = { kind: 'normal' })), s.mode.text.trim(), false) : s;
    case 'save-done': return saved(ctx, s, action.path);
    case 'save-failed': return set(s, (d) => ((d.request = null), (d.quitAfterSave = false), (d.message = { text: `not saved: ${action.reason}`, tone: 'error' })));
    case 'save-conflict': return set(s, (d) => ((d.request = null), (d.mode = { kind: 'confirm-overwrite', path: action.path }), (d.message = { text: `${action.path} changed on disk since it was opened: w overwrites it, any other key keeps it`, tone: 'error' })));
    case 'quit-request': return requestQuit(s);
    case 'quit-confirm': return set(s, (d) => ((d.mode = { kind: 'normal' }), (d.request = { kind: 'quit' })));
    case 'cancel': return set(s, (d) => ((d.mode = { kind: 'normal' }), (d.help = false), (d.quitAfterSave = false), (d.message = null)));
    case 'help': return set(s, (d) => (d.help = !s.help));
    case 'resize': return set(s, (d) => (d.size = { columns: action.columns, rows: action.rows }));
    case 'journal': return journal(s, action.restore);
  }
}

/** A change that is not undoable (the view: selection, filter, mode, messages). */
function set(s: Session, recipe: (d: Draft<Session>) => unknown): Session {
  return produce(s, (d) => void recipe(d));
}

/** Has the proof changed since it was opened or last saved? */
export const isDirty = (s: Session): boolean => theoremText(s.goal, s.doc) !== s.savedText;

/** Runs an edit: its recipe through `produceWithPatches`, the patches onto the undo stack, the new lines into the transcript. */
function commit(s: Session, edit: Edit): Session {
  if (!edit.ok) return set(s, (d) => (d.message = edit.message));
  const [doc, patches, inverse] = produceWithPatches(s.doc, edit.recipe);
  return set(s, (d) => {
    d.doc = castDraft(doc);
    d.history.undo.push(castDraft({ label: edit.label, patches, inverse }));
    d.history.redo = [];
    d.highlight = 0;
    d.message = edit.message;
    d.mode = { kind: 'normal' };
    logChange(d, s.doc, doc, null);
  });
}

/** Undo or redo: applies the recorded patches; the selection moves to the nearest position that still exists. */
function travel(s: Session, way: 'undo' | 'redo'): Session {
  const entry = (way === 'undo' ? s.history.undo : s.history.redo).at(-1);
  if (entry === undefined) return set(s, (d) => (d.message = { text: `nothing to ${way}`, tone: 'info' }));
  const moved = applyPatches(s.doc, way === 'undo' ? entry.inverse : entry.patches);
  const doc = produce(moved, (d) => void (d.selection = [...nearestPosition(focusTerm(moved), moved.selection)]));
  return set(s, (d) => {
    d.doc = castDraft(doc);
    (way === 'undo' ? d.history.undo : d.history.redo).pop();
    (way === 'undo' ? d.history.redo : d.history.undo).push(castDraft(entry));
    d.highlight = 0;
    d.message = { text: `${way === 'undo' ? 'undid' : 'redid'} ${entry.label}`, tone: 'info' };
    logChange(d, s.doc, doc, way);
  });
}

/**
 * Adds to the transcript what changed between two documents: a new start
 * (entry by entry), the lines taken back (undo), the lines added.
 */
function logChange(d: Draft<Session>, before: ProofDoc, after: ProofDoc, way: 'undo' | 'redo' | null): void {
  const log = (text: string, tone: TranscriptEntry['tone']): void => void d.transcript.push({ id: d.transcript.length, text, tone });
  let common = 0;
  while (common < before.steps.length && common < after.steps.length && before.steps[common] === after.steps[common]) common++;
  if (before.start !== after.start) log(`  ${after.indices.length > 0 ? `entry (${after.indices.join(', ')}): ` : ''}${printTerm(after.start)}`, 'step');
  if (before.steps.length > common) log(`↶ ${way ?? 'back'} to ${common === 0 ? 'the start' : `line ${common}`}: ${reachedText(after, common)}`, 'undo');
  for (const step of after.steps.slice(common)) log(`${way === 'redo' ? '↷' : ' '} ${lastLine(step.line).trim()}`, 'step');
}

/** What the proof states after its first `count` steps: the term reached, or in equation steps the equation. */
function reachedText(doc: ProofDoc, count: number): string {
  const step = count === 0 ? undefined : doc.steps[count - 1];
  if (doc.style === 'equations') return step?.sides === undefined ? '(no equation yet)' : equationText(step.sides);
  return printTerm(step?.term ?? doc.start);
}

function clampRow(ctx: ProverContext, s: Session, row: number): number {
  const count = visibleRules(ctx, s).length;
  return count === 0 ? 0 : Math.max(0, Math.min(count - 1, row));
}

/** `Tab`: the highlighted rule in the other direction, if it applies that way here. */
function flip(ctx: ProverContext, s: Session): Session {
  const rows = visibleRules(ctx, s);
  const row = rows[s.highlight];
  const other = flippedIndex(rows, s.highlight);
  if (row === undefined) return set(s, (d) => (d.message = { text: 'no rule to flip', tone: 'info' }));
  if (other === undefined) {
    const way = row.direction === 'forward' ? 'right to left' : 'left to right';
    return set(s, (d) => (d.message = { text: `${row.ruleId} does not apply ${way} here`, tone: 'error' }));
  }
  return set(s, (d) => ((d.highlight = other), (d.message = { text: `${row.ruleId} ${rows[other]!.direction === 'backward' ? '←' : '→'}`, tone: 'info' })));
}

function submitManual(ctx: ProverContext, s: Session): Session {
  if (s.mode.kind !== 'manual') return s;
  const mode = s.mode;
  const edit = manualStep(ctx, s, mode.text, mode.replacesPending);
  if (edit.ok) return commit(s, edit);
  return set(s, (d) => ((d.mode = { ...mode, error: edit.error ?? { message: edit.message.text, column: 0 } }), (d.message = edit.message)));
}

/** `w`: asks the view to write the file (or first for a file name, when the session has none). */
function requestSave(ctx: ProverContext, s: Session, path: string | null, overwrite: boolean): Session {
  if (path === null) return set(s, (d) => (d.mode = { kind: 'save-as', text: DEFAULT_SAVE_NAME }));
  if (path === '') return set(s, (d) => (d.message = { text: 'type a file name to save to', tone: 'error' }));
  const text = fileText(ctx, s.goal, s.doc);
  return set(s, (d) => ((d.mode = { kind: 'normal' }), (d.request = { kind: 'save', path, text, overwrite }), (d.message = { text: `saving ${path}…`, tone: 'info' })));
}

/** The file was written: it is the session's file now, clean; the checker's verdict on it is shown. */
function saved(ctx: ProverContext, s: Session, path: string): Session {
  const verdict = checkSession(ctx, s.goal, s.doc);
  const message: Message = { text: `saved ${path} — ${verdict.text}`, tone: verdict.proved ? 'success' : 'info' };
  const statement = theoremShape(s.goal, s.doc).statement;
  return set(s, (d) => {
    d.path = path;
    d.savedText = theoremText(s.goal, s.doc);
    d.request = s.quitAfterSave ? { kind: 'quit' } : null;
    d.message = message;
    d.transcript.push({ id: d.transcript.length, text: `saved ${path}: theorem ${s.goal.name} : ${statement}`, tone: 'info' });
  });
}

/** `q`: leaves at once when everything is saved, else asks. */
function requestQuit(s: Session): Session {
  if (!isDirty(s)) return set(s, (d) => (d.request = { kind: 'quit' }));
  const n = s.doc.steps.length;
  const text = `unsaved changes (${n} step${n === 1 ? '' : 's'}): q quits without saving, w saves and quits, Esc stays`;
  return set(s, (d) => ((d.mode = { kind: 'confirm-quit' }), (d.message = { text, tone: 'error' })));
}

/** `r` / `d` when a journal is offered: restore its proof (undoable) or drop it. */
function journal(s: Session, restore: boolean): Session {
  const cleared = set(s, (d) => ((d.mode = { kind: 'normal' }), (d.journal = null)));
  if (!restore || s.journal === null) return set(cleared, (d) => (d.message = { text: 'journal discarded', tone: 'info' }));
  return commit(cleared, restoreJournal(s.journal));
}
