import { parentPort, workerData } from 'node:worker_threads';
import { checkWithSearch } from './checker.js';
import { closureViews } from './check-command.js';
import { CheckSession, type FileName, type SessionOptions } from './check-session.js';
import type { LookupSet } from './dependency-log.js';
import type { ResultView } from './result-view.js';

/**
 * A worker thread of `leibniz check --jobs N`: one `CheckSession` for the
 * thread's life (libraries compiled once, used proof files checked once),
 * fed one file at a time. For each it answers with the views of the file and
 * of the files it uses, and its lookups (for the cache) — or the error, if
 * checking threw (a bug: the main thread reports it as an internal error).
 */
export type WorkerJob = FileName & { readonly id: number };
export type WorkerAnswer =
  | { readonly id: number; readonly views: readonly ResultView[]; readonly lookups: LookupSet }
  | { readonly id: number; readonly error: string };

const session = new CheckSession(checkWithSearch, workerData as SessionOptions);

parentPort!.on('message', (job: WorkerJob) => {
  let answer: WorkerAnswer;
  try {
    const result = session.checkFile(job.shownAs);
    answer = { id: job.id, views: closureViews(result, session.results), lookups: result.lookups };
  } catch (error) {
    answer = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
});
