import type { Term } from '../term/index.js';
import { describeSample } from './counterexample.js';
import { sizeTrials, type NumericDecl } from './declarations.js';
import { hasDerivative } from './difference.js';
import { makeEnv } from './env.js';
import { evaluate } from './evaluate.js';
import { deriveSeed, makeRng } from './prng.js';
import { drawSample } from './sample.js';
import { isRetryable, type Result, type Value } from './value.js';

/** The terms' values on one random sample, with the sample as a person reads it (sizes, then each symbol's value). */
export type SampleEvaluation = {
  readonly sizes: readonly string[];
  readonly values: readonly string[];
  readonly results: readonly Result<Value>[];
};

const MAX_DRAWS = 25;

/**
 * Evaluates `terms` on one sample of `decls`, at the first size assignment
 * with every dimension above 1 where one exists (`sizeTrials`: n = 3 and
 * the like, so a matrix looks like one), drawn from `seed`. A hostile draw
 * (singular, not finite, outside a domain) is drawn again, at most
 * `MAX_DRAWS` times; then the last results are returned as they are.
 */
export function evaluateOnSample(terms: readonly Term[], decls: readonly NumericDecl[], seed: number): SampleEvaluation {
  const trials = sizeTrials(decls, 5);
  const sizes = trials.find((t) => [...t.values()].every((n) => n > 1)) ?? trials[0] ?? new Map<string, number>();
  const maxCondition = terms.some(hasDerivative) ? 1e2 : 1e6;
  let last: SampleEvaluation = { sizes: [], values: [], results: [] };
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const rng = makeRng(deriveSeed(seed, draw));
    const sample = drawSample(decls, sizes, rng, true);
    if (!sample.ok) {
      last = { sizes: [], values: [], results: terms.map(() => sample) };
      if (isRetryable(sample.failure)) continue;
      return last;
    }
    const env = makeEnv({ ...sample.value, maxCondition });
    const results = terms.map((t) => evaluate(t, env));
    last = { ...describeSample(decls, sample.value, env), results };
    if (!results.some((r) => !r.ok && isRetryable(r.failure))) return last;
  }
  return last;
}
