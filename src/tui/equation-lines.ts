import { elaborateTheorem, type StepReport } from '../check/index.js';
import type { Diagnostic } from '../diag/index.js';
import { IMPLIES, readProofFile, type ProofLine } from '../proof/index.js';
import { columnOf, describeDiagnostic } from './manual-line.js';
import { checkInContext, type ProverContext } from './prover-context.js';
import { checkTextWith } from './render-proof.js';
import type { Goal, LineError, ProofDoc, SessionStep, StepOrigin } from './session.js';

/**
 * Lines of a proof in equation steps, judged by the checker: the steps they
 * make (with the equation each states, canonical as the checker reads it)
 * and whether the proof is then proved; or the first line that fails, with
 * the error and its UTF-16 offset in that line (0 when it points elsewhere).
 */
export type EquationLinesOutcome =
  | { readonly ok: true; readonly steps: readonly SessionStep[]; readonly proved: boolean }
  | { readonly ok: false; readonly index: number; readonly message: string; readonly at: number };

/** What the next line of a proof in equation steps must be: the first equation, or a `⟹` step. */
const expectedKind = (doc: ProofDoc, index: number): 'fact' | 'implies' => (doc.steps.length === 0 && index === 0 ? 'fact' : 'implies');

const KIND_HELP = { fact: 'type the first equation: EQUATION by RULE, …', implies: 'type an equation step: ⟹ EQUATION by both-sides OP, RULE, …' } as const;

/**
 * Checks `lines` (proof-file text, not indented) as the next lines of the
 * session's proof, with the kernel: the theorem with the lines after its
 * steps is read and checked as a proof file (what `leibniz check` runs), and
 * each line's own report decides. The proof's equation after each line is
 * the checker's canonical reading of what the line states.
 */
export function checkEquationLines(ctx: ProverContext, goal: Goal, doc: ProofDoc, lines: readonly string[], origin: StepOrigin): EquationLinesOutcome {
  if (lines.length === 0) return { ok: true, steps: [], proved: false };
  const { text, starts } = checkTextWith(ctx, goal, doc, lines);
  const lineOf = (d: Diagnostic): number => (d.span === null ? -1 : starts.findIndex((s, i) => d.span!.start >= s && d.span!.start <= s + lines[i]!.length));
  const refuse = (index: number, d: Diagnostic | string): EquationLinesOutcome => typeof d === 'string'
    ? { ok: false, index, message: d, at: 0 }
    : { ok: false, index, message: describeDiagnostic(d), at: lineOf(d) === index ? d.span!.start - starts[index]! : 0 };
  const read = readProofFile(text, { sourceName: '<line>' });
  const readError = read.diagnostics.find((d) => d.severity === 'error' && lineOf(d) >= 0);
  if (readError !== undefined) return refuse(lineOf(readError), readError);
  const theorem = read.file.theorems[0];
  const written = theorem?.lines.slice(-lines.length) ?? [];
  for (const [i, start] of starts.entries()) {
    const line = written[i];
    if (line === undefined || line.span.start !== start) return refuse(i, 'this line could not be read as a step');
    if (line.kind !== expectedKind(doc, i)) return refuse(i, KIND_HELP[expectedKind(doc, i)]);
  }
  const report = checkInContext(ctx, read.file).report.theorems[0];
  const reports = written.map((l) => report?.steps.find((s) => s.span.start === l.span.start));
  for (const [i, r] of reports.entries()) {
    if (r === undefined) return refuse(i, 'this line was not checked');
    if (r.status === 'failed') return refuse(i, r.diagnostics.find((d) => lineOf(d) === i) ?? r.diagnostics[0] ?? 'this line does not follow');
  }
  const e = elaborateTheorem(theorem!, read.file, read.file.declarations);
  const steps = written.map((line, i): SessionStep => {
    const chain = e.canonicalChain((line as Extract<ProofLine, { kind: 'fact' | 'implies' }>).equation);
    const sides = { lhs: chain.terms[0]!, rhs: chain.terms.at(-1)! };
    return { term: sides.rhs, sides, line: `  ${lines[i]}`, rules: (reports[i] as StepReport).cited, origin };
  });
  return { ok: true, steps, proved: report?.status === 'proved' };
}

/** A typed line judged by the checker: its step, or the error at its column in the typed text. */
export type TypedEquationOutcome =
  | { readonly ok: true; readonly step: SessionStep; readonly proved: boolean }
  | { readonly ok: false; readonly error: LineError };

const REWRITE = /^&?\s*=(?![>=])/;

/**
 * Completes a typed line of a proof in equation steps: `⟹ ` in front of an
 * equation step unless it starts with `⟹` (or `=>`, `\implies`); the first
 * equation is taken as typed. Nothing is added after it: an equation step
 * names its justification. `offset` is how many code points were put in front.
 */
export function completeEquationLine(doc: ProofDoc, typed: string): { line: string; offset: number } {
  const text = typed.trim();
  const lead = typed.length - typed.trimStart().length;
  const prefix = doc.steps.length === 0 || IMPLIES.test(text) ? '' : '⟹ ';
  return { line: prefix + text, offset: [...prefix].length - lead };
}

/** `:` then `Enter` in equation steps: the typed line, checked as `checkEquationLines` does. */
export function checkTypedEquation(ctx: ProverContext, goal: Goal, doc: ProofDoc, typed: string): TypedEquationOutcome {
  const kind = expectedKind(doc, 0);
  if (typed.trim() === '' || REWRITE.test(typed.trim())) {
    const why = typed.trim() === '' ? KIND_HELP[kind] : `this proof goes by equation steps, not a chain: ${KIND_HELP[kind]}`;
    return { ok: false, error: { message: why, column: 0 } };
  }
  const { line, offset } = completeEquationLine(doc, typed);
  const outcome = checkEquationLines(ctx, goal, doc, [line], 'manual');
  if (!outcome.ok) return { ok: false, error: { message: outcome.message, column: columnOf(line, outcome.at, offset, typed) } };
  return { ok: true, step: outcome.steps[0]!, proved: outcome.proved };
}
