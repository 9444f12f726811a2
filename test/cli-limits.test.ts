import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../src/cli/check-command.js';
import { parseCommand } from '../src/cli/parse-command.js';
import { repoRoot } from './support/repo.js';

/**
 * The limits of `leibniz check` and `parse` (README, "Limits"): each has a
 * default, a clear message when exceeded, and — input size and rules in
 * scope — an option. Deep nesting of every kind in proof files, in the
 * real process: positioned diagnostics, never a stack overflow.
 */
const root = repoRoot();
const bin = join(root, 'dist', 'src', 'cli', 'main.js');
const leibniz = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 90_000 });

function folder(t: { teardown: (f: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-limits-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** A formula nested `n` deep, each kind of nesting: operators after or before their argument, brackets, norm bars, derivatives. */
const nested = (n: number): Record<string, string> => ({
  'postfix ᵀ': `X${'ᵀ'.repeat(n)}`, "postfix '": `X${"'".repeat(n)}`, 'postfix ⁻¹': `X${'⁻¹'.repeat(n)}`,
  'prefix log': `${'log '.repeat(n)}t`, 'prefix det': `${'det '.repeat(n)}X`, brackets: `${'('.repeat(n)}X${')'.repeat(n)}`,
  'norm bars': `${'‖'.repeat(n)}x${'‖'.repeat(n)}`, '∂/∂t': `${'∂/∂t '.repeat(n)}X`,
});

/** The proof file with `deep` in the claim (line 2) and in a step (line 5). */
const deepProof = (deep: string): string => `use rules/core\ntheorem t : ${deep} = X\nproof\n  X\n  = ${deep}  by identity-left\nqed\n`;

test('10,000-deep terms of every kind in a proof file: exit 2, no stack trace; the lines are too long (E0106) unless brackets nest too deep first (E0105)', (t) => {
  const dir = folder(t);
  const path = join(dir, 'deep.proof');
  for (const [kind, deep] of Object.entries(nested(10_000))) {
    writeFileSync(path, deepProof(deep));
    const runs = kind.startsWith('postfix') ? [['check', path, '--no-cache'], ['export', path, '--to', 'latex']] : [['check', path, '--no-cache']];
    for (const args of runs) {
      const r = leibniz(...args);
      t.is(r.status, 2, `${kind}: ${args.join(' ')}\n${r.stdout.slice(0, 300)}${r.stderr.slice(0, 300)}`);
      t.false(STACK.test(r.stdout + r.stderr) || /internal error/.test(r.stdout + r.stderr), kind);
    }
    const out = checkCommand([path]).stdout;
    const expected = kind === 'brackets' ? 'E0105: brackets nested more than 64 deep' : 'E0106: line too long';
    for (const line of [2, 5]) t.regex(out, new RegExp(`deep\\.proof:${line}:\\d+: error ${expected}`), `${kind}, line ${line}`);
    t.is(checkCommand([path], { json: true }).exitCode, 2, kind);
  }
});

test('600-deep terms of every kind (within the line and formula lengths): E0105 in the claim and the step, never a stack overflow (in this process)', (t) => {
  const dir = folder(t);
  const path = join(dir, 'deep.proof');
  for (const [kind, deep] of Object.entries(nested(600))) {
    writeFileSync(path, deepProof(deep));
    const r = checkCommand([path]);
    t.is(r.exitCode, 2, kind);
    t.false(STACK.test(r.stdout) || /internal error/.test(r.stdout), kind);
    const message = kind.startsWith('postfix') ? 'formula nested more than 256 levels deep'
      : kind === 'brackets' ? 'brackets nested more than 64 deep' : 'formula nested (?:more than 256 levels deep|too deep to read)';
    for (const line of [2, 5]) t.regex(r.stdout, new RegExp(`deep\\.proof:${line}:\\d+: error E0105: ${message}\n`), `${kind}, line ${line}`);
  }
});

test('--max-input-bytes: a larger file is E0901 with the limit; the limit can be raised past the default 1 MB', (t) => {
  const dir = folder(t);
  const path = join(dir, 'big.proof');
  const good = 'use rules/core\nA, B ∈ ℝ^{n×n}\ntheorem t : (A B)ᵀ = Bᵀ Aᵀ\nproof\n    (A B)ᵀ\n  = Bᵀ Aᵀ     by transpose-of-product\nqed\n';
  writeFileSync(path, good + '-- padding\n'.repeat(110_000));
  const r = leibniz('check', path, '--no-cache');
  t.is(r.status, 2);
  t.regex(r.stdout, /error E0901: cannot read .*big\.proof: it is too large \(\d+ bytes; a proof file may have at most 1000000\)/);
  t.is(leibniz('check', path, '--no-cache', '--max-input-bytes', '2000000').status, 0);
  t.regex(leibniz('check', path, '--no-cache', '--max-input-bytes', '500').stdout, /at most 500\)/);
});

test('--max-rules: more rules in scope than allowed is E0607 at the use line, and the file is not checked', (t) => {
  const dir = folder(t);
  const path = join(dir, 'rules.proof');
  writeFileSync(path, 'use rules/core\ntheorem t : A = A\nproof\n  A\n  = A  by auto\nqed\n');
  const r = leibniz('check', path, '--no-cache', '--max-rules', '10');
  t.is(r.status, 2);
  t.regex(r.stdout, /rules\.proof:1:5: error E0607: too many rules in scope \(\d+; at most 10\)/);
  t.regex(r.stdout, /0 theorems, 0 steps checked/);
  t.is(leibniz('check', path, '--no-cache').status, 0, 'the same file checks without the limit');
});

test('parse: a formula over 4,000 characters is E0106; --max-input-bytes changes the limit', (t) => {
  const long = 'A + '.repeat(1200) + 'A';
  t.regex(parseCommand(long).stderr, /error E0106: formula too long \(4801 characters\)/);
  t.is(parseCommand(long, { maxInputBytes: 10_000 }).exitCode, 0);
  t.regex(parseCommand('A + B', { maxInputBytes: 3 }).stderr, /<arg>:1:4: error E0106: formula too long \(5 bytes\)\n  expected: at most 3 bytes/);
  t.is(leibniz('parse', 'A + B', '--max-input-bytes', '3').status, 2);
});

test('numbers given to the limits and --jobs must be whole and positive: exit 2 with a clear message', (t) => {
  for (const args of [['--jobs', '0'], ['--jobs', 'many'], ['--max-rules', '-5'], ['--max-input-bytes', '1e6']]) {
    const r = leibniz('check', 'proofs', ...args);
    t.is(r.status, 2, args.join(' '));
    t.regex(r.stderr, /error E0902: option '--[a-z-]+ <n>' argument '.*' is invalid\. expected a whole number of at least 1/);
  }
});
