import test from 'ava';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand, type CheckCommandOptions } from '../src/cli/check-command.js';
import { runCheck } from '../src/cli/check-run.js';
import { GOOD, scratchLibrary, writeFiles } from './support/check-scratch.js';
import { repoRoot } from './support/repo.js';

/**
 * The verdict cache of `leibniz check`: a second run over unchanged files
 * checks nothing and prints the same bytes; a change to a file, to a rule
 * library or proof file it uses (transitively), to where a `use` resolves,
 * or to the Leibniz version re-checks exactly the files concerned.
 */
function cached(t: { teardown: (f: () => void) => void }): { cacheDir: string; fresh: string[]; options: (extra?: CheckCommandOptions) => CheckCommandOptions } {
  const cacheDir = mkdtempSync(join(tmpdir(), 'leibniz-cache-'));
  t.teardown(() => rmSync(cacheDir, { recursive: true, force: true }));
  const fresh: string[] = [];
  return { cacheDir, fresh, options: (extra = {}) => ({ cacheDir, onFresh: (f) => fresh.push(f.shownAs), ...extra }) };
}

const names = (paths: readonly string[], dir: string): string[] => paths.map((p) => p.slice(dir.length + 1)).sort();

test('an unchanged library re-checks nothing, and prints the same bytes (human and --json)', (t) => {
  const dir = scratchLibrary(t);
  const c = cached(t);
  for (const json of [false, true]) {
    const cold = checkCommand([dir], c.options({ json }));
    c.fresh.length = 0;
    const warm = checkCommand([dir], c.options({ json }));
    t.deepEqual(c.fresh, [], 'nothing checked on the warm run');
    t.is(warm.stdout, cold.stdout);
    t.is(warm.exitCode, cold.exitCode);
    t.is(warm.stdout, checkCommand([dir], { json }).stdout, 'and the same as without a cache');
  }
});

test('a changed proof file re-checks itself and the files that use it, nothing else', (t) => {
  const dir = scratchLibrary(t);
  const c = cached(t);
  checkCommand([dir], c.options());
  writeFileSync(join(dir, 'lemma.proof'), `${readFileSync(join(dir, 'lemma.proof'), 'utf8')}\n-- touched\n`);
  c.fresh.length = 0;
  const warm = checkCommand([dir], c.options());
  t.deepEqual(names(c.fresh, dir), ['a-user.proof', 'lemma.proof']);
  t.is(warm.stdout, checkCommand([dir]).stdout);
});

test('a changed rule library re-checks exactly the files that use it', (t) => {
  const dir = scratchLibrary(t);
  const c = cached(t);
  checkCommand([dir], c.options());
  writeFileSync(join(dir, 'lib.rules'), `${readFileSync(join(dir, 'lib.rules'), 'utf8')}-- a comment\n`);
  c.fresh.length = 0;
  checkCommand([dir], c.options());
  t.deepEqual(names(c.fresh, dir), ['uses-lib-1.proof', 'uses-lib-2.proof']);
  writeFileSync(join(dir, 'lib.rules'), 'rules lib\nvars A B : matrix\nrule twice : (Aᵀ)ᵀ = Aᵀ\n');
  c.fresh.length = 0;
  const broken = checkCommand([dir], c.options());
  t.deepEqual(names(c.fresh, dir), ['uses-lib-1.proof', 'uses-lib-2.proof']);
  t.is(broken.stdout, checkCommand([dir]).stdout);
});

test('a new file that changes where a use resolves invalidates the entries of the files using it', (t) => {
  const dir = scratchLibrary(t, 2);
  const c = cached(t);
  checkCommand([dir], c.options());
  writeFiles(dir, { 'lemma.rules': 'rules lemma\nvars A : matrix\nrule lemma-t : Aᵀ = A\n' });
  c.fresh.length = 0;
  const after = checkCommand([dir], c.options());
  t.deepEqual(names(c.fresh, dir), ['a-user.proof']);
  t.is(after.stdout, checkCommand([dir]).stdout);
});

test('another Leibniz version reads none of the entries', (t) => {
  const dir = scratchLibrary(t, 2);
  const c = cached(t);
  checkCommand([dir], c.options({ version: '1.0.0' }));
  c.fresh.length = 0;
  checkCommand([dir], c.options({ version: '1.0.1' }));
  t.is(c.fresh.length, 10);
  c.fresh.length = 0;
  checkCommand([dir], c.options({ version: '1.0.1' }));
  t.is(c.fresh.length, 0);
});

test('leibniz check keeps its cache in .leibniz-cache of the working folder, or --cache-dir; --no-cache keeps none', (t) => {
  const dir = scratchLibrary(t, 1);
  const leibniz = (...args: string[]) => spawnSync(process.execPath, [join(repoRoot(), 'dist', 'src', 'cli', 'main.js'), 'check', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  t.is(leibniz('sub', '--no-cache').status, 2);
  t.false(existsSync(join(dir, '.leibniz-cache')));
  t.is(leibniz('sub').status, 2);
  t.true(readdirSync(join(dir, '.leibniz-cache')).length > 0);
  leibniz('sub', '--cache-dir', 'elsewhere');
  t.true(readdirSync(join(dir, 'elsewhere')).length > 0);
});

test('a damaged cache entry is a miss, not an error', (t) => {
  const dir = scratchLibrary(t, 1);
  const c = cached(t);
  const cold = checkCommand([dir], c.options());
  const verdicts = join(c.cacheDir, 'verdicts');
  for (const sub of readdirSync(verdicts)) for (const entry of readdirSync(join(verdicts, sub))) writeFileSync(join(verdicts, sub, entry), '{"format":1,"lookups":[]}\nnot json');
  c.fresh.length = 0;
  const again = checkCommand([dir], c.options());
  t.is(again.stdout, cold.stdout);
  t.is(c.fresh.length, 9);
});

test('threads fill the cache the same way: a warm run after --jobs 3 checks nothing', async (t) => {
  const dir = scratchLibrary(t);
  const c = cached(t);
  const cold = await runCheck([dir], c.options({ jobs: 3, minBytesPerWorker: 1 }));
  c.fresh.length = 0;
  const warm = await runCheck([dir], c.options({ jobs: 3, minBytesPerWorker: 1 }));
  t.deepEqual(c.fresh, []);
  t.is(warm.stdout, cold.stdout);
  t.true(existsSync(c.cacheDir));
});

test('files in a use cycle are never cached (their report depends on where checking starts)', (t) => {
  const dir = scratchLibrary(t, 1);
  writeFiles(dir, { 'cycle-a.proof': `use cycle-b\n${GOOD}`, 'cycle-b.proof': `use cycle-a\n${GOOD.replace('theorem t', 'theorem t2')}` });
  const c = cached(t);
  const cold = checkCommand([dir], c.options());
  c.fresh.length = 0;
  const warm = checkCommand([dir], c.options());
  t.deepEqual(names(c.fresh, dir), ['cycle-a.proof', 'cycle-b.proof']);
  t.is(warm.stdout, cold.stdout);
});
