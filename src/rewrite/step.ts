import type { Part, SortTest, Subst, WorkBudget } from '../match/index.js';
import type { Facts, Predicate } from '../rules/facts.js';
import type { Direction } from '../rules/rule.js';
import type { Path, Term } from '../term/index.js';

/** A side condition that held, with its instantiated arguments and the evidence named by its predicate. */
export type DischargedCondition = { readonly predicate: string; readonly args: readonly Term[]; readonly by: string };

/**
 * One rewrite: rule `ruleId` used in `direction` at `path` of `before`, with the
 * substitution found by matching, the side conditions discharged, and `after`.
 * `part` says which factors or summands of the subterm at `path` were
 * replaced when it was not the whole subterm.
 * Invariant: `after` is canonical, and equals `before` with the covered part
 * replaced by the other side instantiated with `subst`, re-canonicalised —
 * except for a spread or collect step (`spread` set, see `spreadStep`): the
 * rule taken through a product of `spread` factors, or over `spread`
 * summands, at once, `subst` being its first binary instance.
 */
export type Step = {
  readonly ruleId: string;
  readonly direction: Direction;
  readonly path: Path;
  readonly part?: Part;
  readonly subst: Subst;
  readonly conditions: readonly DischargedCondition[];
  readonly before: Term;
  readonly after: Term;
  /** Set on a spread or collect step: the number of factors (`(A₁⋯Aₙ)ᵀ = Aₙᵀ⋯A₁ᵀ`) or summands it was taken through. */
  readonly spread?: number;
};

/** A subterm with the pattern's head, offered when a rule did not match ("expected …, found …"). */
export type Closest = { readonly path: Path; readonly term: Term };

/**
 * What `applyRule` did. Failures say why:
 * - `no-match`: the pattern (`expected`) matched nowhere asked; `closest` lists
 *   subterms with the same head, nearest to `path` (or to the root) first;
 * - `side-condition`: it matched, but `condition` (instantiated) does not hold;
 * - `bad-path`: `path` leaves the term;
 * - `forward-only`: the rule cannot be used right-to-left;
 * - `unbound-variables`: the rule would write metavariables its matched side
 *   does not bind (a rule that escaped validation).
 */
export type RewriteOutcome =
  | { readonly ok: true; readonly step: Step }
  | { readonly ok: false; readonly reason: 'no-match'; readonly expected: Term; readonly path?: Path; readonly closest: readonly Closest[] }
  | {
      readonly ok: false; readonly reason: 'side-condition'; readonly path: Path;
      readonly condition: { readonly predicate: string; readonly args: readonly Term[] }; readonly explanation: string;
    }
  | { readonly ok: false; readonly reason: 'bad-path'; readonly path: Path }
  | { readonly ok: false; readonly reason: 'forward-only' }
  | { readonly ok: false; readonly reason: 'unbound-variables'; readonly variables: readonly string[] };

/** What every rewrite needs: the goal's facts, the predicate registry, and optionally a sort test. */
export type RewriteOptions = {
  readonly facts: Facts;
  readonly predicates: ReadonlyMap<string, Predicate>;
  /** Defaults to `sortTestFromFacts(facts)`. */
  readonly fitsSort?: SortTest;
  /** Matching work allowed, shared by every rewrite of one search; unlimited when absent. */
  readonly budget?: WorkBudget;
};

/** Options of `applyRule`: where, which way, and which of several applicable matches. */
export type ApplyOptions = RewriteOptions & {
  /** Where to rewrite; default: the first position (pre-order) where the rule applies. */
  readonly path?: Path;
  readonly direction?: Direction;
  /** Use the n-th applicable match (0-based, in `matchPattern` order, over positions in pre-order). */
  readonly occurrence?: number;
};
