import type { Term } from '../term/index.js';

/**
 * What a construct is called, for messages about what a search could not
 * handle (`no rule differentiates ‖X‖₂, a norm`). The caller prints the term.
 */
export function constructName(t: Term): string {
  switch (t.kind) {
    case 'fn': return t.name === 'tr' ? 'a trace' : t.name === 'det' ? 'a determinant' : `the function ${t.name}`;
    case 'map': return `the element-wise function ${t.name}`;
    case 'apply': return 'an undefined function';
    case 'norm': return t.sub === null ? 'a norm' : `a ${t.sub === 'F' ? 'Frobenius' : t.sub} norm`;
    case 'power': return 'a power';
    case 'hpow': return 'an element-wise power';
    case 'hdiv': return 'an element-wise division';
    case 'hadamard': return 'a Hadamard product';
    case 'kron': return 'a Kronecker product';
    case 'mul': return 'a product';
    case 'add': return 'a sum';
    case 'transpose': return 'a transpose';
    case 'inverse': return 'an inverse';
    case 'entry': return 'an entry';
    case 'sum': return 'an explicit sum';
    case 'partial': case 'd': case 'frechet': case 'at': return 'a derivative';
    case 'o': return 'a little-o term';
    default: return `a ${t.kind}`;
  }
}
