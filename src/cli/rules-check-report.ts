import { formatDiagnostic, formatLocation, type Diagnostic } from '../diag/index.js';
import { formatCounterexample, type Comparison, type Counterexample } from '../numeric/index.js';
import { printTerm } from '../print/index.js';
import type { Rule } from '../rules/index.js';

/** One rule's numeric verdict. */
export type RuleResult = { readonly rule: Rule; readonly comparison: Comparison };

/** How a rule is reported: `pass`, `false` (with a counterexample) or `untested` (with the reason). */
export type RuleStatus = 'pass' | 'false' | 'untested';

/** The report status of a numeric verdict. */
export const statusOf = (c: Comparison): RuleStatus => (c.verdict === 'agree' ? 'pass' : c.verdict === 'disagree' ? 'false' : 'untested');

/** `rules/algebra.rules:8:1`, or the library name when the rule has no position. */
const where = (rule: Rule): string => (rule.span === null ? rule.library : formatLocation(rule.span));

/** The rule's equation with its conditions, in Unicode. */
export function ruleStatement(rule: Rule): string {
  const conditions = rule.conditions.map((c) => `${c.predicate}(${c.args.map((a) => printTerm(a)).join(', ')})`);
  return `${printTerm(rule.lhs)} = ${printTerm(rule.rhs)}${conditions.length > 0 ? `  if ${conditions.join(', ')}` : ''}`;
}

/**
 * The human report: one line per rule (`FILE:LINE:COL: pass ID`), a false
 * rule followed by its equation and counterexample, an untested one by its
 * reason; then the summary line `N rules: N passed, N false, N untested`.
 */
export function formatRuleResults(results: readonly RuleResult[], seed: number): string {
  const lines: string[] = [];
  for (const { rule, comparison } of results) {
    const status = statusOf(comparison);
    if (status === 'pass') lines.push(`${where(rule)}: pass ${rule.id}`);
    else if (status === 'untested') lines.push(`${where(rule)}: untested ${rule.id}: ${comparison.reason ?? 'no reason given'}`);
    else {
      lines.push(`${where(rule)}: FALSE ${rule.id}: ${ruleStatement(rule)}`);
      lines.push(...formatCounterexample(comparison.counterexample!, '    '));
      lines.push(`    (reproduce with --seed ${seed})`);
    }
  }
  lines.push('', summaryLine(results));
  return lines.join('\n') + '\n';
}

/** `N rules: N passed, N false, N untested`. */
export function summaryLine(results: readonly RuleResult[]): string {
  const count = (s: RuleStatus): number => results.filter((r) => statusOf(r.comparison) === s).length;
  return `${results.length} rule${results.length === 1 ? '' : 's'}: ${count('pass')} passed, ${count('false')} false, ${count('untested')} untested`;
}

/** The `--json` document (stable: `version` changes when fields do). */
export type JsonRuleReport = {
  readonly version: 1;
  readonly seed: number;
  readonly rules: readonly {
    readonly id: string; readonly library: string; readonly at: string; readonly status: RuleStatus;
    readonly statement: string; readonly reason?: string; readonly counterexample?: Counterexample;
  }[];
  readonly summary: { readonly rules: number; readonly passed: number; readonly false: number; readonly untested: number };
  readonly diagnostics: readonly string[];
};

/** The `--json` report: every rule with its status (and reason or counterexample), the summary, and formatted diagnostics. */
export function jsonRuleResults(results: readonly RuleResult[], diagnostics: readonly Diagnostic[], seed: number): JsonRuleReport {
  const rules = results.map(({ rule, comparison }) => ({
    id: rule.id, library: rule.library, at: where(rule), status: statusOf(comparison), statement: ruleStatement(rule),
    ...(comparison.reason !== undefined ? { reason: comparison.reason } : {}),
    ...(comparison.counterexample !== undefined ? { counterexample: comparison.counterexample } : {}),
  }));
  const count = (s: RuleStatus): number => rules.filter((r) => r.status === s).length;
  return {
    version: 1, seed, rules,
    summary: { rules: rules.length, passed: count('pass'), false: count('false'), untested: count('untested') },
    diagnostics: diagnostics.map(formatDiagnostic),
  };
}
