import { castDraft, type Draft } from 'immer';
import { stepFocus } from './focus.js';
import { nearestPosition } from './navigate.js';
import type { LineError, Message, ProofDoc, SessionStep } from './session.js';

/**
 * A change to the proof itself — an undoable one. It is computed from the
 * (frozen) session first, then described as a recipe on the proof document;
 * `state.ts` runs the recipe with `produceWithPatches` and keeps the patches
 * for undo. An edit that cannot be made returns only a message (and, for a
 * typed line, the error at its column).
 */
export type Edit =
  | { readonly ok: true; readonly label: string; readonly recipe: (doc: Draft<ProofDoc>) => void; readonly message: Message }
  | { readonly ok: false; readonly message: Message; readonly error?: LineError };

export const info = (text: string): Message => ({ text, tone: 'info' });
export const success = (text: string): Message => ({ text, tone: 'success' });
export const failure = (text: string): Message => ({ text, tone: 'error' });

/**
 * Appends steps (before the kept lines of the file) and moves the selection
 * to `near`, or the nearest position of the new focus that exists.
 * Invariant kept: the selection is a position of the focus term.
 */
export function appendSteps(doc: Draft<ProofDoc>, steps: readonly SessionStep[], near: readonly number[]): void {
  for (const step of steps) doc.steps.push(castDraft(step));
  const last = steps.at(-1);
  if (last !== undefined) doc.selection = [...nearestPosition(stepFocus(last), near)];
}
