import { checkProofFile } from '../../src/check/index.js';
import type { ProofLine } from '../../src/proof/index.js';
import { elaborateStatements, type Rule } from '../../src/rules/index.js';
import { equalTerms, type Statement } from '../../src/term/index.js';
import { CI_SIZE, mutantsOf, type Mutant, type MutationSize } from './mutate.js';
import { checkCorpus, fromRules, type CheckedFile } from './proof-corpus.js';

/**
 * The soundness harness, shared by `test/soundness.test.ts` and `npm run
 * soundness`: every step of every shipped proof, made wrong in the ways
 * people get steps wrong (`mutate.ts`), must be rejected by the checker, and
 * every theorem that leans on a declared property must fail without it.
 * Mutants equal to the original line in canonical form are not wrong, and
 * are counted apart.
 */
export const soundnessCorpus = (): CheckedFile[] => [...checkCorpus('proofs'), ...checkCorpus('test/fixtures/soundness')];

export type MutantRun = { readonly tried: number; readonly equivalent: number; readonly accepted: readonly string[] };

/** Checks every mutant of every theorem of `corpus` (as many per line as `size` says); `onMutant` sees the count so far. */
export function runMutants(corpus: readonly CheckedFile[], size: MutationSize = CI_SIZE, onMutant?: (tried: number) => void): MutantRun {
  let tried = 0;
  let equivalent = 0;
  const accepted: string[] = [];
  for (const c of corpus) {
    // The corpus proves whole, so the theorems before the k-th are `c.proved.slice(0, k)`.
    for (const [k, theorem] of c.file.theorems.entries()) {
      const earlier = c.proved.slice(0, k);
      const ids = otherRuleIds(c.base, theorem.lines);
      for (const mutant of mutantsOf(theorem, ids, size)) {
        if (sameLine(c, mutant)) {
          equivalent++;
          continue;
        }
        tried++;
        onMutant?.(tried);
        const { report } = checkProofFile({ ...c.file, theorems: [mutant.theorem] }, { registry: fromRules([...c.base, ...earlier]) });
        if (report.theorems[0]?.status === 'proved') accepted.push(`${c.path}: ${theorem.name.text}, line ${mutant.line + 1}: ${mutant.description}`);
      }
    }
  }
  return { tried, equivalent, accepted };
}

/** Theorems that use a declared property (invertible, symmetric, …) in a side condition, re-checked with every property removed: those still proved. */
export function runWithoutProperties(corpus: readonly CheckedFile[]): { readonly tried: number; readonly stillProved: readonly string[] } {
  let tried = 0;
  const stillProved: string[] = [];
  for (const c of corpus) {
    const stripped = { ...c.file, declarations: c.file.declarations.map((d) => ({ ...d, declaration: withoutProperties(d.declaration) })) };
    for (const [k, theorem] of c.file.theorems.entries()) {
      const relied = c.report.theorems[k]!.steps.some((s) => s.steps.some((step) => step.conditions.some((cond) => cond.by === 'declaration' && PROPERTY_PREDICATES.has(cond.predicate))));
      if (!relied) continue;
      tried++;
      const { report } = checkProofFile({ ...stripped, theorems: [theorem] }, { registry: fromRules(c.base) });
      if (report.theorems[0]?.status === 'proved') stillProved.push(`${c.path}: ${theorem.name.text}`);
    }
  }
  return { tried, stillProved };
}

/** Predicates decided from declared properties (not from shapes or dependencies). */
const PROPERTY_PREDICATES = new Set(['invertible', 'symmetric', 'nonzero', 'positive']);

function withoutProperties<D extends { kind: string }>(d: D): D {
  return d.kind === 'decl' ? { ...d, properties: [] } : d;
}

/** Rule ids to cite instead of the real ones: rules whose sides have a different head, so they cannot justify the same step by accident. */
function otherRuleIds(rules: readonly Rule[], lines: readonly ProofLine[]): string[] {
  const cited = new Set(lines.flatMap((l) => (l.kind === 'start' ? [] : l.by.items.flatMap((i) => (i.kind === 'rule' ? [i.id.text] : [])))));
  const heads = new Set(rules.filter((r) => cited.has(r.id)).flatMap((r) => [r.lhs.kind, r.rhs.kind]));
  return rules.filter((r) => !heads.has(r.lhs.kind) && !heads.has(r.rhs.kind)).map((r) => r.id).sort();
}

/** Is the mutated line's formula equal to the original in canonical form (so not a wrong step at all)? */
function sameLine(c: CheckedFile, m: Mutant): boolean {
  if (m.original.kind === 'start' || m.mutated.kind === 'start') return true;
  const statement = (l: Exclude<ProofLine, { kind: 'start' }>): Statement => (l.kind === 'rewrite' ? { kind: 'term', term: l.term } : l.equation);
  const citations = (l: Exclude<ProofLine, { kind: 'start' }>): string => JSON.stringify(l.by.items.map((i) => (i.kind === 'rule' ? i.id.text : i.kind)));
  if (citations(m.original) !== citations(m.mutated)) return false;
  const declarations = c.file.declarations.map((d) => d.declaration);
  const { statements } = elaborateStatements([statement(m.original), statement(m.mutated)], c.file.spans, declarations);
  const [a, b] = statements;
  if (a?.kind === 'term' && b?.kind === 'term') return equalTerms(a.term, b.term);
  if (a?.kind === 'chain' && b?.kind === 'chain') return a.terms.every((x, i) => b.terms[i] !== undefined && equalTerms(x, b.terms[i]!));
  return false;
}
