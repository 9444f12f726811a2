import { statSync } from 'node:fs';
import { finishCheck, needsOneSession, planCheck, recordFresh, type CheckCommandOptions } from './check-plan.js';
import type { CommandOutcome } from './outcome.js';

/**
 * Less proof text than this per thread is not worth a thread: each one loads
 * the checker and compiles its libraries anew (about half a second), while a
 * kilobyte of proof takes some 30 ms to check.
 */
export const MIN_BYTES_PER_WORKER = 32_000;

/**
 * `leibniz check` as the command line runs it: `checkCommand`, with the
 * files the cache does not answer for spread over `jobs` worker threads.
 * Threads are used only when there is enough proof text left and the checker is
 * the plain one (a custom `check` is a function, and runs in this process).
 * The output does not depend on `jobs`: views are put in order afterwards
 * (`outputOrder`), and a run that meets a use cycle is redone in one
 * session. When the cache answers for every file the checker is never
 * loaded, so an unchanged library re-checks in the time it takes to read it.
 */
export async function runCheck(paths: readonly string[], options: CheckCommandOptions): Promise<CommandOutcome> {
  const plan = planCheck(paths, options);
  const workers = Math.min(options.jobs ?? 1, Math.floor(bytesOf(plan.misses) / Math.max(1, options.minBytesPerWorker ?? MIN_BYTES_PER_WORKER)));
  if (plan.misses.length > 0 && workers > 1 && options.check === undefined) {
    const { checkInWorkers } = await import('./worker-pool.js');
    await checkInWorkers(plan.misses, workers, plan.limits, (file, views, lookups) => recordFresh(plan, file, views, lookups));
  } else if (plan.misses.length > 0) {
    (await import('./check-command.js')).checkInProcess(plan, plan.misses, options);
  }
  const oneSession = needsOneSession(plan) ? (await import('./check-command.js')).inOneSession(plan, options) : undefined;
  return finishCheck(plan, options.json === true, oneSession);
}

/** The size of the files, as far as they can be read (an unreadable one counts nothing). */
function bytesOf(files: readonly { absolute: string }[]): number {
  let total = 0;
  for (const f of files) {
    try {
      total += statSync(f.absolute).size;
    } catch {
      // reported when checked
    }
  }
  return total;
}
