import test from 'ava';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './support/repo.js';

/** Runs the built `leibniz` binary as a user would, and returns what it printed. */
function leibniz(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const bin = join(repoRoot(), 'dist', 'src', 'cli', 'main.js');
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const noStackTrace = (text: string): boolean => !/^\s+at .+:\d+:\d+\)?$/m.test(text);

test('--version prints the package version', (t) => {
  const r = leibniz('--version');
  t.is(r.status, 0);
  t.regex(r.stdout, /^\d+\.\d+\.\d+\n$/);
});

test('--help lists the parse command', (t) => {
  const r = leibniz('--help');
  t.is(r.status, 0);
  t.regex(r.stdout, /parse/);
});

test('no arguments shows the seed goal with its shape and exits 0', (t) => {
  const r = leibniz();
  t.is(r.status, 0);
  t.regex(r.stdout, /∂\(aᵀX⁻¹b\)\/∂X/);
  t.regex(r.stdout, /shape\s+n×n/);
});

test('parse prints the term and its shape', (t) => {
  const r = leibniz('parse', 'a^TX^{-1}b', '--let', 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}');
  t.is(r.status, 0, r.stderr);
  t.is(r.stdout, 'aᵀX⁻¹b : scalar\n');
});

test('parse --to ascii is re-readable by parse', (t) => {
  const first = leibniz('parse', '∂(aᵀX⁻¹b)/∂X = −X⁻ᵀabᵀX⁻ᵀ', '--to', 'ascii');
  t.is(first.status, 0, first.stderr);
  const text = first.stdout.replace(/ : [^:]+\n$/, '');
  const second = leibniz('parse', text);
  t.is(second.status, 0, second.stderr);
  t.is(second.stdout, '∂(aᵀX⁻¹b)/∂X = −X⁻ᵀabᵀX⁻ᵀ : n×n\n');
});

test('parse --to json gives the term tree and shape', (t) => {
  const r = leibniz('parse', 'aᵀb', '--to', 'json');
  t.is(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout) as { statements: { kind: string; shape: string }[] };
  t.is(json.statements[0]!.kind, 'term');
  t.is(json.statements[0]!.shape, 'scalar');
});

test('a bad formula exits 2 with a positioned diagnostic and no stack trace', (t) => {
  const r = leibniz('parse', 'a X');
  t.is(r.status, 2);
  t.regex(r.stderr, /^<arg>:1:\d+: error E0201/);
  t.true(noStackTrace(r.stderr));
});

test('a bad option exits 2 with a usage diagnostic', (t) => {
  const r = leibniz('parse', 'X', '--to', 'klingon');
  t.is(r.status, 2);
  t.regex(r.stderr, /error E0902/);
  t.true(noStackTrace(r.stderr));
});

test('an unknown command exits 2', (t) => {
  const r = leibniz('frobnicate');
  t.is(r.status, 2);
  t.regex(r.stderr, /E0902/);
});
