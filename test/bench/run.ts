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

async function measureParsing(): Promise<void> {
  const bench = new Bench({ time: 1000 });
  bench
    .add('parse the seed formulas', () => { for (const f of seed) parseFormula(f); })
    .add('read the seed formulas (parse + shapes + canonical form)', () => { for (const f of seed) readFormula(f); })
    .add('parse the ASCII corpus', () => { for (const f of comparable) parseFormula(f.ascii); });
  await bench.run();
  const perOp = [seed.length, seed.length, comparable.length];
  bench.tasks.forEach((task, i) => {
    const hz = task.result && 'throughput' in task.result ? task.result.throughput.mean : 0;
    rows.push({ figure: `${task.name} (${perOp[i]} formulas)`, value: `${Math.round(hz * perOp[i]!).toLocaleString('en')} formulas/s` });
  });
}

function measurePeer(): void {
  const ours = rows.at(-1)!;
  const peer = sympyParseRate(comparable.map((f) => f.sympy!));
  if (!peer.available) {
    rows.push({ figure: 'SymPy parse_expr, same ASCII corpus', value: 'not measured', note: peer.reason });
    return;
  }
  const oursRate = Number(ours.value.replace(/[^0-9]/g, ''));
  rows.push({ figure: `SymPy ${peer.version} parse_expr, same ASCII corpus`, value: `${Math.round(peer.perSecond).toLocaleString('en')} formulas/s` });
  rows.push({ figure: 'ratio Leibniz / SymPy (parsing)', value: `${(oursRate / peer.perSecond).toFixed(1)}×` });
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

function printTable(): void {
  const width = Math.max(...rows.map((r) => r.figure.length));
  console.log(`\nLeibniz benchmarks (node ${process.version}, ${new Date().toISOString()})\n`);
  for (const r of rows) console.log(`${r.figure.padEnd(width)}  ${r.value.padStart(20)}${r.note ? `  (${r.note})` : ''}`);
}

await measureParsing();
measurePeer();
measureProcess();
printTable();
