import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkProofFile, type FileReport } from '../../src/check/index.js';
import { checkCommand } from '../../src/cli/check-command.js';
import { exportCommand } from '../../src/cli/export-command.js';
import type { CommandOutcome } from '../../src/cli/outcome.js';
import { parseCommand } from '../../src/cli/parse-command.js';
import type { Diagnostic, Span } from '../../src/diag/index.js';
import { FORMULA_MAX_LENGTH, parseDeclarations, parseFormula, parseTerm, type ParseOutcome } from '../../src/parse/index.js';
import { readProofFile } from '../../src/proof/index.js';
import { loadLibrary, RuleRegistry, type LibraryLoader, type Rule } from '../../src/rules/index.js';
import { readFormula } from '../../src/rules/read-formula.js';
import type { FuzzInput } from './fuzz-inputs.js';
import { repoRoot } from './repo.js';

/**
 * The property every fuzz input must have, per target: the parser, the rule
 * loader, the checker and the CLI commands (as functions) either succeed or
 * return diagnostics, never throw (the caller catches and reports), and
 * every position they give lies inside the text it names. A command exits
 * with a documented code (never 3, an internal error), without a stack
 * trace, and every `file:line:col` it prints exists in that file. Each
 * function returns the problems found; none means the input passed.
 */
const root = repoRoot();

/**
 * Longest one call may take: a hang guard (the fuzzer reports the input), not
 * a speed assertion — ten times the slowest legitimate calls known, about 2 s
 * (the proof reader on a line of 4,000 juxtaposed letters, the longest
 * formula, which it reads twice at some 250 µs a character), so that a
 * machine busy with other work never trips it.
 */
export const CALL_TIME_LIMIT_MS = 20_000;

/**
 * Runs `call`, adding a problem to `problems` when it took longer than
 * `limit` (default `CALL_TIME_LIMIT_MS`). Exceptions pass through (the loop reports them).
 */
export function timed<T>(what: string, problems: string[], call: () => T, limit: number = CALL_TIME_LIMIT_MS): T {
  const start = performance.now();
  const value = call();
  const ms = performance.now() - start;
  if (ms > limit) problems.push(`${what}: took ${Math.round(ms)} ms (the hang guard is ${limit} ms a call)`);
  return value;
}

/** Problems with the positions of `ds`: spans outside their source, or into a text other than the input of that name. */
export function spanProblems(what: string, spans: readonly (Span | null)[], inputs: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const s of spans) {
    if (s === null) continue;
    const { source, start, end } = s;
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= source.text.length)) {
      out.push(`${what}: span [${start}, ${end}) outside ${source.name} (${source.text.length} characters)`);
    }
    const input = inputs.get(source.name);
    if (input !== undefined && input !== source.text) out.push(`${what}: a span into a text named ${source.name} that is not the input`);
  }
  return out;
}

export function diagnosticProblems(what: string, ds: readonly Diagnostic[], inputs: ReadonlyMap<string, string>): string[] {
  const internal = ds.filter((d) => d.code === 'E0199').map((d) => `${what}: internal reader error E0199: ${d.notes.join('; ')}`);
  return [...internal, ...spanProblems(what, ds.map((d) => d.span), inputs)];
}

const outcomeProblems = (what: string, out: ParseOutcome<unknown>, inputs: ReadonlyMap<string, string>): string[] =>
  out.ok ? [] : [...(out.diagnostics.length === 0 ? [`${what}: failed without a diagnostic`] : []), ...diagnosticProblems(what, out.diagnostics, inputs)];

/** Every diagnostic and position of a checked file's report. */
export function reportProblems(report: FileReport, inputs: ReadonlyMap<string, string>): string[] {
  const ds = [...report.diagnostics, ...report.theorems.flatMap((t) => [...t.diagnostics, ...t.steps.flatMap((s) => s.diagnostics)])];
  const spans = report.theorems.flatMap((t) => [t.span, ...t.steps.map((s) => s.span)]);
  return [...diagnosticProblems('check', ds, inputs), ...spanProblems('check (theorem and step spans)', spans, inputs)];
}

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** A command's outcome: an allowed exit code, no internal error or stack trace, and every `file:line:col` inside its file. */
export function commandProblems(what: string, out: CommandOutcome, allowed: readonly number[], inputs: ReadonlyMap<string, string>): string[] {
  const text = out.stdout + out.stderr;
  const problems: string[] = [];
  if (!allowed.includes(out.exitCode)) problems.push(`${what}: exit ${out.exitCode}\n${text.slice(0, 1500)}`);
  if (STACK.test(text) || /internal error/.test(text)) problems.push(`${what}: internal error or stack trace\n${text.slice(0, 1500)}`);
  for (const m of text.matchAll(/^(\S+):(\d+):(\d+): (?:error|warning) E\d{4}/gm)) {
    const where = locationProblem(m[1]!, Number(m[2]), Number(m[3]), inputs);
    if (where !== null) problems.push(`${what}: ${where}`);
  }
  return problems;
}

/** Is `line:col` (1-based; columns in code points) a position of the file (an input, or a file on disk)? */
export function locationProblem(name: string, line: number, col: number, inputs: ReadonlyMap<string, string>): string | null {
  const text = inputs.get(name) ?? (existsSync(join(root, name)) ? readFileSync(join(root, name), 'utf8') : existsSync(name) ? readFileSync(name, 'utf8') : undefined);
  if (text === undefined) return null;
  const lines = text.split('\n');
  if (line < 1 || line > lines.length) return `${name}:${line}:${col}: no line ${line} (${lines.length} lines)`;
  const width = [...lines[line - 1]!].length;
  return col < 1 || col > width + 1 ? `${name}:${line}:${col}: no column ${col} (line ${line} has ${width})` : null;
}

/** Shipped libraries, compiled once per process (a fuzzed file that uses one gets a fresh registry with its rules). */
const shippedRules = new Map<string, Rule[] | null>();
const shippedLoader: LibraryLoader = (path) => {
  const full = join(root, path);
  return existsSync(full) ? { text: readFileSync(full, 'utf8') } : { error: `no file ${path}` };
};

function rulesOfUse(use: string): Rule[] | null {
  const path = use.trim().endsWith('.rules') ? use.trim() : `${use.trim()}.rules`;
  if (!shippedRules.has(path)) {
    const exists = /^rules\/[a-z]+\.rules$/.test(path) && existsSync(join(root, path));
    shippedRules.set(path, exists ? loadLibrary(path, shippedLoader).rules : null);
  }
  return shippedRules.get(path)!;
}

/** Longer formulas are read only as formulas (parseTerm and parseDeclarations share the grammar; reading costs ~60 µs a character). */
const OTHER_READERS_UP_TO = 2000;

export function formulaProblems(input: FuzzInput): string[] {
  const inputs = new Map([['<arg>', input.text]]);
  const p: string[] = [];
  const notation = (['unicode', 'latex', 'ascii', 'json'] as const)[input.text.length % 4]!;
  // The parser with the limit every reader of Leibniz gives it (its own default, 100 000, is for callers that know better).
  const limit = { maxLength: FORMULA_MAX_LENGTH };
  p.push(...outcomeProblems('parseFormula', timed('parseFormula', p, () => parseFormula(input.text, limit)), inputs));
  if (input.text.length <= OTHER_READERS_UP_TO) {
    p.push(...outcomeProblems('parseTerm', timed('parseTerm', p, () => parseTerm(input.text, limit)), inputs));
    p.push(...outcomeProblems('parseDeclarations', timed('parseDeclarations', p, () => parseDeclarations(input.text, limit)), inputs));
  }
  const read = timed('readFormula', p, () => readFormula(input.text));
  if (!read.ok) p.push(...diagnosticProblems('readFormula', read.diagnostics, inputs));
  const parsed = timed('leibniz parse', p, () => parseCommand(input.text, { to: notation }));
  return [...p, ...commandProblems(`leibniz parse --to ${notation}`, parsed, [0, 2], inputs)];
}

/** A proof that leans on every rule of a fuzzed library, by `auto` and by a clause citing several: it must stop, at its budget at worst. */
const PROOF_OF_RULES = (ids: readonly string[]): string =>
  `theorem t : A B + C = C + B A\nproof\n  A B + C\n  = C + B A  by auto\n  = A B + C  by ${ids.slice(0, 4).join(', ')}\nqed\n`;

export function rulesProblems(input: FuzzInput): string[] {
  const inputs = new Map([['fuzz.rules', input.text]]);
  const p: string[] = [];
  const library = timed('loadLibrary', p, () => loadLibrary('fuzz', (path) => (path === 'fuzz.rules' ? { text: input.text } : shippedLoader(path))));
  p.push(...diagnosticProblems('loadLibrary', library.diagnostics, inputs));
  if (library.rules.length === 0) return p;
  const proof = PROOF_OF_RULES(library.rules.map((r) => r.id));
  const { file, diagnostics } = readProofFile(proof, { sourceName: 'uses-fuzz.proof' });
  const { report } = timed('checkProofFile (with the fuzzed rules)', p, () => checkProofFile(file, { registry: library.registry }));
  return [...p, ...diagnosticProblems('readProofFile', diagnostics, inputs), ...reportProblems(report, new Map([...inputs, ['uses-fuzz.proof', proof]]))];
}

export function proofProblems(input: FuzzInput): string[] {
  const inputs = new Map([['fuzz.proof', input.text]]);
  const p: string[] = [];
  const { file, diagnostics } = timed('readProofFile', p, () => readProofFile(input.text, { sourceName: 'fuzz.proof' }));
  const registry = new RuleRegistry();
  for (const use of file.uses) for (const rule of rulesOfUse(use.text) ?? []) registry.add(rule);
  const { report } = timed('checkProofFile', p, () => checkProofFile(file, { registry }));
  return [...p, ...diagnosticProblems('readProofFile', diagnostics, inputs), ...reportProblems(report, inputs)];
}

let scratch: string | undefined;
let serial = 0;

/** The input as a file on disk through `leibniz check` (human or `--json`) and `leibniz export`. Random text is sometimes written as raw bytes. */
export function cliProblems(input: FuzzInput): string[] {
  scratch ??= mkdtempSync(join(tmpdir(), 'leibniz-fuzz-'));
  const path = join(scratch, `fuzz-${serial++}.proof`);
  const raw = input.origin === 'random text' && input.text.length % 2 === 1;
  writeFileSync(path, raw ? Buffer.from([...input.text].map((c) => c.codePointAt(0)! & 0xff)) : input.text);
  const inputs = new Map([[path, raw ? '' : input.text]]);
  try {
    const json = serial % 2 === 0;
    const p: string[] = [];
    const known = raw ? new Map<string, string>() : inputs;
    const checked = timed('leibniz check', p, () => checkCommand([path], { json }));
    p.push(...commandProblems(`leibniz check${json ? ' --json' : ''}`, checked, [0, 1, 2], known));
    if (json && checked.exitCode !== 3) p.push(...jsonProblems(checked.stdout, known));
    p.push(...commandProblems('leibniz export', timed('leibniz export', p, () => exportCommand(path, { to: 'latex' })), [0, 2], known));
    return p;
  } finally {
    rmSync(path, { force: true });
  }
}

function jsonProblems(stdout: string, inputs: ReadonlyMap<string, string>): string[] {
  let report: { files: { diagnostics: JsonLike[]; theorems: { diagnostics: JsonLike[]; steps: { diagnostics: JsonLike[] }[] }[] }[] };
  try {
    report = JSON.parse(stdout) as typeof report;
  } catch {
    return [`check --json: not JSON: ${stdout.slice(0, 200)}`];
  }
  const ds = report.files.flatMap((f) => [...f.diagnostics, ...f.theorems.flatMap((t) => [...t.diagnostics, ...t.steps.flatMap((s) => s.diagnostics)])]);
  return ds.flatMap((d) => (d.file === null || d.line === null || d.col === null ? [] : [locationProblem(d.file, d.line, d.col, inputs)]))
    .filter((p): p is string => p !== null).map((p) => `check --json: ${p}`);
}

type JsonLike = { file: string | null; line: number | null; col: number | null };

/** Removes the scratch folder of `cliProblems`. */
export function cleanUpFuzz(): void {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
}
