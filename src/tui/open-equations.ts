import { elaborateTheorem } from '../check/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { ProofFile, ProofLine, Theorem } from '../proof/index.js';
import type { Term } from '../term/index.js';
import { sideSelection, stepFocus } from './focus.js';
import type { ProofDoc, ProofStyle, SessionStep, Sides } from './session.js';

/**
 * Opening a theorem proved in equation steps: a first equation (`EQ by …`),
 * then `⟹ EQ by …` lines. What is shared with calculation chains (choosing
 * the theorem, checking the lines, the failing line offered for editing) is
 * in `open-theorem.ts`.
 */

/**
 * How a theorem's proof goes, if the prover can continue it: a chain (a
 * start term, then `= …` lines; also an empty proof), or equation steps in
 * a plain `proof` (a first equation, then `⟹` lines). Null for anything
 * else (`have` lines, mixed styles, equation steps entry by entry).
 */
export function proofStyle(theorem: Theorem): ProofStyle | null {
  const lines = theorem.lines;
  if (lines.every((l) => l.kind === 'start' || l.kind === 'rewrite')) return 'chain';
  const isEquations = theorem.mode === 'calc' && lines[0]?.kind === 'fact' && lines.slice(1).every((l) => l.kind === 'implies');
  return isEquations ? 'equations' : null;
}

/** The claim's sides and each line's equation, canonical as the checker shapes them; `error`: why the next line does not shape. */
export type EquationTerms = { readonly lhs: Term; readonly rhs: Term; readonly lines: readonly Sides[]; readonly error: Diagnostic | null };

/**
 * The theorem's formulas shaped as the checker shapes them
 * (`elaborateTheorem`): as many lines as shape without error, with the
 * claim. Null when the claim itself does not shape.
 */
export function equationTerms(file: ProofFile, theorem: Theorem): EquationTerms | null {
  let error: Diagnostic | null = null;
  for (let k = theorem.lines.length; k >= 0; k--) {
    const e = elaborateTheorem({ ...theorem, lines: theorem.lines.slice(0, k) }, file, file.declarations);
    const firstError = e.diagnostics.find((d) => d.severity === 'error');
    if (firstError === undefined && e.claim !== null) {
      const lines = theorem.lines.slice(0, k).map((line) => {
        const chain = e.canonicalChain((line as Extract<ProofLine, { kind: 'fact' | 'implies' }>).equation);
        return { lhs: chain.terms[0]!, rhs: chain.terms.at(-1)! };
      });
      return { lhs: e.claim.terms[0]!, rhs: e.claim.terms.at(-1)!, lines, error };
    }
    error = firstError ?? error;
  }
  return null;
}

/**
 * The line texts of a proof as written: `chunk(i)` is line `i` with the
 * comment lines above it (from the end of the line before, or of the `proof`
 * line); `trailing` the comments before `qed` (empty when there are none).
 */
export function proofChunks(text: string, theorem: Theorem): { chunk: (i: number) => string; trailing: string } {
  const lines = theorem.lines;
  const chunkStart = (i: number): number => (i === 0 ? theorem.proofSpan?.end ?? lines[0]!.span.start : lines[i - 1]!.span.end);
  const chunk = (i: number): string => text.slice(chunkStart(i), lines[i]!.span.end).replace(/^\r?\n/, '');
  const lastEnd = lines.at(-1)?.span.end ?? theorem.proofSpan?.end ?? theorem.span.end;
  const trailing = text.slice(lastEnd, theorem.span.end).replace(/\r?\n[ \t]*qed$/, '').replace(/^\r?\n/, '');
  return { chunk, trailing: trailing.trim() === '' ? '' : trailing };
}

/**
 * The proof document of a theorem in equation steps, as written: every
 * shaped line a step (checked afterwards, like a chain's), the rest kept;
 * the selection on the left side of the last equation.
 */
export function equationDocument(text: string, theorem: Theorem, terms: EquationTerms): ProofDoc {
  const { chunk, trailing } = proofChunks(text, theorem);
  const steps: SessionStep[] = terms.lines.map((sides, i) => ({ term: sides.rhs, sides, line: chunk(i), rules: [], origin: 'file' }));
  const rest = theorem.lines.map((_, i) => i).filter((i) => i >= terms.lines.length).map(chunk);
  const last = steps.at(-1);
  return {
    style: 'equations', indices: [], start: terms.lhs, startLine: null, steps,
    pending: [...rest, ...(trailing === '' ? [] : [trailing])],
    selection: last === undefined ? [] : [...sideSelection(stepFocus(last))],
  };
}
