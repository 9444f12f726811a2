import * as c from './construct.js';
import { isStructuralScalar, type ScalarTest } from './scalar.js';
import { assertNever, type Term } from './term.js';

/**
 * A position in a term: the indices of children from the root, so `[]` is the
 * root and `[1, 0]` is the first child of the second child. Children are
 * numbered in the order `children` returns them (for a product: its factors,
 * the numeric coefficient is not a child).
 *
 * Invariant: `getAt(t, p)` is defined for every `p` returned by `positions(t)`.
 */
export type Path = readonly number[];

/** The immediate subterms of `t`, in a fixed order. */
export function children(t: Term): readonly Term[] {
  switch (t.kind) {
    case 'num': case 'sym': case 'identity': return [];
    case 'add': return t.terms;
    case 'mul': case 'hadamard': case 'kron': return t.factors;
    case 'transpose': case 'inverse': case 'map': case 'd': case 'o': case 'norm': return [t.arg];
    case 'basis': return [t.index];
    case 'power': case 'hpow': return [t.base, t.exponent];
    case 'fn': return t.args;
    case 'hdiv': return [t.num, t.den];
    case 'partial': return [t.body, t.wrt];
    case 'frechet': return t.dir ? [t.fn, t.at, t.dir] : [t.fn, t.at];
    case 'at': return [t.body, t.variable, t.value];
    case 'entry': return [t.body, ...t.indices];
    case 'delta': return [t.i, t.j];
    case 'sum': return [t.index, t.body];
    case 'apply': return [t.fn, ...t.args];
    case 'tuple': return t.items;
    default: return assertNever(t);
  }
}

/**
 * `t` with its children replaced by `kids` (same count), rebuilt through the
 * smart constructors so the result is canonical again. Replacing a factor by
 * a product therefore flattens it, and paths below may shift.
 */
export function withChildren(t: Term, kids: readonly Term[], isScalar: ScalarTest = isStructuralScalar): Term {
  const k = (i: number): Term => kids[i]!;
  switch (t.kind) {
    case 'num': case 'sym': case 'identity': return t;
    case 'add': return c.add(kids);
    case 'mul': return c.mul([c.num(t.coeff), ...kids], isScalar);
    case 'hadamard': return c.hadamard(kids);
    case 'kron': return c.kron(kids);
    case 'transpose': return c.transpose(k(0));
    case 'inverse': return c.inverse(k(0));
    case 'map': return c.mapFn(t.name, k(0));
    case 'd': return c.differential(k(0));
    case 'o': return c.littleO(k(0));
    case 'norm': return c.norm(k(0), t.sub);
    case 'basis': return c.basis(k(0));
    case 'power': return c.power(k(0), k(1));
    case 'hpow': return c.hpow(k(0), k(1));
    case 'fn': return c.fn(t.name, kids);
    case 'hdiv': return c.hdiv(k(0), k(1));
    case 'partial': return c.partial(k(0), k(1));
    case 'frechet': return c.frechet(k(0), k(1), kids.length > 2 ? k(2) : null);
    case 'at': return c.at(k(0), k(1), k(2));
    case 'entry': return c.entry(k(0), kids.slice(1));
    case 'delta': return c.delta(k(0), k(1));
    case 'sum': return c.sum(k(0), k(1));
    case 'apply': return c.apply(k(0), kids.slice(1));
    case 'tuple': return c.tuple(kids);
    default: return assertNever(t);
  }
}

/** The subterm at `path`, or `undefined` when the path leaves the term. */
export function getAt(t: Term, path: Path): Term | undefined {
  let node: Term | undefined = t;
  for (const i of path) node = node && children(node)[i];
  return node;
}

/** `t` with the subterm at `path` replaced, or `undefined` when the path leaves the term. */
export function replaceAt(t: Term, path: Path, replacement: Term, isScalar: ScalarTest = isStructuralScalar): Term | undefined {
  if (path.length === 0) return replacement;
  const kids = children(t);
  const [head, ...rest] = path;
  const child = kids[head!];
  if (child === undefined) return undefined;
  const replaced = replaceAt(child, rest, replacement, isScalar);
  if (replaced === undefined) return undefined;
  // One summand of a sum changed: insert it into the sorted rest (the same sum `withChildren` builds, without a sort).
  if (t.kind === 'add') return c.replaceSummands(t, [head!], replaced);
  return withChildren(t, kids.map((kid, i) => (i === head ? replaced : kid)), isScalar);
}

/** Does `t` have a subterm (itself included) that `test` accepts? Iterative: deep terms do not overflow the stack. */
export function someNode(t: Term, test: (u: Term) => boolean): boolean {
  const stack: Term[] = [t];
  while (stack.length > 0) {
    const u = stack.pop()!;
    if (test(u)) return true;
    stack.push(...children(u));
  }
  return false;
}

/** Every position of `t`, parents before children (pre-order). Iterative: deep terms do not overflow the stack. */
export function positions(t: Term): Path[] {
  const out: Path[] = [];
  const stack: { term: Term; path: Path }[] = [{ term: t, path: [] }];
  while (stack.length > 0) {
    const { term, path } = stack.pop()!;
    out.push(path);
    const kids = children(term);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ term: kids[i]!, path: [...path, i] });
  }
  return out;
}

/** `1.0.2`: a path as users type and read it; the root is `ε`. */
export const formatPath = (p: Path): string => (p.length === 0 ? 'ε' : p.join('.'));

/**
 * A copy of `t` in which every node is new and appears once: a node that
 * stands in two places (a metavariable's value used twice) is copied for
 * each, as two separately written subterms would be. Terms are plain data,
 * so the copy is structural.
 */
export function unsharedCopy(t: Term): Term {
  return copyData(t) as Term;
}

function copyData(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyData);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) out[key] = copyData(value);
  return out;
}
