import test from 'ava';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkCommand } from '../src/cli/check-command.js';
import { repoRoot } from './support/repo.js';

/**
 * Golden files for `leibniz check`: each `test/golden/proofs/NAME.proof` (at
 * the top of that folder; `lib/` holds files they use, `*.rules` the bad rule
 * libraries some use) is checked alone, and the exit code line followed by
 * everything printed is compared exactly with `NAME.expected`. Regenerate with
 * `UPDATE_GOLDEN=1`, then read every changed file: it must say where, what was
 * expected and what was found.
 */
const root = repoRoot();
const dir = join(root, 'test', 'golden', 'proofs');
const cases = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.proof')).sort() : [];
const relativeToRoot = (path: string): string => relative(process.cwd(), path);

test('there are at least 15 golden proof cases, most of them failing', (t) => {
  t.true(cases.length >= 15, `${cases.length} cases`);
  const expectedOf = (n: string): string => join(dir, n.replace(/\.proof$/, '.expected'));
  const failing = cases.filter((n) => existsSync(expectedOf(n)) && !readFileSync(expectedOf(n), 'utf8').startsWith('exit 0'));
  t.true(failing.length >= 15, `${failing.length} failing cases`);
});

test('golden paths are shown relative to the repository root', (t) => {
  t.is(relativeToRoot(join(dir, 'x.proof')), 'test/golden/proofs/x.proof');
});

for (const name of cases) {
  const base = name.replace(/\.proof$/, '');
  test(`golden proof: ${base}`, (t) => {
    const outcome = checkCommand([relativeToRoot(join(dir, name))]);
    const actual = `exit ${outcome.exitCode}\n${outcome.stdout}${outcome.stderr}`;
    const expectedPath = join(dir, `${base}.expected`);
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(expectedPath, actual);
    t.true(existsSync(expectedPath), `missing ${expectedPath}; run with UPDATE_GOLDEN=1`);
    t.is(actual, readFileSync(expectedPath, 'utf8'));
    t.false(/^\s+at .+:\d+:\d+\)?$/m.test(actual), 'no stack trace');
    t.not(outcome.exitCode, 3);
  });
}
