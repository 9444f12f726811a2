import type { CheckSummary } from '../check/report.js';
import { formatDiagnostic, hasErrors, libraryHasErrors, tooManyDiagnostics, type Diagnostic } from '../diag/index.js';
import type { FileName } from './check-session.js';
import { toJsonReport } from './json-report.js';
import type { CommandOutcome } from './outcome.js';
import { nameKey, type ReportView, type ResultView } from './result-view.js';

/** Human output prints at most this many diagnostics per file (`--json` has them all). */
export const MAX_SHOWN_PER_FILE = 50;

/**
 * The files of a run in output order, whoever checked them (this process,
 * worker threads, the cache): for each file given, in order, first the proof
 * files it uses (depth first, in `use` order), then itself — the order a
 * single in-process check finishes them in. Each file appears once (by
 * absolute path, under the name it was first reached by); files in `hidden`
 * (given, but in another `--shard`) are passed over. Invariant: the result
 * depends only on `tops`, `hidden` and the views — not on which thread or
 * cache produced a view, nor when.
 */
export function outputOrder(tops: readonly FileName[], views: ReadonlyMap<string, ResultView>, hidden: ReadonlySet<string>): ResultView[] {
  const out: ResultView[] = [];
  const reached = new Set<string>();
  const visit = (name: FileName): void => {
    if (reached.has(name.absolute)) return;
    reached.add(name.absolute);
    const view = views.get(nameKey(name));
    if (view === undefined) throw new Error(`no result for ${name.shownAs}`);
    view.uses.forEach(visit);
    if (!hidden.has(name.absolute)) out.push(view);
  };
  tops.forEach(visit);
  return out;
}

/**
 * Shows each rule library's own diagnostics once: with the first file of
 * `views` that uses the library; a later user gets E0606 at its `use` line
 * instead (when the library has errors), or nothing (only warnings).
 */
export function showLibrariesOnce(views: readonly ResultView[]): ReportView[] {
  const shown = new Set<string>();
  return views.map(({ report, libraries }) => {
    if (libraries.length === 0) return report;
    const diagnostics: Diagnostic[] = [];
    let next = 0;
    for (const use of libraries) {
      diagnostics.push(...report.diagnostics.slice(next, use.start));
      next = use.start + use.count;
      if (!shown.has(use.key)) diagnostics.push(...report.diagnostics.slice(use.start, next));
      else if (use.hasErrors) diagnostics.push(libraryHasErrors(use.at, use.library));
      shown.add(use.key);
    }
    diagnostics.push(...report.diagnostics.slice(next));
    return { ...report, diagnostics };
  });
}

/**
 * The outcome of `leibniz check` for the files of `views` (in output order)
 * and the problems with the paths given: every problem as a positioned
 * diagnostic then the summary line, or with `json` one `JsonReport`. Exit 2
 * on bad input, else 1 when a theorem is not proved, else 0.
 */
export function checkOutcome(views: readonly ResultView[], pathErrors: readonly Diagnostic[], json: boolean): CommandOutcome {
  const reports = showLibrariesOnce(views);
  const summary = summaryOf(views);
  const exitCode = pathErrors.length > 0 || views.some((v) => v.badInput) ? 2 : reports.some(isFailure) ? 1 : 0;
  if (json) return { stdout: JSON.stringify(toJsonReport(reports, summary, pathErrors), null, 2) + '\n', stderr: '', exitCode };
  const blocks = [...pathErrors.map(formatDiagnostic), ...reports.flatMap(fileBlocks)];
  return { stdout: [...blocks, summaryLine(summary, reports)].join('\n\n') + '\n', stderr: '', exitCode };
}

function summaryOf(views: readonly ResultView[]): CheckSummary {
  const sum = (f: (v: ResultView) => number): number => views.reduce((n, v) => n + f(v), 0);
  return { theorems: sum((v) => v.counts.theorems), steps: sum((v) => v.counts.steps), failed: sum((v) => v.counts.failed), files: views.length };
}

/** A theorem not proved, or an error the checker found outside any theorem. */
export const isFailure = (r: ReportView): boolean =>
  r.theorems.some((t) => t.status !== 'proved' && t.status !== 'defined') || hasErrors(r.diagnostics);

/** Every diagnostic of a file (its own, its theorems', its steps'), formatted, in reading order. */
function fileBlocks(report: ReportView): string[] {
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
export function allDiagnostics(report: ReportView): Diagnostic[] {
  const listed = [
    ...report.diagnostics,
    ...report.theorems.flatMap((t) => [...t.diagnostics, ...t.steps.flatMap((s) => s.diagnostics)]),
  ];
  const where = (d: Diagnostic): number => (d.span === null || d.span.source.name !== report.file ? -1 : d.span.start);
  return listed.map((d, i) => ({ d, i })).sort((a, b) => where(a.d) - where(b.d) || a.i - b.i).map((x) => x.d);
}

/** `3 theorems, 12 steps checked, 1 failed (2 files)`, and `, N unproved` when some theorem has no proof. */
export function summaryLine(summary: CheckSummary, reports: readonly ReportView[]): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const unproved = reports.reduce((n, r) => n + r.theorems.filter((t) => t.status === 'unproved').length, 0);
  return `${plural(summary.theorems, 'theorem')}, ${plural(summary.steps, 'step')} checked, ${summary.failed} failed` +
    `${unproved > 0 ? `, ${unproved} unproved` : ''} (${plural(summary.files, 'file')})`;
}
