import { Worker } from 'node:worker_threads';
import type { FileName, SessionOptions } from './check-session.js';
import type { WorkerAnswer, WorkerJob } from './check-worker.js';
import type { LookupSet } from './dependency-log.js';
import type { ResultView } from './result-view.js';

/**
 * Checks `files` on `workers` worker threads (`check-worker.ts`), handing
 * each thread the next file as soon as it answers, and calls `done` with
 * every answer, in whatever order they come (the output is ordered later,
 * by `outputOrder`). Rejects if a thread fails or a check throws; the
 * threads are always stopped before it settles.
 */
export async function checkInWorkers(
  files: readonly FileName[], workers: number, options: SessionOptions,
  done: (file: FileName, views: readonly ResultView[], lookups: LookupSet) => void,
): Promise<void> {
  const threads = Array.from({ length: Math.max(1, Math.min(workers, files.length)) }, () =>
    new Worker(new URL('./check-worker.js', import.meta.url), { workerData: options }));
  let next = 0;
  let answered = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (thread: Worker): void => {
        if (next < files.length) thread.postMessage({ ...files[next]!, id: next++ } satisfies WorkerJob);
      };
      for (const thread of threads) {
        thread.on('message', (answer: WorkerAnswer) => {
          if ('error' in answer) return reject(new Error(`checking ${files[answer.id]!.shownAs}: ${answer.error}`));
          done(files[answer.id]!, answer.views, answer.lookups);
          if (++answered === files.length) resolve();
          else feed(thread);
        });
        thread.on('error', reject);
        thread.on('exit', (code) => answered < files.length && reject(new Error(`a checking thread stopped (exit code ${code})`)));
        feed(thread);
      }
    });
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
}
