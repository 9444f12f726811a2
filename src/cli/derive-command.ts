import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { resolve } from 'node:path';
import { badUsage, cannotDerive, makeSource, span, type Diagnostic, type Span } from '../diag/index.js';
import { parseFormula } from '../parse/index.js';
import { printTerm } from '../print/index.js';
import { elaborateStatements, PREDICATES, type Facts } from '../rules/index.js';
import { derive, type Derivation, type DeriveFailure } from '../search/derive.js';
import { constructName } from '../search/construct-names.js';
import type { Declaration, Signature, Term } from '../term/index.js';
import { claimText, proofFileText, recheck } from './derivation-text.js';
import { numericAgreement } from './derive-numeric.js';
import { badSeed, parseSeed } from './rules-check.js';
import { formatCounterexample } from '../numeric/index.js';
import { badInput, success, type CommandOutcome } from './outcome.js';
import type { OutputFormat } from './parse-command.js';
import { presupposedInvertible } from './presupposed.js';
import { readDeclarationLines } from './prove-command.js';
import { coreUsePath, loadCoreRules, writeAtomically } from './prover-files.js';

export type DeriveCommandOptions = {
  wrt: string; let?: string; to?: OutputFormat; steps?: boolean; emitProof?: string; eval?: boolean; seed?: string;
  /** Reading limits and the derivation's budgets (`--limit`); defaults when absent. */
  limits?: Limits;
};

/** A formula ready to derive: its canonical term and facts, and the declarations as proof-file lines. */
export type DeriveInput = {
  readonly term: Term;
  readonly wrt: string;
  readonly facts: Facts;
  readonly declarations: readonly (Declaration | Signature)[];
  readonly declarationLines: readonly string[];
  readonly at: Span;
};

/** A derivation the kernel has checked, with the time it took (derive, then check). */
export type CheckedDerivation = { readonly derivation: Derivation; readonly proof: string; readonly deriveMs: number; readonly checkMs: number };

let coreRules: ReturnType<typeof loadCoreRules> | null = null;

/** The shipped rules (`rules/core`), read once per process. */
const rules = (): ReturnType<typeof loadCoreRules> => (coreRules ??= loadCoreRules());

/** Reads the formula and declarations; the variable must be a declared symbol. */
export function readDeriveInput(expr: string, wrt: string, letText: string, limits: Limits = DEFAULT_LIMITS): DeriveInput | Diagnostic[] {
  const declared = readDeclarationLines(letText);
  if ('diagnostics' in declared) return [...declared.diagnostics];
  const functions = declared.declarations.flatMap((d) => (d.kind === 'decl' ? d.targets.filter((t) => t.params.length > 0).map((t) => t.name) : []));
  const { formulaLength: maxLength, bracketDepth: maxDepth, termDepth: maxTermDepth } = limits.read;
  const parsed = parseFormula(expr, { sourceName: '<arg>', functions, maxLength, maxDepth, maxTermDepth });
  if (!parsed.ok) return [...parsed.diagnostics];
  const at = span(parsed.source, 0, expr.length);
  const statements = parsed.value.statements;
  if (statements.length !== 1 || statements[0]!.kind !== 'term') return [cannotDerive(at, 'the formula must be one term (not an equation or a declaration)', null)];
  const first = elaborateStatements(statements, parsed.spans, declared.declarations, { describe: (t) => printTerm(t) });
  const errors = first.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return errors;
  if (!declared.declarations.some((d) => d.kind === 'decl' && d.targets.some((t) => t.name === wrt && t.params.length === 0))) {
    const source = makeSource('<--wrt>', wrt);
    return [cannotDerive(span(source, 0, wrt.length), `the variable ${wrt} is not declared`, null, ['declare it with --let, e.g. --let "X ∈ ℝ^{n×n}"'])];
  }
  // `X⁻¹` in the formula says X is invertible: the declaration is completed, and stated in the proof.
  const presupposed = presupposedInvertible((first.statements[0] as { term: Term }).term, declared.declarations, first.facts);
  const declarations = [...declared.declarations, ...presupposed.declarations];
  const e = presupposed.declarations.length === 0 ? first : elaborateStatements(statements, parsed.spans, declarations, { describe: (t) => printTerm(t) });
  const term = (e.statements[0] as { term: Term }).term;
  return { term, wrt, facts: e.facts, declarations, declarationLines: [...declared.declarationLines, ...presupposed.lines], at };
}

/** Derives, writes the proof, and has the kernel check it; an unchecked derivation is an internal error. */
export function deriveChecked(input: DeriveInput, limits: Limits = DEFAULT_LIMITS): CheckedDerivation | CommandOutcome {
  const loaded = rules();
  if (!loaded.ok) return badInput(loaded.diagnostics);
  const library = loaded.rules;
  const started = performance.now();
  const outcome = derive({ expr: input.term, wrt: input.wrt, facts: input.facts, predicates: PREDICATES, rules: library, budget: limits.derive });
  const deriveMs = performance.now() - started;
  if (!outcome.ok) return badInput([failureDiagnostic(outcome, input.at)]);
  const proof = proofFileText(outcome, 'rules/core', input.declarationLines);
  const verdict = recheck(proof, library, PREDICATES);
  const checkMs = performance.now() - started - deriveMs;
  if (!verdict.proved) {
    return { stdout: '', stderr: `leibniz derive: internal error: the kernel refused the derivation (please report it)\n${verdict.report}\n\n${proof}`, exitCode: 3 };
  }
  return { derivation: outcome, proof, deriveMs, checkMs };
}

function failureDiagnostic(failure: DeriveFailure, at: Span): Diagnostic {
  const found = failure.construct === null ? null : `${printTerm(failure.construct)} (${constructName(failure.construct)})`;
  return cannotDerive(at, failure.problem, found, failure.note === undefined ? [] : [failure.note]);
}

/** `leibniz derive EXPR --wrt X`: see README, "Deriving". */
export function deriveCommand(expr: string, options: DeriveCommandOptions): CommandOutcome {
  const seed = parseSeed(options.seed);
  if (seed === undefined) return badSeed(options.seed);
  const input = readDeriveInput(expr, options.wrt, options.let ?? '', options.limits);
  if (Array.isArray(input)) return badInput(input);
  const checked = deriveChecked(input as DeriveInput, options.limits);
  if ('exitCode' in checked) return checked;
  const written = options.emitProof === undefined ? null : emitProof(options.emitProof, checked, input as DeriveInput);
  if (written !== null && 'exitCode' in written) return written;
  const notes = written === null ? '' : `proof written to ${options.emitProof}\n`;
  const out = { ...success(render(checked, options)), stderr: notes };
  if (options.eval !== true) return out;
  const numbers = evalLines(input as DeriveInput, checked.derivation, seed);
  return { ...out, stdout: `${out.stdout}${numbers.lines.join('\n')}\n`, exitCode: numbers.agree ? 0 : 1 };
}

/** `--eval`: both sides of the claim on random samples (advisory; a disagreement means a false rule or a bug). */
function evalLines(input: DeriveInput, d: Derivation, seed: number): { lines: string[]; agree: boolean } {
  const comparison = numericAgreement(input, d, seed);
  switch (comparison.verdict) {
    case 'agree': return { agree: true, lines: [`numerically: both sides agree on ${comparison.agreed} random sample sizes (seed ${seed})`] };
    case 'untested': return { agree: true, lines: [`numerically: not tested (${comparison.reason ?? 'no sample could be evaluated'})`] };
    case 'disagree': return { agree: false, lines: ['numerically: the sides DISAGREE (a false rule in the library, or a bug: please report it)', ...formatCounterexample(comparison.counterexample!, '  ')] };
  }
}

function render(checked: CheckedDerivation, options: DeriveCommandOptions): string {
  const d = checked.derivation;
  if (options.to === 'json') return JSON.stringify(derivationJson(checked)) + '\n';
  const notation = options.to ?? 'unicode';
  const result = printTerm(d.result, { notation });
  if (options.steps !== true) return `${result}\n`;
  const proof = checked.proof.split('\n');
  const body = proof.slice(proof.findIndex((l) => l.startsWith('theorem ')));
  return `${body.join('\n').trimEnd()}\n\n${claimText(d, notation)}\n(${d.steps.length} steps, each a named rule; checked by the kernel)\n`;
}

/** The JSON object of one derivation (also one line of `derive --batch`). */
export function derivationJson(checked: CheckedDerivation): Record<string, unknown> {
  const d = checked.derivation;
  return {
    kind: d.kind,
    claim: claimText(d),
    result: printTerm(d.result),
    ascii: printTerm(d.result, { notation: 'ascii' }),
    latex: printTerm(d.result, { notation: 'latex' }),
    steps: d.steps.map((s) => ({ rule: s.ruleId, direction: s.direction, term: printTerm(s.after) })),
    ms: round(checked.deriveMs + checked.checkMs),
    deriveMs: round(checked.deriveMs),
  };
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/** Writes the proof file atomically (a temporary file, then a rename: never half a file). */
function emitProof(path: string, checked: CheckedDerivation, input: DeriveInput): null | CommandOutcome {
  const text = proofFileText(checked.derivation, coreUsePath(resolve(path)), input.declarationLines);
  try {
    writeAtomically(path, text);
    return null;
  } catch (error) {
    return badInput([badUsage(`cannot write ${path}: ${(error as Error).message}`)]);
  }
}
