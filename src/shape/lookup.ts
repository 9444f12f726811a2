import type { Term } from '../term/index.js';
import { composedShape, isResolved } from './compose.js';
import { rollback } from './dims.js';
import { infer } from './infer.js';
import { runJobs } from './jobs.js';
import type { Session } from './session.js';
import type { Shape } from './shape.js';
import { resolveShape, unify } from './unify.js';

/**
 * Shapes after a formula's inference: of its own nodes, and of terms built
 * later from its symbols (rewritten terms, scalar units of canonical
 * products), inferred on demand without changing what was found.
 */
export type ShapeLookup = {
  /** The resolved shape of `t`; memoised. A transpose or product of resolved parts is composed from them (`composedShape`), not inferred. */
  readonly shapeOf: (t: Term) => Shape | undefined;
  /** Whether the shape of this very object is known already (it costs no inference). */
  readonly shapeKnown: (t: Term) => boolean;
  /**
   * Shapes the nodes of `t` whose shapes are not known, as parts of a term
   * written where a term of shape `within` stood (a rewrite keeps shapes),
   * and remembers them; returns those nodes.
   * Precondition: those nodes are `t`'s own (shared with no other term).
   */
  readonly shapeInPlace: (t: Term, within: Shape | undefined) => ReadonlySet<Term>;
  /** Gives `after`, rebuilt from `before` by canonicalisation, the shape known for `before`. */
  readonly carry: (before: Term, after: Term) => void;
};

export function shapeLookup(s: Session): ShapeLookup {
  const memo = new WeakMap<Term, Shape>();
  const placed = s.placed;
  const shapeKnown = (t: Term): boolean => placed.has(t) || memo.has(t) || s.shapes.has(t);
  const shapeOf = (t: Term): Shape | undefined => {
    let shape = placed.get(t) ?? memo.get(t);
    if (shape === undefined) {
      const raw = s.shapes.get(t);
      shape = raw === undefined ? (summandShape(t) ?? composedShape(t, shapeOf) ?? inferFresh(s, t)) : resolveShape(s.store, raw);
      memo.set(t, shape);
    }
    return shape;
  };
  /** A sum built after inference has the shape of its summands (sums add like shapes): the first definite one, if any (`o(H)`'s is only a default). */
  const summandShape = (t: Term): Shape | undefined => {
    if (t.kind !== 'add') return undefined;
    for (const summand of t.terms) {
      if (summand.kind === 'o') continue;
      const shape = shapeOf(summand);
      if (shape !== undefined && isResolved(shape)) return shape;
    }
    return undefined;
  };
  const shapeInPlace = (t: Term, within: Shape | undefined): ReadonlySet<Term> => {
    if (shapeKnown(t)) return new Set();
    const found = inferAside(s, t, within, true);
    for (const [node, shape] of found) placed.set(node, shape);
    return new Set(found.keys());
  };
  const carry = (before: Term, after: Term): void => {
    const shape = placed.get(before);
    if (shape !== undefined && !placed.has(after)) placed.set(after, shape);
    const raw = s.shapes.get(before);
    if (raw !== undefined && !s.shapes.has(after)) s.shapes.set(after, raw);
  };
  return { shapeOf, shapeKnown, shapeInPlace, carry };
}

/**
 * The shape of a term built after inference (a scalar unit made by the
 * canonical product, a rewritten term): inferred with the session's symbols,
 * reusing shapes of known subterms, quietly, and then undone, so it never
 * changes the shapes already found.
 */
export function inferFresh(s: Session, t: Term): Shape {
  return inferAside(s, t, undefined, false).get(t)!;
}

/**
 * Infers `t` aside — with the session's symbols, reusing the shapes of known
 * subterms, its root of shape `within` when given, quietly — and undoes it.
 * Returns the resolved shape of the root, and with `all` of every node it
 * inferred.
 */
function inferAside(s: Session, t: Term, within: Shape | undefined, all: boolean): Map<Term, Shape> {
  const saved = { diagnostics: s.diagnostics, overlay: s.overlay, jobs: s.jobs.length, placeholders: s.placeholders.length, identities: s.identities.length };
  const marks = { dims: s.store.dims.trail.length, shapes: s.store.shapeTrail.length };
  const overlay = new Map<Term, Shape>();
  s.diagnostics = [];
  s.overlay = overlay;
  const shape = infer(s, t, null);
  if (within !== undefined) unify(s.store, shape, within);
  runJobs(s);
  const found = new Map<Term, Shape>([[t, resolveShape(s.store, shape)]]);
  if (all) for (const [node, raw] of overlay) if (!found.has(node)) found.set(node, resolveShape(s.store, raw));
  rollback(s.store.dims, marks.dims);
  while (s.store.shapeTrail.length > marks.shapes) s.store.shapes.delete(s.store.shapeTrail.pop()!);
  s.diagnostics = saved.diagnostics;
  s.overlay = saved.overlay;
  s.jobs.length = saved.jobs;
  s.placeholders.length = saved.placeholders;
  s.identities.length = saved.identities;
  return found;
}
