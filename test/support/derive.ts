import { deriveChecked, readDeriveInput, type CheckedDerivation, type DeriveInput } from '../../src/cli/derive-command.js';
import type { CommandOutcome } from '../../src/cli/outcome.js';
import { loadCoreRules } from '../../src/cli/prover-files.js';
import { PREDICATES, type Rule } from '../../src/rules/index.js';
import { derive, type DeriveOutcome } from '../../src/search/derive.js';
import type { RunBudget } from '../../src/search/run.js';
import { simp, simpRules } from '../../src/search/simp.js';
import type { Term } from '../../src/term/index.js';

/** Helpers for the tests of `derive`: the shipped rules, inputs read as the command reads them, and a normal form. */

let rules: readonly Rule[] | null = null;

/** The shipped core library, loaded once. */
export function coreRules(): readonly Rule[] {
  if (rules !== null) return rules;
  const loaded = loadCoreRules();
  if (!loaded.ok) throw new Error(`rules/core does not load: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return (rules = loaded.rules);
}

/** The formula read as `leibniz derive` reads it; throws (a test failure) when it does not read. */
export function input(expr: string, wrt: string, decls: string): DeriveInput {
  const read = readDeriveInput(expr, wrt, decls);
  if (Array.isArray(read)) throw new Error(`${expr} does not read: ${read.map((d) => d.message).join('; ')}`);
  return read as DeriveInput;
}

/** `derive` on the formula, with the shipped rules. */
export const deriveOf = (expr: string, wrt: string, decls: string, limits: { budget?: Partial<RunBudget>; now?: () => number } = {}): DeriveOutcome => {
  const i = input(expr, wrt, decls);
  return derive({ expr: i.term, wrt, facts: i.facts, predicates: PREDICATES, rules: coreRules(), ...limits });
};

/** The derivation as `leibniz derive` makes it (re-checked by the kernel), or the command's failure. */
export const checkedOf = (expr: string, wrt: string, decls: string): CheckedDerivation | CommandOutcome => deriveChecked(input(expr, wrt, decls));

/** The normal form of `t` under the shipped `simp` rules, with the facts of `context`. */
export function normalForm(t: Term, context: DeriveInput): Term {
  return simp(t, simpRules(coreRules()), { facts: context.facts, predicates: PREDICATES }).term;
}
