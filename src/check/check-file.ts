import type { ProofFile } from '../proof/index.js';
import { PREDICATES, type Predicate, type Rule, type RuleRegistry } from '../rules/index.js';
import { duplicateRuleId, type Diagnostic } from '../diag/index.js';
import { DEFAULT_SEARCH_LIMITS, type SearchLimits } from '../rewrite/index.js';
import type { AutoProposer } from './auto.js';
import { checkTheorem } from './check-theorem.js';
import type { FileReport, TheoremReport } from './report.js';

export type CheckOptions = {
  /** Rules in scope: the libraries the file `use`s, and theorems of files it uses. Theorems of this file are added as they are checked. */
  readonly registry: RuleRegistry;
  readonly predicates?: ReadonlyMap<string, Predicate>;
  /** The searches' bounds (default `DEFAULT_SEARCH_LIMITS`); a verdict depends on them. */
  readonly limits?: SearchLimits;
  /** The search behind `by auto` (default the checker's own); the kernel replays what it proposes. */
  readonly auto?: AutoProposer;
};

/**
 * Checks every theorem of a proof file, in order; each theorem becomes a rule
 * for the theorems after it (and, when proved, for files that use this one).
 * Pure: no I/O — the caller reads files and loads libraries.
 */
export function checkProofFile(file: ProofFile, options: CheckOptions): { report: FileReport; proved: Rule[] } {
  const predicates = options.predicates ?? PREDICATES;
  const theorems: TheoremReport[] = [];
  const diagnostics: Diagnostic[] = [];
  const proved: Rule[] = [];
  for (const theorem of file.theorems) {
    const { report, rule } = checkTheorem(theorem, { file, registry: options.registry, predicates, declarations: file.declarations, limits: options.limits ?? DEFAULT_SEARCH_LIMITS, auto: options.auto });
    theorems.push(report);
    if (rule === null) continue;
    const added = options.registry.add(rule);
    // A clash with a theorem of this same file is the reader's E0315 already.
    if (!added.ok && added.first.library !== rule.library) diagnostics.push(duplicateRuleId(theorem.name.span, rule.id, added.first.span));
    else if (report.status === 'proved' || report.status === 'defined') proved.push(rule);
  }
  return { report: { file: file.source.name, theorems, diagnostics }, proved };
}
