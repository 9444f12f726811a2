import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProofFile, type TheoremReport } from '../../src/check/index.js';
import { readProofFile } from '../../src/proof/index.js';
import { loadLibrary, type RuleRegistry } from '../../src/rules/index.js';
import { repoRoot } from '../support/repo.js';

/**
 * `proof differential X` (src/check/differential.ts): `d` moves X alone, and
 * a gradient is read off `tr(dXᵀ G)`. Each accepted form once, and every
 * reason to refuse once, so a weakened check fails a test.
 */
const root = repoRoot();
const core = (): RuleRegistry => loadLibrary('rules/core', (p) => ({ text: readFileSync(join(root, p), 'utf8') })).registry;

const HEADER = ['a, b, x ∈ ℝⁿ', 'A, X ∈ ℝ^{n×n}', 't ∈ ℝ', ''].join('\n');

function theorem(body: string): TheoremReport {
  const { file, diagnostics } = readProofFile(`${HEADER}\n${body}`, { sourceName: 'differential.proof' });
  if (diagnostics.length > 0) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return checkProofFile(file, { registry: core() }).report.theorems[0]!;
}

const codes = (r: TheoremReport): string[] => [...r.diagnostics, ...r.steps.flatMap((s) => s.diagnostics)].map((d) => d.code);

const AXB = (claim: string, variable = 'X', last = 'tr((dX)ᵀ abᵀ)    by transpose-of-product, transpose-of-product, transpose-involution') => [
  `theorem g : ${claim}`, `proof differential ${variable}`,
  '    d(aᵀXb)', '  = aᵀ dX b       by d-fixed-left, d-fixed-right', '  = tr(baᵀ dX)    by trace-of-scalar ←, trace-cyclic',
  '  = tr((baᵀ dX)ᵀ) by trace-transpose ←', `  = ${last}`, 'qed',
].join('\n');

test('a gradient is read off tr(dXᵀ G) at the end of the chain', (t) => {
  t.is(theorem(AXB('∂(aᵀXb)/∂X = abᵀ')).status, 'proved');
});

test('a claim with another G is not reached (E0505)', (t) => {
  const r = theorem(AXB('∂(aᵀXb)/∂X = baᵀ'));
  t.is(r.status, 'failed');
  t.deepEqual(codes(r), ['E0505']);
});

test('the variable must be declared (E0516)', (t) => {
  t.deepEqual(codes(theorem(AXB('∂(aᵀXb)/∂X = abᵀ', 'Y'))), ['E0516']);
});

test('under proof differential X, d moves X alone: fixed(a) holds, fixed(X) does not', (t) => {
  const moving = ['theorem h : d(aᵀXb) = 0', 'proof differential X', '    d(aᵀXb)', '  = 0   by d-fixed', 'qed'].join('\n');
  t.deepEqual(codes(theorem(moving)), ['E0503']);
  const still = ['theorem h : d(aᵀXb) = 0', 'proof differential x', '    d(aᵀXb)', '  = 0   by d-fixed', 'qed'].join('\n');
  t.is(theorem(still).status, 'proved', 'by x, aᵀXb is fixed');
});

test('a gradient that holds a differential is refused (E0516): tr(Gᵀ dX) must be linear in dX', (t) => {
  const body = ['theorem g : ∂(aᵀXb)/∂X = abᵀ + dX', 'proof differential X', '    d(aᵀXb)', '  = aᵀ dX b   by d-fixed-left, d-fixed-right', 'qed'].join('\n');
  t.deepEqual(codes(theorem(body)), ['E0516']);
});

test('by a scalar t, the chain ends at G dt, or at each summand of G times dt', (t) => {
  const claim = (rhs: string, last: string) =>
    [`theorem s : ∂(t^2 A + t X)/∂t = ${rhs}`, 'proof differential t', '    d(t^2 A + t X)',
      '  = d(t^2 A) + d(tX)       by d-sum', '  = d(t^2) A + dt X        by d-scaled, d-fixed, d-scaled, d-fixed', `  = ${last}   by d-power-natural`, 'qed'].join('\n');
  t.is(theorem(claim('2tA + X', '2t dt A + dt X')).status, 'proved');
  t.is(theorem(claim('2tA', '2t dt A + dt X')).status, 'failed');
});
