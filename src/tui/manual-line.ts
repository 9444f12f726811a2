import type { Diagnostic } from '../diag/index.js';
import { readProofFile } from '../proof/index.js';
import type { Term } from '../term/index.js';
import { checkInContext, type ProverContext } from './prover-context.js';
import { checkText } from './render-proof.js';
import { currentTerm, type Goal, type LineError, type ProofDoc } from './session.js';

/** A typed line judged by the checker: the term it reaches and its proof-file text, or the error with its column in the typed text. */
export type ManualOutcome =
  | { readonly ok: true; readonly term: Term; readonly line: string; readonly rules: readonly string[] }
  | { readonly ok: false; readonly error: LineError };

const BY = /(^|\s)by(\s|$)/;
const REWRITE = /^&?\s*=(?![>=])/;

/**
 * Completes what the user typed into a rewrite line: `= ` in front unless
 * it starts with `=`, and `by auto` after it unless it names rules with `by`.
 * `offset` is how many code points were put in front of the typed text.
 */
export function completeLine(typed: string): { line: string; offset: number } {
  const text = typed.trim();
  const lead = typed.length - typed.trimStart().length;
  const prefix = REWRITE.test(text) ? '' : '= ';
  const suffix = BY.test(text) ? '' : '   by auto';
  return { line: prefix + text + suffix, offset: [...prefix].length - lead };
}

/**
 * Checks a typed line as the next line of the proof, with the kernel: the
 * session's theorem plus the line is read and checked as a proof file (the
 * very code `leibniz check` runs), and the line's own report decides. Reading
 * errors and checking errors point into the typed text.
 */
export function checkManualLine(ctx: ProverContext, goal: Goal, doc: ProofDoc, typed: string): ManualOutcome {
  if (typed.trim() === '') return { ok: false, error: { message: 'type the next line: = TERM by RULE, … (or just TERM, found by auto)', column: 0 } };
  const { line, offset } = completeLine(typed);
  const { text, extraStart } = checkText(ctx, goal, doc, line);
  const extraEnd = extraStart + line.length;
  const inLine = (d: Diagnostic): boolean => d.span !== null && d.span.start >= extraStart && d.span.start <= extraEnd;
  const toError = (d: Diagnostic): LineError => ({ message: describeDiagnostic(d), column: columnOf(line, (d.span?.start ?? extraStart) - extraStart, offset, typed) });
  const read = readProofFile(text, { sourceName: '<line>' });
  const readError = read.diagnostics.find((d) => d.severity === 'error' && inLine(d));
  if (readError) return { ok: false, error: toError(readError) };
  const theorem = read.file.theorems[0];
  const last = theorem?.lines.at(-1);
  if (last === undefined || last.span.start < extraStart) return { ok: false, error: { message: 'this line could not be read as a step', column: 0 } };
  if (last.kind !== 'rewrite') return { ok: false, error: { message: 'type a step of the chain: = TERM by RULE, …', column: 0 } };
  const report = checkInContext(ctx, read.file).report;
  const stepReport = report.theorems[0]?.steps.find((s) => s.span.start === last.span.start);
  if (stepReport === undefined) return { ok: false, error: { message: 'this line was not checked', column: 0 } };
  if (stepReport.status === 'failed') {
    const d = stepReport.diagnostics.find(inLine) ?? stepReport.diagnostics[0];
    return { ok: false, error: d ? toError(d) : { message: 'this line does not follow', column: 0 } };
  }
  const term = stepReport.steps.at(-1)?.after ?? currentTerm(doc);
  return { ok: true, term, line: `  ${line}`, rules: stepReport.steps.map((s) => s.ruleId) };
}

/** The diagnostic's message, with what was expected and found when it says. */
export function describeDiagnostic(d: Diagnostic): string {
  const parts = [d.message];
  if (d.expected !== undefined) parts.push(`expected ${d.expected}`);
  if (d.found !== undefined) parts.push(`found ${d.found}`);
  return parts.join('; ');
}

/** A UTF-16 offset into the completed line as a column (code points) of the typed text, clamped to it. */
export function columnOf(line: string, at: number, offset: number, typed: string): number {
  const col = [...line.slice(0, Math.max(0, at))].length - offset;
  return Math.max(0, Math.min(col, [...typed].length));
}

/** The checker's verdict on the session's theorem as it would be saved (without the kept, unchecked lines). */
export type Verdict = { readonly proved: boolean; readonly text: string };

export function checkSession(ctx: ProverContext, goal: Goal, doc: ProofDoc): Verdict {
  const read = readProofFile(checkText(ctx, goal, doc).text, { sourceName: '<session>' });
  const report = checkInContext(ctx, read.file).report;
  const theorem = report.theorems[0];
  const failed = theorem?.steps.filter((s) => s.status === 'failed').length ?? 1;
  if (theorem?.status === 'proved') return { proved: true, text: `leibniz check: proved (${doc.steps.length} step${doc.steps.length === 1 ? '' : 's'})` };
  if (failed > 0) return { proved: false, text: `leibniz check: ${failed} step${failed === 1 ? '' : 's'} fail` };
  return { proved: false, text: `leibniz check: the proof does not reach ${doc.style === 'equations' ? 'the claim' : 'the right side'} yet` };
}
