import type { Node } from 'ohm-js';
import type { LeibnizActionDict } from '../../grammar/leibniz.ohm-bundle.js';
import type { Declaration, Formula, Relation, Statement, Term } from '../term/index.js';
import { mark, run } from './context.js';
import { term } from './actions-expr.js';

/** The `statement` operation (formulas, implications, chains) and `relation`. */

const statement = (node: Node): Statement => run<Statement>(node, 'statement');

export const statementActions: LeibnizActionDict<Statement | Formula | Declaration[]> = {
  FormulaInput(formula, _end) {
    return statement(formula);
  },
  Formula(first, _seps, rest, _sep, _trailer) {
    const formula: Formula = { statements: [first, ...rest.children].map(statement) };
    return mark(this, formula);
  },
  Implication(first, _ops, rest) {
    if (rest.numChildren === 0) return statement(first);
    return mark(this, { kind: 'implies', parts: [first, ...rest.children].map(statement) });
  },
  Chain(first, relations, rest) {
    if (rest.numChildren === 0) return mark(this, { kind: 'term', term: term(first) });
    const terms: Term[] = [first, ...rest.children].map(term);
    return mark(this, { kind: 'chain', terms, relations: relations.children.map((r) => run<Relation>(r, 'relation')) });
  },
  DeclarationsInput(first, _seps, rest, _sep, _end) {
    return [first, ...rest.children].map((d) => run<Declaration>(d, 'statement'));
  },
};

export const relationActions: LeibnizActionDict<Relation> = {
  Relation_eq(_eq) { return '='; },
  Relation_equivU(_eq) { return '≡'; },
  Relation_equivL(_eq) { return '≡'; },
  Relation_to(_arrow) { return '→'; },
};
