import { proposeChain } from '../search/auto.js';
import { derive } from '../search/derive.js';
import type { Step } from '../rewrite/index.js';
import { equalTerms, type Term } from '../term/index.js';
import { descend, hasDerivative, type Descent, type DescendBudget } from '../search/descend.js';
import { elaborateGoal, type GoalFacts, type ProverContext } from './prover-context.js';
import { entryBody, mentionsAny } from './render-proof.js';
import { simplifySelection } from './simplify.js';
import { currentTerm, type Goal, type ProofDoc } from './session.js';

/**
 * What `a` found: the kernel steps to add (in order), the entry indices the
 * proof uses afterwards (auto may switch a gradient goal to a proof entry by
 * entry before its first step), whether the goal's right side was reached,
 * and a sentence for the status line.
 */
export type AutoResult = {
  readonly indices: readonly string[];
  readonly start: Term;
  readonly steps: readonly Step[];
  readonly reached: boolean;
  readonly message: string;
};

/** Candidate names for entry indices, in order of preference (`k`, `ℓ` are the rules' summation dummies). */
const INDEX_NAMES = ['i', 'j', 'p', 'q', 'r', 'u', 'v', 'w'];

/**
 * Auto-completes the proof from where it stands:
 * 1. with a known right side, the checker's bounded search (`by auto`) towards it;
 * 2. a gradient `∂f/∂X` not started yet is proved entry by entry (the shipped
 *    rules differentiate entries, not whole gradients);
 * 3. a best-first descent (`descend.ts`) until no derivative is left (entry by
 *    entry: until the term is one entry `(M)ᵢⱼ`);
 * 4. with a known right side, the bounded search again from there; with an
 *    unknown one, the result (the matrix of the entry, entry by entry) is
 *    simplified with the rules tagged `simp`, as `s` would.
 * It proposes; every step is a kernel step, and saving re-checks them. Every
 * search is bounded; a search stopped by its budget is said in the message,
 * with the rules that made the most terms (with looping rules, those).
 */
export function autoComplete(ctx: ProverContext, goal: Goal, doc: ProofDoc, budget: DescendBudget = ctx.limits.descend): AutoResult {
  let indices = doc.indices;
  let facts = elaborateGoal(ctx, goal, indices);
  let from = currentTerm(doc);
  let start = doc.start;
  const direct = towards(ctx, from, facts);
  if (direct.ok) return { indices, start, steps: direct.steps, reached: true, message: `auto: proved — ${count(direct.steps)} reach the right side` };
  if (goal.variable !== undefined) return byDifferentials(ctx, goal, doc, facts, direct.why);
  if (doc.steps.length === 0 && indices.length === 0 && isGradient(goal, facts)) {
    const entrywise = entryIndices(goal, facts);
    if (entrywise.length > 0) {
      indices = entrywise;
      facts = elaborateGoal(ctx, goal, indices);
      from = start = facts.start;
    }
  }
  const earlier = indices === doc.indices ? [doc.start, ...doc.steps.map((st) => st.term)] : [];
  const descent = descend(from, ctx.rules, facts.options, (t) => isFinished(t, indices), budget, earlier);
  const reachedTerm = descent.steps.at(-1)?.after ?? from;
  const last = towards(ctx, reachedTerm, facts);
  const tidied = goal.rhs === null && isFinished(reachedTerm, indices) ? tidy(ctx, reachedTerm, indices, facts) : [];
  const steps = [...descent.steps, ...(last.ok ? last.steps : []), ...tidied];
  const switched = indices !== doc.indices ? `entry by entry (${indices.join(', ')}), ` : '';
  if (last.ok) return { indices, start, steps, reached: true, message: `auto: proved ${switched}— ${count(steps)} reach the right side` };
  if (steps.length === 0) return { indices: doc.indices, start: doc.start, steps, reached: false, message: nothingFound(goal, facts, from, indices, descent, last.why) };
  const where = isFinished(reachedTerm, indices) ? 'no derivative left' : `stopped: ${stopText(descent)}`;
  const goalNote = last.why !== undefined ? `; the right side is not reached (${last.why})` : '';
  return { indices, start, steps, reached: false, message: `auto: ${switched}${count(steps)}, ${where}${goalNote}` };
}

/**
 * `proof differential X`: from `d f` (no step yet), the differential method
 * of `derive` (`src/search/derive.ts`) to `tr(dXᵀ G′)`, then the `by auto`
 * search from there to the claimed form. From a later line only the search
 * runs (`derive` starts from `d f`).
 */
function byDifferentials(ctx: ProverContext, goal: Goal, doc: ProofDoc, facts: GoalFacts, why: string | undefined): AutoResult {
  const keep = { indices: doc.indices, start: doc.start };
  const body = goal.lhs.kind === 'partial' ? goal.lhs.body : null;
  if (doc.steps.length > 0 || body === null || !equalTerms(doc.start, facts.start)) {
    return { ...keep, steps: [], reached: false, message: `auto: the right side is not reached (${why ?? 'no right side'}); in a differential proof the method runs from the first line` };
  }
  const derived = derive({ expr: body, wrt: goal.variable!, facts: facts.options.facts, predicates: facts.options.predicates, rules: ctx.rules });
  if (!derived.ok) return { ...keep, steps: [], reached: false, message: `auto: the differential method stops: ${derived.problem}${derived.note ? `; ${derived.note}` : ''}` };
  const end = derived.steps.at(-1)?.after ?? doc.start;
  const last = towards(ctx, end, facts);
  const steps = [...derived.steps, ...(last.ok ? last.steps : [])];
  if (last.ok) return { ...keep, steps, reached: true, message: `auto: proved by differentials — ${count(steps)} reach the right side` };
  return { ...keep, steps, reached: false, message: `auto: by differentials, ${count(steps)}; the right side is not reached (${last.why ?? 'no right side'})` };
}

/** The finished term's result (entry by entry: the matrix `M` of `(M)ᵢⱼ`) simplified by `simp`, as steps on the whole term. */
function tidy(ctx: ProverContext, t: Term, indices: readonly string[], facts: GoalFacts): readonly Step[] {
  const entry = t.kind === 'mul' && t.factors.length === 1 ? t.factors[0]! : t;
  const path = indices.length === 0 ? [] : entry === t ? [0] : [0, 0];
  if (indices.length > 0 && entry.kind !== 'entry') return [];
  return simplifySelection(ctx, t, path, facts.options).steps;
}

/** The message when auto-completion adds no step: why not, and which search stopped where. */
function nothingFound(goal: Goal, facts: GoalFacts, from: Term, indices: readonly string[], descent: Descent, why: string | undefined): string {
  if (why !== undefined && isFinished(from, indices)) return `auto: the right side is not reached (${why})`;
  if (isFinished(from, indices)) return 'auto: nothing left to do: no derivative, and no rule makes the term smaller';
  const hint = indices.length === 0 && isGradient(goal, facts) ? '; a gradient is proved entry by entry: undo to the start, then e or a' : '';
  return `auto: no step found (${stopText(descent)})${hint}`;
}

/** `3 steps`, `1 step`. */
export const count = (steps: readonly Step[]): string => `${steps.length} step${steps.length === 1 ? '' : 's'}`;

const stopText = (descent: Descent): string =>
  descent.stop === 'budget' ? `search budget spent after ${descent.expanded} terms${mostApplied(descent.busiest)}` : descent.stop === 'exhausted' ? 'no rule leads further' : 'done';

/** `; rules applied most: a, b` (empty when none is named). */
export const mostApplied = (busiest: readonly string[]): string => (busiest.length > 0 ? `; rules applied most: ${busiest.join(', ')}` : '');

/** A finished term: no derivative left, and entry by entry a single entry `(M)ᵢⱼ` (or `c (M)ᵢⱼ`). */
function isFinished(t: Term, indices: readonly string[]): boolean {
  return !hasDerivative(t) && (indices.length === 0 || entryBody(t, indices) !== undefined);
}

/** The steps to the right side, or why it was not reached (`why` undefined: the right side is not known). */
type Towards = { readonly ok: true; readonly steps: readonly Step[] } | { readonly ok: false; readonly why: string | undefined };

/** The `by auto` search (`proposeChain`, bidirectional) from `from` to one of the goal's ends, if the right side is known and reachable. */
function towards(ctx: ProverContext, from: Term, facts: GoalFacts): Towards {
  let why: string | undefined;
  for (const target of facts.targets) {
    if (equalTerms(from, target)) return { ok: true, steps: [] };
    const found = proposeChain(from, target, ctx.rules, facts.options, ctx.limits.search);
    if (found.ok) return found;
    why ??= `${found.stop} after ${found.explored} terms${mostApplied(found.busiest)}`;
  }
  return { ok: false, why };
}

/** Is the goal's left side a gradient `∂f/∂X` of a scalar `f` by a matrix or a vector? */
export function isGradient(goal: Goal, facts: GoalFacts): boolean {
  const isScalar = facts.options.facts.isScalar;
  return goal.lhs.kind === 'partial' && isScalar(goal.lhs.body) && !isScalar(goal.lhs.wrt);
}

/**
 * Fresh entry indices for proving the goal entry by entry: two for a matrix
 * left side, one for a vector, none for a scalar. Fresh: neither side of the
 * goal mentions them.
 */
export function entryIndices(goal: Goal, facts: GoalFacts): string[] {
  const { isScalar, isVector } = facts.options.facts;
  if (isScalar(goal.lhs)) return [];
  const sides = goal.rhs === null ? [goal.lhs] : [goal.lhs, goal.rhs];
  const free = INDEX_NAMES.filter((n) => !sides.some((t) => mentionsAny(t, new Set([n]))));
  return free.slice(0, isVector(goal.lhs) ? 1 : 2);
}
