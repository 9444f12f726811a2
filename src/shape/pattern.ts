import type { Diagnostic, SpanTable } from '../diag/index.js';
import { isStructuralScalar, type ScalarTest, type Term } from '../term/index.js';
import { freshDim, resolveDim } from './dims.js';
import { emptyEnv, type ShapeEnv } from './env.js';
import { sortDiagnostics } from './elaborate.js';
import { inferFresh } from './lookup.js';
import { infer, square } from './infer.js';
import { runJobs } from './jobs.js';
import { collectSymbolUses, makeSession, type Session } from './session.js';
import { dimNum, formatShape, indexShape, isScalarShape, matrix, SCALAR, type Dim, type Shape } from './shape.js';
import { freshShape, headShape, resolveShape, unify } from './unify.js';

/**
 * Shapes of rule patterns. A metavariable's shape is given by its sort, with
 * fresh dimension variables (not named dimensions), so inference finds the
 * most general shapes a pattern allows: `A⁻¹ A` with `A : matrix` makes `A`
 * square. The kinds mirror the metavariable sorts of `src/match/sort.ts`.
 */
export type MetaKind = 'scalar' | 'vector' | 'matrix' | 'square' | 'index' | 'any';

/** One inference over rule sides, in steps; see `checkPatternSides` for the intended use. */
export type PatternShaper = {
  /** Infers `t` (deferred checks run at `settle`) and returns its shape. */
  readonly infer: (t: Term) => Shape;
  /** Runs deferred checks, forcing defaults; call once everything of a step is inferred. */
  readonly settle: () => void;
  /** Makes two shapes equal, or returns false leaving the store as it was. */
  readonly same: (a: Shape, b: Shape) => boolean;
  /** Constrains metavariable `name` to be square (as `invertible(A)` implies) or scalar. */
  readonly require: (name: string, what: 'square' | 'scalar') => void;
  /** Constrains the shape of term `t` (inferred now) to be square or scalar. */
  readonly requireTerm: (t: Term, what: 'square' | 'scalar') => void;
  /** The current shapes of the metavariables, to compare with `restricted` later. */
  readonly snapshot: () => PatternSnapshot;
  /** The metavariables whose shapes were made more special since `snap` was taken. */
  readonly restricted: (snap: PatternSnapshot) => string[];
  readonly show: (s: Shape) => string;
  /** Scalar test for canonicalising the sides (by their inferred shapes). */
  readonly isScalar: ScalarTest;
  readonly diagnostics: () => Diagnostic[];
};

export type PatternSnapshot = ReadonlyMap<string, Shape>;

export type PatternOptions = { readonly env?: ShapeEnv; readonly spans?: SpanTable; readonly describe?: (t: Term) => string };

/** Starts a pattern inference where each name in `metas` has the shape of its kind. */
export function makePatternShaper(metas: ReadonlyMap<string, MetaKind>, options: PatternOptions = {}): PatternShaper {
  const s = makeSession(options.env ?? emptyEnv, options.spans, options.describe);
  s.keepPolymorphic = true;
  for (const [name, kind] of metas) s.symbols.set(name, metaShape(s, kind));
  const seen = new Set<Term>();
  return {
    infer: (t) => { seen.add(t); collectSymbolUses(s, t); return infer(s, t, null); },
    settle: () => runJobs(s),
    same: (a, b) => unify(s.store, a, b),
    require: (name, what) => {
      const shape = s.symbols.get(name);
      if (shape === undefined) return;
      if (what === 'scalar') unify(s.store, shape, SCALAR);
      else square(s, 'square', { kind: 'sym', name }, shape, null);
    },
    requireTerm: (t, what) => {
      const shape = infer(s, t, null);
      if (what === 'scalar') unify(s.store, shape, SCALAR);
      else square(s, 'square', t, shape, null);
    },
    snapshot: () => new Map([...metas.keys()].map((n) => [n, resolveShape(s.store, s.symbols.get(n)!)])),
    restricted: (snap) => restrictedNames(s, snap),
    show: (shape) => formatShape(resolveShape(s.store, shape)),
    isScalar: (t) => {
      if (t.kind === 'num') return true;
      const shape = s.shapes.get(t) ?? inferFresh(s, t);
      return shape.kind === 'error' ? isStructuralScalar(t) : isScalarShape(resolveShape(s.store, shape));
    },
    diagnostics: () => sortDiagnostics(s.diagnostics),
  };
}

function metaShape(s: Session, kind: MetaKind): Shape {
  const d = (): Dim => freshDim(s.store.dims);
  switch (kind) {
    case 'scalar': return SCALAR;
    case 'vector': return matrix(d(), dimNum(1));
    case 'matrix': return matrix(d(), d());
    case 'square': { const n = d(); return matrix(n, n); }
    case 'index': return indexShape(d());
    case 'any': return freshShape(s.store);
  }
}

/**
 * The metavariables of `snap` whose shapes are no longer the snapshot's up to
 * renaming: one of their free dimension or shape variables got bound to
 * something that is not a variable, or to the same variable as another free
 * variable of the snapshot.
 */
function restrictedNames(s: Session, snap: PatternSnapshot): string[] {
  const owner = new Map<string, string>();
  const bad = new Set<string>();
  for (const [name, shape] of snap) {
    for (const v of freeVariables(shape)) {
      const key = currentKey(s, v);
      const own = `${v.kind}${v.id}`;
      if (key === null || (owner.has(key) && owner.get(key) !== own)) bad.add(name);
      else owner.set(key, own);
    }
  }
  for (const [name, shape] of snap) {
    if (freeVariables(shape).some((v) => { const k = currentKey(s, v); return k !== null && owner.get(k) !== `${v.kind}${v.id}`; })) bad.add(name);
  }
  return [...snap.keys()].filter((n) => bad.has(n));
}

/** What a snapshot variable resolves to now, as a key, or null when it is no longer a free variable. */
function currentKey(s: Session, v: FreeVar): string | null {
  if (v.kind === 'dim') {
    const d = resolveDim(s.store.dims, { kind: 'dim-var', id: v.id });
    return d.kind === 'dim-var' ? `d${d.id}` : null;
  }
  const h = headShape(s.store, { kind: 'var', id: v.id });
  return h.kind === 'var' ? `s${h.id}` : null;
}

type FreeVar = { kind: 'dim' | 'shape'; id: number };

function freeVariables(shape: Shape): FreeVar[] {
  const dims = (d: Dim): FreeVar[] =>
    d.kind === 'dim-var' ? [{ kind: 'dim', id: d.id }] : d.kind === 'dim-mul' ? d.factors.flatMap(dims) : [];
  switch (shape.kind) {
    case 'matrix': return [...dims(shape.rows), ...dims(shape.cols)];
    case 'index': return dims(shape.range);
    case 'var': return [{ kind: 'shape', id: shape.id }];
    case 'function': return [...freeVariables(shape.domain), ...freeVariables(shape.codomain)];
    case 'tuple': return shape.items.flatMap(freeVariables);
    default: return [];
  }
}
