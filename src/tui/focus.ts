import { printTerm, printTermMarked } from '../print/index.js';
import * as c from '../term/index.js';
import { equalTerms, formatPath, getAt, type Path, type Term } from '../term/index.js';
import { currentTerm, type Goal, type ProofDoc, type SessionStep, type Sides } from './session.js';

/**
 * What the selection moves over. In a calculation chain it is the current
 * term. In equation steps it is the current equation as a pair of its sides
 * (a `tuple` term used only for navigation, never printed nor rewritten):
 * position `0.…` is in the left side, `1.…` in the right side, the root is
 * the whole equation. Before the first equation the pair is empty (only the
 * root). Invariant: `doc.selection` is a position of `focusTerm(doc)`.
 */
export function focusTerm(doc: ProofDoc): Term {
  if (doc.style === 'chain') return currentTerm(doc);
  const sides = currentSides(doc);
  return sides === null ? NO_EQUATION : pairOf(sides);
}

/** The focus a step leaves: its equation's pair in equation steps, else its term. */
export const stepFocus = (step: SessionStep): Term => (step.sides === undefined ? step.term : pairOf(step.sides));

const NO_EQUATION: Term = c.tuple([]);
const pairOf = (sides: Sides): Term => c.tuple([sides.lhs, sides.rhs]);

/** The equation reached in equation steps (the last step's), or null (a chain, or no equation yet). */
export const currentSides = (doc: ProofDoc): Sides | null => (doc.style === 'chain' ? null : doc.steps.at(-1)?.sides ?? null);

/** Where a proof in equation steps starts its selection: the left side, when there is an equation. */
export const sideSelection = (focus: Term): Path => (getAt(focus, [0]) === undefined ? [] : [0]);

/**
 * The term rules apply to and the position in it: the current term and the
 * selection in a chain; in equation steps, the selected side and the position
 * inside it, or null when the whole equation (or nothing) is selected.
 */
export function selectedSide(doc: ProofDoc): { readonly side: 0 | 1; readonly term: Term; readonly path: Path } | null {
  if (doc.style === 'chain') return null;
  const sides = currentSides(doc);
  const [side, ...path] = doc.selection;
  if (sides === null || (side !== 0 && side !== 1)) return null;
  return { side, term: side === 0 ? sides.lhs : sides.rhs, path };
}

/** The selected subterm, undefined when it is a whole equation (which has no shape nor rules). */
export function selectedTerm(doc: ProofDoc): Term | undefined {
  if (doc.style === 'chain') return getAt(currentTerm(doc), doc.selection);
  const at = selectedSide(doc);
  return at === null ? undefined : getAt(at.term, at.path);
}

/** `0.1` in a chain; `left 1`, `right ε`, `the equation` in equation steps. */
export function selectionLabel(doc: ProofDoc): string {
  if (doc.style === 'chain') return formatPath(doc.selection);
  const at = selectedSide(doc);
  return at === null ? 'the equation' : `${at.side === 0 ? 'left' : 'right'} ${formatPath(at.path)}`;
}

/** What a rewrite of the selected subterm to `after` (the whole new term, or side) leaves, printed: the term; in equation steps, the equation. */
export function resultText(doc: ProofDoc, after: Term): string {
  const at = selectedSide(doc);
  const sides = currentSides(doc);
  if (at === null || sides === null) return printTerm(after);
  return equationText(at.side === 0 ? { lhs: after, rhs: sides.rhs } : { lhs: sides.lhs, rhs: after });
}

/** `lhs = rhs` in Unicode. */
export const equationText = (sides: Sides): string => `${printTerm(sides.lhs)} = ${printTerm(sides.rhs)}`;

/**
 * The focus printed for the goal view, with the selected part's range
 * (UTF-16 offsets, as `printTermMarked`): the current term of a chain, or
 * the equation `lhs = rhs` (all of it marked when the root is selected).
 */
export function printFocus(doc: ProofDoc): { text: string; mark: { start: number; end: number } | null } {
  if (doc.style === 'chain') return printTermMarked(currentTerm(doc), { highlight: doc.selection });
  const sides = currentSides(doc);
  if (sides === null) return { text: '(no equation yet: type the first one with :)', mark: null };
  const at = selectedSide(doc);
  const left = at?.side === 0 ? printTermMarked(sides.lhs, { highlight: at.path }) : { text: printTerm(sides.lhs), mark: null };
  const right = at?.side === 1 ? printTermMarked(sides.rhs, { highlight: at.path }) : { text: printTerm(sides.rhs), mark: null };
  const shift = left.text.length + 3;
  const text = `${left.text} = ${right.text}`;
  if (at === null) return { text, mark: { start: 0, end: text.length } };
  const mark = at.side === 0 ? left.mark : right.mark === null ? null : { start: right.mark.start + shift, end: right.mark.end + shift };
  return { text, mark };
}

/**
 * Does the equation reached state the claim, side for side? This is the
 * checker's conclusion for a proof in equation steps (`concludes` in
 * `check/check-theorem.ts`: it ends at the claim's left and right sides,
 * compared with `equalTerms`), given that every step checks.
 */
export function reachesClaim(goal: Goal, sides: Sides | null): boolean {
  return sides !== null && goal.rhs !== null && equalTerms(sides.lhs, goal.lhs) && equalTerms(sides.rhs, goal.rhs);
}
