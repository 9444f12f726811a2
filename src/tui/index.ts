/**
 * The interactive prover: a pure session reducer (`state.ts`) and the Ink
 * components that draw it; it continues calculation chains and equation
 * steps (`⟹` lines). The CLI opens a session (`openNewGoal`,
 * `openFileTheorem`), renders `ProverApp` with the file I/O it performs, or,
 * without a terminal, prints the proof with `plainProof`.
 */
export type { Goal, ProofDoc, ProofStyle, Session, SessionStep, Sides, InputMode, Message, TranscriptEntry, Request } from './session.js';
export { currentTerm } from './session.js';
export { focusTerm, currentSides, reachesClaim, selectedSide } from './focus.js';
export { makeProverContext, elaborateGoal, type ProverContext, type ContextInput, type GoalFacts } from './prover-context.js';
export { reduce, isDirty, DEFAULT_SAVE_NAME, type Action } from './state.js';
export { keyActions, KEY_HELP, type KeyInfo } from './keys.js';
export { movePath, nearestPosition, type Move } from './navigate.js';
export { rulesAt, filterEntries, flippedIndex, type PanelEntry } from './rules-panel.js';
export { fileText, theoremText, theoremLines, theoremShape, checkText, ruleClause, rewriteLine } from './render-proof.js';
export { checkManualLine, checkSession, completeLine, type ManualOutcome, type Verdict } from './manual-line.js';
export { checkEquationLines, checkTypedEquation, completeEquationLine, type EquationLinesOutcome, type TypedEquationOutcome } from './equation-lines.js';
export { proofStyle } from './open-equations.js';
export { autoComplete, type AutoResult } from './auto-complete.js';
export { descend, measure, type Descent } from '../search/descend.js';
export { simplifySelection } from './simplify.js';
export { openNewGoal, makeSession, DEFAULT_SIZE, type NewGoalInput, type Opened } from './open-session.js';
export { openFileTheorem, type FileTheoremInput } from './open-theorem.js';
export { wrapFormula, lineText, type WrappedLine, type Segment } from './wrap.js';
export { visibleRules } from './edits.js';
export { plainProof, type PlainProof } from './plain-proof.js';
export { ProverApp, ProverScreen, type ProverIO, type ProverAppProps, type SaveResult } from './app.js';
