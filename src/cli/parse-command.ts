import { printStatement, printTerm, type Notation } from '../print/index.js';
import { formatShape, type Elaboration } from '../shape/index.js';
import type { Statement, Term } from '../term/index.js';
import { inputTooLong, makeSource, span } from '../diag/index.js';
import { badInput, success, type CommandOutcome } from './outcome.js';
import { readFormula } from '../rules/read-formula.js';
import type { ReadLimits } from '../parse/options.js';
import { termToJson, type Json } from './term-json.js';
import { evalLines } from './eval-output.js';
import { badSeed, parseSeed } from './rules-check.js';

export type OutputFormat = Notation | 'json';

/** `eval`: also print the values on a random sample (`seed` as typed after `--seed`, default 1). */
export type ParseCommandOptions = {
  let?: string; to?: OutputFormat; eval?: boolean; seed?: string; maxInputBytes?: number;
  /** Reading limits other than the defaults (`--limit term-depth=N` …); `maxInputBytes` wins over `formulaLength`. */
  limits?: ReadLimits;
};

/**
 * `leibniz parse EXPR`: prints each statement of the formula in the chosen
 * notation, followed by ` : shape` for terms, equations and chains; with
 * `--to json`, one JSON object with every statement's term tree and shape
 * (an EXPR longer than `maxInputBytes`, or by default 4 000 characters, is E0106);
 * with `--eval`, then the values on a random sample (see `evalLines`).
 */
export function parseCommand(expr: string, options: ParseCommandOptions = {}): CommandOutcome {
  const seed = parseSeed(options.seed);
  if (seed === undefined) return badSeed(options.seed);
  const bytes = options.maxInputBytes;
  if (bytes !== undefined && Buffer.byteLength(expr) > bytes) {
    const cut = Math.min(expr.length, Buffer.from(expr).subarray(0, bytes).toString().length);
    return badInput([inputTooLong(span(makeSource('<arg>', expr), cut), bytes, Buffer.byteLength(expr), 'bytes')]);
  }
  const max = bytes ?? options.limits?.formulaLength;
  const read = readFormula(expr, {
    describe: (t) => printTerm(t),
    ...(options.let !== undefined ? { declarations: options.let } : {}),
    ...(max !== undefined ? { maxLength: max } : {}),
    ...(options.limits?.bracketDepth !== undefined ? { maxDepth: options.limits.bracketDepth } : {}),
    ...(options.limits?.termDepth !== undefined ? { maxTermDepth: options.limits.termDepth } : {}),
  });
  if (!read.ok) return badInput(read.diagnostics);
  const { elaboration } = read;
  const statements = elaboration.formula.statements;
  if (options.to === 'json') {
    const json = { statements: statements.map((s) => statementJson(s, elaboration)) };
    return success(JSON.stringify(json, null, 2) + '\n');
  }
  const notation = options.to ?? 'unicode';
  const lines = statements.map((s) => {
    const shape = statementShape(s, elaboration);
    const text = printStatement(s, { notation });
    return shape === undefined ? text : `${text} : ${shape}`;
  });
  const values = options.eval === true ? ['', ...evalLines(elaboration, seed)] : [];
  return success([...lines, ...values].join('\n') + '\n');
}

/** The shape shown for a statement: that of its (first) term; none for declarations. */
function statementShape(s: Statement, e: Elaboration): string | undefined {
  const term = firstTerm(s);
  const shape = term && e.shapeOf(term);
  return shape && formatShape(shape);
}

function firstTerm(s: Statement): Term | undefined {
  switch (s.kind) {
    case 'term': return s.term;
    case 'chain': return s.terms[0];
    case 'implies': return s.parts[0] && firstTerm(s.parts[0]);
    default: return undefined;
  }
}

function statementJson(s: Statement, e: Elaboration): Json {
  const base = { kind: s.kind, text: printStatement(s, { notation: 'unicode' }), shape: statementShape(s, e) ?? null };
  switch (s.kind) {
    case 'term': return { ...base, term: termToJson(s.term) };
    case 'chain': return { ...base, terms: s.terms.map(termToJson), relations: [...s.relations] };
    case 'implies': return { ...base, parts: s.parts.map((p) => statementJson(p, e)) };
    default: return base;
  }
}
