import type { Patch } from 'immer';
import type { Path, Term } from '../term/index.js';

/**
 * The interactive prover's whole state, as plain data (an immer value): the
 * goal, the proof so far, what the screen shows and what the user is typing.
 * `state.ts` is the only code that changes it.
 */

/** Where a step of the proof came from. */
export type StepOrigin = 'rule' | 'manual' | 'auto' | 'simp' | 'file';

/** The two sides of an equation, canonical (as the checker carries them through `⟹` steps). */
export type Sides = { readonly lhs: Term; readonly rhs: Term };

/**
 * One line of the proof after its start.
 * Invariant: in a calculation chain, `line` is the proof-file text of a
 * rewrite line (`  = TERM  by …`, indented as written to the file; from a
 * file, with the comment lines above it) that the checker accepts after the
 * previous term, `term` is the canonical term it reaches and `sides` is
 * absent. In equation steps, `line` is the first equation (`EQ by …`) or a
 * `⟹ EQ by …` line the checker accepts after the previous one, `sides` is
 * the equation it states (canonical, as the checker reads it) and `term` its
 * right side (the checker's current term after such a line).
 */
export type SessionStep = {
  readonly term: Term;
  readonly line: string;
  readonly rules: readonly string[];
  readonly origin: StepOrigin;
  readonly sides?: Sides;
};

/**
 * What is being proved: `lhs = rhs`, or `lhs = ?` when `rhs` is null (the
 * right side is whatever the proof reaches; see `render-proof.ts`).
 * `statement` is the statement as the user wrote it (kept verbatim when the
 * proof is saved); null when it is printed from the terms.
 */
export type Goal = {
  readonly name: string;
  readonly keyword: 'theorem' | 'lemma';
  readonly lhs: Term;
  readonly rhs: Term | null;
  readonly statement: string | null;
  /** `X` of `proof differential X` (only `X` varies; the chain runs from `d f` to `tr(dXᵀ G)`); absent in the other modes. */
  readonly variable?: string;
};

/**
 * How a proof goes: a calculation chain (a start term, then `= TERM by …`
 * lines), or equation steps (a first equation `EQ by …`, then `⟹ EQ by …`
 * lines: both-sides operations and rules applied to either side).
 */
export type ProofStyle = 'chain' | 'equations';

/**
 * The part of the state that undo and redo restore (through immer patches).
 * `indices` are the entry indices of a proof entry by entry (`proof entrywise
 * i j`), empty for a plain chain. `startLine` is the start line's text when it
 * came from a file (verbatim, with its indentation). `pending` holds text of a
 * file from its first failing step on (and comments before `qed`): not
 * checked, kept verbatim so that saving loses nothing the user wrote.
 * In equation steps (`style` `equations`) there is no start line: `start` is
 * the claim's left side (not a line of the proof), `startLine` is null,
 * `indices` empty, and every step carries its `sides`.
 * Invariant: `selection` is a position of the focus term (`focusTerm` in
 * `focus.ts`): the current term of a chain (the last step's, else `start`);
 * in equation steps, the pair of the current equation's sides.
 */
export type ProofDoc = {
  readonly style: ProofStyle;
  readonly indices: readonly string[];
  readonly start: Term;
  readonly startLine: string | null;
  readonly steps: readonly SessionStep[];
  readonly pending: readonly string[];
  readonly selection: Path;
};

/** An error in a typed line: the message and the 0-based column (code points) of the typed text it points at. */
export type LineError = { readonly message: string; readonly column: number };

/** What keys do now. `normal` moves and applies; the others edit a line or answer a question. */
export type InputMode =
  | { readonly kind: 'normal' }
  | { readonly kind: 'filter' }
  | { readonly kind: 'manual'; readonly text: string; readonly error: LineError | null; readonly replacesPending: boolean }
  | { readonly kind: 'save-as'; readonly text: string }
  | { readonly kind: 'confirm-quit' }
  | { readonly kind: 'confirm-overwrite'; readonly path: string }
  | { readonly kind: 'resume' };

export type Message = { readonly text: string; readonly tone: 'info' | 'success' | 'error' };

/** A line of the transcript printed above the live screen (Ink's `<Static>`): append-only. */
export type TranscriptEntry = { readonly id: number; readonly text: string; readonly tone: 'goal' | 'step' | 'undo' | 'info' };

/** What the view must do for the reducer (the reducer does no I/O): write the file, or leave. */
export type Request =
  | { readonly kind: 'save'; readonly path: string; readonly text: string; readonly overwrite: boolean }
  | { readonly kind: 'quit' };

/** One undoable change: the patches that made it and those that take it back. */
export type HistoryEntry = { readonly label: string; readonly patches: readonly Patch[]; readonly inverse: readonly Patch[] };

/**
 * The session. `savedText` is the theorem's text when it was last opened or
 * saved (the session is dirty when it renders differently). `journal` is a
 * proof kept by an earlier session that ended before saving, offered back.
 */
export type Session = {
  readonly goal: Goal;
  readonly doc: ProofDoc;
  readonly path: string | null;
  readonly savedText: string;
  readonly filter: string;
  readonly highlight: number;
  readonly mode: InputMode;
  readonly help: boolean;
  readonly message: Message | null;
  readonly busy: 'auto' | 'simplify' | null;
  readonly request: Request | null;
  readonly quitAfterSave: boolean;
  readonly transcript: readonly TranscriptEntry[];
  readonly size: { readonly columns: number; readonly rows: number };
  readonly history: { readonly undo: readonly HistoryEntry[]; readonly redo: readonly HistoryEntry[] };
  readonly journal: ProofDoc | null;
};

/** The term the proof has reached: the last step's, else the start. */
export const currentTerm = (doc: ProofDoc): Term => doc.steps.at(-1)?.term ?? doc.start;

/** The last line of a step's text (a step from a file may carry comment lines above it). */
export const lastLine = (text: string): string => text.slice(text.lastIndexOf('\n') + 1);
