/**
 * Numeric spot checks (advisory only: a numeric agreement never counts as
 * evidence in `check`). Evaluate terms on random concrete values, draw
 * samples that satisfy declarations and side conditions, and compare the two
 * sides of an equation, with a readable counterexample when they differ.
 */
export type { Eye, Failure, FailureKind, Result, Value } from './value.js';
export { eye, formatValue, isRetryable, round3 } from './value.js';
export type { Binding, Env, EnvInit, LittleOMode } from './env.js';
export { makeEnv, withIndex, withLeaf } from './env.js';
export { evaluate } from './evaluate.js';
export type { NumericDecl, NumericProperty, Size, SizeAssignment } from './declarations.js';
export { dimensionNames, dimName, NUMERIC_PROPERTIES, sizeOfShape, sizeTrials } from './declarations.js';
export { deriveSeed, makeRng, type Rng } from './prng.js';
export { drawSample, type Sample } from './sample.js';
export type { NumericCondition } from './conditions.js';
export { compareSides, type CompareOptions, type Comparison, type Verdict } from './compare.js';
export { hasDerivative } from './difference.js';
export { compareValues, DEFAULT_TOLERANCE } from './compare-values.js';
export { formatCounterexample, type Counterexample, type Difference } from './counterexample.js';
export { littleOTerms } from './little-o.js';
export { freeIndices as freeIndexNames } from './index-names.js';
export { evaluateOnSample, type SampleEvaluation } from './evaluate-sample.js';
