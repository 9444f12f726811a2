import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProofFile } from '../../src/check/index.js';
import { readProofFile } from '../../src/proof/index.js';
import { RuleRegistry } from '../../src/rules/index.js';
import { fileText } from '../../src/tui/render-proof.js';
import { repoRoot } from '../support/repo.js';
import { coreRules, openText, run } from './support.js';

/** Theorems proved by differentials (`proof differential X`) in the prover: opened in their mode, auto-completed by `derive`, saved so that they check. */

const open = openText;

const proves = (text: string): boolean => {
  const { file, diagnostics } = readProofFile(text, { sourceName: 'saved.proof' });
  const registry = new RuleRegistry();
  coreRules().forEach((r) => registry.add(r));
  return diagnostics.length === 0 && checkProofFile(file, { registry }).report.theorems.every((t) => t.status === 'proved');
};

const HEAD = 'use rules/core\na, b ∈ ℝⁿ\nA ∈ ℝ^{n×n}\nX ∈ ℝ^{n×n} invertible\n\n';

test('a shipped differential proof opens in its mode, every line checked, and saves unchanged', (t) => {
  const text = readFileSync(join(repoRoot(), 'proofs', 'textbook', 'differential-gradients.proof'), 'utf8');
  const { ctx, session } = open(text, 'grad-aXinvb-differential');
  t.is(session.goal.variable, 'X');
  t.is(session.doc.pending.length, 0, 'no line failed');
  t.is(session.doc.steps.length, 12);
  const saved = fileText(ctx, session.goal, session.doc);
  t.regex(saved, /theorem grad-aXinvb-differential : ∂\(aᵀX⁻¹b\)\/∂X = −X⁻ᵀabᵀX⁻ᵀ\nproof differential X\n/);
  t.true(proves(saved));
});

test('a auto-completes a differential proof from d f (by the search when short, else the differential method), to the claimed gradient', (t) => {
  for (const [claim, start] of [['∂(aᵀX⁻¹b)/∂X = −X⁻ᵀabᵀX⁻ᵀ', 'd(aᵀX⁻¹b)'], ['∂tr(A X)/∂X = Aᵀ', 'd(tr(A X))']] as const) {
    const { ctx, session } = open(`${HEAD}theorem t : ${claim}\nproof differential X\n    ${start}\nqed\n`);
    const done = run(ctx, session, { type: 'auto' });
    t.regex(done.message!.text, /^auto: proved (by differentials )?— \d+ steps reach the right side$/, claim);
    if (claim.startsWith('∂(aᵀX⁻¹b)')) t.regex(done.message!.text, /by differentials — 11 steps/, 'too long for the search: derive');
    t.true(done.doc.steps.some((s) => /by d-[a-z-]+/.test(s.line)), `${claim}: a d rule is used`);
    const saved = fileText(ctx, done.goal, done.doc);
    t.regex(saved, /\nproof differential X\n/);
    t.true(proves(saved), `${claim}:\n${saved}`);
  }
});

test('from a later line of a differential proof, a only searches, and says the method runs from the first line', (t) => {
  const { ctx, session } = open(`${HEAD}theorem t : ∂(aᵀX⁻¹b)/∂X = −X⁻ᵀabᵀX⁻ᵀ\nproof differential X\n    d(aᵀX⁻¹b)\n  = aᵀ d(X⁻¹b)   by d-fixed-left\nqed\n`);
  const done = run(ctx, session, { type: 'auto' });
  t.regex(done.message!.text, /the method runs from the first line/);
  t.is(done.doc.steps.length, session.doc.steps.length);
});
