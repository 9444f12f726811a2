import { equalRationals } from './rational.js';
import { children } from './path.js';
import type { Term } from './term.js';

/**
 * Structural equality of terms: the only equality the checker uses (never
 * numeric). Two terms are equal when they have the same kind, the same label
 * (number, name, coefficient, norm subscript) and pairwise equal children.
 * Invariant: `equalTerms(a, b)` exactly when `termKey(a) === termKey(b)`.
 * Iterative, and it stops at the first difference, so comparing a new term
 * against a goal costs no key building.
 */
export function equalTerms(a: Term, b: Term): boolean {
  const pending: [Term, Term][] = [[a, b]];
  while (pending.length > 0) {
    const [x, y] = pending.pop()!;
    if (x === y) continue;
    if (x.kind !== y.kind || !sameLabel(x, y)) return false;
    const xs = children(x);
    const ys = children(y);
    if (xs.length !== ys.length) return false;
    for (let i = 0; i < xs.length; i++) pending.push([xs[i]!, ys[i]!]);
  }
  return true;
}

/** What distinguishes two nodes of the same kind besides their children. */
function sameLabel(x: Term, y: Term): boolean {
  switch (x.kind) {
    case 'num': return equalRationals(x.value, (y as typeof x).value);
    case 'sym': return x.name === (y as typeof x).name;
    case 'fn': case 'map': return x.name === (y as typeof x).name;
    case 'mul': return equalRationals(x.coeff, (y as typeof x).coeff);
    case 'norm': return x.sub === (y as typeof x).sub;
    case 'frechet': return (x.dir === null) === ((y as typeof x).dir === null);
    default: return true;
  }
}
