import { getAt, positions, type Path, type Term } from '../term/index.js';
import type { Sort } from '../match/index.js';
import { headOf } from './head.js';
import type { Closest } from './step.js';

/** Tree distance between two positions: steps up to the common ancestor and down again. */
function distance(a: Path, b: Path): number {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return a.length + b.length - 2 * common;
}

/**
 * Subterms of `term` whose head is the pattern's head, nearest to `near`
 * first (ties in pre-order), at most `limit` of them — what a checker shows
 * as "expected `tr(?A ?X)`, found `tr(Xᵀ A)`". Empty for a bare-variable pattern.
 */
export function closestSubterms(
  term: Term, pattern: Term, vars: ReadonlyMap<string, Sort>, near: Path = [], limit = 3,
): Closest[] {
  const head = headOf(pattern, vars);
  if (head === null) return [];
  const candidates = positions(term)
    .map((path, order) => ({ path, order, term: getAt(term, path)! }))
    .filter((c) => headOf(c.term) === head);
  candidates.sort((x, y) => distance(x.path, near) - distance(y.path, near) || x.order - y.order);
  return candidates.slice(0, limit).map(({ path, term: t }) => ({ path, term: t }));
}
