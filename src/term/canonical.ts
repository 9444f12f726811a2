import { children, withChildren } from './path.js';
import { isStructuralScalar, type ScalarTest } from './scalar.js';
import type { Term } from './term.js';

/**
 * Rebuilds `t` bottom-up through the smart constructors, so the result is in
 * canonical form with respect to `isScalar` (usually the test from shape
 * inference, which knows which symbols are scalars). Idempotent:
 * `canonicalize(canonicalize(t)) ≡ canonicalize(t)`.
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
  const rebuilt = kids.length === 0 ? t : withChildren(t, kids.map((k) => canonicalize(k, isScalar, onRebuild)), isScalar);
  onRebuild?.(t, rebuilt);
  return rebuilt;
}
