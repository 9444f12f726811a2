import { isInteger, isNegative, type Term } from '../term/index.js';

/**
 * Binding strengths, loosest first. Every printed term has a `Form`, and every
 * place a subterm is printed has a `Context`; `needsParens` decides from the
 * two whether brackets are needed, so the printers emit the minimal brackets
 * that still read back to the same term under the parser's readings:
 *
 * - `sum`: `A + B` — bracketed anywhere but at the top or as a summand;
 * - `negative`: `−X`, `−2` — a leading minus;
 * - `product`: `2X`, `AB`, `1/2` — bracketed as a factor (so `(A + B) C`, `(aᵀb) Y`);
 * - `open`: constructs whose right end is not delimited (`∂f/∂X`, `Σₖ (…)`,
 *   `f′(X)·H`) — fine as the last factor of a product, bracketed before another;
 * - `elementwise`: `A ⊙ B`, `A ⊗ B`, `A ⊘ B` — bracketed in products and as
 *   each other's operands, so the parser's choice of their precedence does not matter;
 * - `prefix`: `dX`, `(…)|ₜ₌₀` — fine as factors, bracketed as operands or bases;
 * - `postfix`: `Aᵀ`, `A⁻¹`, `H²`, `Mᵢⱼ`, `eᵢ`, `δᵢⱼ`;
 * - `atom`: symbols, `I`, numerals, calls `tr(A)`, `f(X)`, `o(H)`, `‖x‖`, brackets.
 */
export type Form = 'sum' | 'negative' | 'product' | 'open' | 'elementwise' | 'prefix' | 'postfix' | 'atom';

/**
 * Where a subterm is printed:
 * - `top`: the whole term, a function argument or any other delimited slot;
 * - `summand`, `factor` (not the last one), `last-factor` of a product;
 * - `operand` of ⊙ ⊗ ⊘;
 * - `base` of a postfix operator (ᵀ ⁻¹ powers);
 * - `numerator`: after `\partial` inside `\frac{…}{…}` (a product is fine, a sum is not);
 * - `symbol`: must be a bare symbol (entry bodies, ∂ denominators, evaluation bodies).
 */
export type Context = 'top' | 'summand' | 'factor' | 'last-factor' | 'operand' | 'base' | 'numerator' | 'symbol';

/** The form of `t` in the notation-independent reading; styles override some kinds (see `Style.formOf`). */
export function baseForm(t: Term): Form {
  switch (t.kind) {
    case 'add': return 'sum';
    case 'num': return isNegative(t.value) ? 'negative' : isInteger(t.value) ? 'atom' : 'product';
    case 'mul': return isNegative(t.coeff) ? 'negative' : 'product';
    case 'hadamard': case 'kron': case 'hdiv': return 'elementwise';
    case 'partial': case 'sum': return 'open';
    case 'frechet': return t.dir ? 'open' : 'atom';
    case 'd': case 'at': return 'prefix';
    case 'transpose': case 'inverse': case 'power': case 'hpow': case 'entry': case 'delta': case 'basis':
      return 'postfix';
    default: return 'atom';
  }
}

const STRENGTH: Readonly<Record<Form, number>> = {
  sum: 0, negative: 1, product: 2, open: 3, elementwise: 4, prefix: 5, postfix: 6, atom: 7,
};

/** The weakest form each context accepts without brackets. */
const WEAKEST: Readonly<Record<Context, Form>> = {
  top: 'sum', summand: 'negative', factor: 'prefix', 'last-factor': 'open',
  operand: 'postfix', base: 'atom', numerator: 'product', symbol: 'atom',
};

/**
 * Symbols that change meaning with a subscript (`eᵢ` is a basis vector,
 * `E_{ij}` a basis matrix, even as `(E)_{ij}`), so their entries are written
 * with ASCII brackets in every notation: `E[i,j]`.
 */
const SUBSCRIPT_SENSITIVE: ReadonlySet<string> = new Set(['e', 'E', 'δ']);

/** `e`, `E`, `δ`: symbols whose subscript makes a basis vector, a basis matrix or a delta. */
export const isSubscriptSensitive = (t: Term): boolean => t.kind === 'sym' && SUBSCRIPT_SENSITIVE.has(t.name);

/** A symbol that can stand alone before a subscript, `/∂`, or `|ₜ₌₀`. */
export const isBareSymbol = (t: Term): boolean =>
  t.kind === 'identity' || (t.kind === 'sym' && !SUBSCRIPT_SENSITIVE.has(t.name));

/** Does the subterm `t`, of form `form` in the current notation, need brackets in `context`? */
export function needsParens(t: Term, form: Form, context: Context): boolean {
  if (context === 'symbol') return !isBareSymbol(t);
  if (context === 'numerator' && form === 'open') return true;
  if (context === 'last-factor' && form === 'elementwise') return true;
  return STRENGTH[form] < STRENGTH[WEAKEST[context]];
}
