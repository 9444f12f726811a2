import { makeDiagnostic, type Diagnostic } from './diagnostic.js';
import type { Span } from './source.js';

/**
 * Named constructors for the checker's diagnostics (E05xx). Callers pass
 * printed terms. Each says where, what the step expected and what it found.
 */

const q = (s: string): string => `"${s}"`;

export const unknownRule = (at: Span, id: string, suggestion?: string): Diagnostic =>
  makeDiagnostic('E0501', `rule ${q(id)} is not defined`, at, {
    expected: 'a rule of a used library, or a theorem proved earlier',
    found: q(id),
    notes: suggestion ? [`did you mean ${q(suggestion)}?`] : [],
  });

/** `pattern` is the side of the rule that had to match; `found` the nearest subterm with the same head, if any. */
export const ruleDoesNotMatch = (at: Span, id: string, where: string, pattern: string, found: string | null, notes: readonly string[] = []): Diagnostic =>
  makeDiagnostic('E0502', `rule ${q(id)} did not match ${where}`, at, {
    expected: pattern,
    found: found ?? 'no subterm of that form',
    notes,
  });

export const sideConditionFails = (at: Span, id: string, condition: string, explanation: string): Diagnostic =>
  makeDiagnostic('E0503', `rule ${q(id)} needs ${condition}, which does not hold`, at, {
    expected: condition,
    found: explanation,
    notes: [condition.startsWith('fixed(') ? 'd moves every symbol unless the proof is "proof differential X" (then only X)' : 'declare it, e.g. "X ∈ ℝ^{n×n} invertible"'],
  });

/**
 * The cited rules applied, but none of their results is the line's term:
 * `expected` is the line as written, `found` what the rules give.
 */
export const wrongResult = (at: Span, rules: readonly string[], expected: string, found: string, notes: readonly string[] = []): Diagnostic =>
  makeDiagnostic('E0504', `${citedRules(rules)} not turn the previous line into this one`, at, { expected, found, notes });

const citedRules = (rules: readonly string[]): string =>
  rules.length === 1 ? `rule ${q(rules[0]!)} does` : `rules ${rules.map(q).join(', ')} do`;

export const claimNotReached = (at: Span, what: string, expected: string, found: string): Diagnostic =>
  makeDiagnostic('E0505', `the proof ${what}`, at, { expected, found });

export const nothingToContinue = (at: Span, what: string): Diagnostic =>
  makeDiagnostic('E0506', `${what} has nothing to continue from`, at, {
    expected: 'a term or an equation on an earlier line of this proof',
    found: 'the start of the proof',
  });

/** `busiest`: the rules that made the most terms (`id ×n`), named when a budget stopped the search. */
export const autoFailed = (at: Span, stop: string, explored: number, busiest: readonly string[] = []): Diagnostic =>
  makeDiagnostic('E0507', `automatic search found no proof of this step (${stop} after ${explored} terms)`, at, {
    notes: [...(busiest.length > 0 ? [`rules applied most: ${busiest.join(', ')}`] : []), 'name the rules with "by rule, rule", or split the step'],
  });

/** The search behind `by auto` proposed steps the kernel does not make (a bug in the search: the line fails, it never passes). */
export const autoRefused = (at: Span, step: string): Diagnostic =>
  makeDiagnostic('E0507', `automatic search proposed a proof the kernel refused: its step ${step}`, at, {
    notes: ['this is a bug in the search, please report it; meanwhile name the rules with "by rule, rule"'],
  });

/**
 * The searches for a step spent their work budget (or dropped results grown
 * too large) before finding the line: `busiest` names the rules that made the
 * most terms (`id ×n`), usually rules that feed themselves or loop.
 */
export const searchBudgetReached = (at: Span, rules: readonly string[], busiest: readonly string[]): Diagnostic =>
  makeDiagnostic('E0515', `the search for this step ran out of budget before reaching it`, at, {
    expected: `${rules.length === 1 ? 'rule' : 'rules'} ${rules.map(q).join(', ')} reaching this line within the budget`,
    found: busiest.length > 0 ? `rules applying again and again: ${busiest.join(', ')}` : 'terms growing past the search bounds',
    notes: ['cite fewer rules, give positions with "at PATH", or split the step'],
  });

export const unknownHypothesis = (at: Span, name: string): Diagnostic =>
  makeDiagnostic('E0508', `no hypothesis ${q(name)} in this proof`, at, { expected: 'a name given by "have"', found: q(name) });

export const theoremWithoutProof = (at: Span, name: string): Diagnostic =>
  makeDiagnostic('E0509', `theorem ${q(name)} has no proof`, at, { expected: '"proof" … "qed"', found: 'no proof' });

/** `= term by both-sides …`: an operation on both sides of an equation cited on a term step. */
export const bothSidesInRewrite = (at: Span): Diagnostic =>
  makeDiagnostic('E0506', '"both-sides" applies to an equation, not to a "=" step', at, {
    expected: 'a rule on a "=" step, or "⟹ equation by both-sides …"',
    found: 'both-sides on a "=" step',
  });

/** `frechet-unique` or `substitute H := T` refused: `condition` is what it needs, `reason` what was found instead. */
export const equationStepRefused = (at: Span, step: string, condition: string, reason: string): Diagnostic =>
  makeDiagnostic('E0511', `${q(step)} does not give this equation`, at, { expected: condition, found: reason });

/** `definition NAME : f(Y) = body` that does not define a fresh function. */
export const badDefinition = (at: Span, name: string, reason: string): Diagnostic =>
  makeDiagnostic('E0512', `definition ${q(name)} does not define a new function`, at, {
    expected: 'f(Y, …) = body: a function symbol not used before, applied to distinct symbols, and a body that does not mention it',
    found: reason,
  });

/** `check --numeric`: the rules turned one side into the other, but the two differ on a sample — so a rule must be unsound. */
export const numericDisagreement = (at: Span, rules: readonly string[], before: string, after: string, counterexample: readonly string[]): Diagnostic =>
  makeDiagnostic('E0513', `this step checks by ${rules.map(q).join(', ')} but its ends differ numerically: ${rules.length === 1 ? 'that rule' : 'one of these rules'} must be unsound`, at, {
    expected: `${before} = ${after} on every sample`,
    found: 'a counterexample',
    notes: [...counterexample],
  });

/** `check --numeric`: a rule of a library the file uses is false on a sample. */
export const falseRuleInUse = (at: Span | null, id: string, statement: string, counterexample: readonly string[]): Diagnostic =>
  makeDiagnostic('E0514', `rule ${q(id)} is false, and the proofs that use it cannot be trusted`, at, {
    expected: `${statement} on every sample`,
    found: 'a counterexample',
    notes: [...counterexample],
  });

/** A `proof differential X` whose variable or claim the differential method cannot read (see `src/check/differential.ts`). */
export const differentialNotApplicable = (at: Span, expected: string, found: string): Diagnostic =>
  makeDiagnostic('E0516', 'the differential method does not apply to this claim', at, { expected, found });
