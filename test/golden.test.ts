import test from 'ava';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseCommand } from '../src/cli/parse-command.js';
import { filesUnder, repoRoot } from './support/repo.js';

/**
 * Golden files for error messages: `test/golden/formulas/NAME.input` (a formula,
 * exactly as a user would pass it to `leibniz parse`), optional `NAME.let`
 * (the `--let` declarations), and `NAME.expected` (the exit code line and then
 * stderr, compared exactly). Regenerate with `UPDATE_GOLDEN=1 npm test`, then
 * read every changed file before committing it.
 */
const dir = join(repoRoot(), 'test', 'golden', 'formulas');
const cases = filesUnder(dir, '.input');

test('there are at least 15 golden formula cases', (t) => {
  t.true(cases.length >= 15, `${cases.length} cases`);
});

for (const inputPath of cases) {
  const name = basename(inputPath, '.input');
  test(`golden: ${name}`, (t) => {
    const letPath = join(dir, `${name}.let`);
    const expectedPath = join(dir, `${name}.expected`);
    const formula = readFileSync(inputPath, 'utf8');
    const declarations = existsSync(letPath) ? readFileSync(letPath, 'utf8') : undefined;
    const outcome = parseCommand(formula, declarations === undefined ? {} : { let: declarations });
    const actual = `exit ${outcome.exitCode}\n${outcome.stderr}`;
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(expectedPath, actual);
    t.true(existsSync(expectedPath), `missing ${expectedPath}; run UPDATE_GOLDEN=1 npm test`);
    t.is(actual, readFileSync(expectedPath, 'utf8'));
    t.is(outcome.exitCode, 2);
    t.false(/\n\s+at .*:\d+:\d+\)?$/m.test(outcome.stderr), 'no stack trace');
  });
}
