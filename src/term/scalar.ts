import type { Term } from './term.js';

/**
 * Tells whether a term is scalar-valued. The canonical form of a product
 * depends on it (scalar factors are gathered in front), and only shape
 * inference knows it for symbols, so constructors take it as a parameter.
 */
export type ScalarTest = (t: Term) => boolean;

/**
 * What is scalar by construction alone, whatever the declarations say:
 * numbers, traces, determinants, Kronecker deltas, entries, norms, and
 * arithmetic of those. A bare symbol is never structurally scalar.
 */
export const isStructuralScalar: ScalarTest = (t) => {
  switch (t.kind) {
    case 'num': case 'delta': case 'entry': case 'norm': return true;
    case 'fn': return t.name === 'tr' || t.name === 'det' || t.args.every(isStructuralScalar);
    case 'transpose': case 'inverse': return isStructuralScalar(t.arg);
    case 'power': return isStructuralScalar(t.base);
    case 'add': return t.terms.every(isStructuralScalar);
    case 'mul': return t.factors.every(isStructuralScalar);
    default: return false;
  }
};
