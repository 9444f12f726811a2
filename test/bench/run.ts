import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from '../support/fc.js';
import { Bench } from 'tinybench';
import { readFormula } from '../../src/rules/read-formula.js';
import { parseFormula } from '../../src/parse/index.js';
import { printTerm } from '../../src/print/index.js';
import { arbMatrixTerm } from '../support/arbitrary.js';
import { repoRoot } from '../support/repo.js';
import { seedFormulas } from '../support/seed.js';
import { asciiToSympy, sympyParseRate } from './peer.js';
import { checkProofFile, summarize } from '../../src/check/index.js';
import { readProofFile } from '../../src/proof/index.js';
import { loadLibrary } from '../../src/rules/index.js';
import { checkCorpus, fromRules } from '../support/proof-corpus.js';
import { generateLibrary } from './generated-proofs.js';
import { measureScale } from './scale.js';
import { checkCommand } from '../../src/cli/check-command.js';
import { withNumericReview } from '../../src/cli/numeric-review.js';
import { checkRule } from '../../src/cli/rules-check.js';
import { statusOf } from '../../src/cli/rules-check-report.js';
import { deriveRows } from './derive-bench.js';
import { autoRows } from './auto-bench.js';
import { firstFrameRow } from './startup.js';
import { rulesPanelRow } from './rules-panel.js';

/**
 * `npm run bench`: figures for the language front end. Never part of `npm test`.
 * Prints one table; where python3 with sympy is installed, the same ASCII
 * formulas are parsed by SymPy in the same run and the ratio is shown.
 */
const root = repoRoot();
const seed = seedFormulas(readFileSync(join(root, 'test', 'fixtures', 'seed', '000_4eced3a913fd8ded.txt'), 'utf8'));
const generated = fc.sample(arbMatrixTerm, { seed: 42, numRuns: 300 }).map((t) => printTerm(t, { notation: 'ascii' }));
const comparable = generated.map((ascii) => ({ ascii, sympy: asciiToSympy(ascii) })).filter((f) => f.sympy !== undefined);

type Row = { figure: string; value: string; note?: string };
const rows: Row[] = [];

/** Runs `body` over `items` for about a second with tinybench; items per second. */
async function rate(name: string, items: readonly string[], body: (item: string) => unknown): Promise<number> {
  const bench = new Bench({ time: 1000 });
  bench.add(name, () => { for (const item of items) body(item); });
  await bench.run();
  const result = bench.tasks[0]!.result;
  const opsPerSecond = result && 'throughput' in result ? result.throughput.mean : 0;
  return opsPerSecond * items.length;
}

const perSecond = (n: number): string => `${Math.round(n).toLocaleString('en')} formulas/s`;

async function measureParsing(): Promise<void> {
  const parse = await rate('parse', seed, (f) => parseFormula(f));
  rows.push({ figure: `parse the seed's ${seed.length} formulas`, value: perSecond(parse) });
  const read = await rate('read', seed, (f) => readFormula(f));
  rows.push({ figure: 'same, with shapes and canonical form', value: perSecond(read) });
}

/** The same ASCII formulas parsed by Leibniz and by SymPy's parse_expr. */
async function measureAgainstPeer(): Promise<void> {
  const peer = sympyParseRate(comparable.map((f) => f.sympy!));
  const timed = peer.available ? peer.read.map((i) => comparable[i]!.ascii) : comparable.map((f) => f.ascii);
  const ours = await rate('ascii', timed, (f) => parseFormula(f));
  rows.push({ figure: `parse ${timed.length} generated ASCII formulas`, value: perSecond(ours) });
  if (!peer.available) {
    rows.push({ figure: 'SymPy parse_expr, same formulas', value: 'not measured', note: peer.reason });
    return;
  }
  rows.push({ figure: `SymPy ${peer.version} parse_expr, same formulas`, value: perSecond(peer.perSecond) });
  rows.push({ figure: 'ratio Leibniz / SymPy (parsing)', value: `${(ours / peer.perSecond).toFixed(2)}×` });
}

/**
 * Steps checked per second: the shipped proofs, and a generated library of at
 * least 5,000 steps. Each is checked once cold (the first pass, while the JIT
 * warms up: what one `leibniz check` process sees), then `WARM_RUNS` more
 * times; the warm figure is their median.
 */
const WARM_RUNS = 7;

function measureChecking(): void {
  const shipped = checkCorpus('proofs').map((c) => ({ file: c.file, base: c.base }));
  const core = loadLibrary('rules/core', (p) => ({ text: readFileSync(join(root, p), 'utf8') })).rules;
  const library = generateLibrary(core, 200, 20, 5, 1);
  const read = library.texts.map((text, i) => readProofFile(text, { sourceName: `generated-${i}.proof` }));
  const generated = read.map((r) => ({ file: r.file, base: core }));
  // A line the reader refuses drops out of the check: count it, or a broken printer would look fast.
  const unreadable = read.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  const cases = [
    { name: 'the shipped proofs', files: shipped },
    { name: `a generated library (${generated.length} files)`, files: generated },
  ];
  for (const { name, files } of cases) {
    const cold = checkRate(files);
    const warm = Array.from({ length: WARM_RUNS }, () => checkRate(files).perSecond).sort((a, b) => a - b);
    const failed = (cold.failed > 0 ? `, ${cold.failed} failed` : '') + (files === generated && unreadable > 0 ? `, ${unreadable} lines unreadable` : '');
    const median = warm[WARM_RUNS >> 1]!;
    rows.push({ figure: `check ${name}, ${cold.steps} steps: warm`, value: stepsPerSecond(median), note: `median of ${WARM_RUNS} runs, one core${failed}` });
    rows.push({ figure: `  same, in rule applications (${cold.applications})`, value: `${Math.round((median * cold.applications) / cold.steps).toLocaleString('en')} rules/s` });
    rows.push({ figure: `  same, cold (first pass)`, value: stepsPerSecond(cold.perSecond) });
  }
}

const stepsPerSecond = (n: number): string => `${Math.round(n).toLocaleString('en')} steps/s`;

/** Lines (steps) checked per second; `applications` counts the kernel's rule applications behind them. */
function checkRate(files: readonly { file: import('../../src/proof/index.js').ProofFile; base: readonly import('../../src/rules/index.js').Rule[] }[]): { steps: number; applications: number; failed: number; perSecond: number } {
  const start = process.hrtime.bigint();
  const reports = files.map(({ file, base }) => checkProofFile(file, { registry: fromRules(base) }).report);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const summary = summarize(reports);
  const applications = reports.flatMap((r) => r.theorems).flatMap((t) => t.steps).reduce((n, s) => n + s.steps.length, 0);
  return { steps: summary.steps, applications, failed: summary.failed, perSecond: summary.steps / seconds };
}

function measureProcess(): void {
  const bin = join(root, 'dist', 'src', 'cli', 'main.js');
  const time = (args: string[]): number => {
    const runs = 10;
    const start = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) spawnSync(process.execPath, args, { encoding: 'utf8' });
    return Number(process.hrtime.bigint() - start) / 1e6 / runs;
  };
  const baseline = time(['-e', '']);
  const whole = time([bin, 'parse', '∂(aᵀX⁻¹b)/∂X = −X⁻ᵀabᵀX⁻ᵀ', '--let', 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}']);
  rows.push({ figure: '`leibniz parse` as a whole process', value: `${whole.toFixed(1)} ms`, note: `node start-up alone: ${baseline.toFixed(1)} ms` });
}

/** Issue 4's figures: rules tested numerically per second, and `check --numeric` against the plain check on the shipped proofs. */
function measureNumeric(): void {
  const core = loadLibrary('rules/core', (p) => ({ text: readFileSync(join(root, p), 'utf8') })).rules;
  const start = process.hrtime.bigint();
  const verdicts = core.map((rule) => statusOf(checkRule(rule, 1).comparison));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const passed = verdicts.filter((v) => v === 'pass').length;
  rows.push({ figure: `test the ${core.length} shipped rules numerically`, value: `${Math.round(core.length / seconds).toLocaleString('en')} rules/s`, note: `${passed} passed` });
  const time = (run: () => unknown): number => {
    const t0 = process.hrtime.bigint();
    run();
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  checkCommand(['proofs']); // warm-up, so both figures are warm
  const plain = time(() => checkCommand(['proofs']));
  const numeric = time(() => checkCommand(['proofs'], { check: withNumericReview(checkProofFile, { seed: 1, cacheDir: null }) }));
  rows.push({ figure: 'check the shipped proofs: plain', value: `${plain.toFixed(0)} ms` });
  rows.push({ figure: '  same with --numeric (rules screened, no cache)', value: `${numeric.toFixed(0)} ms`, note: `${(numeric / plain).toFixed(1)}× the plain check` });
}

function printTable(): void {
  const width = Math.max(...rows.map((r) => r.figure.length));
  console.log(`\nLeibniz benchmarks (node ${process.version}, ${new Date().toISOString()})\n`);
  for (const r of rows) console.log(`${r.figure.padEnd(width)}  ${r.value.padStart(20)}${r.note ? `  (${r.note})` : ''}`);
}

await measureParsing();
await measureAgainstPeer();
measureChecking();
measureProcess();
measureNumeric();
rows.push(await rulesPanelRow());
rows.push(await firstFrameRow());
rows.push(...measureScale());
rows.push(...deriveRows());
rows.push(...autoRows());
printTable();
