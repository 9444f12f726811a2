/**
 * `id ×n` for the (at most `most`) rules with the highest counts, highest
 * first, ties by id: how a search stopped by its budget names the rules it
 * spent itself on — with looping or self-feeding rules, those.
 */
export function busiestRules(counts: ReadonlyMap<string, number>, most = 3): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, most).map(([id, n]) => `${id} ×${n}`);
}

/** How many of `steps` each rule made. */
export function countByRule(steps: readonly { readonly ruleId: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of steps) counts.set(s.ruleId, (counts.get(s.ruleId) ?? 0) + 1);
  return counts;
}
