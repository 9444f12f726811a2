import type { Sort } from '../match/index.js';
import { children, type Term } from '../term/index.js';

/**
 * The head of a term for pre-filtering: its kind, with the name for named
 * functions and constant symbols (`fn:tr`, `sym:I`…). A bare metavariable has
 * no head (`null`: it matches anything).
 * Invariant: if a pattern with head h matches a term, the term's head is h.
 */
export function headOf(t: Term, vars?: ReadonlyMap<string, Sort>): string | null {
  switch (t.kind) {
    case 'sym': return vars?.has(t.name) ? null : `sym:${t.name}`;
    case 'fn': case 'map': return `${t.kind}:${t.name}`;
    default: return t.kind;
  }
}

/** The constant symbols of a pattern (symbols that are not metavariables). */
export function constantsOf(pattern: Term, vars: ReadonlyMap<string, Sort>): readonly string[] {
  const out = new Set<string>();
  const walk = (t: Term): void => {
    if (t.kind === 'sym' && !vars.has(t.name)) out.add(t.name);
    for (const k of children(t)) walk(k);
  };
  walk(pattern);
  return [...out];
}

const symbolSets = new WeakMap<Term, ReadonlySet<string>>();

/** Every symbol occurring in `t` (memoised per term: terms are immutable). */
export function symbolsIn(t: Term): ReadonlySet<string> {
  let set = symbolSets.get(t);
  if (set === undefined) {
    const s = new Set<string>();
    if (t.kind === 'sym') s.add(t.name);
    for (const k of children(t)) for (const n of symbolsIn(k)) s.add(n);
    set = s;
    symbolSets.set(t, set);
  }
  return set;
}
