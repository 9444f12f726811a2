import { checkProofFile } from '../check/index.js';
import { summarize, type CheckSummary, type FileReport } from '../check/report.js';
import { formatDiagnostic, hasErrors, tooManyDiagnostics, type Diagnostic } from '../diag/index.js';
import { CheckSession, type CheckFn, type FileResult } from './check-session.js';
import { toJsonReport } from './json-report.js';
import { findProofFiles } from './load-proofs.js';
import type { CommandOutcome } from './outcome.js';

export type CheckCommandOptions = { json?: boolean; check?: CheckFn };

/** Human output prints at most this many diagnostics per file (`--json` has them all). */
export const MAX_SHOWN_PER_FILE = 50;

/**
 * `leibniz check PATH…`: checks the proof files named (folders searched
 * recursively for `*.proof`, sorted). Prints every problem as a positioned
 * diagnostic, then `N theorems, N steps checked, N failed (N files)`; with
 * `json`, one `JsonReport` document instead. Exit 2 when input is bad (a path
 * or file that cannot be read, a reading error in a file, a `use` that leads
 * nowhere or in a circle, a rule library with errors); else 1 when a theorem
 * is not proved (a step or the conclusion fails, or it has no proof); else 0.
 * A file without theorems is a warning (E0603), not a failure.
 */
export function checkCommand(paths: readonly string[], options: CheckCommandOptions = {}): CommandOutcome {
  const found = findProofFiles(paths);
  const session = new CheckSession(options.check ?? checkProofFile);
  for (const file of found.files) session.checkFile(file);
  const results = session.results;
  const reports = results.map((r) => r.report);
  const summary = summarize(reports);
  const exitCode = found.diagnostics.length > 0 || results.some((r) => r.badInput) ? 2 : results.some(isFailure) ? 1 : 0;
  if (options.json === true) {
    const json = toJsonReport(reports, summary, found.diagnostics);
    return { stdout: JSON.stringify(json, null, 2) + '\n', stderr: '', exitCode };
  }
  const blocks = [...found.diagnostics.map(formatDiagnostic), ...reports.flatMap(fileBlocks)];
  const text = [...blocks, summaryLine(summary, reports)].join('\n\n') + '\n';
  return { stdout: text, stderr: '', exitCode };
}

/** A theorem not proved, or an error the checker found outside any theorem. */
const isFailure = (r: FileResult): boolean =>
  r.report.theorems.some((t) => t.status !== 'proved' && t.status !== 'defined') || hasErrors(r.report.diagnostics);

/** Every diagnostic of a file (its own, its theorems', its steps'), formatted, in reading order. */
function fileBlocks(report: FileReport): string[] {
  const all = allDiagnostics(report);
  const shown = all.slice(0, MAX_SHOWN_PER_FILE);
  const rest = all.length > shown.length ? [tooManyDiagnostics(report.file, shown.length, all.length)] : [];
  return [...shown, ...rest].map(formatDiagnostic);
}

/**
 * The file's diagnostics in reading order: first those positioned elsewhere
 * or nowhere (a rule library it uses, a file it cannot read), as found; then
 * those in the file itself by position (stable, so at one place the reader's
 * come before the checker's).
 */
export function allDiagnostics(report: FileReport): Diagnostic[] {
  const listed = [
    ...report.diagnostics,
    ...report.theorems.flatMap((t) => [...t.diagnostics, ...t.steps.flatMap((s) => s.diagnostics)]),
  ];
  const where = (d: Diagnostic): number => (d.span === null || d.span.source.name !== report.file ? -1 : d.span.start);
  return listed.map((d, i) => ({ d, i })).sort((a, b) => where(a.d) - where(b.d) || a.i - b.i).map((x) => x.d);
}

/** `3 theorems, 12 steps checked, 1 failed (2 files)`, and `, N unproved` when some theorem has no proof. */
export function summaryLine(summary: CheckSummary, reports: readonly FileReport[]): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const unproved = reports.reduce((n, r) => n + r.theorems.filter((t) => t.status === 'unproved').length, 0);
  return `${plural(summary.theorems, 'theorem')}, ${plural(summary.steps, 'step')} checked, ${summary.failed} failed` +
    `${unproved > 0 ? `, ${unproved} unproved` : ''} (${plural(summary.files, 'file')})`;
}
