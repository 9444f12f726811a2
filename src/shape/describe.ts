import { formatRational, isNegative, isOne, negateRational, type Term } from '../term/index.js';

/**
 * A short Unicode rendering of a term for shape messages (`a`, `X⁻¹`,
 * `aᵀX⁻¹b`, `A + B`). It is only a fallback: callers with the real printer
 * pass it as `describe` in the options. Not meant to be re-read by the parser.
 */
export function describeTerm(t: Term): string {
  switch (t.kind) {
    case 'num': return formatRational(t.value);
    case 'sym': return t.name;
    case 'identity': return 'I';
    case 'add': return t.terms.map((s, i) => summand(s, i === 0)).join('');
    case 'mul': return product(t);
    case 'transpose': return t.arg.kind === 'inverse' ? `${atom(t.arg.arg)}⁻ᵀ` : `${atom(t.arg)}ᵀ`;
    case 'inverse': return `${atom(t.arg)}⁻¹`;
    case 'power': return `${atom(t.base)}^${atom(t.exponent)}`;
    case 'fn': return `${t.name}(${t.args.map(describeTerm).join(', ')})`;
    case 'map': return `${t.name}.(${describeTerm(t.arg)})`;
    case 'hadamard': return t.factors.map(atom).join(' ⊙ ');
    case 'kron': return t.factors.map(atom).join(' ⊗ ');
    case 'hdiv': return `${atom(t.num)} ⊘ ${atom(t.den)}`;
    case 'hpow': return `${atom(t.base)}.^${atom(t.exponent)}`;
    case 'partial': return `∂${atom(t.body)}/∂${atom(t.wrt)}`;
    case 'd': return `d${atom(t.arg)}`;
    case 'frechet': return `${atom(t.fn)}′(${describeTerm(t.at)})${t.dir ? `·${atom(t.dir)}` : ''}`;
    case 'at': return `${atom(t.body)}|${describeTerm(t.variable)}=${describeTerm(t.value)}`;
    case 'entry': return `${atom(t.body)}_${indices(t.indices)}`;
    case 'delta': return `δ_${indices([t.i, t.j])}`;
    case 'basis': return `e_${indices([t.index])}`;
    case 'sum': return `Σ_${indices([t.index])} ${atom(t.body)}`;
    case 'o': return `o(${describeTerm(t.arg)})`;
    case 'apply': return `${atom(t.fn)}(${t.args.map(describeTerm).join(', ')})`;
    case 'norm': return `‖${describeTerm(t.arg)}‖${t.sub ? `_${t.sub}` : ''}`;
    case 'tuple': return `(${t.items.map(describeTerm).join(', ')})`;
  }
}

const isAtomic = (t: Term): boolean =>
  ['sym', 'identity', 'fn', 'map', 'entry', 'delta', 'basis', 'o', 'apply', 'norm', 'tuple', 'transpose', 'inverse', 'power'].includes(t.kind) ||
  (t.kind === 'num' && !isNegative(t.value) && t.value.d === 1n);

/** The term, parenthesised unless it is atomic. */
const atom = (t: Term): string => (isAtomic(t) ? describeTerm(t) : `(${describeTerm(t)})`);

const indices = (ts: readonly Term[]): string => {
  const parts = ts.map(describeTerm);
  return parts.every((p) => [...p].length === 1) ? parts.join('') : `{${parts.join(',')}}`;
};

function product(t: Extract<Term, { kind: 'mul' }>): string {
  const factors = t.factors.map((f) => (f.kind === 'mul' || f.kind === 'add' || f.kind === 'num' ? `(${describeTerm(f)})` : atom(f)));
  const body = factors.join('');
  if (isOne(t.coeff)) return body;
  if (t.coeff.n === -1n && t.coeff.d === 1n) return `−${body}`;
  return `${isNegative(t.coeff) ? `−${formatRational(negateRational(t.coeff))}` : formatRational(t.coeff)}${body}`;
}

function summand(s: Term, first: boolean): string {
  if (first) return describeTerm(s);
  const positive = negated(s);
  return positive ? ` − ${describeTerm(positive)}` : ` + ${describeTerm(s)}`;
}

/** `s` without its minus sign, when it has one. */
function negated(s: Term): Term | undefined {
  if (s.kind === 'mul' && isNegative(s.coeff)) return { ...s, coeff: negateRational(s.coeff) };
  if (s.kind === 'num' && isNegative(s.value)) return { kind: 'num', value: negateRational(s.value) };
  return undefined;
}
