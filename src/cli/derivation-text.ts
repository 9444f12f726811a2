import { checkWithSearch } from './checker.js';
import { formatDiagnostics } from '../diag/index.js';
import { readProofFile } from '../proof/index.js';
import { printTerm, type Notation } from '../print/index.js';
import { RuleRegistry, type Predicate, type Rule } from '../rules/index.js';
import type { Step } from '../rewrite/index.js';
import type { Derivation } from '../search/derive.js';

/** The theorem name of a derivation written as a proof. */
export const DERIVATION_THEOREM = 'derivative';

/** `by rule` or `by rule ←` for one kernel step. */
export const citation = (step: Step): string => `${step.ruleId}${step.direction === 'backward' ? ' ←' : ''}`;

/** The claim a derivation proves, `∂f/∂X = G` or `d f = R`, in a notation. */
export const claimText = (d: Derivation, notation: Notation = 'unicode'): string =>
  `${printTerm(d.lhs, { notation })} = ${printTerm(d.result, { notation })}`;

/**
 * The derivation as the lines of a proof (`proof differential X` … `qed`):
 * the start `d f`, then one line per kernel step naming its rule, the rules
 * aligned in one column.
 */
export function proofLines(d: Derivation): string[] {
  const terms = [printTerm(d.start), ...d.steps.map((s) => printTerm(s.after))];
  const width = Math.max(...terms.map((t) => [...t].length)) + 2;
  const pad = (t: string): string => t + ' '.repeat(Math.max(1, width - [...t].length));
  return [
    `proof differential ${d.wrt}`,
    `    ${terms[0]}`,
    ...d.steps.map((s, i) => `  = ${pad(terms[i + 1]!)}by ${citation(s)}`),
    'qed',
  ];
}

/** A whole proof file: `use`, the declarations, then the theorem with its proof. */
export function proofFileText(d: Derivation, usePath: string, declarationLines: readonly string[]): string {
  return [
    '-- Derived by leibniz derive (the differential method); check it with leibniz check.',
    `use ${usePath}`,
    '',
    ...declarationLines,
    '',
    `theorem ${DERIVATION_THEOREM} : ${claimText(d)}`,
    ...proofLines(d),
    '',
  ].join('\n');
}

export type Recheck = { readonly proved: true } | { readonly proved: false; readonly report: string };

/**
 * The kernel's verdict on a derivation: its proof file (with `rules` as the
 * library) read back from text and checked. Search proposes; this decides.
 */
export function recheck(text: string, rules: readonly Rule[], predicates: ReadonlyMap<string, Predicate>): Recheck {
  const read = readProofFile(text.replace(/^use .*$/m, ''), { sourceName: '<derivation>' });
  const registry = new RuleRegistry();
  for (const rule of rules) registry.add(rule);
  const { report } = checkWithSearch(read.file, { registry, predicates });
  const theorem = report.theorems[0];
  if (read.diagnostics.length === 0 && theorem?.status === 'proved') return { proved: true };
  const diagnostics = [...read.diagnostics, ...report.theorems.flatMap((t) => [...t.diagnostics, ...t.steps.flatMap((s) => s.diagnostics)])];
  return { proved: false, report: formatDiagnostics(diagnostics) };
}
