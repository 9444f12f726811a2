import type { Step } from '../rewrite/index.js';
import type { SearchLimits } from '../rewrite/index.js';

/**
 * Replaying a `by` clause: its items are applied in turn to a set of states
 * (a term, or the two sides of an equation). A rule may apply at several
 * positions and a clause like `by inverse-transpose` may need it twice (once
 * per occurrence), so each rule item is applied one or more times, keeping
 * every distinct result; a `map` item (a both-sides operation) transforms
 * every state. The caller then asks whether the stated line is among the
 * results. Bounded: at most `limits.repeat` applications per item and
 * `limits.states` states, so a clause can never blow up.
 */

/** A state reached, with the kernel steps that led to it from the start. */
export type Reached<S> = { readonly state: S; readonly steps: readonly Step[] };

export type SearchItem<S, C> =
  | { readonly kind: 'rule'; readonly citation: C }
  | { readonly kind: 'map'; readonly apply: (state: S) => S };

export type SearchSpace<S, C> = {
  /** The states one application of `citation` gives from `state`, each with its step. */
  readonly expand: (state: S, citation: C) => readonly { state: S; step: Step }[];
  readonly key: (state: S) => string;
  /** The state the line states: once the last item reaches it, the search stops there. */
  readonly goal?: (state: S) => boolean;
  /** Applications per rule item and states kept, at most. */
  readonly limits: Pick<SearchLimits, 'repeat' | 'states'>;
  /** Fewer applications per rule item than `limits.repeat`: callers try 1 first, since most lines use each rule once. */
  readonly maxRepeat?: number;
};

/** Outcome: the states after all items, or the index of the first rule item that applied nowhere and the states it was tried on. */
export type SearchResult<S> =
  | { readonly ok: true; readonly reached: readonly Reached<S>[] }
  | { readonly ok: false; readonly failedItem: number; readonly tried: readonly Reached<S>[] };

export function searchItems<S, C>(start: S, items: readonly SearchItem<S, C>[], space: SearchSpace<S, C>): SearchResult<S> {
  let frontier: Reached<S>[] = [{ state: start, steps: [] }];
  for (const [index, item] of items.entries()) {
    if (item.kind === 'map') {
      frontier = dedupe(frontier.map((r) => ({ state: item.apply(r.state), steps: r.steps })), space.key);
      continue;
    }
    const last = index === items.length - 1;
    const next = repeat(frontier, item.citation, space, last ? space.goal : undefined);
    if (next.length === 0) return { ok: false, failedItem: index, tried: frontier };
    frontier = next;
  }
  return { ok: true, reached: frontier };
}

/** Every state reached by 1 … `limits.repeat` applications of `citation`, breadth first; only the goal once `goal` is reached. */
function repeat<S, C>(frontier: readonly Reached<S>[], citation: C, space: SearchSpace<S, C>, goal?: (state: S) => boolean): Reached<S>[] {
  // Keys cost a walk of each new term: made only once a state is not the goal.
  let seenSet: Set<string> | undefined;
  const seen = (): Set<string> => (seenSet ??= new Set(frontier.map((r) => space.key(r.state))));
  const collected: Reached<S>[] = [];
  let layer = frontier;
  const { repeat: most, states } = space.limits;
  const rounds = Math.min(space.maxRepeat ?? most, most);
  for (let round = 0; round < rounds && layer.length > 0 && collected.length < states; round++) {
    const nextLayer: Reached<S>[] = [];
    for (const r of layer) {
      for (const { state, step } of space.expand(r.state, citation)) {
        const reached = { state, steps: [...r.steps, step] };
        if (goal?.(state)) return [reached];
        const key = space.key(state);
        if (seen().has(key)) continue;
        seen().add(key);
        nextLayer.push(reached);
      }
    }
    collected.push(...nextLayer);
    layer = nextLayer;
  }
  return collected.slice(0, states);
}

function dedupe<S>(rs: readonly Reached<S>[], key: (s: S) => string): Reached<S>[] {
  const seen = new Set<string>();
  return rs.filter((r) => {
    const k = key(r.state);
    return seen.has(k) ? false : (seen.add(k), true);
  });
}
