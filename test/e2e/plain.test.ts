import test from 'ava';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/repo.js';

/** `leibniz` and `leibniz prove` without a terminal (piped, as in CI): plain output, exit 0, never Ink. */

const root = repoRoot();
const leibniz = (...args: string[]) => spawnSync(process.execPath, [join(root, 'dist', 'src', 'cli', 'main.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '1' } });

test('leibniz without a terminal prints the goal, its auto-completed proof, and the commands', (t) => {
  const r = leibniz();
  t.is(r.status, 0, r.stderr);
  t.notRegex(r.stdout + r.stderr, /Raw mode/);
  t.regex(r.stdout, /shape {4}n×n/);
  t.regex(r.stdout, /theorem seed-goal : ∂\(aᵀX⁻¹b\)\/∂X = −X⁻ᵀabᵀX⁻ᵀ\n {2}proof entrywise i j\n/);
  t.regex(r.stdout, /leibniz check: proved/);
  t.regex(r.stdout, /leibniz prove FILE/);
});

test('leibniz prove FILE without a terminal prints the theorem as far as it goes', (t) => {
  const r = leibniz('prove', 'proofs/seed/formula-1.proof');
  t.is(r.status, 0, r.stderr);
  t.regex(r.stdout, /^theorem formula-1 : /);
  t.regex(r.stdout, /leibniz check: proved \(5 steps\)/);
});

test('leibniz prove FILE --goal without a terminal shows the new theorem and writes nothing', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-plain-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'new.proof');
  const r = leibniz('prove', file, '--goal', '(X Y)ᵀ = Yᵀ Xᵀ', '--let', 'X, Y ∈ ℝ^{n×n}');
  t.is(r.status, 0, r.stderr);
  t.regex(r.stdout, /^theorem goal : \(X Y\)ᵀ = Yᵀ Xᵀ\nproof\n {4}\(XY\)ᵀ\nqed\n/);
  t.regex(r.stdout, /does not reach the right side yet/);
  t.false(existsSync(file));
});

test('leibniz prove reports bad input with a diagnostic and exit 2', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-plain-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  t.is(leibniz('prove', join(dir, 'missing.proof')).status, 2);
  const r = leibniz('prove', join(dir, 'x.proof'), '--goal', '(X Y)ᵀ = a', '--let', 'X, Y ∈ ℝ^{n×n}');
  t.is(r.status, 2);
  t.regex(r.stderr, /error E\d+/);
  writeFileSync(join(dir, 'two.proof'), 'use rules/core\ntheorem t : (X Y)ᵀ = Yᵀ Xᵀ\nproof\n  (X Y)ᵀ\n  = Yᵀ Xᵀ by transpose-of-product\nqed\n');
  t.regex(leibniz('prove', join(dir, 'two.proof'), 'nope').stderr, /there is no theorem "nope"/);
});
