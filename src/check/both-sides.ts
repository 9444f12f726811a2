import type { BothSidesOp } from '../proof/index.js';
import * as c from '../term/index.js';
import { equalTerms, type ScalarTest, type Term } from '../term/index.js';

/** The two sides of an equation, as the checker carries them through `⟹` steps. */
export type Sides = { readonly lhs: Term; readonly rhs: Term };

/**
 * The operation `both-sides OP` applies to each side of an equation. `add` and
 * `subtract` then cancel a summand against its exact opposite (`x + y − y` is
 * `x`): that is what subtracting a term from both sides means, and nothing
 * else is simplified. `canonicalOp` maps the operation's own term (already
 * canonical) in.
 */
export function applyBothSides(op: BothSidesOp, side: Term, isScalar: ScalarTest, canonicalOp: (t: Term) => Term): Term {
  switch (op.kind) {
    case 'partial': return c.partial(side, c.sym(op.variable));
    case 'differential': return c.differential(side);
    case 'trace': return c.fn('tr', [side]);
    case 'transpose': return c.transpose(side);
    case 'left-multiply': return c.mul([canonicalOp(op.term), side], isScalar);
    case 'right-multiply': return c.mul([side, canonicalOp(op.term)], isScalar);
    case 'add': return cancelOpposites(c.add([side, canonicalOp(op.term)]), isScalar);
    case 'subtract': return cancelOpposites(c.add([side, c.neg(canonicalOp(op.term), isScalar)]), isScalar);
    case 'evaluate': return c.at(side, c.sym(op.variable), canonicalOp(op.value));
  }
}

/** Removes pairs of summands `x`, `−x` from a sum. */
export function cancelOpposites(t: Term, isScalar: ScalarTest): Term {
  if (t.kind !== 'add') return t;
  const left = [...t.terms];
  for (let i = 0; i < left.length; i++) {
    const opposite = c.neg(left[i]!, isScalar);
    const j = left.findIndex((s, k) => k > i && equalTerms(s, opposite));
    if (j === -1) continue;
    left.splice(j, 1);
    left.splice(i, 1);
    i--;
  }
  return c.add(left);
}

/** `both-sides ∂/∂t`, `both-sides subtract X`: the operation as the proof wrote it, for messages. */
export function describeOp(op: BothSidesOp): string {
  switch (op.kind) {
    case 'partial': return `∂/∂${op.variable}`;
    case 'differential': return 'd';
    case 'trace': return 'tr';
    case 'transpose': return 'transpose';
    case 'evaluate': return `evaluate ${op.variable}=…`;
    default: return op.kind;
  }
}
