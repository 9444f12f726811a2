import test from 'ava';
import { checkRule } from '../../src/cli/rules-check.js';
import { readRuleFile } from '../../src/parse/index.js';
import { compileRuleFile } from '../../src/rules/index.js';

/**
 * True identities users write beyond the shipped library — gradients with
 * transposes, Kronecker and Hadamard algebra, matrix exponentials, explicit
 * sums, Fréchet expansions — are never reported false (no false alarms
 * outside `rules/` either), over several seeds.
 */
const library = `rules user-true
vars A B C D X H : matrix, a b x : vector, c : scalar, i j : index, f : any, t : scalar
rule grad-quadratic : ∂(xᵀ A x)/∂x = (A + Aᵀ) x  if square(A), constant(A, x)
rule grad-trace : ∂tr(A X)/∂X = Aᵀ  if constant(A, X)
rule grad-seed : ∂(aᵀ X⁻¹ b)/∂X = −X⁻ᵀ a bᵀ X⁻ᵀ  if invertible(X), constant(a, X), constant(b, X)
rule grad-log-det : ∂log(det(X))/∂X = X⁻ᵀ  if positive(det(X))
rule grad-det : ∂det(X)/∂X = det(X) X⁻ᵀ  if invertible(X)
rule grad-linear : ∂(aᵀ x)/∂x = a  if constant(a, x)
rule kron-transpose : (A ⊗ B)ᵀ = Aᵀ ⊗ Bᵀ
rule kron-mixed-product : (A ⊗ B)(C ⊗ D) = (A C) ⊗ (B D)
rule kron-inverse : (A ⊗ B)⁻¹ = A⁻¹ ⊗ B⁻¹  if invertible(A), invertible(B)
rule kron-trace : tr(A ⊗ B) = tr(A) tr(B)
rule exp-inverse : exp(A)⁻¹ = exp(−A)  if square(A)
rule d-square : d(X²) = dX X + X dX  if square(X)
rule d-bilinear : d(aᵀ X b) = aᵀ dX b  if constant(a, X), constant(b, X)
rule d-frobenius : d(‖X‖²) = 2 tr(Xᵀ dX)
rule inverse-expansion [forward] : (X + H)⁻¹ = X⁻¹ − X⁻¹ H X⁻¹ + o(H)  if invertible(X), constant(X, H)
rule norm-as-trace : ‖a‖² = tr(a aᵀ)
rule hadamard-commutes : A ⊙ B = B ⊙ A
rule hadamard-transpose : (A ⊙ B)ᵀ = Aᵀ ⊙ Bᵀ
rule delta-chain : δ_{ik} δ_{kj} = δ_{ij}  if summed(k)
rule entry-explicit-sum : (A B)_{ij} = Σ_k A_{ik} B_{kj}
rule trace-as-vec : tr(Aᵀ B) = vec(A)ᵀ vec(B)
rule log-det-inverse : log(det(X⁻¹)) = −log(det(X))  if positive(det(X))
rule chain-along-line : ∂f(X + t H)/∂t = f′(X + t H)·H  if constant(X, t), constant(H, t)
rule pythagoras : sin(c)² + cos(c)² = 1
`;

test('true user rules are never reported false (seeds 1…10)', (t) => {
  const read = readRuleFile(library, { sourceName: 'user-true.rules' });
  const { rules, diagnostics } = compileRuleFile(read.file);
  t.deepEqual([...read.diagnostics, ...diagnostics].map((d) => d.message), []);
  t.is(rules.length, 24);
  const alarms: string[] = [];
  for (let seed = 1; seed <= 10; seed++) {
    for (const rule of rules) {
      const { comparison } = checkRule(rule, seed);
      if (comparison.verdict !== 'agree') alarms.push(`${rule.id} (seed ${seed}): ${comparison.verdict} ${comparison.reason ?? ''}`);
    }
  }
  t.deepEqual(alarms, []);
});
