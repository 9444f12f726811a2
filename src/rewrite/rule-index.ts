import type { Direction, Rule } from '../rules/rule.js';
import type { Term } from '../term/index.js';
import { sidesOf, unboundVariables } from './apply-rule.js';
import { constantsOf, headOf, symbolsIn } from './head.js';

/** One usable (rule, direction) with what pre-filtering needs. */
export type IndexedRule = {
  readonly rule: Rule;
  readonly direction: Direction;
  readonly constants: readonly string[];
};

/**
 * Rules grouped by the head of the side they match from, so that at a
 * position only rules with the same head (plus those whose side is a bare
 * metavariable) are tried. Invariant: within each list, rules keep the order
 * of the input array, forward before backward for the same rule.
 */
export type RuleIndex = { readonly byHead: ReadonlyMap<string, readonly IndexedRule[]>; readonly anyHead: readonly IndexedRule[] };

const cache = new WeakMap<readonly Rule[], Map<string, RuleIndex>>();

/** Indexes `rules` for the given directions; memoised per rules array (treat it as immutable once indexed). */
export function indexRules(rules: readonly Rule[], directions: readonly Direction[] = ['forward', 'backward']): RuleIndex {
  const key = directions.join(',');
  let perRules = cache.get(rules);
  if (perRules === undefined) cache.set(rules, (perRules = new Map()));
  let index = perRules.get(key);
  if (index === undefined) perRules.set(key, (index = buildIndex(rules, directions)));
  return index;
}

function buildIndex(rules: readonly Rule[], directions: readonly Direction[]): RuleIndex {
  const byHead = new Map<string, IndexedRule[]>();
  const anyHead: IndexedRule[] = [];
  for (const rule of rules) {
    for (const direction of directions) {
      if ((direction === 'backward' && rule.forwardOnly) || unboundVariables(rule, direction).length > 0) continue;
      const { from } = sidesOf(rule, direction);
      const entry: IndexedRule = { rule, direction, constants: constantsOf(from, rule.vars) };
      const head = headOf(from, rule.vars);
      if (head === null) anyHead.push(entry);
      else byHead.set(head, [...(byHead.get(head) ?? []), entry]);
    }
  }
  return { byHead, anyHead };
}

/** The indexed rules worth trying on `t`: same head, and every constant symbol of the pattern occurs in `t`. */
export function candidatesFor(index: RuleIndex, t: Term): readonly IndexedRule[] {
  const head = headOf(t);
  const same = head === null ? [] : index.byHead.get(head) ?? [];
  const all = index.anyHead.length === 0 ? same : [...same, ...index.anyHead];
  if (all.every((r) => r.constants.length === 0)) return all;
  const symbols = symbolsIn(t);
  return all.filter((r) => r.constants.every((c) => symbols.has(c)));
}
