import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StepReport, TheoremReport } from '../check/report.js';
import { falseRuleInUse, numericDisagreement, type Diagnostic } from '../diag/index.js';
import { compareSides, deriveSeed, formatCounterexample, littleOTerms, type NumericDecl } from '../numeric/index.js';
import { printTerm } from '../print/index.js';
import type { ProofFile, Theorem } from '../proof/index.js';
import { PREDICATES, type Facts, type Rule } from '../rules/index.js';
import { normalize } from '../rewrite/index.js';
import { add, at, children, isStructuralScalar, mul, num, partial, sym, termKey, withChildren, type Term } from '../term/index.js';
import { substituteSymbol } from '../check/substitute.js';
import type { CheckFn } from './check-session.js';
import { checkRule } from './rules-check.js';
import { ruleStatement, statusOf } from './rules-check-report.js';
import { stepDeclarations } from './step-declarations.js';

/**
 * `leibniz check --numeric`: after the symbolic check (which alone decides
 * whether a step checks), every kernel step of every line that checked is
 * evaluated at both ends on random samples; ends that differ are an error
 * (E0513) naming the rule that must be unsound. Before that, every library
 * rule in scope is screened as `leibniz rules check` does (E0514 for a false
 * one, reported once per run). Screening verdicts are cached by the rule's
 * content (id, sides, variables, conditions) in `cacheDir`, so an unchanged
 * library is screened once; a false verdict is never cached.
 */
export type NumericReviewOptions = { readonly seed: number; readonly cacheDir: string | null };

export function withNumericReview(check: CheckFn, options: NumericReviewOptions): CheckFn {
  const screen = ruleScreen(options);
  return (file, opts) => {
    const result = check(file, opts);
    const inScope = [...opts.registry];
    const falseRules = inScope.filter((r) => !r.tags.includes('theorem') && !r.tags.includes('definition')).flatMap((r) => screen(r));
    const review: Review = { file, seed: options.seed, definitions: inScope.filter((r) => r.tags.includes('definition')) };
    const theorems = result.report.theorems.map((t, k) => reviewTheorem(t, file.theorems[k], review));
    return { report: { ...result.report, theorems, diagnostics: [...result.report.diagnostics, ...falseRules] }, proved: result.proved };
  };
}

/** One file under review: its definitions (unfolded before evaluating: a defined function is not a random one) and the seed. */
type Review = { readonly file: ProofFile; readonly seed: number; readonly definitions: readonly Rule[] };

/** A theorem whose steps all agree numerically is unchanged; a step that disagrees fails, and with it the theorem. */
function reviewTheorem(report: TheoremReport, theorem: Theorem | undefined, review: Review): TheoremReport {
  if (theorem === undefined || report.status !== 'proved') return report;
  const steps = report.steps.map((s, i) => (s.status === 'ok' ? reviewStep(s, theorem, review, deriveSeed(review.seed, review.file.source.name, `${theorem.name.text}:${i}`)) : s));
  return steps.some((s, i) => s !== report.steps[i]) ? { ...report, status: 'failed', steps } : report;
}

function reviewStep(report: StepReport, theorem: Theorem, review: Review, seed: number): StepReport {
  const diagnostics: Diagnostic[] = [];
  for (const step of report.steps) {
    const [before, after] = [unfold(step.before, review.definitions), unfold(step.after, review.definitions)];
    const decls = stepDeclarations(before, after, theorem, review.file);
    if ('reason' in decls) continue;
    const comparison = compareSides(before, after, decls, { seed, small: smallSymbols([before, after], decls) });
    if (comparison.verdict !== 'disagree' || comparison.counterexample === undefined) continue;
    diagnostics.push(numericDisagreement(report.span, [step.ruleId], printTerm(step.before), printTerm(step.after), formatCounterexample(comparison.counterexample, '')));
  }
  return diagnostics.length === 0 ? report : { ...report, status: 'failed', steps: [], diagnostics };
}

/**
 * `t` with every defined function replaced by its definition (definitions
 * are not recursive, so this ends): applications `f(A)` by the definition's
 * rule, and a derivative `f′(X)·H` of a one-argument definition `f(Y) = B`
 * by the derivative along the line, `∂B[Y := X + τH]/∂τ |_{τ=0}`, which the
 * evaluator computes by differences.
 */
function unfold(t: Term, definitions: readonly Rule[]): Term {
  if (definitions.length === 0) return t;
  const facts: Facts = { isScalar: isStructuralScalar, isSquare: () => false, isVector: () => false, hasProperty: () => false, isDeclared: () => true, sameShape: () => false, dependsOn: () => false };
  const applied = normalize(t, definitions, { facts, predicates: PREDICATES, maxSteps: 1000 }).term;
  return unfoldDerivatives(applied, definitions);
}

const LINE_PARAMETER = 'τ';

function unfoldDerivatives(t: Term, definitions: readonly Rule[]): Term {
  const kids = children(t);
  const unfolded = kids.map((k) => unfoldDerivatives(k, definitions));
  const node = unfolded.every((k, i) => k === kids[i]) ? t : withChildren(t, unfolded);
  if (node.kind !== 'frechet' || node.dir === null || node.fn.kind !== 'sym') return node;
  const name = node.fn.name;
  const rule = definitions.find((r) => r.lhs.kind === 'apply' && r.lhs.fn.kind === 'sym' && r.lhs.fn.name === name && r.lhs.args.length === 1);
  const parameter = rule?.lhs.kind === 'apply' ? rule.lhs.args[0] : undefined;
  if (rule === undefined || parameter?.kind !== 'sym') return node;
  const tau = sym(LINE_PARAMETER);
  const line = add([node.at, mul([tau, node.dir])]);
  return at(partial(substituteSymbol(rule.rhs, parameter.name, line, isStructuralScalar), tau), tau, num(0));
}

/**
 * What tends to 0 in the step's little-o terms: the symbols of their
 * arguments, except those under an inverse there and those declared
 * invertible (`X` in `o(X⁻¹H)` is a fixed point, `H` the small one).
 */
function smallSymbols(terms: readonly Term[], decls: readonly NumericDecl[]): string[] | undefined {
  const args = terms.flatMap((t) => littleOTerms(t)).map((o) => (o.kind === 'o' ? o.arg : o));
  if (args.length === 0) return undefined;
  const invertible = new Set(decls.filter((d) => d.kind === 'value' && d.properties.includes('invertible')).map((d) => d.name));
  const names = new Set<string>();
  const walk = (t: Term): void => {
    if (t.kind === 'sym' && !invertible.has(t.name)) names.add(t.name);
    if (t.kind !== 'inverse') children(t).forEach(walk);
  };
  args.forEach(walk);
  return [...names].sort();
}

/** Screens rules once per run (and, through the cache, once per content); returns E0514 for a false rule the first time it is met. */
function ruleScreen(options: NumericReviewOptions): (rule: Rule) => Diagnostic[] {
  const seen = new Set<Rule>();
  return (rule) => {
    if (seen.has(rule)) return [];
    seen.add(rule);
    const key = ruleHash(rule, options.seed);
    if (readCached(options.cacheDir, key) !== undefined) return [];
    const result = checkRule(rule, options.seed);
    const status = statusOf(result.comparison);
    if (status !== 'false') {
      writeCached(options.cacheDir, key, status);
      return [];
    }
    const lines = result.comparison.counterexample ? formatCounterexample(result.comparison.counterexample, '') : [];
    return [falseRuleInUse(rule.span, rule.id, ruleStatement(rule), [...lines, `(leibniz rules check --seed ${options.seed} reproduces it)`])];
  };
}

/** The rule's content and the seed, hashed: what a screening verdict depends on. */
function ruleHash(rule: Rule, seed: number): string {
  const conditions = rule.conditions.map((c) => `${c.predicate}(${c.args.map(termKey).join(',')})`).join(';');
  const vars = [...rule.vars].map(([v, s]) => `${v}:${s}`).join(',');
  const text = [rule.library, rule.id, termKey(rule.lhs), termKey(rule.rhs), vars, conditions, String(seed)].join('\n');
  return createHash('sha256').update(text).digest('hex');
}

const cachePath = (dir: string, key: string): string => join(dir, 'numeric-rules', key);

function readCached(dir: string | null, key: string): string | undefined {
  if (dir === null) return undefined;
  try {
    return readFileSync(cachePath(dir, key), 'utf8');
  } catch {
    return undefined;
  }
}

/** Best effort: a cache that cannot be written only costs time. */
function writeCached(dir: string | null, key: string, status: string): void {
  if (dir === null) return;
  try {
    mkdirSync(join(dir, 'numeric-rules'), { recursive: true });
    writeFileSync(cachePath(dir, key), status);
  } catch {
    // ignored: see above
  }
}
