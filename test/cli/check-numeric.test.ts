import test from 'ava';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/repo.js';
import { checkProofFile } from '../../src/check/index.js';
import { checkCommand } from '../../src/cli/check-command.js';
import { withNumericReview } from '../../src/cli/numeric-review.js';

/**
 * `check --numeric`: after the symbolic check, every kernel step is evaluated
 * at both ends, and every library rule in scope is screened. The shipped
 * proofs pass; a proof resting on a false user rule is caught twice — the
 * rule (E0514) and the step it justified (E0513) — with counterexamples.
 */
const numeric = (seed = 1) => withNumericReview(checkProofFile, { seed, cacheDir: null });

test('the shipped proofs pass check --numeric, and the verdicts match the plain check', (t) => {
  const plain = checkCommand(['proofs']);
  const reviewed = checkCommand(['proofs'], { check: numeric() });
  t.is(plain.exitCode, 0);
  t.is(reviewed.exitCode, 0, reviewed.stdout);
  t.is(reviewed.stdout, plain.stdout);
});

test('a false rule in use and the step it justified are both reported, with counterexamples', (t) => {
  const out = checkCommand(['test/fixtures/numeric/uses-wrong-rule.proof'], { check: numeric() });
  t.is(out.exitCode, 1);
  t.regex(out.stdout, /wrong\.rules:6:1: error E0514: rule "inverse-same-order" is false/);
  t.regex(out.stdout, /uses-wrong-rule\.proof:9:3: error E0513: this step checks by "inverse-same-order" but its ends differ numerically/);
  t.regex(out.stdout, /note: max \|left − right\| = /);
  t.regex(out.stdout, /1 theorem, 1 step checked, 1 failed/);
});

test('without --numeric the same file checks: numbers are advisory and never make a step pass or fail symbolically', (t) => {
  t.is(checkCommand(['test/fixtures/numeric/uses-wrong-rule.proof']).exitCode, 0);
});

test('the review is reproducible: the same seed gives the same report', (t) => {
  const a = checkCommand(['test/fixtures/numeric/uses-wrong-rule.proof'], { check: numeric(7) });
  const b = checkCommand(['test/fixtures/numeric/uses-wrong-rule.proof'], { check: numeric(7) });
  t.is(a.stdout, b.stdout);
});

test('leibniz check --numeric on the command line: exit 1 for the false rule, 2 for a bad seed', (t) => {
  const run = (args: string[]) => spawnSync(process.execPath, [join(repoRoot(), 'dist', 'src', 'cli', 'main.js'), ...args], { encoding: 'utf8', cwd: tmpdir() });
  const file = join(repoRoot(), 'test', 'fixtures', 'numeric', 'uses-wrong-rule.proof');
  const caught = run(['check', file, '--numeric']);
  t.is(caught.status, 1);
  t.regex(caught.stdout, /error E0513: /);
  t.is(run(['check', file]).status, 0);
  t.is(run(['check', file, '--numeric', '--seed', 'x']).status, 2);
});
