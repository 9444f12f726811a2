import test from 'ava';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCheck } from '../src/cli/check-run.js';
import { formatProgress, progressBar, showsProgress, type ProgressSink } from '../src/cli/progress.js';
import { scratchLibrary } from './support/check-scratch.js';
import { repoRoot } from './support/repo.js';

/** The progress bar of `leibniz check`: what it shows, when, and that it never touches the report. */
test('the bar shows files done out of the total and failures so far, within the terminal width', (t) => {
  t.is(formatProgress(12, 40, 0, 60), `checking [${'#'.repeat(8)}${'.'.repeat(17)}] 12/40 files`);
  t.is(formatProgress(12, 40, 1, 60), `checking [${'#'.repeat(8)}${'.'.repeat(17)}] 12/40 files, 1 failed`);
  t.is(formatProgress(40, 40, 3, 80), `checking [${'#'.repeat(40)}] 40/40 files, 3 failed`);
  t.is(formatProgress(0, 7, 0, 20), 'checking 0/7 files');
  for (const columns of [1, 10, 30, 200]) t.true(formatProgress(5, 9, 1, columns).length < Math.max(1, columns));
});

test('shown only on a terminal, without --json, for more than a handful of files', (t) => {
  t.true(showsProgress(true, false, 6));
  t.false(showsProgress(false, false, 600));
  t.false(showsProgress(true, true, 600));
  t.false(showsProgress(true, false, 5));
});

test('the bar redraws in place, at most every 80 ms but always the last state, and erases itself', (t) => {
  let now = 0;
  const out: string[] = [];
  const bar = progressBar(3, { write: (s) => out.push(s), columns: 50 }, () => now);
  bar.update(1, 0);
  now = 10;
  bar.update(2, 1);
  bar.update(3, 1);
  bar.finish();
  t.deepEqual(out, [
    `\rchecking [${'.'.repeat(18)}] 0/3 files\u001b[K`,
    `\rchecking [${'#'.repeat(6)}${'.'.repeat(12)}] 1/3 files\u001b[K`,
    `\rchecking [${'#'.repeat(18)}] 3/3 files, 1 failed\u001b[K`,
    '\r\u001b[K',
  ]);
});

test('leibniz check reports each file to the bar once, with the failures so far, and prints the same report', async (t) => {
  const dir = scratchLibrary(t, 4);
  const seen: [number, number][] = [];
  let finished = false;
  const sink: ProgressSink = { update: (done, failed) => seen.push([done, failed]), finish: () => (finished = true) };
  const withBar = await runCheck([dir], { cacheDir: null, jobs: 2, minBytesPerWorker: 1, progress: (total) => (t.is(total, 12), sink) });
  const without = await runCheck([dir], { cacheDir: null });
  t.is(withBar.stdout, without.stdout);
  t.deepEqual(seen.map(([done]) => done), Array.from({ length: 12 }, (_, i) => i + 1));
  t.is(seen.at(-1)![1], 3, 'bad-1, bad-2 and failing');
  t.true(finished);
});

test('the real command draws the bar on a terminal (script(1) gives it one) and erases it; piped, or with --json, never', (t) => {
  const dir = scratchLibrary(t, 4);
  const bin = join(repoRoot(), 'dist', 'src', 'cli', 'main.js');
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const onTerminal = (...flags: string[]) => spawnSync('script', ['-qec', [process.execPath, bin, 'check', dir, '--no-cache', ...flags].map(quote).join(' '), '/dev/null'], { encoding: 'utf8', timeout: 90_000 });
  const shown = onTerminal();
  t.regex(shown.stdout, /\rchecking \[[#.]+\] 0\/12 files\u001b\[K/);
  t.regex(shown.stdout, /\rchecking \[#+\] 12\/12 files, 3 failed\u001b\[K\r\u001b\[K/);
  t.regex(shown.stdout, /\d+ theorems, \d+ steps checked, 1 failed \(12 files\)/);
  t.notRegex(onTerminal('--json').stdout, /checking \[/);
  const piped = spawnSync(process.execPath, [bin, 'check', dir, '--no-cache'], { encoding: 'utf8', timeout: 90_000 });
  t.is(piped.stderr, '');
  t.notRegex(piped.stdout, /checking \[/);
});
