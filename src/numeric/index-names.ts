import { children, type Term } from '../term/index.js';

/**
 * Which index symbols a term leaves free, and which a product sums
 * (Einstein's convention, as the project reads it: an index that occurs in
 * two or more factors of one product is summed over its range; the rules of
 * `rules/index.rules` use `summed(k)` for such dummies). An index is a symbol
 * in an index position: an entry's subscripts, a delta's, a basis vector's,
 * an explicit sum's. Invariant: the answer depends on the term only, so it is
 * memoised per term object; whether a name is *assigned* (a free index with
 * a value) is decided by the evaluator, which never sums an assigned index.
 */
export type IndexNames = { readonly free: ReadonlySet<string>; readonly dummies: readonly string[] };

const memo = new WeakMap<Term, IndexNames>();
const NONE: IndexNames = { free: new Set(), dummies: [] };

/** The free index names and the product's dummies of `t` (memoised). */
export function indexNames(t: Term): IndexNames {
  let names = memo.get(t);
  if (names === undefined) {
    names = computeNames(t);
    memo.set(t, names);
  }
  return names;
}

/** The free index names of `t` (none for a term without indices). */
export const freeIndices = (t: Term): ReadonlySet<string> => indexNames(t).free;

function computeNames(t: Term): IndexNames {
  switch (t.kind) {
    case 'sym': case 'num': case 'identity': return NONE;
    case 'entry': return union([freeIndices(t.body), ...t.indices.map(positionNames)]);
    case 'delta': return union([positionNames(t.i), positionNames(t.j)]);
    case 'basis': return union([positionNames(t.index)]);
    case 'sum': {
      const free = new Set(freeIndices(t.body));
      if (t.index.kind === 'sym') free.delete(t.index.name);
      return { free, dummies: [] };
    }
    case 'mul': return productNames(t.factors);
    default: return union(children(t).map(freeIndices));
  }
}

/** A symbol in an index position is an index name; a compound index contributes its own free indices. */
const positionNames = (t: Term): ReadonlySet<string> => (t.kind === 'sym' ? new Set([t.name]) : freeIndices(t));

function union(sets: readonly ReadonlySet<string>[]): IndexNames {
  const free = new Set<string>();
  for (const s of sets) for (const n of s) free.add(n);
  return free.size === 0 ? NONE : { free, dummies: [] };
}

/** Names in two or more factors are the product's dummies; the others stay free. */
function productNames(factors: readonly Term[]): IndexNames {
  const counts = new Map<string, number>();
  for (const f of factors) for (const n of freeIndices(f)) counts.set(n, (counts.get(n) ?? 0) + 1);
  const dummies = [...counts].filter(([, c]) => c >= 2).map(([n]) => n).sort();
  const free = new Set([...counts.keys()].filter((n) => !dummies.includes(n)));
  return { free, dummies };
}
