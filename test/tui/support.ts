import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeclarations } from '../../src/parse/index.js';
import { loadLibrary, type Rule } from '../../src/rules/index.js';
import type { ProverContext } from '../../src/tui/prover-context.js';
import { openNewGoal } from '../../src/tui/open-session.js';
import { openFileTheorem } from '../../src/tui/open-theorem.js';
import { checkProofFile } from '../../src/check/index.js';
import { readProofFile } from '../../src/proof/index.js';
import { RuleRegistry } from '../../src/rules/index.js';
import type { Session } from '../../src/tui/session.js';
import { reduce, type Action } from '../../src/tui/state.js';
import { repoRoot } from '../support/repo.js';

/** Helpers for the prover's tests: the shipped rules, sessions on a goal, and running actions. */

let core: Rule[] | undefined;

/** The shipped core library (`rules/core`), loaded once. */
export function coreRules(): Rule[] {
  core ??= loadLibrary('rules/core', (p) => ({ text: readFileSync(join(repoRoot(), p), 'utf8') })).rules;
  return core;
}

export const SEED_DECLS = 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n} invertible';

/** A session on a new theorem `name : goal` with `decls`, in no file (the text around it is a minimal file). */
export function openGoal(goal: string, decls = SEED_DECLS, rules: readonly Rule[] = coreRules(), name = 'goal'): { ctx: ProverContext; session: Session } {
  const lines = decls.split(';').map((l) => l.trim()).filter((l) => l !== '');
  const parsed = parseDeclarations(decls);
  const declarations = lines.length > 0 && parsed.ok ? parsed.value : [];
  const opened = openNewGoal({
    name, goal, declarations, declarationLines: lines, rules,
    before: `use rules/core\n\n${lines.join('\n')}\n\n`, after: '\n', path: null,
  });
  if (!opened.ok) throw new Error(`cannot open ${goal}: ${opened.diagnostics.map((d) => d.message).join('; ')}`);
  return opened;
}

/** The session after each action in turn. */
export const run = (ctx: ProverContext, s: Session, ...actions: Action[]): Session => actions.reduce((acc, a) => reduce(ctx, acc, a), s);

/** The core rules with exactly `ids` tagged `simp` (so a test does not depend on which shipped rules are). */
export const withSimp = (...ids: string[]): Rule[] =>
  coreRules().map((r) => ({ ...r, tags: [...r.tags.filter((t) => t !== 'simp'), ...(ids.includes(r.id) ? ['simp'] : [])] }));

/** A theorem of the proof file `text` (named `t.proof`, checked with the core rules) opened as `leibniz prove` would: the first unproved one, or `theorem`. */
export function openText(text: string, theorem?: string): { ctx: ProverContext; session: Session } {
  const { file } = readProofFile(text, { sourceName: 't.proof' });
  const registry = new RuleRegistry();
  coreRules().forEach((r) => registry.add(r));
  const { report, proved } = checkProofFile(file, { registry });
  const opened = openFileTheorem({ text, file, report, library: coreRules(), proved, path: 't.proof', ...(theorem ? { theorem } : {}) });
  if (!opened.ok) throw new Error(opened.diagnostics.map((d) => d.message).join('; '));
  return opened;
}
