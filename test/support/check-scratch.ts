import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLibrary, type Rule } from '../../src/rules/index.js';
import { generateLibrary } from '../bench/generated-proofs.js';
import { repoRoot } from './repo.js';

/**
 * Scratch folders of proof files for the tests of `leibniz check` at scale
 * (threads, cache, shards): a generated library that checks, plus the cases
 * that make output depend on order if anything does — a failing step, a
 * proof file used by another, a rule library of the folder's own used by two
 * files, and a bad library used by two files (its errors shown once, then
 * E0606). `use rules/core` resolves to the repository's library (tests run
 * from the repository root).
 */
const root = repoRoot();
let core: Rule[] | undefined;

/** The shipped core rules, compiled once per process. */
export function coreRules(): Rule[] {
  core ??= loadLibrary('rules/core', (p) => ({ text: readFileSync(join(root, p), 'utf8') })).rules;
  return core;
}

export const GOOD = 'use rules/core\nA, B ∈ ℝ^{n×n}\ntheorem t : (A B)ᵀ = Bᵀ Aᵀ\nproof\n    (A B)ᵀ\n  = Bᵀ Aᵀ     by transpose-of-product\nqed\n';
export const WRONG = GOOD.replace('= Bᵀ Aᵀ     by', '= Aᵀ Bᵀ     by').replace(': (A B)ᵀ = Bᵀ Aᵀ', ': (A B)ᵀ = Aᵀ Bᵀ');
const LIB = 'rules lib\nvars A B : matrix\n-- transposing twice changes nothing\nrule twice : (Aᵀ)ᵀ = A\n';
const USES_LIB = 'use rules/core\nuse lib\nA ∈ ℝ^{n×n}\ntheorem u : (Aᵀ)ᵀ = A\nproof\n    (Aᵀ)ᵀ\n  = A     by twice\nqed\n';
const LEMMA = 'use rules/core\nA, B ∈ ℝ^{n×n}\ntheorem lemma-t : (A B)ᵀ = Bᵀ Aᵀ\nproof\n    (A B)ᵀ\n  = Bᵀ Aᵀ     by transpose-of-product\nqed\n';
const USER = 'use rules/core\nuse lemma\nA, B ∈ ℝ^{n×n}\ntheorem v : ((A B)ᵀ)ᵀ = (Bᵀ Aᵀ)ᵀ\nproof\n    ((A B)ᵀ)ᵀ\n  = (Bᵀ Aᵀ)ᵀ     by lemma-t\nqed\n';

/** Writes `files` (path → text) under `dir`. */
export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A fresh folder (removed by `teardown`) holding `generated` generated proof files and the special cases above. */
export function scratchLibrary(t: { teardown: (f: () => void) => void }, generated = 12): string {
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-scale-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const { texts } = generateLibrary(coreRules(), generated, 3, 3, 7);
  writeFiles(dir, Object.fromEntries(texts.map((text, i) => [`gen/gen-${String(i).padStart(2, '0')}.proof`, text])));
  writeFiles(dir, {
    'lib.rules': LIB, 'uses-lib-1.proof': USES_LIB, 'uses-lib-2.proof': USES_LIB.replace('theorem u', 'theorem u2'),
    'bad.rules': 'rules bad\nvars A B : matrix\nrule r : A = B A\n', 'bad-1.proof': `use bad\n${GOOD}`, 'bad-2.proof': `use bad\n${GOOD}`,
    'lemma.proof': LEMMA, 'a-user.proof': USER, 'failing.proof': WRONG, 'sub/nested.proof': GOOD,
  });
  return dir;
}
