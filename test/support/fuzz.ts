import type { ExecutionContext } from 'ava';
import fc from 'fast-check';
import { arbCliInput, arbFormulaInput, arbProofInput, arbRulesInput, type FuzzInput, type FuzzTarget } from './fuzz-inputs.js';
import { cliProblems, formulaProblems, proofProblems, rulesProblems } from './fuzz-targets.js';

/**
 * The fuzzing loop shared by `npm test` (a few thousand inputs) and `npm run
 * fuzz` (at least 100,000): inputs are drawn per target from a seed, each is
 * run through its target's functions, and every input that throws, breaks a
 * property (`fuzz-targets.ts`; among them, each call within
 * `CALL_TIME_LIMIT_MS`) or takes longer than `FUZZ_TIME_LIMIT_MS` in all is a
 * failure, kept with the input. The time bounds are hang guards, not speed
 * assertions: no input should come near them, even on a machine busy with
 * other work (an input makes three to five calls; the slowest known input,
 * a formula of 3,500 juxtaposed letters, takes some 5 s in all). The inputs
 * are deterministic for a seed.
 */
export const FUZZ_TIME_LIMIT_MS = 60_000;

export type FuzzCounts = Readonly<Record<FuzzTarget, number>>;
export type FuzzFailure = { readonly input: FuzzInput; readonly problems: readonly string[]; readonly ms: number };
export type FuzzRun = {
  readonly count: number;
  readonly failures: readonly FuzzFailure[];
  readonly ms: Record<FuzzTarget, number>;
  readonly slowest: { readonly ms: number; readonly input: FuzzInput | null };
};

const ARBITRARIES: Readonly<Record<FuzzTarget, fc.Arbitrary<FuzzInput>>> = {
  formula: arbFormulaInput, rules: arbRulesInput, proof: arbProofInput, cli: arbCliInput,
};
const TARGETS: Readonly<Record<FuzzTarget, (input: FuzzInput) => string[]>> = {
  formula: formulaProblems, rules: rulesProblems, proof: proofProblems, cli: cliProblems,
};

/** Inputs are drawn in chunks of this many (each chunk from its own seed), so a long run keeps little in memory. */
const CHUNK = 250;

/** The `k`-th chunk of inputs for `target` under `seed`: the same on every run. */
export function fuzzChunk(target: FuzzTarget, seed: number, k: number, size: number = CHUNK): FuzzInput[] {
  return fc.sample(ARBITRARIES[target], { seed: (seed * 1_000_003 + k * 7919 + target.length * 104_729) | 0, numRuns: size });
}

/** Runs one input; `check` defaults to its target's property, `limit` to `FUZZ_TIME_LIMIT_MS`. */
export function runInput(input: FuzzInput, check: (input: FuzzInput) => string[] = TARGETS[input.target], limit: number = FUZZ_TIME_LIMIT_MS): FuzzFailure | { ms: number } {
  const start = performance.now();
  let problems: string[];
  try {
    problems = check(input);
  } catch (error) {
    problems = [`threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
  }
  const ms = performance.now() - start;
  if (ms > limit) problems = [...problems, `took ${Math.round(ms)} ms (the hang guard is ${limit} ms)`];
  return problems.length > 0 ? { input, problems, ms } : { ms };
}

/** Runs `counts[target]` inputs of each target. `onInput` sees each input before it runs (a watchdog can name a hanging one). */
export function fuzz(seed: number, counts: FuzzCounts, onInput?: (input: FuzzInput, done: number) => void): FuzzRun {
  const failures: FuzzFailure[] = [];
  const ms: Record<FuzzTarget, number> = { formula: 0, rules: 0, proof: 0, cli: 0 };
  let slowest: FuzzRun['slowest'] = { ms: 0, input: null };
  let count = 0;
  for (const target of Object.keys(counts) as FuzzTarget[]) {
    for (let k = 0; k * CHUNK < counts[target]; k++) {
      for (const input of fuzzChunk(target, seed, k, Math.min(CHUNK, counts[target] - k * CHUNK))) {
        onInput?.(input, count);
        const outcome = runInput(input);
        count++;
        ms[target] += outcome.ms;
        if (outcome.ms > slowest.ms) slowest = { ms: outcome.ms, input };
        if ('problems' in outcome) failures.push(outcome);
      }
    }
  }
  return { count, failures, ms, slowest };
}

/** A failure as a report block: the target, how the input was made, the problems, and the input (shortened). */
export function describeFailure(f: FuzzFailure, maxInput = 1500): string {
  const text = f.input.text.length > maxInput ? `${f.input.text.slice(0, maxInput)}… (${f.input.text.length} characters)` : f.input.text;
  return `[${f.input.target}] ${f.input.origin} (${Math.round(f.ms)} ms)\n${f.problems.map((p) => `  - ${p}`).join('\n')}\n  input: ${JSON.stringify(text)}`;
}

/** The CI share's assertion: `count` inputs ran and none failed (each failure described in full); logs the slowest input. */
export function assertFuzzClean(t: ExecutionContext, run: FuzzRun, count: number): void {
  t.log(`${run.count} inputs; slowest ${Math.round(run.slowest.ms)} ms (${run.slowest.input?.origin ?? ''})`);
  t.is(run.count, count);
  t.deepEqual(run.failures.map((f) => describeFailure(f)), []);
}
