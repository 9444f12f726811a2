import { badUsage, formatDiagnostic, hasErrors } from '../diag/index.js';
import { compareSides, deriveSeed, sizeTrials, type Comparison } from '../numeric/index.js';
import type { Rule } from '../rules/index.js';
import type { CommandOutcome } from './outcome.js';
import { ruleDeclarations } from './rule-declarations.js';
import { findRuleFiles, loadRuleFiles } from './rule-files.js';
import { formatRuleResults, jsonRuleResults, type RuleResult } from './rules-check-report.js';

/** Options of `leibniz rules check`, as given on the command line. */
export type RulesCheckOptions = {
  /** As typed after `--seed` (an integer); default 1. */
  readonly seed?: string;
  readonly json?: boolean;
};

/** The seed used when `--seed` is not given, so that runs are reproducible by default. */
export const DEFAULT_SEED = 1;

/**
 * `leibniz rules check FILE…`: loads the rule files named (folders searched
 * recursively for `*.rules`; `use` lines followed as the loader does) and
 * tests every rule on random samples (`src/numeric`): pass, FALSE with a
 * counterexample, or untested with the reason. Prints one line per rule and
 * `N rules: N passed, N false, N untested`; `--json` one report instead.
 * Exit 2 on bad input (a path or file that cannot be read, a rule file with
 * errors, a bad seed), else 1 when a rule is false, else 0.
 */
export function rulesCheckCommand(paths: readonly string[], options: RulesCheckOptions = {}): CommandOutcome {
  const seed = parseSeed(options.seed);
  if (seed === undefined) return badSeed(options.seed);
  const found = findRuleFiles(paths);
  const loaded = loadRuleFiles(found.files);
  const diagnostics = [...found.diagnostics, ...loaded.diagnostics];
  const results = loaded.rules.map((rule) => checkRule(rule, seed));
  const exitCode = hasErrors(diagnostics) ? 2 : results.some((r) => r.comparison.verdict === 'disagree') ? 1 : 0;
  if (options.json === true) return { stdout: JSON.stringify(jsonRuleResults(results, diagnostics, seed), null, 2) + '\n', stderr: '', exitCode };
  const stderr = diagnostics.length > 0 ? diagnostics.map(formatDiagnostic).join('\n\n') + '\n' : '';
  return { stdout: formatRuleResults(results, seed), stderr, exitCode };
}

/** `--seed` that is not a non-negative integer: a usage error (exit 2). */
export const badSeed = (text: string | undefined): CommandOutcome =>
  ({ stdout: '', stderr: formatDiagnostic(badUsage(`--seed must be a non-negative integer, not "${text}"`)) + '\n', exitCode: 2 });

/** The seed as typed after `--seed`; `DEFAULT_SEED` when absent; undefined when malformed. */
export function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return DEFAULT_SEED;
  return /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** How thoroughly `checkRule` tests one rule. */
export type RuleCheckOptions = {
  /** How many size assignments to try per rule (default 5: see `sizeTrials`). */
  readonly trialsPerRule?: number;
};

/** Tests one rule numerically; the rule's own stream of random numbers comes from the seed and its id. */
export function checkRule(rule: Rule, seed: number, options: RuleCheckOptions = {}): RuleResult {
  const input = ruleDeclarations(rule);
  if ('reason' in input) return { rule, comparison: { verdict: 'untested', reason: input.reason, agreed: 0 } };
  const ruleSeed = deriveSeed(seed, rule.library, rule.id);
  const trials = sizeTrials(input.decls, options.trialsPerRule ?? 5, seed);
  const comparison: Comparison = compareSides(rule.lhs, rule.rhs, input.decls, { seed: ruleSeed, trials, conditions: input.conditions });
  return { rule, comparison };
}
