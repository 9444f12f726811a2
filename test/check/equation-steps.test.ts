import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProofFile, type FileReport } from '../../src/check/index.js';
import { readProofFile } from '../../src/proof/index.js';
import { loadLibrary, type RuleRegistry } from '../../src/rules/index.js';
import { repoRoot } from '../support/repo.js';

/**
 * The kernel's own equation steps and definitions: `definition`,
 * `frechet-unique` (the linear part of an expansion is the Fréchet
 * derivative) and `substitute H := T`. Each accepted form once, and every
 * reason to refuse once, so a weakened check fails a test.
 */
const root = repoRoot();
const core = (): RuleRegistry => loadLibrary('rules/core', (p) => ({ text: readFileSync(join(root, p), 'utf8') })).registry;

const HEADER = [
  'H, X, B ∈ ℝ^{n×n}', 'P ∈ ℝ^{n×n} invertible', 'a, b ∈ ℝⁿ', 't ∈ ℝ', 'Z(t) ∈ ℝ^{n×n}',
  'f : ℝ^{n×n} → ℝ^{n×n}', 'g : ℝ^{n×n} → ℝ^{n×n}', '',
  'definition def-f : f(Y) = Y^2', '',
  'theorem square-expansion : (X+H)^2 = X^2 + X H + H X + o(H)', 'proof',
  '    (X+H)^2 = X^2 + X H + H X + H^2       by product-self ←, distribute-left, distribute-right, product-self, product-self',
  '  ⟹ (X+H)^2 = X^2 + X H + H X + o(H)      by o-square', 'qed', '',
].join('\n');

function check(body: string): FileReport {
  const { file, diagnostics } = readProofFile(`${HEADER}\n${body}`, { sourceName: 'steps.proof' });
  if (diagnostics.length > 0) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return checkProofFile(file, { registry: core() }).report;
}

/** Every diagnostic of the file: code and what it says it found. */
const found = (r: FileReport): string[] => [
  ...r.diagnostics,
  ...r.theorems.flatMap((t) => [...t.diagnostics, ...t.steps.flatMap((s) => s.diagnostics)]),
].map((d) => `${d.code} ${d.found ?? ''}`.trim());

const derivative = (premise: string, conclusion: string, item = 'frechet-unique'): string => [
  'theorem d : ' + conclusion.replace(/^⟹ /, ''), 'proof',
  '    (X+H)^2 = X^2 + X H + H X + o(H)   by square-expansion',
  `  ⟹ ${premise}   by def-f ←`,
  `  ${conclusion}   by ${item}`, 'qed',
].join('\n');

test('definition and frechet-unique: the derivative of X ↦ X² is H ↦ XH + HX', (t) => {
  const r = check(derivative('f(X+H) = f(X) + X H + H X + o(H)', '⟹ f′(X)·H = X H + H X'));
  t.deepEqual(found(r), []);
  t.deepEqual(r.theorems.map((th) => th.status), ['defined', 'proved', 'proved']);
});

test('frechet-unique refuses a right side that is not the linear part', (t) => {
  const r = check(derivative('f(X+H) = f(X) + X H + H X + o(H)', '⟹ f′(X)·H = 2 X H'));
  t.deepEqual(found(r), ['E0511 the part linear in H is HX + XH, not 2XH']);
});

const premiseOnly = (premise: string, conclusion: string): string[] =>
  found(check(['theorem d : ' + conclusion, 'proof', `    ${premise}   by auto`, `  ⟹ ${conclusion}   by frechet-unique`, 'qed'].join('\n')))
    .filter((s) => s.startsWith('E0511'));

test('frechet-unique refuses a summand that is not linear in H', (t) => {
  const refusal = premiseOnly('g(X+H) = g(X) + H^2 + o(H)', 'g′(X)·H = H^2');
  t.deepEqual(refusal, ['E0511 H² is not linear in H']);
});

test('frechet-unique refuses a constant summand (affine is not linear)', (t) => {
  t.deepEqual(premiseOnly('g(X+H) = g(X) + B + X H + o(H)', 'g′(X)·H = B + X H'), ['E0511 B is not linear in H']);
});

test('frechet-unique needs the remainder o(H) and the value f(X)', (t) => {
  t.deepEqual(premiseOnly('g(X+H) = g(X) + X H', 'g′(X)·H = X H'), ['E0511 the previous right side must be g(X) + (a part linear in H) + o(H)']);
  t.deepEqual(premiseOnly('g(X+H) = X + X H + o(H)', 'g′(X)·H = X H'), ['E0511 the previous right side must be g(X) + (a part linear in H) + o(H)']);
});

test('frechet-unique needs the expansion at X + H of the same function and point', (t) => {
  t.deepEqual(premiseOnly('g(X+B) = g(X) + X H + o(H)', 'g′(X)·H = X H'), ['E0511 the previous equation must begin g(X + H) =']);
  t.deepEqual(premiseOnly('g(X+H) = g(X) + X H + o(H)', 'f′(X)·H = X H'), ['E0511 the previous equation must begin f(X + H) =']);
});

test('frechet-unique needs a symbol as the direction', (t) => {
  t.deepEqual(premiseOnly('g(X+H) = g(X) + X H + o(H)', 'g′(X)·(2H) = X H'), ['E0511 the new equation must read f′(X)·H = …, with H a symbol']);
});

test('linear forms accepted: transposes, traces, products on both sides, sums, directional derivatives', (t) => {
  const ok = (linear: string): void => void t.deepEqual(premiseOnly(`g(X+H) = g(X) + ${linear} + o(H)`, `g′(X)·H = ${linear}`), [], linear);
  ok('P H^T P');
  ok('tr(P H) I');
  ok('3 H - P⁻¹ H P⁻¹');
  ok('f′(X)·(P H)');
});

const substitution = (equation: string, item: string, result: string): string[] =>
  found(check(['theorem s : ' + result, 'proof', `    ${equation}   by auto`, `  ⟹ ${result}   by ${item}`, 'qed'].join('\n')))
    .filter((s) => s.startsWith('E0511'));

test('substitute puts a term of the same shape for a free symbol', (t) => {
  t.deepEqual(substitution('(H^T)^T = H', 'substitute H := X P', '((X P)^T)^T = X P'), []);
  t.deepEqual(substitution('(H^T)^T = H', 'substitute H := X P', '((X P)^T)^T = P X'), ['E0511 it gives ((XP)ᵀ)ᵀ = XP']);
});

test('substitute refuses other shapes, properties, dependants and variables of calculus', (t) => {
  t.deepEqual(substitution('(H^T)^T = H', 'substitute H := a', '(a^T)^T = a'), ['E0511 a does not have the shape of H']);
  t.deepEqual(substitution('P P⁻¹ = I', 'substitute P := H', 'H H⁻¹ = I'), ['E0511 P is declared invertible; only a symbol without properties can take any value']);
  t.deepEqual(substitution('Z(t) = (Z(t)^T)^T', 'substitute t := 0', 'Z(0) = (Z(0)^T)^T'), ['E0511 Z depends on t']);
  t.deepEqual(substitution('∂(t X)/∂t = X', 'substitute t := 2', '∂(2 X)/∂2 = X'), ['E0511 t occurs in ∂(tX)/∂t, where it is a variable, not a value']);
  t.deepEqual(substitution('(H^T)^T = H', 'substitute Q := H', '(H^T)^T = H'), ['E0511 Q is not a declared symbol']);
});

test('the kernel equation steps stand alone and only on ⟹ lines', (t) => {
  t.deepEqual(substitution('(H^T)^T = H', 'substitute H := B, transpose-involution', 'B = B'), ['E0511 other items in the same "by" clause (this step stands alone)']);
  const r = check(['theorem e : H = H', 'proof', '    H', '  = H   by frechet-unique', 'qed'].join('\n'));
  t.deepEqual(found(r).filter((s) => s.startsWith('E0511')), ['E0511 a "=" step']);
});

const definition = (text: string): string[] => found(check(text)).filter((s) => s.startsWith('E0512'));

test('a definition must introduce a fresh function', (t) => {
  t.deepEqual(definition('definition def-g : g(Y) = Y^T\ndefinition def-g2 : g(Y) = Y'), ['E0512 g already used by definition "def-g"']);
  t.deepEqual(definition('theorem uses-g : g(X) = g(X)\ndefinition def-g : g(Y) = Y'), ['E0512 g already used by theorem "uses-g"']);
  t.deepEqual(definition('definition def-g : g(Y) = g(Y)^T'), ['E0512 g in its own body']);
  t.deepEqual(definition('definition def-h : h(Y) = Y^T'), ['E0512 h without a signature (declare it, e.g. "h : ℝ^{n×n} → ℝ^{n×n}")']);
  t.deepEqual(definition('definition def-g : g(Y) = Y\nproof\nqed'), ['E0512 a proof (a definition has none)']);
  t.deepEqual(definition('definition def-g : g(X + H) = X'), ['E0512 arguments that are not distinct symbols']);
});
