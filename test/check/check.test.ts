import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProofFile, summarize, type FileReport } from '../../src/check/index.js';
import { readProofFile } from '../../src/proof/index.js';
import { loadLibrary, type RuleRegistry } from '../../src/rules/index.js';
import { repoRoot } from '../support/repo.js';

/** The shipped core library, loaded from disk once per test file (a fresh registry per check). */
const root = repoRoot();
const core = (): RuleRegistry =>
  loadLibrary('rules/core', (p) => {
    try {
      return { text: readFileSync(join(root, p), 'utf8') };
    } catch (error) {
      return { error: String(error) };
    }
  }).registry;

const HEADER = 'X ∈ ℝ^{n×n} invertible\nY ∈ ℝ^{n×n}\na, b ∈ ℝⁿ\nt ∈ ℝ\n';

function check(body: string): FileReport {
  const { file, diagnostics } = readProofFile(HEADER + body, { sourceName: 'test.proof' });
  if (diagnostics.length > 0) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return checkProofFile(file, { registry: core() }).report;
}

const codes = (r: FileReport): string[] => [
  ...r.diagnostics.map((d) => d.code),
  ...r.theorems.flatMap((t) => [...t.diagnostics.map((d) => d.code), ...t.steps.flatMap((s) => s.diagnostics.map((d) => d.code))]),
];

/** `proves(name, proof)`: every theorem proves, with no diagnostic. */
const proves = (name: string, body: string): void => {
  test(`proves: ${name}`, (t) => {
    const r = check(body);
    t.deepEqual(codes(r), []);
    t.true(r.theorems.every((th) => th.status === 'proved'));
  });
};

/** `rejects(name, proof, codes)`: the proof fails with exactly these diagnostic codes. */
const rejects = (name: string, body: string, expected: string[]): void => {
  test(`rejects: ${name}`, (t) => {
    const r = check(body);
    t.deepEqual(codes(r), expected);
    t.true(r.theorems.some((th) => th.status !== 'proved'));
  });
};

proves('a calculation chain with two rules', `
theorem t : (aᵀX⁻¹b)ᵀ = bᵀX⁻ᵀa
proof
    (aᵀX⁻¹b)ᵀ
  = bᵀ(X⁻¹)ᵀ(aᵀ)ᵀ    by transpose-of-product
  = bᵀX⁻ᵀa           by transpose-involution
qed`);

proves('rules applied in turn on one line', `
theorem t : X⁻¹ X a = a
proof
  X⁻¹ X a
  = a      by inverse-left, identity-left
qed`);

proves('a fact line, then an implication by both sides', `
theorem t : X⁻¹ X Y = Y
proof
  X⁻¹ X = I                  by inverse-left
  ⟹ X⁻¹ X Y = I Y           by both-sides right-multiply Y
  ⟹ X⁻¹ X Y = Y             by identity-left
qed`);

proves('a hypothesis named by have and cited by hyp', `
theorem t : X⁻¹ X Y = Y
proof
  have h : X⁻¹ X = I  by inverse-left
  X⁻¹ X Y
  = I Y    by hyp h
  = Y      by identity-left
qed`);

proves('an earlier theorem is a rule for a later one', `
theorem first : X⁻¹ X = I
proof
  X⁻¹ X = I by inverse-left
qed
theorem second : Y X⁻¹ X = Y
proof
  Y X⁻¹ X
  = Y I    by first
  = Y      by identity-right
qed`);

proves('a backward step', `
theorem t : bᵀX⁻ᵀa = (aᵀX⁻¹b)ᵀ
proof
    bᵀX⁻ᵀa
  = bᵀ(X⁻¹)ᵀ(aᵀ)ᵀ    by transpose-involution ←
  = (aᵀX⁻¹b)ᵀ         by transpose-of-product ←
qed`);

proves('by auto finds a short chain', `
theorem t : X⁻¹ X a = a
proof
  X⁻¹ X a
  = a      by auto
qed`);

rejects('an unknown rule, with a did-you-mean', `
theorem t : X X⁻¹ = I
proof
  X X⁻¹ = I by inverse-rigth
qed`, ['E0501']);

rejects('a rule that matches nowhere', `
theorem t : Y Y = Y
proof
  Y Y = Y by inverse-left
qed`, ['E0502']);

rejects('a side condition that does not hold', `
theorem t : Y⁻¹ Y = I
proof
  Y⁻¹ Y = I by inverse-left
qed`, ['E0503']);

rejects('a correct rule with a wrong result', `
theorem t : (X Y)ᵀ = Xᵀ Yᵀ
proof
  (X Y)ᵀ
  = Xᵀ Yᵀ   by transpose-of-product
qed`, ['E0504']);

rejects('a chain that stops short of the claim', `
theorem t : X⁻¹ X a = a
proof
  X⁻¹ X a
  = I a    by inverse-left
qed`, ['E0505']);

rejects('a step with nothing before it', `
theorem t : X⁻¹ X = I
proof
  = I by inverse-left
qed`, ['E0506']);

rejects('a theorem without a proof', `
theorem t : X⁻¹ X = I
`, ['E0509']);

test('the summary counts theorems, steps and failures', (t) => {
  const r = check(`
theorem good : X⁻¹ X = I
proof
  X⁻¹ X = I by inverse-left
qed
theorem bad : Y⁻¹ Y = I
proof
  Y⁻¹ Y = I by inverse-left
qed`);
  t.deepEqual(summarize([r]), { theorems: 2, steps: 2, failed: 1, files: 1 });
});

test('a failed step still moves the proof on, so later steps are checked on their own', (t) => {
  const r = check(`
theorem t : X⁻¹ X a = a
proof
  X⁻¹ X a
  = Y a    by inverse-left
  = a      by inverse-left
qed`);
  const statuses = r.theorems[0]!.steps.map((s) => s.status);
  t.deepEqual(statuses, ['ok', 'failed', 'failed']);
});

rejects('a Kronecker delta does not contract a free index', `
i j : index
theorem t : δ_{ij} b_j = b_i
proof
  δ_{ij} b_j = b_i by delta-contract
qed`, ['E0503']);

proves('a Kronecker delta contracts a summed (undeclared) index', `
theorem t : δ_{ik} b_k = b_i
proof
  δ_{ik} b_k = b_i by delta-contract
qed`);

// `factor-left` on `1 + xᵢ` makes `I + xᵢ`: an identity of no fixed size beside
// a scalar. The result knows the sum is a scalar, as the line read does.
proves('a rewritten sum is a scalar when a later summand is', `
theorem s : t (1 + xᵢ) c uᵀ = t (I + xᵢ) c uᵀ
proof
  t (1 + xᵢ) c uᵀ
  = t (I + xᵢ) c uᵀ   by factor-left
qed`);

// The lines of a chain are equal terms, shaped with the claim: the first line
// reads as the claim's left side (there `o(M)` must be the scalar remainder).
test('the first line of a chain is read in the context of the claim', (t) => {
  const r = check(`
theorem s : x o(M) = x
proof
  x o(M)
qed`);
  t.deepEqual(r.theorems[0]!.diagnostics.map((d) => d.message), ['the proof does not end at the right side of the claim']);
});

// A rule's `0` takes the shape of what it replaced (a rewrite keeps shapes):
// here the zero matrix, which stays in the chain, as the line reads.
proves('a zero put by a rule where a matrix was is a matrix', `
theorem s : s ∂(∂Y/∂s)/∂t = s ∂0/∂t
proof
  s ∂(∂Y/∂s)/∂t
  = s ∂0/∂t   by d-constant
qed`);

proves('a rule taken through a whole product on one line (a spread step)', `
theorem t : (X Y X⁻¹ a)ᵀ = aᵀ X⁻ᵀ Yᵀ Xᵀ
proof
    (X Y X⁻¹ a)ᵀ
  = aᵀ X⁻ᵀ Yᵀ Xᵀ    by transpose-of-product
qed`);

rejects('a spread step whose peel fails a side condition', `
theorem t : (X Y X)⁻¹ = X⁻¹ Y⁻¹ X⁻¹
proof
    (X Y X)⁻¹
  = X⁻¹ Y⁻¹ X⁻¹    by inverse-of-product
qed`, ['E0503']);
