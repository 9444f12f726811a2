import test from 'ava';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkCommand } from '../src/cli/check-command.js';
import { findProofFiles } from '../src/cli/load-proofs.js';
import { parseShard, shardFiles } from '../src/cli/shard.js';
import { scratchLibrary } from './support/check-scratch.js';
import fc from './support/fc.js';
import { repoRoot } from './support/repo.js';

/**
 * `leibniz check --shard i/n` for CI matrices: the n slices of a set of files
 * are disjoint, together they are the set, and each is the same on every run
 * and however the paths were spelt; a bad value is a usage error (exit 2).
 */
type Report = { files: { file: string }[]; summary: { files: number } };
const filesOf = (stdout: string): string[] => (JSON.parse(stdout) as Report).files.map((f) => f.file);

test('shards are disjoint, cover every file, and differ in size by at most one (any set, any n)', (t) => {
  fc.assert(fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}\.proof$/), { maxLength: 40 }), fc.integer({ min: 1, max: 12 }), (names, n) => {
    const files = names.map((f) => `/x/${f}`);
    const slices = Array.from({ length: n }, (_, i) => [...shardFiles(files, { index: i + 1, count: n })]);
    const all = slices.flat();
    const sizes = slices.map((s) => s.length);
    return all.length === files.length && new Set(all).size === files.length && Math.max(...sizes) - Math.min(...sizes) <= 1;
  }), { numRuns: 300 });
  t.pass();
});

test('a slice does not depend on the order or spelling of the paths given', (t) => {
  const files = ['/r/b.proof', '/r/a.proof', '/r/c/d.proof', '/r/e.proof'];
  const spelt = ['/r/./e.proof', '/r/c/../c/d.proof', '/r/a.proof', '/r/b.proof'];
  for (let i = 1; i <= 3; i++) t.deepEqual([...shardFiles(files, { index: i, count: 3 })], [...shardFiles(spelt, { index: i, count: 3 })]);
});

test('leibniz check --shard: every file reported by exactly one shard, the same on a second run', (t) => {
  const dir = scratchLibrary(t, 6);
  const everything = filesOf(checkCommand([dir], { json: true }).stdout).sort();
  for (const n of [1, 2, 3, 5]) {
    const shards = Array.from({ length: n }, (_, i) => filesOf(checkCommand([dir], { json: true, shard: { index: i + 1, count: n } }).stdout));
    const again = Array.from({ length: n }, (_, i) => filesOf(checkCommand([dir], { json: true, shard: { index: i + 1, count: n } }).stdout));
    t.deepEqual(again, shards, `${n} shards, twice`);
    t.deepEqual(shards.flat().sort(), everything, `${n} shards cover the files once`);
  }
});

test('a file used from another shard is checked for its rules but reported by its own shard only', (t) => {
  const dir = scratchLibrary(t, 0);
  const given = findProofFiles([dir]).files;
  const userShard = [1, 2].find((i) => shardFiles(given, { index: i, count: 2 }).has(join(dir, 'a-user.proof')))!;
  const lemmaShard = [1, 2].find((i) => shardFiles(given, { index: i, count: 2 }).has(join(dir, 'lemma.proof')))!;
  t.not(userShard, lemmaShard, 'the scratch library puts them in different halves');
  const user = checkCommand([dir], { json: true, shard: { index: userShard, count: 2 } });
  t.false(filesOf(user.stdout).some((f) => f.endsWith('lemma.proof')));
  t.regex(user.stdout, /"name": "v",\s+"status": "proved"/);
});

test('bad --shard values: a clear message and exit 2', (t) => {
  t.like(parseShard('2/5'), { index: 2, count: 5 });
  for (const [value, message] of [['0/3', /between 1 and 3/], ['4/3', /between 1 and 3/], ['1/0', /at least 1/], ['x', /takes i\/n/], ['1', /takes i\/n/], ['-1/2', /takes i\/n/]] as const) {
    const r = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'src', 'cli', 'main.js'), 'check', 'proofs', '--shard', value], { cwd: repoRoot(), encoding: 'utf8', timeout: 60_000 });
    t.is(r.status, 2, value);
    t.regex(r.stderr, /error E0902: /, value);
    t.regex(r.stderr, message, value);
    t.is(r.stdout, '', value);
  }
});
