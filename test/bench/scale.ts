import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLibrary } from '../../src/rules/index.js';
import { repoRoot } from '../support/repo.js';
import { generateLibrary } from './generated-proofs.js';

/**
 * `leibniz check` at scale, through the CLI as users run it (one process per
 * run): a generated library of 500 proof files and at least 20,000 steps,
 * checked with one job and with one per core, then with a cold verdict cache
 * and again after touching one file (the warm re-check; target: under 10 %
 * of the cold time). Part of `npm run bench`; `node dist/test/bench/scale.js`
 * runs it alone.
 */
export type Row = { figure: string; value: string; note?: string };

const FILES = 500;
const THEOREMS_PER_FILE = 22;
const STEPS_PER_THEOREM = 8;

const root = repoRoot();
const bin = join(root, 'dist', 'src', 'cli', 'main.js');

/** Runs `leibniz check` on `dir`; wall time in ms and the summary line. */
function check(dir: string, ...flags: string[]): { ms: number; summary: string; status: number | null } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [bin, 'check', dir, ...flags], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  return { ms, summary: r.stdout.trim().split('\n').at(-1) ?? '', status: r.status };
}

/** Writes the generated library into a fresh folder; its path and the number of steps. */
function writeLibrary(): { dir: string; steps: number } {
  const core = loadLibrary('rules/core', (p) => ({ text: readFileSync(join(root, p), 'utf8') })).rules;
  const { texts, steps } = generateLibrary(core, FILES, THEOREMS_PER_FILE, STEPS_PER_THEOREM, 11);
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-scale-bench-'));
  texts.forEach((text, i) => {
    const sub = join(dir, `part-${Math.floor(i / 100)}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `gen-${String(i).padStart(3, '0')}.proof`), text);
  });
  return { dir, steps };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export function measureScale(): Row[] {
  const { dir, steps } = writeLibrary();
  const cache = join(dir, '.cache');
  const cores = availableParallelism();
  try {
    const one = check(dir, '--no-cache', '--jobs', '1');
    const all = check(dir, '--no-cache', '--jobs', String(cores));
    const cold = check(dir, '--cache-dir', cache, '--jobs', String(cores));
    appendFileSync(join(dir, 'part-2', 'gen-250.proof'), '\n-- touched\n');
    const warm = check(dir, '--cache-dir', cache, '--jobs', String(cores));
    const same = new Set([one.summary, all.summary, cold.summary, warm.summary]).size === 1 ? '' : ' (summaries differ!)';
    return [
      { figure: `check ${FILES} generated files (${steps} steps), CLI, --jobs 1`, value: seconds(one.ms), note: `${Math.round(steps / (one.ms / 1000))} steps/s; ${one.summary}${same}` },
      { figure: `  same, --jobs ${cores} (one per core)`, value: seconds(all.ms), note: `${(one.ms / all.ms).toFixed(2)}× --jobs 1` },
      { figure: `  same, --jobs ${cores}, cold cache`, value: seconds(cold.ms) },
      { figure: '  same, warm cache after touching one file', value: seconds(warm.ms), note: `${((100 * warm.ms) / cold.ms).toFixed(1)} % of cold (target < 10 %)` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = measureScale();
  const width = Math.max(...rows.map((r) => r.figure.length));
  for (const r of rows) console.log(`${r.figure.padEnd(width)}  ${r.value.padStart(10)}${r.note ? `  (${r.note})` : ''}`);
}
