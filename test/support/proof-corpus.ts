import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkProofFile, type FileReport } from '../../src/check/index.js';
import { readProofFile, type ProofFile } from '../../src/proof/index.js';
import { loadLibrary, RuleRegistry, type Rule } from '../../src/rules/index.js';
import { filesUnder, repoRoot } from './repo.js';

/**
 * The shipped proofs, read and checked the way `leibniz check` does, for
 * tests that need them in-process (the soundness harness, benchmarks): rule
 * libraries from `rules/`, used proof files checked first (their proved
 * theorems become rules). Test support only: the CLI has its own loader.
 */
export type CheckedFile = {
  readonly path: string;
  readonly file: ProofFile;
  /** The rules in scope before the file's own theorems. */
  readonly base: readonly Rule[];
  readonly report: FileReport;
  /** Its proved theorems, as rules for files that use it. */
  readonly proved: readonly Rule[];
};

const root = repoRoot();

const load = (path: string): { text: string } | { error: string } => {
  const full = join(root, path);
  return existsSync(full) ? { text: readFileSync(full, 'utf8') } : { error: `no file ${path}` };
};

/** Every `*.proof` under `folder` (relative to the repository root), checked, in sorted order. */
export function checkCorpus(folder: string): CheckedFile[] {
  const cache = new Map<string, CheckedFile>();
  const visit = (path: string): CheckedFile => {
    const known = cache.get(path);
    if (known) return known;
    const { file } = readProofFile(readFileSync(path, 'utf8'), { sourceName: path.slice(root.length + 1) });
    const registry = new RuleRegistry();
    for (const use of file.uses) {
      const proof = resolveProof(use.text, path);
      if (proof) visit(proof).proved.forEach((r) => registry.add(r));
      else loadLibrary(use.text, load, registry);
    }
    const base = [...registry];
    const { report, proved } = checkProofFile(file, { registry });
    const checked = { path, file, base, report, proved };
    cache.set(path, checked);
    return checked;
  };
  return filesUnder(join(root, folder), '.proof').map(visit);
}

function resolveProof(use: string, from: string): string | undefined {
  const name = use.endsWith('.proof') ? use : `${use}.proof`;
  return [join(root, name), join(dirname(from), name)].find((p) => existsSync(p));
}

/** A fresh registry holding `rules` (checking adds theorems to the registry it is given). */
export function fromRules(rules: readonly Rule[]): RuleRegistry {
  const registry = new RuleRegistry();
  rules.forEach((r) => registry.add(r));
  return registry;
}
