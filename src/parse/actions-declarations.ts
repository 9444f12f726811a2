import type { Node } from 'ohm-js';
import type { LeibnizActionDict } from '../../grammar/leibniz.ohm-bundle.js';
import type { DeclTarget, Declaration, DimExpr, ShapeSpec, Signature } from '../term/index.js';
import { listItems, mark, run } from './context.js';
import { term } from './actions-expr.js';
import { plainScript } from './names.js';

/** `statement` actions for declarations and signatures, and the `shape`, `dims`, `targets` operations. */

const shape = (node: Node): ShapeSpec => run<ShapeSpec>(node, 'shape');
const name = (node: Node): string => run<string>(node, 'name');

/** `positive definite` → `positive-definite`; `spd` is symmetric and positive definite. */
function properties(nodes: readonly Node[]): string[] {
  return nodes.flatMap((p) => {
    const word = p.sourceString.replace(/[\s-]+/g, '-');
    return word === 'spd' ? ['symmetric', 'positive-definite'] : [word];
  });
}

function declaration(node: Node, targets: Node, spec: ShapeSpec, props: Node): Declaration {
  const value: Declaration = { kind: 'decl', targets: run<DeclTarget[]>(targets, 'targets'), shape: spec, properties: properties(props.children) };
  return mark(node, value);
}

export const declarationActions: LeibnizActionDict<Declaration | Signature> = {
  Declaration_member(targets, _in, space, props) {
    return declaration(this, targets, shape(space), props);
  },
  Declaration_ascii(targets, _colon, space, props) {
    return declaration(this, targets, shape(space), props);
  },
  Signature(target, _colon, domain, _arrow, codomain) {
    const value: Signature = { kind: 'signature', target: term(target), domain: shape(domain), codomain: shape(codomain) };
    return mark(this, value);
  },
};

export const targetActions: LeibnizActionDict<DeclTarget[]> = {
  DeclTargets(first, _commas, rest) {
    return [first, ...rest.children].flatMap((t) => run<DeclTarget[]>(t, 'targets'));
  },
  DeclTarget(declName, _lp, params, _rp) {
    const list = params.children[0];
    const target: DeclTarget = { name: name(declName), params: list ? listItems(list).map(name) : [] };
    return [mark(this, target)];
  },
};

/** A matrix shape from one or two dimensions; one dimension is a column vector. */
function matrix(dims: readonly DimExpr[]): ShapeSpec {
  return { kind: 'matrix', rows: dims[0]!, cols: dims[1] ?? { kind: 'dim-num', value: 1 } };
}

export const shapeActions: LeibnizActionDict<ShapeSpec> = {
  RealSpace_plain(_reals, exponent) {
    const e = exponent.children[0];
    return e ? matrix(run<DimExpr[]>(e, 'dims')) : { kind: 'scalar' };
  },
  RealSpace_inside(_mathbb, _lb, _r, exponent, _rb) {
    return matrix(run<DimExpr[]>(exponent, 'dims'));
  },
  AsciiShape_scalar(_word) { return { kind: 'scalar' }; },
  AsciiShape_index(_word, range) {
    const r = range.children[0];
    return { kind: 'index', range: r ? run<DimExpr[]>(r, 'dims')[0]! : null };
  },
  AsciiShape_dims(dims) { return matrix(run<DimExpr[]>(dims, 'dims')); },
  SignatureSpace_named(word) { return { kind: 'space', name: word.sourceString }; },
};

export const dimsActions: LeibnizActionDict<DimExpr[]> = {
  RealExponent_braced(_caret, _lb, dims, _rb) { return run<DimExpr[]>(dims, 'dims'); },
  RealExponent_bare(_caret, d) { return run<DimExpr[]>(d, 'dims'); },
  Dims(rows, _times, cols) {
    const c = cols.children[0];
    return [...run<DimExpr[]>(rows, 'dims'), ...(c ? run<DimExpr[]>(c, 'dims') : [])];
  },
  dim(_chars) { return [dimExpr(this.sourceString)]; },
  unicodeDims(rows, _times, cols) {
    const c = cols.children[0];
    return [dimExpr(plainScript(rows.sourceString)), ...(c ? [dimExpr(plainScript(c.sourceString))] : [])];
  },
};

/** `n` → n, `3` → 3, `mn` / `2n` → the product (Kronecker sizes). */
export function dimExpr(text: string): DimExpr {
  const parts = text.match(/[0-9]+|[^0-9]/g) ?? [text];
  const factors: DimExpr[] = parts.map((p) =>
    /^[0-9]+$/.test(p) ? { kind: 'dim-num', value: Number(p) } : { kind: 'dim-sym', name: p });
  return factors.length === 1 ? factors[0]! : { kind: 'dim-mul', factors };
}
