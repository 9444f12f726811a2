import type { Session } from './session.js';
import type { Action } from './state.js';

/** The parts of Ink's `Key` the prover reads (all optional, so tests can name only what they press). */
export type KeyInfo = {
  readonly upArrow?: boolean; readonly downArrow?: boolean; readonly leftArrow?: boolean; readonly rightArrow?: boolean;
  readonly pageUp?: boolean; readonly pageDown?: boolean;
  readonly return?: boolean; readonly escape?: boolean; readonly tab?: boolean;
  readonly backspace?: boolean; readonly delete?: boolean; readonly ctrl?: boolean; readonly meta?: boolean;
};

/** The key table shown by `?` and in the README: key, what it does. */
export const KEY_HELP: readonly (readonly [string, string])[] = [
  ['↑ k', 'select the parent subterm'],
  ['↓ j', 'select the first child'],
  ['← h  → l', 'previous / next sibling'],
  ['n p  PgDn PgUp', 'next / previous rule in the panel'],
  ['Enter', 'apply the highlighted rule'],
  ['Tab', 'flip its direction (→ left to right, ← right to left)'],
  ['/', 'filter the rules by name (Enter keeps, Esc clears)'],
  [':', 'type the next line: = TERM by RULE, … (or TERM: by auto); in equation steps ⟹ EQUATION by …'],
  ['a', 'auto-complete the proof (calculation chains)'],
  ['s', 'simplify the selection with the simp rules'],
  ['e', 'prove entry by entry (before the first step)'],
  ['u  Ctrl-R', 'undo / redo'],
  ['w', 'save the proof file'],
  ['?', 'this help'],
  ['q', 'quit (asks when there are unsaved steps)'],
];

/**
 * What a key press means in the session's current mode. Pure: the view
 * dispatches the actions returned, in order. Keys are ignored while a search
 * runs.
 */
export function keyActions(s: Session, input: string, key: KeyInfo): Action[] {
  if (s.busy !== null) return [];
  if (s.help) return [{ type: 'help' }];
  switch (s.mode.kind) {
    case 'normal': return normalKey(input, key);
    case 'filter': return lineKey(s.filter, input, key, {
      edit: (text) => ({ type: 'filter', text }), submit: { type: 'filter-close', keep: true }, escape: { type: 'filter-close', keep: false },
      up: { type: 'select-rule', delta: -1 }, down: { type: 'select-rule', delta: 1 },
    });
    case 'manual': return lineKey(s.mode.text, input, key, { edit: (text) => ({ type: 'manual-edit', text }), submit: { type: 'manual-submit' }, escape: { type: 'cancel' } });
    case 'save-as': return lineKey(s.mode.text, input, key, { edit: (text) => ({ type: 'save-as-edit', text }), submit: { type: 'save-as-submit' }, escape: { type: 'cancel' } });
    case 'confirm-quit': return input === 'q' || input === 'y' ? [{ type: 'quit-confirm' }] : input === 'w' ? [{ type: 'save-and-quit' }] : [{ type: 'cancel' }];
    case 'confirm-overwrite': return input === 'w' ? [{ type: 'save-request', overwrite: true, path: s.mode.path }] : [{ type: 'cancel' }];
    case 'resume': return input === 'r' ? [{ type: 'journal', restore: true }] : input === 'd' ? [{ type: 'journal', restore: false }] : [];
  }
}

function normalKey(input: string, key: KeyInfo): Action[] {
  if (key.upArrow || input === 'k') return [{ type: 'move', move: 'parent' }];
  if (key.downArrow || input === 'j') return [{ type: 'move', move: 'child' }];
  if (key.leftArrow || input === 'h') return [{ type: 'move', move: 'prev' }];
  if (key.rightArrow || input === 'l') return [{ type: 'move', move: 'next' }];
  if (key.pageDown || input === 'n') return [{ type: 'select-rule', delta: 1 }];
  if (key.pageUp || input === 'p') return [{ type: 'select-rule', delta: -1 }];
  if (key.return) return [{ type: 'apply' }];
  if (key.tab) return [{ type: 'flip' }];
  if (key.ctrl && input === 'r') return [{ type: 'redo' }];
  if (key.ctrl || key.meta) return [];
  const simple: Record<string, Action> = {
    '/': { type: 'filter-open' }, ':': { type: 'manual-open' }, a: { type: 'auto-request' }, s: { type: 'simplify-request' },
    e: { type: 'entrywise' }, u: { type: 'undo' }, w: { type: 'save-request' }, '?': { type: 'help' }, q: { type: 'quit-request' },
  };
  const action = simple[input];
  if (action !== undefined) return [action];
  return key.escape ? [{ type: 'cancel' }] : [];
}

type LineKeys = { edit: (text: string) => Action; submit: Action; escape: Action; up?: Action; down?: Action };

/** Editing a one-line text: printable keys append, Backspace deletes the last character, Ctrl-U clears. */
function lineKey(text: string, input: string, key: KeyInfo, on: LineKeys): Action[] {
  if (key.return) return [on.submit];
  if (key.escape) return [on.escape];
  if (key.upArrow && on.up) return [on.up];
  if (key.downArrow && on.down) return [on.down];
  if (key.backspace || key.delete) return [on.edit([...text].slice(0, -1).join(''))];
  if (key.ctrl && input === 'u') return [on.edit('')];
  if (key.ctrl || key.meta || key.tab || input === '') return [];
  return [on.edit(text + input)];
}
