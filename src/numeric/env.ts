import type { Term } from '../term/index.js';
import type { ConditionLog } from './linalg.js';
import type { Result, Value } from './value.js';

/**
 * What a symbol stands for on one sample.
 *
 * - `value`: a leaf — a number or matrix drawn at random. Leaves are what
 *   derivatives perturb: `∂/∂X` moves the leaf `X`, `d(…)` moves every leaf
 *   along its direction.
 * - `dependent`: a value computed from the current values of the leaves
 *   named in `on` (a curve `X(t)`, a scalar `F` depending on `X`). Applied to
 *   arguments (`X(s)`), the arguments replace those leaves in order.
 * - `function`: a function symbol (`f` in `f(X)`, `f′(X)·H`).
 */
export type Binding =
  | { readonly kind: 'value'; readonly value: Value }
  | { readonly kind: 'dependent'; readonly on: readonly string[]; readonly compute: (args: readonly Value[]) => Result<Value> }
  | { readonly kind: 'function'; readonly apply: (args: readonly Value[]) => Result<Value> };

/**
 * How `o(g)` is read. `zero`: as 0 (the existential side of a little-o claim,
 * whose remainder is checked separately); `sample`: as a given function of
 * the occurrence and of the value of `g` (the universally quantified side);
 * `none`: not at all (a failure).
 */
export type LittleOMode =
  | { readonly kind: 'none' }
  | { readonly kind: 'zero' }
  | { readonly kind: 'sample'; readonly valueOf: (occurrence: Term, g: Value) => Result<Value> };

/**
 * The environment of one evaluation. Invariants: `indices` hold 0-based
 * values below the index's range; `ranges` give the range of every index
 * symbol that has one (needed for basis vectors and implicit sums);
 * `directions` have the size of their leaf; `budget` is shared by all the
 * environments derived from one (a derivative's perturbed copies count
 * against the same budget).
 */
export type Env = {
  readonly bindings: ReadonlyMap<string, Binding>;
  readonly indices: ReadonlyMap<string, number>;
  readonly ranges: ReadonlyMap<string, number>;
  /** The direction of each leaf for `d(…)`; leaves without one are held fixed. */
  readonly directions: ReadonlyMap<string, Value>;
  readonly littleO: LittleOMode;
  /** Inverses of matrices with a larger 1-norm condition number fail as `singular`. */
  readonly maxCondition: number;
  /** Multiplies every finite-difference step (1 normally; a smaller factor re-checks a result). */
  readonly stepScale: number;
  /** Evaluation steps left; shared and decremented. */
  readonly budget: { left: number };
  /** The worst condition number met by any inverse; shared. */
  readonly conditions: ConditionLog;
};

/** What `makeEnv` takes: any fields of `Env`, and the budget as a number of evaluation steps. */
export type EnvInit = Partial<Omit<Env, 'budget' | 'conditions'>> & { readonly budget?: number };

/** Default budget: enough for gradients of nested terms on 4×4 samples, small enough never to hang. */
export const DEFAULT_BUDGET = 2_000_000;

/** An environment with defaults: nothing bound, o(…) unreadable, condition numbers up to 10⁸, step factor 1. */
export function makeEnv(init: EnvInit = {}): Env {
  return {
    bindings: init.bindings ?? new Map(),
    indices: init.indices ?? new Map(),
    ranges: init.ranges ?? new Map(),
    directions: init.directions ?? new Map(),
    littleO: init.littleO ?? { kind: 'none' },
    maxCondition: init.maxCondition ?? 1e8,
    stepScale: init.stepScale ?? 1,
    budget: { left: init.budget ?? DEFAULT_BUDGET },
    conditions: { worst: 1 },
  };
}

/** `env` with `name` bound to the leaf value `value` (shadowing what it was). */
export function withLeaf(env: Env, name: string, value: Value): Env {
  const bindings = new Map(env.bindings);
  bindings.set(name, { kind: 'value', value });
  return { ...env, bindings };
}

/** `env` with several leaves replaced at once. */
export function withLeaves(env: Env, leaves: ReadonlyMap<string, Value>): Env {
  if (leaves.size === 0) return env;
  const bindings = new Map(env.bindings);
  for (const [name, value] of leaves) bindings.set(name, { kind: 'value', value });
  return { ...env, bindings };
}

/** `env` with index `name` set to `value` (0-based). */
export function withIndex(env: Env, name: string, value: number): Env {
  const indices = new Map(env.indices);
  indices.set(name, value);
  return { ...env, indices };
}

/** `env` with index `name` free again (a summation dummy shadowing an outer index). */
export function withoutIndex(env: Env, name: string): Env {
  if (!env.indices.has(name)) return env;
  const indices = new Map(env.indices);
  indices.delete(name);
  return { ...env, indices };
}
