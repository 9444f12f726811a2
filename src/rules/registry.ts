import type { Rule } from './rule.js';

/**
 * The rules known at a point of a proof or library, by id. Invariants: ids are
 * unique (a second rule with a known id is refused, not replaced); iteration
 * is in definition order.
 */
export class RuleRegistry implements Iterable<Rule> {
  readonly #byId = new Map<string, Rule>();

  /** Adds `rule`, or returns the rule already defined under its id. */
  add(rule: Rule): { ok: true } | { ok: false; first: Rule } {
    const first = this.#byId.get(rule.id);
    if (first !== undefined) return { ok: false, first };
    this.#byId.set(rule.id, rule);
    return { ok: true };
  }

  get(id: string): Rule | undefined {
    return this.#byId.get(id);
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  get size(): number {
    return this.#byId.size;
  }

  /** The closest known id to a misspelt `id` (edit distance at most a third of its length, at least 2), if any. */
  suggest(id: string): string | undefined {
    return closest(id, this.#byId.keys());
  }

  /** The rules carrying `tag` (`simp`, …), in definition order. */
  withTag(tag: string): Rule[] {
    return [...this.#byId.values()].filter((r) => r.tags.includes(tag));
  }

  [Symbol.iterator](): Iterator<Rule> {
    return this.#byId.values();
  }
}

/** The candidate nearest to `word` by edit distance, if near enough to be a likely typo; ties go to the first. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** Levenshtein distance (insertions, deletions, substitutions), over code units. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
