import type { Term } from '../term/index.js';
import { compareValues } from './compare-values.js';
import { describeSample, differenceOf, type Counterexample } from './counterexample.js';
import type { NumericDecl } from './declarations.js';
import type { Env } from './env.js';
import { evaluate } from './evaluate.js';
import { SCALES, shrink } from './little-o.js';
import type { Sample } from './sample.js';
import { subValues } from './arith.js';
import { hasDerivative } from './difference.js';
import { isRetryable, maxAbs, type Failure, type Value } from './value.js';

/**
 * Both sides of an equation on one sample. `retry`: the sample was hostile
 * (singular, outside a domain, not finite, or numerically unstable) and
 * another should be drawn; `skip`: this size assignment does not fit (a
 * shape failure); `unsupported`: no sample can help.
 */
export type SampleOutcome =
  | { readonly kind: 'agree' }
  | { readonly kind: 'disagree'; readonly counterexample: Counterexample }
  | { readonly kind: 'retry' | 'skip' | 'unsupported'; readonly reason: string };

/** One sample of an equation: the sides, their declarations, the drawn sample and its environment. */
export type SampleCheck = {
  readonly lhs: Term; readonly rhs: Term; readonly decls: readonly NumericDecl[];
  readonly seed: number; readonly sample: Sample; readonly env: Env;
  readonly tolerance: number | undefined;
  /** Symbols that tend to 0 when the right side has o(…); null otherwise. */
  readonly small: readonly string[] | null;
};

/** Finite-difference step factor of the confirming evaluation, and how much the difference may move between the two. */
const CONFIRM_STEP = 0.25;
const STABLE_CHANGE = 0.1;

/** Compares both sides on the sample: as an equation, or, when the right side has o(…), as a little-o claim. */
export function checkSample(c: SampleCheck): SampleOutcome {
  return c.small === null ? checkEquality(c) : checkLittleO(c, c.small);
}

function failed(f: Failure): SampleOutcome {
  if (isRetryable(f)) return { kind: 'retry', reason: f.message };
  return { kind: f.kind === 'unsupported' || f.kind === 'unbound' ? 'unsupported' : 'skip', reason: `cannot evaluate: ${f.message}` };
}

function bothSides(c: SampleCheck, env: Env): { left: Value; right: Value } | SampleOutcome {
  const left = evaluate(c.lhs, env);
  if (!left.ok) return failed(left.failure);
  const right = evaluate(c.rhs, env);
  if (!right.ok) return failed(right.failure);
  return { left: left.value, right: right.value };
}

function checkEquality(c: SampleCheck): SampleOutcome {
  const sides = bothSides(c, c.env);
  if ('kind' in sides) return sides;
  const diff = compareValues(sides.left, sides.right, c.tolerance);
  if (diff === undefined) return { kind: 'skip', reason: 'the two sides have different sizes on this sample' };
  if (diff.equal) return { kind: 'agree' };
  if (!isStable(c, sides)) return { kind: 'retry', reason: 'finite differences were unstable on this sample' };
  const shown = describeSample(c.decls, c.sample, c.env);
  const difference = differenceOf(sides.left, sides.right, diff.maxDiff, diff.leftMax, diff.rightMax);
  return { kind: 'disagree', counterexample: { seed: c.seed, ...shown, difference } };
}

/**
 * A real difference does not depend on the finite-difference step: evaluated
 * again with a step `CONFIRM_STEP` times smaller, the sides must still differ,
 * and by nearly the same amount (within `STABLE_CHANGE` of it). A difference
 * that moves with the step is truncation error near a singularity.
 */
function isStable(c: SampleCheck, first: { left: Value; right: Value }): boolean {
  if (!hasDerivative(c.lhs) && !hasDerivative(c.rhs)) return true;
  const again = bothSides(c, { ...c.env, stepScale: c.env.stepScale * CONFIRM_STEP });
  if ('kind' in again || compareValues(again.left, again.right, c.tolerance)?.equal !== false) return false;
  const [d1, d2] = [subValues(first.left, first.right), subValues(again.left, again.right)];
  if (!d1.ok || !d2.ok) return false;
  const drift = subValues(d1.value, d2.value);
  return drift.ok && maxAbs(drift.value) <= STABLE_CHANGE * maxAbs(d1.value);
}

function checkLittleO(c: SampleCheck, small: readonly string[]): SampleOutcome {
  const r = shrink(c.lhs, c.rhs, c.env, small, c.env.littleO);
  if (!r.ok) return failed(r.failure);
  if (r.value.holds) return { kind: 'agree' };
  const shown = describeSample(c.decls, c.sample, c.env);
  return {
    kind: 'disagree',
    counterexample: { seed: c.seed, ...shown, littleO: { small, scales: SCALES, ratios: r.value.ratios } },
  };
}
