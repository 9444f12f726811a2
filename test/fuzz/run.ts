import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { FuzzInput, FuzzTarget } from '../support/fuzz-inputs.js';
import { cleanUpFuzz } from '../support/fuzz-targets.js';
import { describeFailure, fuzz, type FuzzCounts, type FuzzFailure } from '../support/fuzz.js';

/**
 * `npm run fuzz [-- --count N --seed S --jobs J]`: at least 100,000 fuzz
 * inputs (default), spread over worker threads (one per core), each thread
 * drawing its own inputs from `seed + thread`. Prints progress on stderr
 * when it is a terminal, then the count, the rate, the slowest input and
 * every failure (with how the input was made); failing inputs are also
 * written out whole, to replay. A thread silent for `HANG_MS` (past the
 * harness's own bound on an input) is stopped and the input it was running
 * reported as a hang. Exit 1 on any failure.
 */
const HANG_MS = 120_000;

/** The share of each target in a run: cheap readers often, whole CLI runs (~0.1 s each) rarely. */
const MIX: Readonly<Record<FuzzTarget, number>> = { formula: 0.4, rules: 0.2, proof: 0.37, cli: 0.03 };

type Message =
  | { kind: 'start'; input: { target: FuzzTarget; origin: string; head: string } }
  | { kind: 'done'; count: number; failures: FuzzFailure[]; ms: Record<FuzzTarget, number>; slowest: Slowest };

/** The slowest input of a thread: how long it took, and how it was made. */
type Slowest = { ms: number; origin: string };

function countsFor(total: number): FuzzCounts {
  const targets = Object.keys(MIX) as FuzzTarget[];
  const counts = Object.fromEntries(targets.map((t) => [t, Math.ceil(total * MIX[t])])) as Record<FuzzTarget, number>;
  return counts;
}

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} takes a whole number`);
  return value;
}

function runWorker(): void {
  const { seed, total } = workerData as { seed: number; total: number };
  const post = (m: Message): void => parentPort!.postMessage(m);
  const run = fuzz(seed, countsFor(total), (input: FuzzInput) => post({ kind: 'start', input: { target: input.target, origin: input.origin, head: input.text.slice(0, 300) } }));
  cleanUpFuzz();
  const slowest = { ms: run.slowest.ms, origin: run.slowest.input === null ? '' : `[${run.slowest.input.target}] ${run.slowest.input.origin}` };
  post({ kind: 'done', count: run.count, failures: [...run.failures], ms: run.ms, slowest });
}

async function runMain(): Promise<void> {
  const total = argument('count', 100_000);
  const seed = argument('seed', 1);
  const jobs = Math.max(1, argument('jobs', availableParallelism()));
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: jobs }, (_, w) => watch(new Worker(new URL(import.meta.url), {
    workerData: { seed: seed + w, total: Math.ceil(total / jobs) },
  }), w)));
  const seconds = (performance.now() - started) / 1000;
  const count = results.reduce((n, r) => n + r.count, 0);
  const failures = results.flatMap((r) => r.failures);
  if (process.stderr.isTTY === true) process.stderr.write('\r\u001b[K');
  console.log(`fuzz: ${count.toLocaleString('en')} inputs in ${seconds.toFixed(0)} s (${Math.round(count / seconds)} inputs/s, ${jobs} threads, seed ${seed})`);
  const ms = (t: FuzzTarget): string => `${t} ${Math.round(results.reduce((n, r) => n + r.ms[t], 0) / 1000)} s`;
  console.log(`  time by target: ${(Object.keys(MIX) as FuzzTarget[]).map(ms).join(', ')}`);
  const slowest = results.reduce((a, r) => (r.slowest.ms > a.ms ? r.slowest : a), { ms: 0, origin: '' });
  console.log(`  slowest input: ${(slowest.ms / 1000).toFixed(1)} s, ${slowest.origin}`);
  console.log(`  ${failures.length} failures`);
  if (failures.length === 0) return;
  const folder = mkdtempSync(join(tmpdir(), 'leibniz-fuzz-failures-'));
  failures.forEach((f, i) => writeFileSync(join(folder, `${i}-${f.input.target}.txt`), f.input.text));
  for (const f of failures) console.log(`\n${describeFailure(f)}`);
  console.log(`\nfailing inputs written to ${folder}`);
  process.exitCode = 1;
}

let started = 0;

/** Collects one thread's result, showing progress; a thread silent for `HANG_MS` is a hang, reported with its input. */
function watch(worker: Worker, w: number): Promise<{ count: number; failures: FuzzFailure[]; ms: Record<FuzzTarget, number>; slowest: Slowest }> {
  return new Promise((resolve, reject) => {
    let last = { at: performance.now(), input: null as Extract<Message, { kind: 'start' }>['input'] | null };
    const timer = setInterval(() => {
      if (performance.now() - last.at < HANG_MS) return;
      clearInterval(timer);
      void worker.terminate();
      const input = last.input;
      resolve({ count: 0, failures: input === null ? [] : [{ input: { target: input.target, origin: input.origin, text: input.head }, problems: [`thread ${w} hung on this input for over ${HANG_MS / 1000} s`], ms: HANG_MS }], ms: { formula: 0, rules: 0, proof: 0, cli: 0 }, slowest: { ms: 0, origin: '' } });
    }, 1000);
    worker.on('message', (m: Message) => {
      if (m.kind === 'done') {
        clearInterval(timer);
        resolve(m);
        return;
      }
      last = { at: performance.now(), input: m.input };
      if (++started % 500 === 0 && process.stderr.isTTY === true) process.stderr.write(`\rfuzz: ${started.toLocaleString('en')} inputs started`);
    });
    worker.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
  });
}

if (isMainThread) await runMain();
else runWorker();
