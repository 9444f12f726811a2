import type { Term } from '../term/index.js';
import { firstUnmet, type NumericCondition } from './conditions.js';
import { sizeTrials, type NumericDecl, type SizeAssignment } from './declarations.js';
import { hasDerivative } from './difference.js';
import { makeEnv, type Env } from './env.js';
import { checkSample, type SampleOutcome } from './check-sample.js';
import type { Counterexample } from './counterexample.js';
import { defaultSmallSymbols, littleOSampler, littleOTerms } from './little-o.js';
import { deriveSeed, makeRng } from './prng.js';
import { drawSample } from './sample.js';
import { isRetryable } from './value.js';

/** Options of `compareSides`: the seed (required, for reproducibility) and what may be tuned. */
export type CompareOptions = {
  readonly seed: number;
  /** Size assignments to try; default `sizeTrials(decls)` (five). */
  readonly trials?: readonly SizeAssignment[];
  /** Side conditions a draw must satisfy. */
  readonly conditions?: readonly NumericCondition[];
  /** Symbols that tend to 0 in a little-o claim; default `defaultSmallSymbols`. */
  readonly small?: readonly string[];
  readonly tolerance?: number;
  readonly drawsPerTrial?: number;
};

/** `agree` (no sample told the sides apart), `disagree` (one did), `untested` (none could be evaluated). */
export type Verdict = 'agree' | 'disagree' | 'untested';

/** The verdict, with a counterexample when `disagree` and the reason when `untested`. */
export type Comparison = {
  readonly verdict: Verdict;
  readonly counterexample?: Counterexample;
  readonly reason?: string;
  /** How many trials agreed. */
  readonly agreed: number;
};

/** Condition-number limit for inverses: strict when derivatives are taken numerically (see `difference.ts`). */
export const CONDITION_LIMIT = 1e6;
export const CONDITION_LIMIT_WITH_DERIVATIVES = 1e2;
const DEFAULT_DRAWS = 30;
const SAMPLES_PER_TRIAL = 2;

/**
 * Compares the two sides of an equation on random samples: for each size
 * assignment (trial), draws values satisfying the declarations and the
 * conditions and evaluates both sides. Verdicts:
 * - `disagree`, with a counterexample, as soon as one sample shows the sides
 *   differ (confirmed with a smaller finite-difference step when derivatives
 *   are involved);
 * - `agree` when at least one trial agreed and none disagreed;
 * - `untested`, with the reason, when no trial could be evaluated (the
 *   conditions were never met, a construct has no numeric meaning, …).
 * Hostile numbers never reach a verdict: a draw whose evaluation is singular,
 * badly conditioned, outside a function's domain or not finite is discarded
 * and another drawn (at most `drawsPerTrial` per trial).
 */
export function compareSides(lhs: Term, rhs: Term, decls: readonly NumericDecl[], options: CompareOptions): Comparison {
  const trials = options.trials ?? sizeTrials(decls);
  const oTerms = [...littleOTerms(lhs), ...littleOTerms(rhs)];
  const setup: TrialSetup = {
    lhs, rhs, decls, options,
    maxCondition: hasDerivative(lhs) || hasDerivative(rhs) ? CONDITION_LIMIT_WITH_DERIVATIVES : CONDITION_LIMIT,
    small: littleOTerms(rhs).length > 0 ? options.small ?? defaultSmallSymbols(oTerms, decls) : null,
  };
  if (setup.small !== null && setup.small.length === 0) {
    return { verdict: 'untested', reason: 'nothing in the arguments of o(…) tends to 0', agreed: 0 };
  }
  let agreed = 0;
  const reasons: string[] = [];
  for (let k = 0; k < trials.length; k++) {
    const outcome = runTrial(setup, trials[k]!, k);
    if (outcome.kind === 'disagree') return { verdict: 'disagree', counterexample: outcome.counterexample, agreed };
    if (outcome.kind === 'agree') agreed++;
    else if (outcome.final) return { verdict: 'untested', reason: outcome.reason, agreed };
    else reasons.push(outcome.reason);
  }
  return agreed > 0 ? { verdict: 'agree', agreed } : { verdict: 'untested', reason: reasons[0] ?? 'no size assignment to try', agreed };
}

type TrialSetup = {
  readonly lhs: Term; readonly rhs: Term; readonly decls: readonly NumericDecl[]; readonly options: CompareOptions;
  readonly maxCondition: number;
  /** The symbols that tend to 0 when the right side has o(…); null otherwise. */
  readonly small: readonly string[] | null;
};

type TrialOutcome =
  | { kind: 'agree' }
  | { kind: 'disagree'; counterexample: Counterexample }
  | { kind: 'untestable'; reason: string; final: boolean };

/**
 * One size assignment: `SAMPLES_PER_TRIAL` samples must agree — the first
 * with distinct index values (`i ≠ j`), the second with independent ones —
 * each re-drawn while hostile, at most `drawsPerTrial` draws in all.
 */
function runTrial(setup: TrialSetup, sizes: SizeAssignment, trial: number): TrialOutcome {
  const draws = setup.options.drawsPerTrial ?? DEFAULT_DRAWS;
  let reason = 'no sample could be drawn';
  let agreed = 0;
  for (let draw = 0; draw < draws && agreed < SAMPLES_PER_TRIAL; draw++) {
    const outcome = runDraw(setup, sizes, deriveSeed(setup.options.seed, trial, draw), agreed === 0);
    if (outcome.kind === 'agree') agreed++;
    else if (outcome.kind === 'disagree') return outcome;
    else if (outcome.kind === 'retry') reason = outcome.reason;
    else return { kind: 'untestable', reason: outcome.reason, final: outcome.kind === 'unsupported' };
  }
  if (agreed > 0) return { kind: 'agree' };
  return { kind: 'untestable', reason: `no usable sample in ${draws} draws (last: ${reason})`, final: false };
}

function runDraw(setup: TrialSetup, sizes: SizeAssignment, seed: number, distinctIndices: boolean): SampleOutcome {
  const rng = makeRng(seed);
  const sample = drawSample(setup.decls, sizes, rng, distinctIndices);
  if (!sample.ok) {
    const kind = isRetryable(sample.failure) ? 'retry' : 'unsupported';
    return { kind, reason: sample.failure.message };
  }
  const env: Env = makeEnv({ ...sample.value, maxCondition: setup.maxCondition, littleO: littleOSampler(rng) });
  const unmet = firstUnmet(setup.options.conditions ?? [], env);
  if (unmet !== undefined) return { kind: 'retry', reason: `the sampler could not satisfy ${unmet.text}` };
  return checkSample({ ...setup, seed, sample: sample.value, env, tolerance: setup.options.tolerance });
}
