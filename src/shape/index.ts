import type { Diagnostic, SpanTable } from '../diag/index.js';
import type { Term } from '../term/index.js';
import { sortDiagnostics } from './elaborate.js';
import type { ShapeEnv } from './env.js';
import { infer } from './infer.js';
import { runJobs } from './jobs.js';
import { collectSymbolUses, makeSession } from './session.js';
import type { Shape } from './shape.js';
import { resolveShape } from './unify.js';

/**
 * Shape inference for Leibniz terms: symbolic dimensions, conformability,
 * declarations and their defaults, and the facts side conditions query
 * (`hasProperty`, `dependsOn`). See DESIGN.md, "Shapes".
 */
export type { Dim, Shape } from './shape.js';
export { formatDim, formatShape, isScalarShape } from './shape.js';
export type { DeclaredShape, DeclaredSymbol, ShapeEnv } from './env.js';
export { dependsOn, emptyEnv, hasProperty, lookupSymbol, makeEnv } from './env.js';
export { defaultKind, type DefaultKind, type SymbolUse } from './defaults.js';
export { describeTerm } from './describe.js';
export { elaborate, type ElaborateOptions, type Elaboration } from './elaborate.js';

export type InferOptions = {
  readonly spans?: SpanTable;
  readonly describe?: (t: Term) => string;
};

/**
 * The shape of a single term (a rule side, a rewritten term) under `env`, with
 * every shape error in it. Each call is independent: symbols get fresh
 * instances of their declared or default shapes.
 */
export function inferShape(t: Term, env: ShapeEnv, options: InferOptions = {}): { shape: Shape; diagnostics: Diagnostic[] } {
  const s = makeSession(env, options.spans, options.describe);
  collectSymbolUses(s, t);
  const shape = infer(s, t, null);
  runJobs(s);
  return { shape: resolveShape(s.store, shape), diagnostics: sortDiagnostics(s.diagnostics) };
}
export { makePatternShaper, type MetaKind, type PatternOptions, type PatternShaper, type PatternSnapshot } from './pattern.js';
