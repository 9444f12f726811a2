import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRule } from '../../src/cli/rules-check.js';
import { loadLibrary } from '../../src/rules/index.js';
import { repoRoot } from '../support/repo.js';

/**
 * False alarms: every shipped rule, checked with seeds 1 … 100 (each seed with
 * all its size assignments), is never reported false.
 */
test('no shipped rule is reported false over 100 seeds', (t) => {
  const root = repoRoot();
  const { rules, diagnostics } = loadLibrary('rules/core', (path) => ({ text: readFileSync(join(root, path), 'utf8') }));
  t.deepEqual(diagnostics, []);
  const alarms: string[] = [];
  let untested = 0;
  for (let seed = 1; seed <= 100; seed++) {
    for (const rule of rules) {
      const { comparison } = checkRule(rule, seed);
      if (comparison.verdict === 'disagree') alarms.push(`${rule.id} with --seed ${seed}`);
      if (comparison.verdict === 'untested') untested++;
    }
  }
  t.log(`${rules.length} rules × 100 seeds, ${untested} untested runs`);
  t.deepEqual(alarms, []);
});
