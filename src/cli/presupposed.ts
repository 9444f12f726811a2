import { printDeclaration } from '../print/index.js';
import type { Facts } from '../rules/index.js';
import * as c from '../term/index.js';
import { children, type Declaration, type Signature, type Term } from '../term/index.js';

/** Properties under which a declared matrix is already known to be invertible. */
const INVERTIBLE = ['invertible', 'orthogonal', 'positive-definite'];

/**
 * What a formula presupposes of its symbols: writing `X⁻¹` (or `X⁻ᵏ`) says
 * that X is invertible. For each declared square-matrix symbol the formula
 * inverts whose declaration does not say so, a declaration of the same shape
 * with `invertible` added, and its text (for the proof `derive` writes, so the
 * presupposition is stated there). Anything else (an inverted product, a
 * symbol of another shape) is left for the rules' side conditions to refuse.
 */
export function presupposedInvertible(term: Term, declarations: readonly (Declaration | Signature)[], facts: Facts): { declarations: Declaration[]; lines: string[] } {
  const found: Declaration[] = [];
  for (const name of invertedSymbols(term)) {
    const declared = declarations.find((d): d is Declaration => d.kind === 'decl' && d.targets.some((t) => t.name === name && t.params.length === 0));
    if (declared === undefined || declared.properties.some((p) => INVERTIBLE.includes(p))) continue;
    const x = c.sym(name);
    if (!facts.isSquare(x) || facts.isScalar(x)) continue;
    found.push({ kind: 'decl', targets: [{ name, params: [] }], shape: declared.shape, properties: [...declared.properties, 'invertible'] });
  }
  return { declarations: found, lines: found.map((d) => printDeclaration(d)) };
}

/** Names of the symbols that appear inverted: `X⁻¹`, or `Xᵏ` with a negative numeral k. */
function invertedSymbols(t: Term): Set<string> {
  const names = new Set<string>();
  const stack = [t];
  while (stack.length > 0) {
    const u = stack.pop()!;
    if (u.kind === 'inverse' && u.arg.kind === 'sym') names.add(u.arg.name);
    if (u.kind === 'power' && u.base.kind === 'sym' && u.exponent.kind === 'num' && u.exponent.value.n < 0n) names.add(u.base.name);
    stack.push(...children(u));
  }
  return names;
}
