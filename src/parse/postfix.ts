import * as c from '../term/index.js';
import { ONE, type Term } from '../term/index.js';
import { isFunctionSymbol, markRange } from './context.js';
import { PARAMETER_LETTERS } from './names.js';

/**
 * A postfix operator as read, before it is applied. `end` is where it ends in
 * the source (the span of the result runs from the start of the base to there).
 * `prime` is `'`, `′` or `^\prime`: a derivative before a call of a function
 * symbol, a transpose otherwise.
 */
export type PostOp =
  | { readonly kind: 'transpose' | 'inverse-transpose' | 'prime'; readonly end: number }
  | { readonly kind: 'power' | 'hpow'; readonly exponent: Term; readonly end: number }
  | { readonly kind: 'subscript' | 'brackets'; readonly indices: readonly Term[]; readonly end: number }
  | { readonly kind: 'at'; readonly variable: Term; readonly value: Term; readonly end: number }
  | Call;

/** `(args)` after a postfix atom; `adjacent` when nothing separates it from what precedes. */
export type Call = {
  readonly kind: 'call';
  readonly args: readonly Term[];
  /** The bracket read as a factor (the one argument, or a tuple) when this is not a call. */
  readonly group: Term;
  readonly adjacent: boolean;
  readonly start: number;
  readonly end: number;
};

type Simple = Exclude<PostOp, Call>;

/** Operators that may stand between a symbol and its call: `X⁻¹(t)` is `(X(t))⁻¹`. */
const BEFORE_CALL = new Set<PostOp['kind']>(['transpose', 'inverse-transpose', 'prime', 'power']);

/**
 * Applies the postfix operators read after `base` (which starts at `start`).
 * A call of a symbol applies to the symbol itself, and the operators written
 * before it apply to the application; a bracket that is not a call is the
 * next factor of a product (`X (I + H)`, `(I + H)(I − H)`).
 */
export function applyPostfix(base: Term, start: number, ops: readonly PostOp[]): Term {
  const factors: Term[] = [];
  let unit = base;
  let unitStart = start;
  let pending: Simple[] = [];
  for (const op of ops) {
    if (op.kind !== 'call') {
      pending.push(op);
    } else if (unit === base && factors.length === 0 && isCall(base, pending, op)) {
      unit = markRange(callOf(base, pending, op), start, op.end);
      pending = pending.filter((p) => p.kind !== 'prime' || !isFrechet(base));
      unit = applyAll(unit, pending, start, op.end);
      pending = [];
    } else {
      factors.push(applyAll(unit, pending, unitStart, unitStart));
      [unit, unitStart, pending] = [op.group, op.start, []];
    }
  }
  const last = applyAll(unit, pending, unitStart, unitStart);
  if (factors.length === 0) return last;
  const end = ops.length > 0 ? ops[ops.length - 1]!.end : start;
  const product: Term = { kind: 'mul', coeff: ONE, factors: [...factors, last] };
  bracketProducts.add(product);
  return markRange(product, start, end);
}

/**
 * Products made by `applyPostfix` from a bracket that is not a call
 * (`X (I + H)`). A prefix operator that takes one postfix atom, like the
 * differential, applies to the first factor only: `dX (I + H)` is `(dX)(I + H)`.
 */
const bracketProducts = new WeakSet<Term>();

/** Was `t` made by `applyPostfix` from a bracket that is not a call? */
export const isBracketProduct = (t: Term): boolean => bracketProducts.has(t);

/** Applies a prefix operator to one postfix atom: the first factor, when the atom was split by a bracket. */
export function applyToAtom(operand: Term, operator: (atom: Term) => Term): Term {
  if (operand.kind !== 'mul' || !bracketProducts.has(operand)) return operator(operand);
  const [first, ...rest] = operand.factors;
  const product: Term = { kind: 'mul', coeff: ONE, factors: [operator(first!), ...rest] };
  bracketProducts.add(product);
  return product;
}

function applyAll(unit: Term, ops: readonly Simple[], start: number, minEnd: number): Term {
  let t = unit;
  for (const op of ops) t = markRange(applyOne(t, op), start, Math.max(op.end, minEnd));
  return t;
}

function applyOne(t: Term, op: Simple): Term {
  switch (op.kind) {
    case 'transpose': case 'prime': return c.transpose(t);
    case 'inverse-transpose': return c.transpose(c.inverse(t));
    case 'power': return c.power(t, op.exponent);
    case 'hpow': return c.hpow(t, op.exponent);
    case 'subscript': return subscripted(t, op.indices);
    case 'brackets': return c.entry(t, op.indices);
    case 'at': return c.at(t, op.variable, op.value);
  }
}

/** `eᵢ` is a basis vector, `e_{ij}` and `E_{ij}` the basis matrix `eᵢeⱼᵀ`, `δᵢⱼ` the delta; else an entry. */
function subscripted(t: Term, indices: readonly Term[]): Term {
  const name = t.kind === 'sym' ? t.name : '';
  const [i, j] = indices;
  if (name === 'e' && indices.length === 1) return c.basis(i!);
  if ((name === 'e' || name === 'E') && indices.length === 2) return c.basisMatrix(i!, j!);
  if (name === 'δ' && indices.length === 2) return c.delta(i!, j!);
  return c.entry(t, indices);
}

const symName = (t: Term): string => (t.kind === 'sym' ? t.name : '');
const isFrechet = (base: Term): boolean => isFunctionSymbol(symName(base));
const isParameter = (t: Term | undefined): boolean => t !== undefined && PARAMETER_LETTERS.has(symName(t));

/** Is `(args)` after `base` (and the operators `pending`) a call, rather than a factor? */
function isCall(base: Term, pending: readonly PostOp[], call: Call): boolean {
  if (!call.adjacent || base.kind !== 'sym' || !pending.every((p) => BEFORE_CALL.has(p.kind))) return false;
  const name = base.name;
  const n = call.args.length;
  if (isFunctionSymbol(name) || name === 'o') return true;
  if ((name === 'e' && n === 1) || ((name === 'E' || name === 'δ') && n === 2)) return true;
  if (name === 'D' && (n === 2 || n === 3)) return true;
  return n !== 1 || isParameter(call.args[0]);
}

/** The term a call stands for: an application, or one of the named forms `o(H)`, `e(i)`, `E(i,j)`, `δ(i,j)`, `D(f,X,H)`, `f′(X)`. */
function callOf(base: Term, pending: readonly PostOp[], call: Call): Term {
  const name = symName(base);
  const args = call.args;
  const [a, b, d] = args;
  if (pending.some((p) => p.kind === 'prime') && isFrechet(base)) return c.frechet(base, call.group, null);
  if (name === 'o' && args.length === 1) return c.littleO(a!);
  if (name === 'e' && args.length === 1) return c.basis(a!);
  if (name === 'E' && args.length === 2) return c.basisMatrix(a!, b!);
  if (name === 'δ' && args.length === 2) return c.delta(a!, b!);
  if (name === 'D' && (args.length === 2 || args.length === 3)) return c.frechet(a!, b!, d ?? null);
  return c.apply(base, args);
}
