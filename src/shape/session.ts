import { contextMismatch, type Diagnostic, type Span, type SpanTable } from '../diag/index.js';
import { children, type DimExpr, type ShapeSpec, type Term } from '../term/index.js';
import { DEFAULT_DIM, defaultKind } from './defaults.js';
import { describeTerm } from './describe.js';
import { freshDim } from './dims.js';
import type { ShapeEnv } from './env.js';
import {
  dimNum, dimSym, ERROR, formatShape, functionShape, indexShape, matrix, SCALAR, type Dim, type Shape,
} from './shape.js';
import { freshShape, headShape, makeShapeStore, resolveShape, unify, type ShapeStore } from './unify.js';

/**
 * One run of shape inference (one formula, or one term): the unification
 * store, the shapes given to symbols so far, the shape of every visited node,
 * the checks waiting for more information, and where diagnostics go.
 *
 * Invariants: a symbol gets one shape per session (its declaration or
 * default, instantiated once, so every occurrence shares dimensions); an
 * abstract space (`E` in `f: E → F`) is one shape variable per session;
 * `shapes` maps nodes to unresolved shapes — resolve them with `resolveShape`.
 */
export type Session = {
  readonly store: ShapeStore;
  readonly env: ShapeEnv;
  readonly spans: SpanTable | undefined;
  readonly describe: (t: Term) => string;
  readonly symbols: Map<string, Shape>;
  readonly spaces: Map<string, Shape>;
  /** Symbols used as a subscript index somewhere: undeclared, their default is an index. */
  readonly indexNames: Set<string>;
  /** Symbols used as an exponent somewhere: undeclared, their default is a scalar (unless an index). */
  readonly exponentNames: Set<string>;
  /** Shapes of visited nodes, by object identity. */
  readonly shapes: Map<Term, Shape>;
  /**
   * Resolved shapes of terms rewriting built after inference, found in place
   * (see `Elaboration.readInPlace`); weak, as most such terms are dropped.
   */
  readonly placed: WeakMap<Term, Shape>;
  /**
   * During a speculative inference (`inferFresh`): where new nodes' shapes go,
   * and a signal that `infer` reuses shapes already known instead of inferring again.
   */
  overlay: Map<Term, Shape> | null;
  /** Checks waiting for more information; each returns true once done. Run by `runJobs`. */
  readonly jobs: Job[];
  /** Polymorphic terms' shapes still waiting for their defaults; applied by `runJobs` after every job. */
  readonly placeholders: Placeholder[];
  /** Shapes of the identities met (`I` has a size of its own, like a symbol): see `runJobs`. */
  readonly identities: Shape[];
  diagnostics: Diagnostic[];
  /**
   * For rule patterns (`pattern.ts`): a polymorphic `0` or `o(H)` never takes
   * its default shape (scalar, the shape of `H`): in a pattern it stands for a
   * zero or a remainder of any shape its context allows.
   */
  keepPolymorphic: boolean;
};

/** A deferred check: called with `final = false` while information may still come, then once with `final = true`. */
export type Job = (final: boolean) => boolean;

/** A polymorphic term's shape (`0`, `o(H)`) and its default (`scalar`, the shape of `H`); see `deferDefault`. */
export type Placeholder = { readonly shape: Shape; readonly fallback: Shape };

export function makeSession(env: ShapeEnv, spans?: SpanTable, describe?: (t: Term) => string): Session {
  return {
    store: makeShapeStore(), env, spans, describe: describe ?? describeTerm, symbols: new Map(), spaces: new Map(),
    indexNames: new Set(), exponentNames: new Set(), shapes: new Map(), placed: new WeakMap(), overlay: null,
    jobs: [], placeholders: [], identities: [], diagnostics: [], keepPolymorphic: false,
  };
}

export const report = (s: Session, d: Diagnostic): void => { s.diagnostics.push(d); };

/** The shape recorded for node `t` so far (in the overlay first), if any. */
export const knownShape = (s: Session, t: Term): Shape | undefined => s.overlay?.get(t) ?? s.shapes.get(t) ?? s.placed.get(t);

/** The printed form of a shape as it stands now (variables resolved). */
export const show = (s: Session, shape: Shape): string => formatShape(resolveShape(s.store, shape));

/** The span of `t`, or `fallback` (the nearest ancestor's) when the parser recorded none. */
export const spanOf = (s: Session, t: object, fallback: Span | null): Span | null => s.spans?.get(t) ?? fallback;

/** Makes an unbound shape variable ill-shaped, so that nothing depending on it reports again. */
export function poison(s: Session, shape: Shape): void {
  const h = headShape(s.store, shape);
  if (h.kind === 'var') {
    s.store.shapes.set(h.id, ERROR);
    s.store.shapeTrail.push(h.id);
  }
}

/** The shape of symbol `name`: declared, or the default for its name; instantiated once per session. */
export function symbolShape(s: Session, name: string): Shape {
  let shape = s.symbols.get(name);
  if (shape === undefined) {
    shape = instantiate(s, name);
    s.symbols.set(name, shape);
  }
  return shape;
}

function instantiate(s: Session, name: string): Shape {
  const declared = s.env.symbols.get(name);
  if (declared !== undefined) {
    const d = declared.shape;
    return d.kind === 'value' ? specShape(s, d.spec) : functionShape(specShape(s, d.domain), specShape(s, d.codomain));
  }
  const n = dimSym(DEFAULT_DIM);
  switch (defaultKind(name, { asIndex: s.indexNames.has(name), asExponent: s.exponentNames.has(name) })) {
    case 'index': return indexShape(freshDim(s.store.dims));
    case 'scalar': return SCALAR;
    case 'square': return matrix(n, n);
    case 'vector': return matrix(n, dimNum(1));
    case 'function': case 'unknown': return freshShape(s.store);
  }
}

/** The shape a declaration's `ShapeSpec` stands for in this session. */
export function specShape(s: Session, spec: ShapeSpec): Shape {
  switch (spec.kind) {
    case 'scalar': return SCALAR;
    case 'matrix': return matrix(dimOf(spec.rows), dimOf(spec.cols));
    case 'index': return indexShape(spec.range ? dimOf(spec.range) : freshDim(s.store.dims));
    case 'space': {
      let shape = s.spaces.get(spec.name);
      if (shape === undefined) s.spaces.set(spec.name, (shape = spec.name === 'ℝ' || spec.name === 'R' ? SCALAR : freshShape(s.store)));
      return shape;
    }
  }
}

function dimOf(d: DimExpr): Dim {
  switch (d.kind) {
    case 'dim-sym': return dimSym(d.name);
    case 'dim-num': return dimNum(d.value);
    case 'dim-mul': return { kind: 'dim-mul', factors: d.factors.map(dimOf) };
  }
}

/**
 * Records every symbol `t` uses as a subscript index (entries, δ, e, Σ) in
 * `s.indexNames`, and every symbol used as an exponent in `s.exponentNames`:
 * the defaults of undeclared symbols depend on it.
 */
export function collectSymbolUses(s: Session, t: Term): void {
  const into = (set: Set<string>) => (u: Term): void => { if (u.kind === 'sym') set.add(u.name); };
  const index = into(s.indexNames);
  if (t.kind === 'entry') t.indices.forEach(index);
  else if (t.kind === 'delta') [t.i, t.j].forEach(index);
  else if (t.kind === 'basis' || t.kind === 'sum') index(t.index);
  else if (t.kind === 'power' || t.kind === 'hpow') into(s.exponentNames)(t.exponent);
  for (const c of children(t)) collectSymbolUses(s, c);
}

/**
 * Gives a deferred node (`result`, a variable handed to its parents) the shape
 * its check found; if the parents had meanwhile fixed another shape, that is
 * an error at `term`.
 */
export function settle(s: Session, result: Shape, found: Shape, term: Term, at: Span | null): void {
  if (found.kind === 'error') return poison(s, result);
  if (!unify(s.store, result, found)) report(s, contextMismatch(at, s.describe(term), show(s, found), show(s, result)));
}
