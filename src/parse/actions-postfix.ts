import type { Node } from 'ohm-js';
import type { LeibnizActionDict } from '../../grammar/leibniz.ohm-bundle.js';
import * as c from '../term/index.js';
import { rational, type Term } from '../term/index.js';
import { context, listItems, mark, run } from './context.js';
import { term } from './actions-expr.js';
import { symbolTerm } from './actions-atoms.js';
import { plainScript } from './names.js';
import { applyPostfix, type PostOp } from './postfix.js';

/** The `postOp` operation (what a postfix operator does) and the `term` action of a postfix chain. */

const end = (node: Node): number => node.source.endIdx;
const power = (node: Node, exponent: Term): PostOp => ({ kind: 'power', exponent, end: end(node) });
const simple = (node: Node, kind: 'transpose' | 'inverse-transpose' | 'prime'): PostOp => ({ kind, end: end(node) });
const subscript = (node: Node, indices: readonly Term[]): PostOp => ({ kind: 'subscript', indices, end: end(node) });
/** An integer numeral, read exactly (no float rounding). */
const integer = (digits: string, isNegative = false): Term =>
  c.num(rational(BigInt(digits) * (isNegative ? -1n : 1n)));
const negativeNumeral = (node: Node, digits: string): Term => mark(node, integer(digits, true));

export const postfixTermActions: LeibnizActionDict<Term> = {
  Postfix(primary, ops) {
    const base = term(primary);
    return applyPostfix(base, this.source.startIdx, ops.children.map((op) => run<PostOp>(op, 'postOp')));
  },
};

export const postOpActions: LeibnizActionDict<PostOp> = {
  Superscript_transposeBraced(_caret, _lb, _mark, _rb) { return simple(this, 'transpose'); },
  Superscript_invTransposeBare(_caret, _minus, _mark) { return simple(this, 'inverse-transpose'); },
  Superscript_invTransposeBraced(_caret, _lb, _minus, _mark, _rb) { return simple(this, 'inverse-transpose'); },
  Superscript_primeBraced(_caret, _lb, _prime, _rb) { return simple(this, 'prime'); },
  Superscript_prime(_caret, _prime) { return simple(this, 'prime'); },
  Superscript_hadamardPower(_caret, _lb, _circ, exponent, _rb) {
    return { kind: 'hpow', exponent: term(exponent), end: end(this) };
  },
  Superscript_braced(_caret, _lb, exponent, _rb) { return power(this, term(exponent)); },
  Superscript_paren(_caret, _lp, exponent, _rp) { return power(this, term(exponent)); },
  Superscript_negative(_caret, _minus, digits) { return power(this, negativeNumeral(this, digits.sourceString)); },
  Superscript_transpose(_caret, _mark) { return simple(this, 'transpose'); },
  Superscript_atom(_caret, atom) { return power(this, scriptAtom(atom)); },
  Subscript_braced(_us, _lb, list, _rb) { return subscript(this, splitIndices(listItems(list).map(term))); },
  Subscript_atom(_us, atom) { return subscript(this, [scriptAtom(atom)]); },
  Prime(_tick) { return simple(this, 'prime'); },
  CallArgs(_lp, list, _rp) {
    const args = listItems(list).map(term);
    const group = args.length === 1 ? args[0]! : mark(this, c.tuple(args));
    return { kind: 'call', args, group, adjacent: isAdjacent(this.source.startIdx), start: this.source.startIdx, end: end(this) };
  },
  EntryBrackets(_lb, list, _rb) {
    return { kind: 'brackets', indices: listItems(list).map(term), end: end(this) };
  },
  AtSuffix_braced(_bar, _us, _lb, variable, _eq, value, _rb) {
    return { kind: 'at', variable: term(variable), value: term(value), end: end(this) };
  },
  AtSuffix_unicode(_bar, variable, _eq, value) {
    const v = mark(variable, c.sym(plainScript(variable.sourceString)));
    return { kind: 'at', variable: v, value: mark(value, scriptNumber(value.sourceString)), end: end(this) };
  },
  ElementPower_paren(_op, _lp, exponent, _rp) { return { kind: 'hpow', exponent: term(exponent), end: end(this) }; },
  ElementPower_number(_op, minus, digits) {
    const n = integer(digits.sourceString, minus.numChildren > 0);
    return { kind: 'hpow', exponent: mark(this, n), end: end(this) };
  },
  ElementPower_symbol(_op, symbol) { return { kind: 'hpow', exponent: term(symbol), end: end(this) }; },
  unicodeSuperscript_invTranspose(_minus, _t) { return simple(this, 'inverse-transpose'); },
  unicodeSuperscript_transpose(_t) { return simple(this, 'transpose'); },
  unicodeSuperscript_number(_minus, _digits) { return power(this, mark(this, scriptNumber(this.sourceString))); },
  unicodeSuperscript_letter(_letter) { return power(this, mark(this, c.sym(plainScript(this.sourceString)))); },
  unicodeSubscript(chars) {
    return subscript(this, chars.children.map((ch) => mark(ch, scriptIndex(plainScript(ch.sourceString)))));
  },
};

/** The index list `_{ij}`: without commas, a juxtaposition of letters and numerals is one index per factor. */
export function splitIndices(items: readonly Term[]): Term[] {
  const only = items[0];
  const isRun = items.length === 1 && only?.kind === 'mul' && only.coeff.n === 1n && only.coeff.d === 1n
    && only.factors.every((f) => f.kind === 'sym' || f.kind === 'num');
  return isRun ? [...only.factors] : [...items];
}

/** A one-character super- or subscript: a digit or a symbol. */
function scriptAtom(atom: Node): Term {
  const text = atom.sourceString;
  return /^[0-9]$/.test(text) ? mark(atom, c.num(Number(text))) : term(atom);
}

function scriptNumber(glyphs: string): Term {
  const text = plainScript(glyphs);
  return text.startsWith('-') ? integer(text.slice(1), true) : integer(text);
}
const scriptIndex = (ch: string): Term => (/^[0-9]$/.test(ch) ? c.num(Number(ch)) : symbolTerm(ch));

/** Is the text just before `offset` part of the same token run (no space, only `\left`)? */
function isAdjacent(offset: number): boolean {
  const text = context().source.text;
  const at = text.slice(Math.max(0, offset - 5), offset) === '\\left' ? offset - 5 : offset;
  const previous = text[at - 1];
  return previous !== undefined && !/\s/.test(previous);
}
