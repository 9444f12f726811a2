import { Matrix } from 'ml-matrix';

/**
 * A small deterministic pseudo-random generator (mulberry32): the same seed
 * gives the same sequence on every platform, so `--seed N` reproduces a run
 * and a counterexample. Not for cryptography.
 */
export type Rng = {
  /** Uniform in [0, 1). */
  readonly next: () => number;
};

/** A generator seeded with `seed` (any 32-bit integer). */
export function makeRng(seed: number): Rng {
  let state = (seed >>> 0) ^ 0x9e3779b9;
  return {
    next: () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 15), z | 1);
      z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
      return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** A seed derived from a seed and labels (a rule id, a trial number), so streams do not overlap. */
export function deriveSeed(seed: number, ...labels: readonly (string | number)[]): number {
  let h = (seed >>> 0) ^ 0x811c9dc5;
  for (const label of labels) {
    for (const ch of String(label)) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
    h = Math.imul(h ^ 0xff, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Uniform in [a, b). */
export const uniform = (rng: Rng, a: number, b: number): number => a + (b - a) * rng.next();

/** An integer in [0, n). */
export const integerBelow = (rng: Rng, n: number): number => Math.min(n - 1, Math.floor(rng.next() * n));

/** A sign, ±1. */
export const sign = (rng: Rng): number => (rng.next() < 0.5 ? -1 : 1);

/** A rows×cols matrix with entries uniform in [a, b). */
export function uniformMatrix(rng: Rng, rows: number, cols: number, a = -1, b = 1): Matrix {
  const m = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m.set(i, j, uniform(rng, a, b));
  return m;
}
