import { closest } from '../diag/index.js';
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

