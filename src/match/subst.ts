import type { Term } from '../term/index.js';

/**
 * A substitution: metavariable name → the target subterm it stands for.
 * Invariant: every value is a canonical term taken from (or built by the
 * smart constructors out of parts of) the matched target.
 */
export type Subst = ReadonlyMap<string, Term>;

/**
 * The matcher's working substitution: a persistent linked list, so that
 * backtracking costs nothing. A later cell shadows an earlier one with the same
 * name (used when a leftover scalar is absorbed into a binding).
 */
export type Bindings = { readonly name: string; readonly value: Term; readonly next: Bindings } | null;

/** The value bound to `name`, or `undefined`. */
export function lookup(b: Bindings, name: string): Term | undefined {
  for (let cell = b; cell !== null; cell = cell.next) if (cell.name === name) return cell.value;
  return undefined;
}

/** `b` extended with `name ↦ value` (shadowing any earlier binding of `name`). */
export const extend = (b: Bindings, name: string, value: Term): Bindings => ({ name, value, next: b });

/** The bindings as a `Subst`, in the order the names were first bound. */
export function toSubst(b: Bindings): Subst {
  const cells: { name: string; value: Term }[] = [];
  for (let cell = b; cell !== null; cell = cell.next) cells.push(cell);
  const out = new Map<string, Term>();
  for (let i = cells.length - 1; i >= 0; i--) out.set(cells[i]!.name, cells[i]!.value);
  // Invariant: a shadowing cell is nearer the head, so it is visited last and wins.
  return out;
}
