import type { Node } from 'ohm-js';
import type { LeibnizActionDict } from '../../grammar/leibniz.ohm-bundle.js';
import * as c from '../term/index.js';
import { ONE, parseDecimal, type Term } from '../term/index.js';
import { listItems, mark, run } from './context.js';
import { term } from './actions-expr.js';
import { isBracketProduct } from './postfix.js';
import { quotient } from './product.js';

/** `term` actions for atoms: brackets, norms, fractions, named functions, ASCII commands, numbers, symbols. */

const name = (node: Node): string => run<string>(node, 'name');
const terms = (list: Node): Term[] => listItems(list).map(term);

/** `I` is the identity; every other name is a symbol. */
export const symbolTerm = (n: string): Term => (n === 'I' ? c.identity() : c.sym(n));

/** `\\phi` is `ϕ`, `\\varphi` is `φ` (as everywhere in the language); letters stand for themselves. */
const FRECHET_LETTERS: Readonly<Record<string, string>> = { phi: 'ϕ', varphi: 'φ', psi: 'ψ' };

/** A bracketed term is one atom: `d((A) B)` differentiates the whole bracket. */
function sealed(node: Node, t: Term): Term {
  return isBracketProduct(t) ? mark(node, { ...t }) : t;
}

export const atomActions: LeibnizActionDict<Term> = {
  Group(_lp, list, _rp) {
    const items = terms(list);
    return items.length === 1 ? sealed(this, items[0]!) : mark(this, c.tuple(items));
  },
  Brackets(_lb, sum, _rb) {
    return sealed(this, term(sum));
  },
  Norm(_bar, arg, _bar2, sub) {
    const kind = sub.children[0];
    return mark(this, c.norm(term(arg), kind ? kind.sourceString.replace(/[_{}\s]/g, '') : null));
  },
  Fraction_partial(_frac, _lb, _d, body, _rb, _lb2, _d2, wrt, _rb2) {
    return mark(this, c.partial(term(body), term(wrt)));
  },
  Fraction_quotient(_frac, _lb, top, _rb, _lb2, bottom, _rb2) {
    const a = term(top);
    const b = term(bottom);
    return mark(this, quotient(a, b) ?? { kind: 'mul', coeff: ONE, factors: [a, mark(bottom, c.inverse(b))] });
  },
  MapCall_dot(fn, _dot, _lp, arg, _rp) {
    return mark(this, c.mapFn(name(fn), term(arg)));
  },
  MapCall_circ(fn, _us, _lb, _circ, _rb, _lp, arg, _rp) {
    return mark(this, c.mapFn(name(fn), term(arg)));
  },
  FunctionCall_call(fn, _lp, args, _rp) {
    return mark(this, c.fn(name(fn), terms(args)));
  },
  FunctionCall_prefix(fn, operand) {
    return mark(this, c.fn(name(fn), [term(operand)]));
  },
  FunctionCall_sqrt(_cmd, _lb, arg, _rb) {
    return mark(this, c.fn('sqrt', [term(arg)]));
  },
  FrechetD(_d, letter, _lp, at, _rp, direction) {
    const f = mark(letter, c.sym(FRECHET_LETTERS[letter.sourceString.replace('\\', '')] ?? letter.sourceString));
    const dir = direction.children[0];
    return mark(this, c.frechet(f, term(at), dir ? term(dir.children[1]!) : null));
  },
  AsciiCommand_inv(_w, _lp, arg, _rp) {
    return mark(this, c.inverse(term(arg)));
  },
  AsciiCommand_transpose(_w, _lp, arg, _rp) {
    return mark(this, c.transpose(term(arg)));
  },
  AsciiCommand_kron(_w, _lp, args, _rp) {
    return mark(this, c.kron(terms(args)));
  },
  AsciiCommand_diff(_w, _lp, body, _comma, wrt, _rp) {
    return mark(this, c.partial(term(body), term(wrt)));
  },
  AsciiCommand_sum(_w, _lp, index, _comma, body, _rp) {
    return mark(this, c.sum(term(index), term(body)));
  },
  AsciiCommand_at(_w, _lp, body, _comma, variable, _eq, value, _rp) {
    return mark(this, c.at(term(body), term(variable), term(value)));
  },
  AsciiCommand_norm(_w, _lp, arg, _comma, kind, _rp) {
    const k = kind.children[0];
    const sub = k === undefined ? null : /fro|F/.test(k.sourceString) ? 'F' : k.sourceString;
    return mark(this, c.norm(term(arg), sub));
  },
  LeftDotAt(_left, body, _right, _us, _lb, variable, _eq, value, _rb) {
    return mark(this, c.at(term(body), term(variable), term(value)));
  },
  Wrapped(_cmd, _lb, inner, _rb) {
    return term(inner);
  },
  number(_digits, _dot, _fraction) {
    return mark(this, c.num(parseDecimal(this.sourceString)));
  },
  symbolName(_letter) {
    return mark(this, symbolTerm(name(this)));
  },
};
