import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveCommand } from '../../src/cli/derive-command.js';
import { printTerm } from '../../src/print/index.js';
import { arbMatrixTerm, arbScalarTerm } from '../support/arbitrary.js';
import fc from '../support/fc.js';
import { repoRoot } from '../support/repo.js';

/** `leibniz derive`, run as a user runs it. */

function leibniz(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const bin = join(repoRoot(), 'dist', 'src', 'cli', 'main.js');
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const SEED = ['a^TX^{-1}b', '--wrt', 'X', '--let', 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n} invertible'];
const noStackTrace = (text: string): boolean => !/^\s+at .+:\d+:\d+\)?$/m.test(text);

test('the seed: derive prints −X⁻ᵀabᵀX⁻ᵀ', (t) => {
  const r = leibniz('derive', ...SEED);
  t.is(r.status, 0, r.stderr);
  t.is(r.stdout, '−X⁻ᵀabᵀX⁻ᵀ\n');
});

test('--steps: the derivation as a proof, every step naming its rule, then the claim', (t) => {
  const r = leibniz('derive', ...SEED, '--steps');
  t.is(r.status, 0, r.stderr);
  const lines = r.stdout.split('\n');
  t.is(lines[0], 'theorem derivative : ∂(aᵀX⁻¹b)/∂X = −X⁻ᵀabᵀX⁻ᵀ');
  t.is(lines[1], 'proof differential X');
  t.is(lines[2]!.trim(), 'd(aᵀX⁻¹b)');
  const steps = lines.filter((l) => l.startsWith('  = '));
  t.true(steps.length >= 5);
  for (const step of steps) t.regex(step, /\s+by [a-z0-9-]+( ←)?$/);
  t.true(steps.some((l) => /−aᵀX⁻¹ dX X⁻¹b\s+by d-inverse$/.test(l)), 'the differential of the inverse, as in the seed');
  t.regex(r.stdout, /\n∂\(aᵀX⁻¹b\)\/∂X = −X⁻ᵀabᵀX⁻ᵀ\n/);
});

test('--to ascii is re-readable: parse gives back the Unicode result', (t) => {
  const ascii = leibniz('derive', ...SEED, '--to', 'ascii');
  t.is(ascii.status, 0);
  t.false(/[ᵀ⁻¹]/.test(ascii.stdout), ascii.stdout);
  const back = leibniz('parse', '--let', 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n} invertible', '--', ascii.stdout.trim());
  t.is(back.status, 0, back.stderr);
  t.is(back.stdout, '−X⁻ᵀabᵀX⁻ᵀ : n×n\n');
  t.regex(leibniz('derive', ...SEED, '--to', 'latex').stdout, /\\top|\^\{-T\}|\^T/);
});

test('--to json: the result in every notation, the steps and the time', (t) => {
  const r = leibniz('derive', ...SEED, '--to', 'json');
  const json = JSON.parse(r.stdout) as Record<string, unknown>;
  t.is(json['kind'], 'gradient');
  t.is(json['result'], '−X⁻ᵀabᵀX⁻ᵀ');
  t.is(typeof json['ascii'], 'string');
  t.true(Array.isArray(json['steps']) && (json['steps'] as unknown[]).length >= 5);
  t.true(typeof json['ms'] === 'number' && (json['ms'] as number) >= 0);
});

test('--emit-proof writes a proof file that leibniz check accepts', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-derive-'));
  const file = join(dir, 'seed.proof');
  const r = leibniz('derive', ...SEED, '--emit-proof', file);
  t.is(r.status, 0, r.stderr);
  t.regex(readFileSync(file, 'utf8'), /^theorem derivative : ∂\(aᵀX⁻¹b\)\/∂X = −X⁻ᵀabᵀX⁻ᵀ$/m);
  const checked = leibniz('check', file);
  t.is(checked.status, 0, checked.stdout + checked.stderr);
  t.regex(checked.stdout, /1 theorem, \d+ steps checked, 0 failed/);
});

test('X⁻¹ in the formula says X is invertible: the declaration is completed and stated in the emitted proof', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-derive-'));
  const file = join(dir, 'seed.proof');
  const r = leibniz('derive', 'a^TX^{-1}b', '--wrt', 'X', '--let', 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}', '--emit-proof', file);
  t.is(r.status, 0, r.stderr);
  t.is(r.stdout, '−X⁻ᵀabᵀX⁻ᵀ\n');
  t.regex(readFileSync(file, 'utf8'), /^X ∈ ℝⁿˣⁿ invertible$/m);
  t.is(leibniz('check', file).status, 0);
  const product = leibniz('derive', 'a^T(XY)^{-1}b', '--wrt', 'X', '--let', 'a, b ∈ ℝⁿ; X, Y ∈ ℝ^{n×n}');
  t.is(product.status, 2, 'an inverted product is not presupposed invertible: the rules say what is missing');
  t.regex(product.stderr, /is not declared invertible/);
});

test('--batch: one JSON line per request, errors included, in one process', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-batch-'));
  const file = join(dir, 'requests.jsonl');
  writeFileSync(file, [
    JSON.stringify({ expr: 'tr(AX)', wrt: 'X', let: 'A, X ∈ ℝ^{n×n}' }),
    '# a comment', '',
    JSON.stringify({ expr: 'tr(AX', wrt: 'X', let: 'A, X ∈ ℝ^{n×n}' }),
    'not json',
    JSON.stringify({ expr: 'x^TAx', wrt: 'x', let: 'x ∈ ℝⁿ; A ∈ ℝ^{n×n}' }),
  ].join('\n'));
  const r = leibniz('derive', '--batch', file);
  t.is(r.status, 0, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  t.is(out.length, 4);
  t.is(out[0]!['result'], 'Aᵀ');
  t.regex(String(out[1]!['error']), /<arg>:1:\d+/);
  t.regex(String(out[2]!['error']), /requests\.jsonl:5: not a JSON object/);
  t.is(out[3]!['result'], 'Aᵀx + Ax');
  t.is(leibniz('derive', '--batch', join(dir, 'missing.jsonl')).status, 2);
});

test('bad input: a positioned diagnostic and exit 2, never a stack trace', (t) => {
  const cases: [string[], RegExp][] = [
    [['derive', 'a^TX^{-1', '--wrt', 'X', '--let', 'a ∈ ℝⁿ; X ∈ ℝ^{n×n}'], /<arg>:1:\d+: error E01/],
    [['derive', 'a^TXa', '--wrt', 'Y', '--let', 'a ∈ ℝⁿ; X ∈ ℝ^{n×n}'], /<--wrt>:1:1: error E0903: cannot derive: the variable Y is not declared/],
    [['derive', 'tan(a^TXa)', '--wrt', 'X', '--let', 'a ∈ ℝⁿ; X ∈ ℝ^{n×n}'], /E0903: cannot derive: no rule differentiates\n {2}found: {4}tan\(aᵀXa\) \(the function tan\)/],
    [['derive', 'a^TXa'], /E0902: derive needs a formula and --wrt X/],
    [['derive', 'a^TXa = 1', '--wrt', 'X', '--let', 'a ∈ ℝⁿ; X ∈ ℝ^{n×n}'], /E0903: cannot derive: the formula must be one term/],
  ];
  for (const [args, message] of cases) {
    const r = leibniz(...args);
    t.is(r.status, 2, args.join(' '));
    t.regex(r.stderr, message);
    t.true(noStackTrace(r.stderr));
  }
});

test('--eval: both sides of the result on random samples, a second opinion; a bad seed is bad input', (t) => {
  const r = leibniz('derive', ...SEED, '--eval', '--seed', '7');
  t.is(r.status, 0, r.stderr);
  t.regex(r.stdout, /^−X⁻ᵀabᵀX⁻ᵀ\nnumerically: both sides agree on \d+ random sample sizes \(seed 7\)\n$/);
  const bad = leibniz('derive', ...SEED, '--eval', '--seed', 'seven');
  t.is(bad.status, 2);
  t.true(noStackTrace(bad.stderr));
});

test('random well-shaped formulas: derive answers or refuses with a diagnostic; the kernel accepts every answer', (t) => {
  const decls = 'A, B, C, X, Y, H, M, G ∈ ℝ^{n×n}; a, b, c, u, v, x, y ∈ ℝⁿ; t, s, α, λ ∈ ℝ';
  fc.assert(fc.property(fc.oneof(arbScalarTerm, arbMatrixTerm), fc.constantFrom('X', 'x', 't'), (term, wrt) => {
    const outcome = deriveCommand(printTerm(term, { notation: 'ascii' }), { wrt, let: decls });
    if (outcome.exitCode !== 0 && outcome.exitCode !== 2) return false; // 3 would be a derivation the kernel refused
    return noStackTrace(outcome.stderr) && (outcome.exitCode === 0) === (outcome.stdout !== '');
  }), { numRuns: 60, seed: 20261124 });
  t.pass();
});
