import type { Node } from 'ohm-js';
import type { LeibnizActionDict } from '../../grammar/leibniz.ohm-bundle.js';
import * as c from '../term/index.js';
import type { Term } from '../term/index.js';
import { context, mark, markRange, run } from './context.js';
import { applyToAtom, type PostOp } from './postfix.js';
import { buildProduct, negate, type FactorItem, type Joiner } from './product.js';

/** `term` actions for sums, element-wise operators, products and the prefix forms (Σ, ∂, d). */

export const term = (node: Node): Term => run<Term>(node, 'term');

const JOINERS: Readonly<Record<string, Joiner>> = {
  '*': 'times', '×': 'times', '\\times': 'times', '·': 'dot', '⋅': 'dot', '\\cdot': 'dot', '/': 'divide',
};

function joinerOf(op: Node | undefined): Joiner {
  return op === undefined ? null : JOINERS[op.sourceString.trim()] ?? 'times';
}

const isMinus = (sign: Node): boolean => sign.sourceString !== '+';

function elementwise(op: string, left: Term, right: Term): Term {
  if (['⊗', '\\otimes'].includes(op)) return c.kron([left, right]);
  if (['⊘', '\\oslash', './'].includes(op)) return c.hdiv(left, right);
  return c.hadamard([left, right]);
}

export const exprActions: LeibnizActionDict<Term> = {
  TermInput(sum, _trailer, _end) {
    return term(sum);
  },
  Sum(sign, first, ops, rest) {
    const summands: Term[] = [];
    const signs = [sign.children[0], ...ops.children];
    [first, ...rest.children].forEach((node, i) => {
      const s = signs[i];
      const t = term(node);
      const start = s ? s.source.startIdx : node.source.startIdx;
      summands.push(s && isMinus(s) ? negate(t, start, node.source.endIdx) : t);
    });
    return summands.length === 1 ? summands[0]! : mark(this, { kind: 'add', terms: summands });
  },
  Elementwise(first, ops, rest) {
    let t = term(first);
    rest.children.forEach((node, i) => {
      t = markRange(elementwise(ops.children[i]!.sourceString.trim(), t, term(node)), first.source.startIdx, node.source.endIdx);
    });
    return t;
  },
  Product(first, ops, rest) {
    const items: FactorItem[] = [first, ...rest.children].map((node, i) => ({
      term: term(node),
      joiner: i === 0 ? null : joinerOf(ops.children[i - 1]!.children[0]),
      start: node.source.startIdx,
      end: node.source.endIdx,
    }));
    return buildProduct(items);
  },
  SumOver(_sigma, subscript, body) {
    const op = run<PostOp>(subscript, 'postOp');
    const indices = op.kind === 'subscript' ? op.indices : [];
    let t = term(body);
    for (const index of [...indices].reverse()) t = mark(this, c.sum(index, t));
    return t;
  },
  PartialSlash(_d1, body, _slash, _d2, wrt) {
    return mark(this, c.partial(term(body), term(wrt)));
  },
  PartialOperator_latex(_frac, _lb, _d1, _rb, _lb2, _d2, wrt, _rb2, operand) {
    return mark(this, c.partial(term(operand), term(wrt)));
  },
  PartialOperator_unicode(_d1, _slash, _d2, wrt, operand) {
    return mark(this, c.partial(term(operand), term(wrt)));
  },
  Differential(_d, operand) {
    const start = this.source.startIdx;
    const atomEnd = (atom: Term): number => context().spans.get(atom)?.end ?? this.source.endIdx;
    return mark(this, applyToAtom(term(operand), (atom) => markRange(c.differential(atom), start, atomEnd(atom))));
  },
};
