import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLibrary } from '../src/rules/index.js';
import { repoRoot } from './support/repo.js';
import { openGoal, run } from './tui/support.js';

/**
 * Rule sets built to loop — commutativity, associativity, rules that feed
 * themselves — in every command that searches: `leibniz check` (`by auto`
 * and clauses citing many rules, as a real process: a hang would hit the
 * spawn timeout) and the prover's auto-completion (`a`) and `simp` (`s`),
 * through its reducer. Each stops at its budget, and the message names the
 * rules that kept applying.
 */
const LOOPY = `rules loopy
vars A B C : matrix, X : square matrix, c k : scalar
rule add-comm [simp, transform] : A + B = B + A
rule add-assoc [simp, transform] : (A + B) + C = A + (B + C)
rule mul-assoc [simp, transform] : (A B) C = A (B C)
rule scalar-comm [simp, transform] : c k = k c
rule self-feed [simp, transform] : X = X X⁻¹ X  if invertible(X)
rule transpose-grow [simp, transform] : A = (Aᵀ)ᵀ
rule dup [simp, transform] : A = A + A − A
`;
const LOOPING_RULE = '(?:add-comm|add-assoc|mul-assoc|scalar-comm|self-feed|transpose-grow|dup)';

const times = (id: string, n: number): string => Array.from({ length: n }, () => id).join(', ');

const PROOF = `use loopy
X ∈ ℝ^{n×n} invertible
Y ∈ ℝ^{n×n} invertible
theorem by-auto : A + B + C + D + E = E
proof
  A + B + C + D + E
  = E  by auto
qed
theorem self-feeding : X Y = Y X
proof
  X Y
  = Y X  by ${times('self-feed', 40)}
qed
theorem growing : A = B
proof
  A
  = B  by ${times('transpose-grow', 300)}
qed
theorem duplicating : A + B + C = C
proof
  A + B + C
  = C  by ${times('dup, add-comm', 30)}
qed
theorem equation : X Y = Y X
proof
  X Y = Y X  by auto
  ⟹ (X Y)ᵀ = (Y X)ᵀ  by both-sides transpose, ${times('self-feed', 20)}
qed
`;

test('looping and self-feeding rules: every step stops at its budget, naming the rules that kept applying', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-loopy-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'loopy.rules'), LOOPY);
  writeFileSync(join(dir, 'loopy.proof'), PROOF);
  const r = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'src', 'cli', 'main.js'), 'check', join(dir, 'loopy.proof'), '--no-cache'], { cwd: repoRoot(), encoding: 'utf8', timeout: 120_000 });
  t.is(r.signal, null, 'finished before the spawn timeout');
  t.is(r.status, 1, r.stdout.slice(0, 3000));
  t.regex(r.stdout, /loopy\.proof:7:\d+: error E0507: automatic search found no proof of this step \((?:node|work) budget reached after \d+ terms\)[\s\S]*?note: rules applied most: (add-assoc|add-comm|dup|transpose-grow) ×\d+/);
  t.regex(r.stdout, /loopy\.proof:12:\d+: error E0515: the search for this step ran out of budget before reaching it[\s\S]*?found: +rules applying again and again: self-feed ×\d+/);
  t.regex(r.stdout, /loopy\.proof:17:\d+: error E0515:[\s\S]*?rules applying again and again: transpose-grow ×\d+/);
  t.regex(r.stdout, /loopy\.proof:22:\d+: error E0515:[\s\S]*?rules applying again and again: dup ×\d+/);
  t.regex(r.stdout, /loopy\.proof:27:\d+: error E0515:[\s\S]*?self-feed ×\d+/);
  t.regex(r.stdout, /5 theorems, 6 steps checked, \d+ failed \(1 file\)/);
});

const loopyRules = () => {
  const library = loadLibrary('loopy', () => ({ text: LOOPY }));
  if (library.diagnostics.length > 0) throw new Error(library.diagnostics.map((d) => d.message).join('; '));
  return library.rules;
};
const DECLS = 'a, b ∈ ℝⁿ; X, Y ∈ ℝ^{n×n} invertible';

test('the prover\'s auto-completion with looping rules stops at its budget and names them', (t) => {
  const rules = loopyRules();
  const named = new RegExp(`rules applied most: ${LOOPING_RULE} ×\\d+`);
  for (const goal of ['∂(aᵀXb)/∂X = ?', '∂(tr(X Y))/∂X = ?']) {
    const { ctx, session } = openGoal(goal, DECLS, rules);
    const message = run(ctx, session, { type: 'auto' }).message?.text ?? '';
    t.regex(message, /^auto: no step found \(search budget spent after \d+ terms; /, goal);
    t.regex(message, named, goal);
  }
  for (const goal of ['X Y = Y X', 'X = Y']) {
    const { ctx, session } = openGoal(goal, DECLS, rules);
    const message = run(ctx, session, { type: 'auto' }).message?.text ?? '';
    t.regex(message, /^auto: the right side is not reached \((?:term|expansion|work) budget reached after \d+ terms; /, goal);
    t.regex(message, named, goal);
  }
});

test('simp with looping rules stops at its budget and names them', (t) => {
  const rules = loopyRules();
  for (const [goal, rule] of [['X Y = Y X', 'self-feed'], ['∂(aᵀXb)/∂X = ?', 'transpose-grow']] as const) {
    const { ctx, session } = openGoal(goal, DECLS, rules);
    const message = run(ctx, session, { type: 'simplify' }).message?.text ?? '';
    t.regex(message, new RegExp(`^simp: (?:step|time|size) budget \\(\\d+ (?:steps|ms|nodes)\\) reached.*; rules applied most: ${rule} ×\\d+`), goal);
  }
});
