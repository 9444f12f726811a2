import { children, termKey, type Term } from '../term/index.js';

/**
 * The subterms in which a rewriting pass found nothing to do, remembered so
 * that later steps do not search them again. By identity: a step keeps the
 * objects of the subterms it does not touch. Small subterms are remembered
 * by key as well, because a step that builds many copies of one small term
 * (pushing a transpose through a product makes a fresh `Xᵀ` for every `X`)
 * would otherwise have each copy searched with every rule. Sound only for a
 * pass whose verdict on a subterm depends on that subterm alone.
 */
export class Settled {
  readonly #objects = new WeakSet<Term>();
  readonly #keys = new Set<string>();

  has(t: Term): boolean {
    return this.#objects.has(t) || (isSmall(t) && this.#keys.has(termKey(t)));
  }

  add(t: Term): void {
    this.#objects.add(t);
    if (isSmall(t)) this.#keys.add(termKey(t));
  }
}

/** At most `SMALL` nodes: its key is short, and cheap to build. */
const SMALL = 8;

function isSmall(t: Term): boolean {
  let left = SMALL;
  const stack: Term[] = [t];
  while (stack.length > 0) {
    if (--left < 0) return false;
    stack.push(...children(stack.pop()!));
  }
  return true;
}
