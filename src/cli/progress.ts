/**
 * The progress bar of `leibniz check` on a terminal: files done out of the
 * total and failures so far, redrawn in place on stderr, erased at the end
 * (the report itself goes to stdout, unchanged). Shown only when
 * `showsProgress` says so.
 */
export type ProgressSink = { readonly update: (done: number, failed: number) => void; readonly finish: () => void };

/** A run with at most this many files gets no bar. */
export const PROGRESS_MIN_FILES = 5;

/** Whether a run shows the bar: stderr is a terminal, the output is not `--json`, and there are more than a handful of files. */
export const showsProgress = (stderrIsTTY: boolean, json: boolean, files: number): boolean => stderrIsTTY && !json && files > PROGRESS_MIN_FILES;

/** Redraws at most this often (the last state is always drawn). */
const REDRAW_MS = 80;

/** `checking [########.................] 12/40 files, 1 failed`, fitted to `columns`; the bar keeps its width through a run. */
export function formatProgress(done: number, total: number, failed: number, columns: number): string {
  const counts = ` ${done}/${total} files${failed > 0 ? `, ${failed} failed` : ''}`;
  const widest = ` ${total}/${total} files, ${total} failed`;
  const room = Math.max(0, Math.min(40, columns - 1 - 'checking []'.length - widest.length));
  const filled = total === 0 ? room : Math.round((room * Math.min(done, total)) / total);
  const bar = room > 0 ? ` [${'#'.repeat(filled)}${'.'.repeat(room - filled)}]` : '';
  return `checking${bar}${counts}`.slice(0, Math.max(0, columns - 1));
}

/** A bar drawn on `out` (a terminal: `\r` returns to the line start, `ESC[K` clears to its end; a width of 0, unknown, counts as 80). */
export function progressBar(total: number, out: { write: (s: string) => unknown; readonly columns?: number }, now: () => number = Date.now): ProgressSink {
  let last = -Infinity;
  const draw = (done: number, failed: number): void => {
    out.write(`\r${formatProgress(done, total, failed, out.columns || 80)}\u001b[K`);
  };
  draw(0, 0);
  return {
    update: (done, failed) => {
      if (done < total && now() - last < REDRAW_MS) return;
      last = now();
      draw(done, failed);
    },
    finish: () => void out.write('\r\u001b[K'),
  };
}
