#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { formatDiagnostic, badUsage } from '../diag/index.js';
import type { CheckCommandOptions } from './check-plan.js';
import type { CommandOutcome } from './outcome.js';
import type { ExportFormat } from './export-command.js';
import type { OutputFormat } from './parse-command.js';
import {
  applyLimitSettings, DEFAULT_CACHE_DIR, DEFAULT_LIMITS, DEFAULT_MAX_RULES, DERIVE_LIMIT_NAMES, MAX_FILE_BYTES, parseCount, READ_LIMIT_NAMES,
} from './limits.js';
import { progressBar, showsProgress, type ProgressSink } from './progress.js';
import { parseShard } from './shard.js';
import { readVersion } from './version.js';

/**
 * The `leibniz` command line. This is the only module that writes to the
 * terminal and calls `process.exit`; each command returns a `CommandOutcome`.
 * Exit codes: 0 ok, 1 a proof or rule is wrong, 2 bad input or usage,
 * 3 an internal error (a bug in Leibniz, reported without a stack trace).
 * Commands are imported when run, so `--help` and `--version` do not load the
 * grammar.
 */
function buildProgram(finish: (o: CommandOutcome) => void): Command {
  const program = new Command('leibniz')
    .description('A rewrite-rule proof assistant for matrix calculus')
    .version(readVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: (s) => process.stdout.write(s) })
    .action(async () => finish(await (await import('./default-command.js')).defaultCommand()));

  program
    .command('prove')
    .description('the interactive prover on a proof file (its first unfinished theorem), or on a new theorem with --goal')
    .argument('<file>', 'a proof file (created by --goal when missing)')
    .argument('[theorem]', 'the theorem to open')
    .option('--goal <equation>', 'start a new theorem: "lhs = rhs", or "lhs = ?" to find the right side')
    .option('--let <decls>', 'declarations for --goal, e.g. "a, b ∈ ℝⁿ; X ∈ ℝ^{n×n} invertible"')
    .option('--name <name>', 'the new theorem\'s name (default goal, goal-2, …)')
    .option('--limit <name=n>', 'change a limit (README, "Limits": prover-terms, simp-steps, line-work, …); repeatable', collect, [])
    .action(async (file: string, theorem: string | undefined, opts: { goal?: string; let?: string; name?: string; limit: string[] }) => {
      const limits = applyLimitSettings(DEFAULT_LIMITS, opts.limit);
      if ('error' in limits) return finish(usageError(limits.error, 'run `leibniz prove --help` for usage; README, "Limits"'));
      finish(await (await import('./prove-command.js')).proveCommand(file, theorem, { ...opts, limits }));
    });

  program
    .command('parse')
    .description('parse a formula (Unicode, LaTeX or ASCII) and print it with its shape')
    .argument('<expr>', 'a term, equation, chain or declaration')
    .option('--let <decls>', 'declarations, e.g. "a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}" or "a b : n; X : n x n"')
    .addOption(new Option('--to <notation>', 'output notation').choices(['unicode', 'latex', 'ascii', 'json']).default('unicode'))
    .option('--eval', 'also print the values on a random sample of the declared shapes')
    .option('--seed <n>', 'seed of the random sample (default 1)')
    .addOption(new Option('--max-input-bytes <n>', 'longest EXPR read (default: 4000 characters)').argParser(count(1)))
    .option('--limit <name=n>', `change a reading limit (${READ_LIMIT_NAMES.join(', ')}); repeatable`, collect, [])
    .action(async (expr: string, opts: { let?: string; to: OutputFormat; eval?: boolean; seed?: string; maxInputBytes?: number; limit: string[] }) => {
      const limits = applyLimitSettings(DEFAULT_LIMITS, opts.limit, READ_LIMIT_NAMES);
      if ('error' in limits) return finish(usageError(limits.error, 'run `leibniz parse --help` for usage; README, "Limits"'));
      finish((await import('./parse-command.js')).parseCommand(expr, { ...opts, limits: limits.read }));
    });

  program
    .command('derive')
    .description('derive a formula by a variable, with every step named and checked by the kernel')
    .argument('[expr]', 'a scalar or matrix formula (Unicode, LaTeX or ASCII)')
    .option('--wrt <X>', 'the variable (a declared symbol)')
    .option('--let <decls>', 'declarations, e.g. "a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}"')
    .addOption(new Option('--to <notation>', 'output notation').choices(['unicode', 'latex', 'ascii', 'json']).default('unicode'))
    .option('--steps', 'print the whole derivation, one named rule per line')
    .option('--emit-proof <file>', 'also write the derivation as a proof file leibniz check accepts')
    .option('--eval', 'then evaluate both sides of the result on random samples (a second opinion)')
    .option('--seed <n>', 'seed of the random samples of --eval (default 1)')
    .option('--batch <file>', 'derive every line {"expr", "wrt", "let"} of FILE, one JSON result per line')
    .option('--limit <name=n>', `change a limit (${DERIVE_LIMIT_NAMES.join(', ')}); repeatable`, collect, [])
    .action(async (expr: string | undefined, opts: DeriveOptions) => finish(await deriveWithOptions(expr, opts)));

  addCheckCommand(program, finish);

  program
    .command('export')
    .description('typeset the proofs of a file for a paper or an answer')
    .argument('<file>', 'a proof file')
    .addOption(new Option('--to <format>', 'output format').choices(['latex', 'markdown']).makeOptionMandatory())
    .action(async (file: string, opts: { to: ExportFormat }) =>
      finish((await import('./export-command.js')).exportCommand(file, { to: opts.to })));

  addRulesCommand(program, finish);

  return program;
}

/** `leibniz check PATH…` and its options. */
function addCheckCommand(program: Command, finish: (o: CommandOutcome) => void): void {
  program
    .command('check')
    .description('check proof files (folders are searched recursively for *.proof)')
    .argument('<paths...>', 'proof files or folders')
    .option('--json', 'print one JSON report instead of diagnostics and a summary')
    .option('--numeric', 'then evaluate both ends of every step on random samples, and screen the rules in use (in this process)')
    .option('--seed <n>', 'seed of the random samples of --numeric (default 1)')
    .addOption(new Option('--jobs <n>', 'worker threads (1: this process only)').argParser(count(1)).default(availableParallelism(), 'the number of cores'))
    .option('--shard <i/n>', 'check only the i-th of n slices of the files (by sorted path), for CI')
    .option('--cache-dir <dir>', 'where verdicts are cached', DEFAULT_CACHE_DIR)
    .option('--no-cache', 'check every file, without reading or writing the cache')
    .addOption(new Option('--max-input-bytes <n>', 'largest file read').argParser(count(1)).default(MAX_FILE_BYTES))
    .addOption(new Option('--max-rules <n>', 'most rules in scope of one proof file').argParser(count(1)).default(DEFAULT_MAX_RULES))
    .option('--limit <name=n>', 'change a limit (README, "Limits": line-work, auto-depth, term-depth, …); repeatable', collect, [])
    .action(async (paths: string[], opts: CheckFlags) => finish(await check(paths, opts)));
}

/** `leibniz rules check PATH…` (and `leibniz rules` alone, a usage error). */
function addRulesCommand(program: Command, finish: (o: CommandOutcome) => void): void {
  const rules = program
    .command('rules')
    .description('work with rule libraries (rules check)')
    .action(() => finish({
      stdout: '',
      stderr: formatDiagnostic(badUsage('"leibniz rules" needs a command: check', 'run `leibniz rules check --help` for usage')) + '\n',
      exitCode: 2,
    }));
  rules
    .command('check')
    .description('test rules numerically on random matrices (folders are searched recursively for *.rules)')
    .argument('<paths...>', 'rule files or folders')
    .option('--seed <n>', 'seed of the random samples (default 1), to reproduce a run')
    .option('--json', 'print one JSON report instead of a line per rule and a summary')
    .action(async (paths: string[], opts: { seed?: string; json?: boolean }) =>
      finish((await import('./rules-check.js')).rulesCheckCommand(paths, { ...(opts.seed !== undefined ? { seed: opts.seed } : {}), json: opts.json === true })));
}

/** A commander parser for a whole number ≥ `min` (a bad one is a usage error, exit 2). */
const count = (min: number) => (value: string): number => {
  const n = parseCount(value, min);
  if (typeof n !== 'number') throw new InvalidArgumentError(`${n.error}.`);
  return n;
};

type CheckFlags = {
  json?: boolean; numeric?: boolean; seed?: string; jobs: number; shard?: string; cacheDir: string; cache: boolean; maxInputBytes: number; maxRules: number; limit: string[];
};

/** Commander's way of collecting a repeatable option's values. */
const collect = (value: string, previous: string[]): string[] => [...previous, value];

/**
 * `leibniz check`: the flags as `runCheck` options; the progress bar only on
 * a terminal, without `--json`. With `--numeric`, the numeric review after
 * the symbolic check, in this process and without the verdict cache (a false
 * rule is reported once per run, with the first file that uses it); its
 * screening verdicts are cached in the cache folder.
 */
async function check(paths: string[], opts: CheckFlags): Promise<CommandOutcome> {
  const shard = opts.shard === undefined ? undefined : parseShard(opts.shard);
  if (shard !== undefined && 'error' in shard) return usageError(shard.error, 'run `leibniz check --help` for usage');
  const limits = applyLimitSettings({ ...DEFAULT_LIMITS, maxBytes: opts.maxInputBytes, maxRules: opts.maxRules }, opts.limit);
  if ('error' in limits) return usageError(limits.error, 'run `leibniz check --help` for usage; README, "Limits"');
  const json = opts.json === true;
  const cacheDir = opts.cache ? opts.cacheDir : null;
  const progress = (total: number): ProgressSink | undefined =>
    showsProgress(process.stderr.isTTY === true, json, total) ? progressBar(total, process.stderr) : undefined;
  const options: CheckCommandOptions = {
    json, jobs: opts.jobs, cacheDir, limits, progress, ...(shard !== undefined ? { shard } : {}),
  };
  if (opts.numeric === true) {
    const [{ parseSeed, badSeed }, { withNumericReview }, { checkWithSearch }] =
      await Promise.all([import('./rules-check.js'), import('./numeric-review.js'), import('./checker.js')]);
    const seed = parseSeed(opts.seed);
    if (seed === undefined) return badSeed(opts.seed);
    options.check = withNumericReview(checkWithSearch, { seed, cacheDir });
  }
  return (await import('./check-run.js')).runCheck(paths, options);
}

/** Bad usage of a command: the message, a hint, exit 2. */
const usageError = (message: string, hint: string): CommandOutcome =>
  ({ stdout: '', stderr: formatDiagnostic(badUsage(message, hint)) + '\n', exitCode: 2 });

type DeriveOptions = { wrt?: string; let?: string; to: OutputFormat; steps?: boolean; emitProof?: string; batch?: string; eval?: boolean; seed?: string; limit: string[] };

/** `derive EXPR --wrt X …` or `derive --batch FILE`; the derive modules load only for this command. */
async function deriveWithOptions(expr: string | undefined, opts: DeriveOptions): Promise<CommandOutcome> {
  const limits = applyLimitSettings(DEFAULT_LIMITS, opts.limit, DERIVE_LIMIT_NAMES);
  if ('error' in limits) return usageError(limits.error, 'run `leibniz derive --help` for usage; README, "Limits"');
  if (opts.batch !== undefined) {
    if (expr !== undefined) return usageError('derive takes either EXPR or --batch FILE, not both', 'run `leibniz derive --help` for usage');
    return (await import('./derive-batch.js')).deriveBatch(opts.batch, limits);
  }
  if (expr === undefined || opts.wrt === undefined) return usageError('derive needs a formula and --wrt X (or --batch FILE)', 'e.g. leibniz derive "a^T X^{-1} b" --wrt X --let "a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}"');
  return (await import('./derive-command.js')).deriveCommand(expr, { ...opts, wrt: opts.wrt, limits });
}

/** A reader that closed the pipe early (`leibniz check --json | head`) is not an error. */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

async function main(argv: readonly string[]): Promise<void> {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  let outcome: CommandOutcome | undefined;
  const program = buildProgram((o) => (outcome = o));
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    outcome = outcomeOfError(error);
  }
  if (outcome === undefined) return;
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.exitCode;
}

function outcomeOfError(error: unknown): CommandOutcome {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return { stdout: '', stderr: '', exitCode: 0 };
    const message = error.message.replace(/^error: /, '');
    const diagnostic = badUsage(message, 'run `leibniz --help` for usage');
    return { stdout: '', stderr: formatDiagnostic(diagnostic) + '\n', exitCode: 2 };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { stdout: '', stderr: `leibniz: internal error: ${text}\nThis is a bug in Leibniz; please report it with the command you ran.\n`, exitCode: 3 };
}

await main(process.argv.slice(2));
