import type { Part } from '../match/index.js';
import {
  divRationals, getAt, mul, num, replaceAt, replaceSummands, type Path, type ScalarTest, type Term,
} from '../term/index.js';

/**
 * `term` with the part of the subterm at `path` that a match covered replaced
 * by `replacement`, re-canonicalised (the smart constructors flatten and
 * re-sort, so paths below `path` may shift). For a run of factors the rest of
 * the product stays in place — the leftover coefficient and unmatched scalars
 * in front, the chain before and after the run around the replacement; for a
 * subset of summands the other summands stay.
 * Precondition: `path` is inside `term` and `part` came from matching there.
 */
export function replacePart(term: Term, path: Path, part: Part | undefined, replacement: Term, isScalar: ScalarTest): Term {
  const sub = getAt(term, path)!;
  const replaced = replaceWithin(sub, part, replacement, isScalar);
  return replaceAt(term, path, replaced, isScalar)!;
}

function replaceWithin(sub: Term, part: Part | undefined, replacement: Term, isScalar: ScalarTest): Term {
  if (part === undefined) return replacement;
  if (part.kind === 'summands') {
    if (sub.kind !== 'add') return replacement;
    return replaceSummands(sub, part.indices, replacement);
  }
  if (sub.kind !== 'mul') return replacement;
  const fs = sub.factors;
  const before = fs.filter((_, i) => i < part.start && !part.scalars.includes(i));
  const coeff = divRationals(sub.coeff, part.coeff)!;
  // Invariant: coeff · before · (part) · after = sub, and scalars commute, so this is sub with part replaced.
  return mul([num(coeff), ...before, replacement, ...fs.slice(part.end)], isScalar);
}
