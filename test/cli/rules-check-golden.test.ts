import test from 'ava';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { rulesCheckCommand } from '../../src/cli/rules-check.js';
import { filesUnder, repoRoot } from '../support/repo.js';

/**
 * Golden files for `leibniz rules check`: `test/golden/rules-check/NAME.rules`
 * and `NAME.expected` (the exit code line, then stdout, compared exactly —
 * the counterexample text included). Regenerate with `UPDATE_GOLDEN=1 npm test`,
 * then read every changed file before committing it.
 */
const dir = join(repoRoot(), 'test', 'golden', 'rules-check');
const cases = filesUnder(dir, '.rules');

test('there is a golden counterexample', (t) => {
  t.true(cases.length >= 1);
});

for (const input of cases) {
  const name = basename(input, '.rules');
  test(`golden rules check: ${name}`, (t) => {
    const expectedPath = join(dir, `${name}.expected`);
    const outcome = rulesCheckCommand([relative(process.cwd(), input)]);
    const actual = `exit ${outcome.exitCode}\n${outcome.stdout}`;
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(expectedPath, actual);
    t.true(existsSync(expectedPath), `missing ${expectedPath}; run UPDATE_GOLDEN=1 npm test`);
    t.is(actual, readFileSync(expectedPath, 'utf8'));
    t.is(outcome.stderr, '');
  });
}
