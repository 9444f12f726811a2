import { children, getAt, type Path, type Term } from '../term/index.js';

/** A move through the subterms of the goal: up to the parent, down to the first child, or along the siblings. */
export type Move = 'parent' | 'child' | 'prev' | 'next';

/**
 * The position `move` leads to from `path` in `term`, or `path` itself when
 * there is nowhere to go (the root has no parent, a leaf no child, the first
 * child no previous sibling). Siblings wrap around: `next` from the last child
 * is the first, so every subterm is reachable with `child` and `next` alone.
 * Invariant: for a position `path` of `term`, the result is a position of `term`.
 */
export function movePath(term: Term, path: Path, move: Move): Path {
  switch (move) {
    case 'parent': return path.length === 0 ? path : path.slice(0, -1);
    case 'child': {
      const here = getAt(term, path);
      return here !== undefined && children(here).length > 0 ? [...path, 0] : path;
    }
    case 'prev': case 'next': {
      if (path.length === 0) return path;
      const parent = getAt(term, path.slice(0, -1));
      const count = parent === undefined ? 0 : children(parent).length;
      if (count <= 1) return path;
      const last = path[path.length - 1]!;
      const index = move === 'next' ? (last + 1) % count : (last - 1 + count) % count;
      return [...path.slice(0, -1), index];
    }
  }
}

/** The longest prefix of `path` that is a position of `term` (the root at worst): where a selection goes when its subterm disappears. */
export function nearestPosition(term: Term, path: Path): Path {
  let p = path;
  while (p.length > 0 && getAt(term, p) === undefined) p = p.slice(0, -1);
  return p;
}
