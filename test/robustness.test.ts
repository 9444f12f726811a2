import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './support/repo.js';

/**
 * Hostile input to `leibniz check` and `leibniz export`, through the real
 * binary: never a stack trace, never an internal error (exit 3), always a
 * diagnostic and the documented exit code. Time is bounded only by the spawn
 * timeout (a run that hangs is killed and fails on its exit status).
 */
const root = repoRoot();
const folder = mkdtempSync(join(tmpdir(), 'leibniz-robust-'));
test.after.always(() => rmSync(folder, { recursive: true, force: true }));

function leibniz(...args: string[]): { out: string; status: number | null; signal: NodeJS.Signals | null } {
  const bin = join(root, 'dist', 'src', 'cli', 'main.js');
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 90_000, maxBuffer: 64 * 1024 * 1024 });
  return { out: r.stdout + r.stderr, status: r.status, signal: r.signal };
}

const file = (name: string, content: string | Buffer): string => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** Asserts the run finished (not killed), with `status`, no stack trace, and output matching `pattern`. */
function expectClean(t: import('ava').ExecutionContext, r: ReturnType<typeof leibniz>, status: number, pattern: RegExp): void {
  t.is(r.signal, null, 'the run finished before the spawn timeout');
  t.is(r.status, status, r.out.slice(0, 2000));
  t.false(STACK.test(r.out), 'no stack trace');
  t.false(/internal error/.test(r.out));
  t.regex(r.out, pattern);
}

const randomBytes = (n: number, seed: number): Buffer => {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
};

test('a binary file (with NUL bytes): E0901, exit 2', (t) => {
  const path = file('binary.proof', randomBytes(4096, 7));
  expectClean(t, leibniz('check', path), 2, /error E0901: cannot read .*binary\.proof: it is a binary file/);
  expectClean(t, leibniz('export', path, '--to', 'latex'), 2, /error E0901/);
});

test('a file that is not UTF-8 (no NUL bytes): E0901, exit 2', (t) => {
  const bytes = Buffer.from(randomBytes(4096, 11).map((b) => (b === 0 ? 0xff : b | 0x80)));
  expectClean(t, leibniz('check', file('latin.proof', bytes)), 2, /error E0901: cannot read .*latin\.proof: it is not UTF-8 text/);
});

test('an empty file is bad input: E0603, exit 2; a file with only declarations is a warning', (t) => {
  expectClean(t, leibniz('check', file('empty.proof', '')), 2, /error E0603: .*empty\.proof is empty: nothing to check[\s\S]*0 theorems, 0 steps checked, 0 failed \(1 file\)\n$/);
  expectClean(t, leibniz('check', file('decls-only.proof', 'X ∈ ℝ^{n×n}\n')), 0, /warning E0603: no theorems in .*decls-only\.proof/);
  expectClean(t, leibniz('export', join(folder, 'empty.proof'), '--to', 'markdown'), 0, /typeset by leibniz export/);
});

test('a 10 MB file: refused before reading, E0901, exit 2', (t) => {
  const path = file('huge.proof', 'theorem t : A = A\n'.repeat(600_000));
  expectClean(t, leibniz('check', path), 2, /error E0901: cannot read .*huge\.proof: it is too large \(\d+ bytes; a proof file may have at most 1000000\)/);
  expectClean(t, leibniz('export', path, '--to', 'latex'), 2, /error E0901/);
});

test('5,000 lines of junk: every line diagnosed, the output capped, exit 2', (t) => {
  const path = file('junk.proof', 'x ∈ ∈ ℝ\n'.repeat(5_000));
  const r = leibniz('check', path);
  expectClean(t, r, 2, /junk\.proof:1:5: error E0101[\s\S]*warning E0605: 4950 more diagnostics in .*junk\.proof not shown\n  note: only the first 50 are printed; --json lists all 5000/);
  t.true(r.out.length < 100_000, `${r.out.length} characters printed`);
});

test('10,000-deep nesting in a claim and in a step: a positioned diagnostic, exit 2', (t) => {
  const deep = '('.repeat(10_000) + 'A' + ')'.repeat(10_000);
  const path = file('deep.proof', `use rules/core\ntheorem t : ${deep} = A\nproof\n  A\n  = ${deep}  by identity-left\nqed\n`);
  expectClean(t, leibniz('check', path), 2, /deep\.proof:2:\d+: error E0105: brackets nested more than \d+ deep/);
  expectClean(t, leibniz('export', path, '--to', 'latex'), 2, /deep\.proof:2:\d+: error E0105/);
});

test('a 200,000-character line: a positioned diagnostic, exit 2', (t) => {
  const path = file('long.proof', `theorem t : ${'A + '.repeat(50_000)}A = A\n`);
  expectClean(t, leibniz('check', path), 2, /long\.proof:2?\d*:\d+: error E0106|long\.proof:1:\d+: error E01/);
});

test('a folder with no proofs, a missing path, a folder given to export: exit 2', (t) => {
  const empty = join(folder, 'no-proofs');
  mkdirSync(join(empty, 'sub'), { recursive: true });
  writeFileSync(join(empty, 'sub', 'notes.md'), '# nothing');
  expectClean(t, leibniz('check', empty), 2, /error E0602: no proof files in /);
  expectClean(t, leibniz('check', join(folder, 'missing', 'x.proof')), 2, /error E0901: cannot read .*x\.proof: no such file or folder/);
  expectClean(t, leibniz('export', folder, '--to', 'latex'), 2, /error E0901: cannot read .*: it is a folder/);
  expectClean(t, leibniz('check', empty, '--json'), 2, /"code": "E0602"/);
});

test('random printable text in a proof file: diagnostics, never a crash', (t) => {
  const alphabet = 'AXab()ᵀ⁻¹=+−∂/tr by at 1.0 ← ⟹ proof qed theorem use rules/core : ∈ ℝ^{n×n}\n';
  for (let seed = 1; seed <= 5; seed++) {
    const text = [...randomBytes(3000, seed)].map((b) => alphabet[b % alphabet.length]).join('');
    const r = leibniz('check', file(`random-${seed}.proof`, text));
    t.is(r.signal, null);
    t.true(r.status === 0 || r.status === 1 || r.status === 2, `seed ${seed}: exit ${r.status}\n${r.out.slice(0, 1000)}`);
    t.false(STACK.test(r.out), `seed ${seed}: no stack trace`);
    t.false(/internal error/.test(r.out), `seed ${seed}`);
  }
});
