import { children, withChildren } from './path.js';
import { isStructuralScalar, type ScalarTest } from './scalar.js';
import type { Term, TermKind } from './term.js';

const REBUILT_ALWAYS: ReadonlySet<TermKind> = new Set(['add', 'mul']);

/**
 * Rebuilds `t` bottom-up through the smart constructors, so the result is in
 * canonical form with respect to `isScalar` (usually the test from shape
 * inference, which knows which symbols are scalars). Idempotent:
 * `canonicalize(canonicalize(t)) ≡ canonicalize(t)`.
 *
 * A node whose children come back unchanged is kept as it is, except sums
 * and products, which are always rebuilt: their order and scalar gathering
 * depend on `isScalar`, and the parser builds them raw (in source order).
 * Every other node is assumed to come from the smart constructors, which
 * depend on nothing but their children.
 *
 * `onRebuild(before, after)` is called for every node, so a caller can carry
 * side tables (such as source spans) over to the new nodes.
 */
export function canonicalize(
  t: Term,
  isScalar: ScalarTest = isStructuralScalar,
  onRebuild?: (before: Term, after: Term) => void,
): Term {
  const kids = children(t);
  const canonicalKids = kids.map((k) => canonicalize(k, isScalar, onRebuild));
  const rebuilt = canonicalKids.every((k, i) => k === kids[i]) && !REBUILT_ALWAYS.has(t.kind) ? t : withChildren(t, canonicalKids, isScalar);
  onRebuild?.(t, rebuilt);
  return rebuilt;
}
