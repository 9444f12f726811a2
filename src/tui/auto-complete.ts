import { searchAuto } from '../check/auto.js';
import { makeSource, span } from '../diag/index.js';
import type { Step } from '../rewrite/index.js';
import { equalTerms, type Term } from '../term/index.js';
import { descend, hasDerivative, type DescendBudget, DEFAULT_DESCEND_BUDGET } from './descend.js';
import { elaborateGoal, type GoalFacts, type ProverContext } from './prover-context.js';
import { entryBody, mentionsAny } from './render-proof.js';
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
 * 4. with a known right side, the bounded search again from there.
 * It proposes; every step is a kernel step, and saving re-checks them.
 */
export function autoComplete(ctx: ProverContext, goal: Goal, doc: ProofDoc, budget: DescendBudget = DEFAULT_DESCEND_BUDGET): AutoResult {
  let indices = doc.indices;
  let facts = elaborateGoal(ctx, goal, indices);
  let from = currentTerm(doc);
  let start = doc.start;
  const direct = towards(ctx, from, facts);
  if (direct !== undefined) return { indices, start, steps: direct, reached: true, message: `auto: proved — ${count(direct)} reach the right side` };
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
  const steps = [...descent.steps, ...(last ?? [])];
  const switched = indices !== doc.indices ? `entry by entry (${indices.join(', ')}), ` : '';
  if (last !== undefined) return { indices, start, steps, reached: true, message: `auto: proved ${switched}— ${count(steps)} reach the right side` };
  if (steps.length === 0 && isFinished(from, indices)) {
    return { indices: doc.indices, start: doc.start, steps, reached: false, message: 'auto: nothing left to do: no derivative, and no rule makes the term smaller' };
  }
  if (steps.length === 0) {
    const hint = indices.length === 0 && isGradient(goal, facts) ? '; a gradient is proved entry by entry: undo to the start, then e or a' : '';
    return { indices: doc.indices, start: doc.start, steps, reached: false, message: `auto: no step found (${stopText(descent.stop, descent.expanded)})${hint}` };
  }
  const where = isFinished(reachedTerm, indices) ? 'no derivative left' : `stopped: ${stopText(descent.stop, descent.expanded)}`;
  const goalNote = facts.targets.length > 0 ? '; the right side is not reached' : '';
  return { indices, start, steps, reached: false, message: `auto: ${switched}${count(steps)}, ${where}${goalNote}` };
}

const count = (steps: readonly Step[]): string => `${steps.length} step${steps.length === 1 ? '' : 's'}`;

const stopText = (stop: string, expanded: number): string =>
  stop === 'budget' ? `search budget of ${expanded} terms spent` : stop === 'exhausted' ? 'no rule leads further' : 'done';

/** A finished term: no derivative left, and entry by entry a single entry `(M)ᵢⱼ` (or `c (M)ᵢⱼ`). */
function isFinished(t: Term, indices: readonly string[]): boolean {
  return !hasDerivative(t) && (indices.length === 0 || entryBody(t, indices) !== undefined);
}

/** The checker's `by auto` search from `from` to one of the goal's ends, if the right side is known and reachable. */
function towards(ctx: ProverContext, from: Term, facts: GoalFacts): readonly Step[] | undefined {
  const at = span(makeSource('<auto>', ''), 0);
  for (const target of facts.targets) {
    if (equalTerms(from, target)) return [];
    const found = searchAuto(from, target, ctx.rules, at, facts.options);
    if (found.ok) return found.steps;
  }
  return undefined;
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
