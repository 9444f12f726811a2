import { claimNotReached, lineCol, theoremWithoutProof, type Diagnostic } from '../diag/index.js';
import type { DeclarationSource, ProofFile, Theorem } from '../proof/index.js';
import { printTerm } from '../print/index.js';
import type { Facts, Predicate, Rule, RuleRegistry } from '../rules/index.js';
import * as c from '../term/index.js';
import { equalTerms, type Term } from '../term/index.js';
import { elaborateTheorem } from './collect.js';
import { definitionRule } from './definition.js';
import { differentialEnds, differentialFacts } from './differential.js';
import type { AutoProposer } from './auto.js';
import type { SearchLimits } from '../rewrite/index.js';
import { checkLine, type ProofState } from './lines.js';
import type { StepReport, TheoremReport } from './report.js';
import { equationRule } from './theorem-rule.js';

export type TheoremContext = {
  readonly file: ProofFile;
  readonly registry: RuleRegistry;
  readonly predicates: ReadonlyMap<string, Predicate>;
  readonly declarations: readonly DeclarationSource[];
  readonly limits: SearchLimits;
  readonly auto?: AutoProposer | undefined;
};

/** A theorem's report, and the theorem as a rule for what follows (null when its statement is not an equation). */
export type TheoremOutcome = { readonly report: TheoremReport; readonly rule: Rule | null };

/**
 * Checks one theorem: shapes its formulas, replays every line with the
 * kernel, then checks that the proof reaches the claim. Every failing line
 * is reported; a line that fails still moves the proof on to what it states.
 */
export function checkTheorem(theorem: Theorem, ctx: TheoremContext): TheoremOutcome {
  const e = elaborateTheorem(theorem, ctx.file, ctx.declarations);
  const claim = e.claim;
  const rule = claim ? equationRule(theorem.name.text, ctx.file.source.name, claim.terms[0]!, claim.terms.at(-1)!, theorem.name.span) : null;
  const base = { name: theorem.name.text, span: theorem.name.span };
  const shapeErrors = e.diagnostics.filter((d) => d.severity === 'error');
  if (theorem.keyword === 'definition') {
    if (shapeErrors.length > 0 || claim === null) return { rule: null, report: { ...base, status: 'failed', steps: [], diagnostics: shapeErrors } };
    const earlier = ctx.file.theorems.slice(0, ctx.file.theorems.indexOf(theorem));
    const defined = definitionRule(theorem, claim, earlier, ctx.registry, e.facts, ctx.file.source.name);
    if (!('id' in defined)) return { rule: null, report: { ...base, status: 'failed', steps: [], diagnostics: [defined] } };
    return { rule: defined, report: { ...base, status: 'defined', steps: [], diagnostics: [] } };
  }
  if (theorem.proofSpan === null) {
    return { rule, report: { ...base, status: 'unproved', steps: [], diagnostics: [theoremWithoutProof(theorem.name.span, theorem.name.text)] } };
  }
  if (shapeErrors.length > 0 || claim === null) return { rule, report: { ...base, status: 'failed', steps: [], diagnostics: shapeErrors } };
  const facts = theorem.mode === 'differential' ? differentialFacts(theorem, e.facts) : e.facts;
  if (!('isScalar' in facts)) return { rule, report: { ...base, status: 'failed', steps: [], diagnostics: [facts] } };
  const state: ProofState = { term: null, chainStart: null, sides: null };
  const lineCtx = {
    scope: { registry: ctx.registry, hyps: new Map<string, Rule>() },
    options: { facts, predicates: ctx.predicates },
    limits: ctx.limits,
    auto: ctx.auto,
    library: ctx.file.source.name,
    canonicalTerm: e.canonicalTerm,
    canonicalChain: e.canonicalChain,
    spans: ctx.file.spans,
  };
  const steps: StepReport[] = theorem.lines.map((line) => {
    const r = checkLine(line, state, lineCtx);
    const at = lineCol(line.span.source, line.span.start).line;
    return r.ok
      ? { line: at, span: line.span, kind: line.kind, cited: r.cited, status: 'ok', steps: r.steps, diagnostics: [] }
      : { line: at, span: line.span, kind: line.kind, cited: r.cited, status: 'failed', steps: [], diagnostics: r.diagnostics };
  });
  const stepFailed = steps.some((s) => s.status === 'failed') || !theorem.complete;
  // A proof with a failing or unreadable step has failed already; where it ends would only add noise.
  const conclusion = stepFailed ? [] : concludes(theorem, claim.terms[0]!, claim.terms.at(-1)!, state, facts);
  const failed = stepFailed || conclusion.length > 0;
  return { rule, report: { ...base, status: failed ? 'failed' : 'proved', steps, diagnostics: conclusion } };
}

/**
 * Does the proof end at the claim `lhs = rhs`? A chain must run from `lhs` to
 * `rhs`; equation steps must end with `lhs = rhs` itself. In `entrywise`
 * mode both ends are the `(i, j)` entries (`(−M)ᵢⱼ` may be written `−(M)ᵢⱼ`);
 * in `differential` mode a gradient runs from `d f` to `tr(Gᵀ dX)`.
 */
function concludes(theorem: Theorem, lhs: Term, rhs: Term, state: ProofState, facts: Facts): Diagnostic[] {
  const at = theorem.name.span;
  const lastLine = theorem.lines.at(-1);
  if (lastLine === undefined || state.chainStart === null || state.term === null) {
    return [claimNotReached(at, 'is empty', `${printTerm(lhs)} = ${printTerm(rhs)}`, 'no steps')];
  }
  const ends = endsOf(theorem, lhs, rhs, facts);
  if (!('lhs' in ends)) return [ends];
  const out: Diagnostic[] = [];
  if (!ends.lhs.some((t) => equalTerms(t, state.chainStart!))) {
    out.push(claimNotReached(at, 'does not start at the left side of the claim', printTerm(ends.lhs[0]!), printTerm(state.chainStart)));
  }
  if (!ends.rhs.some((t) => equalTerms(t, state.term!))) {
    out.push(claimNotReached(at, 'does not end at the right side of the claim', printTerm(ends.rhs[0]!), printTerm(state.term)));
  }
  return out;
}

function endsOf(theorem: Theorem, lhs: Term, rhs: Term, facts: Facts): { lhs: Term[]; rhs: Term[] } | Diagnostic {
  switch (theorem.mode) {
    case 'entrywise': return entryForms(theorem, lhs, rhs, facts.isScalar);
    case 'differential': return differentialEnds(theorem, lhs, rhs, facts);
    case 'calc': return { lhs: [lhs], rhs: [rhs] };
  }
}

function entryForms(theorem: Theorem, lhs: Term, rhs: Term, isScalar: c.ScalarTest): { lhs: Term[]; rhs: Term[] } {
  const indices = theorem.indices.map((i) => c.sym(i.text));
  const forms = (m: Term): Term[] => {
    const plain = c.entry(m, indices);
    if (m.kind !== 'mul' || c.isOne(m.coeff)) return [plain];
    const unscaled = c.mul(m.factors, isScalar);
    return [plain, c.mul([c.num(m.coeff), c.entry(unscaled, indices)], isScalar)];
  };
  return { lhs: forms(lhs), rhs: forms(rhs) };
}
