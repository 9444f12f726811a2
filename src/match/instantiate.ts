import { children, isStructuralScalar, withChildren, type ScalarTest, type Term } from '../term/index.js';
import type { Subst } from './subst.js';

/**
 * The pattern with every metavariable in `subst` replaced by its value, rebuilt
 * bottom-up through the smart constructors, so the result is canonical under
 * `isScalar`: `A⁻¹ A` with `A = X Y` becomes `(XY)⁻¹ X Y`, and `−A` with
 * `A = 2X` becomes `−2X`. Symbols not in `subst` are constants and stay.
 * Invariant: subterms without bound metavariables are returned as the same objects
 * (rule constants are assumed canonical already).
 */
export function instantiate(pattern: Term, subst: Subst, isScalar: ScalarTest = isStructuralScalar): Term {
  if (pattern.kind === 'sym') return subst.get(pattern.name) ?? pattern;
  const kids = children(pattern);
  if (kids.length === 0) return pattern;
  const rebuilt = kids.map((k) => instantiate(k, subst, isScalar));
  return rebuilt.every((k, i) => k === kids[i]) ? pattern : withChildren(pattern, rebuilt, isScalar);
}
