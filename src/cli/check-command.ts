import { checkWithSearch } from './checker.js';
import { CheckSession, type FileName, type FileResult } from './check-session.js';
import { finishCheck, needsOneSession, planCheck, recordFresh, type CheckCommandOptions, type Plan } from './check-plan.js';
import type { CommandOutcome } from './outcome.js';
import { nameKey, viewOf, type ResultView } from './result-view.js';

export type { CheckCommandOptions } from './check-plan.js';
export { allDiagnostics, MAX_SHOWN_PER_FILE, summaryLine } from './check-output.js';

/**
 * `leibniz check PATH…` in this process: checks the proof files named
 * (folders searched recursively for `*.proof`, sorted; with `shard`, one
 * slice of them). Prints every problem as a positioned diagnostic, then
 * `N theorems, N steps checked, N failed (N files)`; with `json`, one
 * `JsonReport` document instead. Exit 2 when input is bad (a path or file
 * that cannot be read, a reading error in a file, a `use` that leads nowhere
 * or in a circle, a rule library with errors); else 1 when a theorem is not
 * proved (a step or the conclusion fails, or it has no proof); else 0. A file
 * without theorems is a warning (E0603), not a failure. With `cacheDir`,
 * verdicts are reused when nothing they depend on changed (`check-cache.ts`);
 * the output is the same either way. `runCheck` adds worker threads.
 */
export function checkCommand(paths: readonly string[], options: CheckCommandOptions = {}): CommandOutcome {
  const plan = planCheck(paths, options);
  checkInProcess(plan, plan.misses, options);
  return finishCheck(plan, options.json === true, needsOneSession(plan) ? inOneSession(plan, options) : undefined);
}

/** Checks `files` in one session of this process and records each with the files it uses. */
export function checkInProcess(plan: Plan, files: readonly FileName[], options: CheckCommandOptions): void {
  const session = new CheckSession(options.check ?? checkWithSearch, plan.limits);
  for (const top of files) {
    const result = session.checkFile(top.shownAs);
    recordFresh(plan, top, closureViews(result, session.results), result.lookups);
  }
}

/**
 * The views of `result` and of every proof file it uses, transitively, from
 * the session's results (a used file is under the name it was used by).
 */
export function closureViews(result: FileResult, results: readonly FileResult[]): ResultView[] {
  const byName = new Map(results.map((r) => [nameKey(r), r]));
  const out: ResultView[] = [];
  const seen = new Set<string>();
  const visit = (r: FileResult): void => {
    if (seen.has(nameKey(r))) return;
    seen.add(nameKey(r));
    for (const u of r.uses) {
      const used = byName.get(nameKey(u));
      if (used !== undefined) visit(used);
    }
    out.push(viewOf(r));
  };
  visit(result);
  return out;
}

/**
 * The whole run redone in one session, in the order its checks finish
 * (what `leibniz check` always printed): used when a use cycle makes a
 * file's report depend on where checking started, so that every `--jobs`
 * and cache state still prints the same. Each file once, by absolute path;
 * files of other shards left out.
 */
export function inOneSession(plan: Plan, options: CheckCommandOptions): ResultView[] {
  const session = new CheckSession(options.check ?? checkWithSearch, plan.limits);
  for (const top of plan.tops) session.checkFile(top.shownAs);
  const seen = new Set<string>();
  return session.results.filter((r) => !seen.has(r.absolute) && (seen.add(r.absolute), !plan.hidden.has(r.absolute))).map(viewOf);
}
