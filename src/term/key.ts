import { formatRational } from './rational.js';
import { assertNever, type Term } from './term.js';

const keys = new WeakMap<Term, string>();

/**
 * A canonical printed key: two terms have the same key exactly when they are
 * structurally equal. Memoised per term object, so keys of shared subterms are
 * computed once. Use it for `Map`/`Set` and for sorting; to compare two terms
 * once, `equalTerms` (equal.ts) is cheaper.
 */
export function termKey(t: Term): string {
  let key = keys.get(t);
  if (key === undefined) {
    key = computeKey(t);
    keys.set(t, key);
  }
  return key;
}

const list = (ts: readonly Term[]): string => ts.map(termKey).join(' ');

function computeKey(t: Term): string {
  switch (t.kind) {
    case 'num': return `#${formatRational(t.value)}`;
    case 'sym': return t.name;
    case 'identity': return '(I)';
    case 'add': return `(+ ${list(t.terms)})`;
    case 'mul': return `(* #${formatRational(t.coeff)} ${list(t.factors)})`;
    case 'transpose': return `(T ${termKey(t.arg)})`;
    case 'inverse': return `(inv ${termKey(t.arg)})`;
    case 'power': return `(^ ${termKey(t.base)} ${termKey(t.exponent)})`;
    case 'fn': return `(${t.name} ${list(t.args)})`;
    case 'map': return `(.${t.name} ${termKey(t.arg)})`;
    case 'hadamard': return `(⊙ ${list(t.factors)})`;
    case 'kron': return `(⊗ ${list(t.factors)})`;
    case 'hdiv': return `(./ ${termKey(t.num)} ${termKey(t.den)})`;
    case 'hpow': return `(.^ ${termKey(t.base)} ${termKey(t.exponent)})`;
    case 'partial': return `(∂ ${termKey(t.body)} ${termKey(t.wrt)})`;
    case 'd': return `(d ${termKey(t.arg)})`;
    case 'frechet': return `(D ${termKey(t.fn)} ${termKey(t.at)}${t.dir ? ' ' + termKey(t.dir) : ''})`;
    case 'at': return `(at ${termKey(t.body)} ${termKey(t.variable)} ${termKey(t.value)})`;
    case 'entry': return `(_ ${termKey(t.body)} ${list(t.indices)})`;
    case 'delta': return `(δ ${termKey(t.i)} ${termKey(t.j)})`;
    case 'basis': return `(e ${termKey(t.index)})`;
    case 'sum': return `(Σ ${termKey(t.index)} ${termKey(t.body)})`;
    case 'o': return `(o ${termKey(t.arg)})`;
    case 'apply': return `(@ ${termKey(t.fn)}${t.args.length ? ' ' + list(t.args) : ''})`;
    case 'norm': return `(‖ ${termKey(t.arg)}${t.sub ? ' ' + t.sub : ''})`;
    case 'tuple': return `(, ${list(t.items)})`;
    default: return assertNever(t);
  }
}
