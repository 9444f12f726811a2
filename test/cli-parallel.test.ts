import test from 'ava';
import { checkCommand } from '../src/cli/check-command.js';
import { runCheck } from '../src/cli/check-run.js';
import { GOOD, scratchLibrary, writeFiles } from './support/check-scratch.js';

/**
 * `leibniz check --jobs N`: files spread over worker threads print exactly
 * what one process prints, for every N, in human form and in `--json` —
 * failing steps, a proof file used by another, a library of the folder used
 * by two files, and a bad library (its errors with the first file that uses
 * it, E0606 after) included. `minBytesPerWorker: 1` makes even these small
 * files go to threads.
 */
const threads = { minBytesPerWorker: 1, cacheDir: null };

test('the output is the same for --jobs 1, 2 and 3, and the same as in one process', async (t) => {
  const dir = scratchLibrary(t);
  for (const json of [false, true]) {
    const single = checkCommand([dir], { json });
    t.is(single.exitCode, 2, single.stdout.slice(0, 500));
    for (const jobs of [1, 2, 3]) {
      const run = await runCheck([dir], { ...threads, json, jobs });
      t.is(run.stdout, single.stdout, `--jobs ${jobs}${json ? ' --json' : ''}`);
      t.is(run.exitCode, single.exitCode);
    }
  }
});

test('the output order is the order of one process: used files before their users, each file once', async (t) => {
  const dir = scratchLibrary(t);
  const run = await runCheck([dir], { ...threads, json: true, jobs: 3 });
  const files = (JSON.parse(run.stdout) as { files: { file: string }[] }).files.map((f) => f.file.slice(dir.length + 1));
  t.true(files.indexOf('lemma.proof') < files.indexOf('a-user.proof'), files.join(' '));
  t.is(new Set(files).size, files.length);
  t.is(files.length, 20);
  t.regex(run.stdout, /"code": "E0606"/);
  t.is(run.stdout.match(/"code": "E0402"/g)?.length, 1, 'the bad library is reported once');
});

test('a use cycle between proof files prints the same with threads as in one process', async (t) => {
  const dir = scratchLibrary(t, 4);
  writeFiles(dir, { 'cycle-a.proof': `use cycle-b\n${GOOD}`, 'cycle-b.proof': `use cycle-a\n${GOOD.replace('theorem t', 'theorem t2')}` });
  const single = checkCommand([dir], {});
  t.regex(single.stdout, /error E0604: use cycle between proof files/);
  for (const jobs of [2, 3]) t.is((await runCheck([dir], { ...threads, jobs })).stdout, single.stdout, `--jobs ${jobs}`);
});

test('threads are not started for a little proof text: the default needs 32 kB per thread', async (t) => {
  const dir = scratchLibrary(t, 2);
  const run = await runCheck([dir], { cacheDir: null, jobs: 8 });
  t.is(run.stdout, checkCommand([dir]).stdout);
});
