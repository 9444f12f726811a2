import { instantiate, partTerm, type Part } from '../match/index.js';
import { printTerm } from '../print/index.js';
import { checkConditions, makeStep, matchAt, sidesOf, type DischargedCondition, type RewriteOptions, type Step } from '../rewrite/index.js';
import { candidatesFor, indexRules } from '../rewrite/rule-index.js';
import type { Direction, Rule } from '../rules/index.js';
import { formatPath, formatRational, getAt, termKey, type Path, type Term } from '../term/index.js';

/**
 * One row of the rules panel: a rule that applies at the selected subterm,
 * in one direction, for one match. `from()` is the part of the subterm it
 * rewrites and `to` what it writes there; `conditions` are its side
 * conditions as discharged (`invertible(X): declaration`). `step()` makes
 * the kernel step (its `after` is the whole resulting term). Both are made
 * only for the rows the user looks at or applies (and then kept): building
 * them for every row of a wide sum would cost more than the matching.
 * Invariant: `step()` is exactly what `applyRule` makes for this rule,
 * direction, path and match.
 */
export type PanelEntry = {
  readonly ruleId: string;
  readonly direction: Direction;
  readonly path: Path;
  readonly from: () => Term;
  readonly to: Term;
  readonly conditions: readonly DischargedCondition[];
  readonly step: () => Step;
  /** The last row of a rule and direction that matched more than `MATCHES_PER_RULE` ways here (the rest are not listed). */
  readonly more?: true;
};

/**
 * Rows per rule and direction at one position, at most. A rule on a wide
 * sum matches every pair or run of summands (`negate-sum ←` on 20 summands:
 * 180 ways); the first ones are listed and the last is marked `more`, so the
 * panel stays within a frame; selecting a smaller subterm lists the others.
 */
export const MATCHES_PER_RULE = 12;

/** `invertible(X): declaration`: a discharged side condition as shown. */
export const conditionText = (d: DischargedCondition): string => `${d.predicate}(${d.args.map((a) => printTerm(a)).join(', ')}): ${d.by}`;

/**
 * Every rule applicable at `path` of `term` with its side conditions holding,
 * both directions, each match once: rows for left-to-right use first, then
 * right-to-left (rules like `A = I A` apply backwards almost everywhere), in
 * the rules' order; a rule writing the same thing over the same part twice
 * (both ways, for a symmetric rule like `trace-cyclic`) is listed once. Only
 * the one position is matched, with rules pre-filtered by the head of their
 * pattern. Memoised per term object and path (the view and the reducer ask
 * often).
 */
export function rulesAt(term: Term, path: Path, rules: readonly Rule[], options: RewriteOptions): readonly PanelEntry[] {
  const key = formatPath(path);
  let perTerm = memo.get(term);
  if (perTerm === undefined) memo.set(term, (perTerm = new Map()));
  const cached = perTerm.get(key);
  if (cached !== undefined && cached.options === options && cached.rules === rules) return cached.entries;
  const entries = computeEntries(term, path, rules, options);
  perTerm.set(key, { rules, options, entries });
  return entries;
}

const memo = new WeakMap<Term, Map<string, { rules: readonly Rule[]; options: RewriteOptions; entries: readonly PanelEntry[] }>>();

function computeEntries(term: Term, path: Path, rules: readonly Rule[], options: RewriteOptions): PanelEntry[] {
  const sub = getAt(term, path);
  if (sub === undefined) return [];
  const forward: PanelEntry[] = [];
  const backward: PanelEntry[] = [];
  const isScalar = options.facts.isScalar;
  const written = new Set<string>();
  for (const { rule, direction } of candidatesFor(indexRules(rules), sub)) {
    const matches = matchAt(term, path, rule, direction, options, MATCHES_PER_RULE + 1);
    for (const [i, match] of matches.slice(0, MATCHES_PER_RULE).entries()) {
      const conditions = checkConditions(rule, match.subst, options.facts, options.predicates);
      if (!conditions.ok) continue;
      const to = instantiate(sidesOf(rule, direction).to, match.subst, isScalar);
      const key = `${rule.id} ${partKey(match.part)} ${termKey(to)}`;
      if (written.has(key)) continue;
      written.add(key);
      let made: Step | undefined;
      let part: Term | undefined;
      const entry: PanelEntry = {
        ruleId: rule.id, direction, path, to, conditions: conditions.discharged,
        from: () => (part ??= partTerm(sub, match.part, isScalar)),
        step: () => (made ??= makeStep(term, path, rule, direction, match, conditions, options)),
        ...(i === MATCHES_PER_RULE - 1 && matches.length > MATCHES_PER_RULE ? { more: true as const } : {}),
      };
      (direction === 'forward' ? forward : backward).push(entry);
    }
  }
  return [...forward, ...backward];
}

/** Which factors or summands a match covers, as text (for telling matches apart). */
function partKey(part: Part | undefined): string {
  if (part === undefined) return 'all';
  if (part.kind === 'summands') return `s${part.indices.join(',')}`;
  return `f${part.start}-${part.end}:${part.scalars.join(',')}:${formatRational(part.coeff)}`;
}

/** The rows whose rule id contains `filter` (case-insensitive); all rows for an empty filter. */
export function filterEntries(entries: readonly PanelEntry[], filter: string): readonly PanelEntry[] {
  const wanted = filter.trim().toLowerCase();
  return wanted === '' ? entries : entries.filter((e) => e.ruleId.toLowerCase().includes(wanted));
}

/**
 * The row to highlight after flipping row `index`: the first row of the same
 * rule in the other direction, or `undefined` when the rule does not apply
 * that way here.
 */
export function flippedIndex(entries: readonly PanelEntry[], index: number): number | undefined {
  const entry = entries[index];
  if (entry === undefined) return undefined;
  const found = entries.findIndex((e) => e.ruleId === entry.ruleId && e.direction !== entry.direction);
  return found < 0 ? undefined : found;
}
