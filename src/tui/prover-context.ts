import { DEFAULT_PROVER_LIMITS, type ProverLimits } from './prover-limits.js';
import type { RewriteOptions } from '../rewrite/index.js';
import { elaborateStatements, PREDICATES, RuleRegistry, type ElaboratedStatements, type Predicate, type Rule } from '../rules/index.js';
import { printTerm } from '../print/index.js';
import { checkProofFile, differentialChainEnds, type FileReport } from '../check/index.js';
import type { ProofFile } from '../proof/index.js';
import { proposeChain } from '../search/auto.js';
import { simpRules } from '../search/simp.js';
import type { Shape } from '../shape/index.js';
import * as c from '../term/index.js';
import type { Declaration, Signature, Statement, Term } from '../term/index.js';
import type { Goal } from './session.js';

/**
 * What the prover's reducer needs besides the session: the rules in scope,
 * the declarations, and the text of the file around the theorem. Built once
 * when a session opens; immutable (its memo tables only cache pure results).
 */
export type ProverContext = {
  /** Rules of the libraries the file uses and of the theorems before this one, in definition order. */
  readonly rules: readonly Rule[];
  /** The rules tagged `simp`, for `s`. */
  readonly simpRules: readonly Rule[];
  readonly predicates: ReadonlyMap<string, Predicate>;
  /** Declarations of the file (and `--let`), parsed. */
  readonly declarations: readonly (Declaration | Signature)[];
  /** The same declarations as proof-file lines, as written. */
  readonly declarationLines: readonly string[];
  /** The file's text before and after the theorem (what saving keeps around it). */
  readonly before: string;
  readonly after: string;
  /** Memo of `elaborateGoal`, by goal and indices. */
  readonly memo: Map<string, GoalFacts>;
  /** The bounds of every search and check of the session. */
  readonly limits: ProverLimits;
};

export type ContextInput = {
  readonly rules: readonly Rule[];
  readonly declarations: readonly (Declaration | Signature)[];
  readonly declarationLines: readonly string[];
  readonly before: string;
  readonly after: string;
  readonly predicates?: ReadonlyMap<string, Predicate>;
  /** Default `DEFAULT_PROVER_LIMITS`. */
  readonly limits?: ProverLimits;
};

export function makeProverContext(input: ContextInput): ProverContext {
  return {
    rules: input.rules,
    simpRules: simpRules(input.rules),
    predicates: input.predicates ?? PREDICATES,
    declarations: input.declarations,
    declarationLines: input.declarationLines,
    before: input.before,
    after: input.after,
    memo: new Map(),
    limits: input.limits ?? DEFAULT_PROVER_LIMITS,
  };
}

/** A registry holding the context's rules: a fresh one per check (the checker adds the theorem it checks). */
export function registryOf(ctx: ProverContext): RuleRegistry {
  const registry = new RuleRegistry();
  for (const rule of ctx.rules) registry.add(rule);
  return registry;
}

/**
 * The goal shaped as the checker shapes a theorem: its statement (and, entry
 * by entry, the `(i, j)` entries of its sides) under the declarations, with
 * the indices declared as indices. `start` is where the chain starts; `targets`
 * the terms that end it when the right side is known (`(−M)ᵢⱼ` may also be
 * `−(M)ᵢⱼ`).
 */
export type GoalFacts = {
  readonly options: RewriteOptions;
  readonly start: Term;
  readonly targets: readonly Term[];
  readonly shapeOf: (t: Term) => Shape | undefined;
};

export function elaborateGoal(ctx: ProverContext, goal: Goal, indices: readonly string[]): GoalFacts {
  const key = `${goal.name}\n${c.termKey(goal.lhs)}\n${goal.rhs ? c.termKey(goal.rhs) : '?'}\n${indices.join(' ')}\n${goal.variable ?? ''}`;
  const known = ctx.memo.get(key);
  if (known !== undefined) return known;
  const idx = indices.map((i) => c.sym(i));
  const claim: Statement = goal.rhs === null ? { kind: 'term', term: goal.lhs } : { kind: 'chain', terms: [goal.lhs, goal.rhs], relations: ['='] };
  const statements: Statement[] = [claim, ...(idx.length > 0 ? [{ kind: 'term', term: c.entry(goal.lhs, idx) } as Statement] : [])];
  const e = elaborateStatements(statements, new WeakMap(), [...ctx.declarations, ...indices.map(indexDeclaration)], { describe: (t) => printTerm(t) });
  const first = e.statements[0]!;
  const [lhs, rhs] = first.kind === 'chain' ? [first.terms[0]!, first.terms[1]!] : [first.kind === 'term' ? first.term : goal.lhs, null];
  const isScalar = e.facts.isScalar;
  if (goal.variable !== undefined) return remember(ctx, key, differentialGoal(ctx, goal.variable, lhs, rhs, e));
  const start = idx.length > 0 ? c.entry(lhs, idx) : lhs;
  const targets = rhs === null ? [] : idx.length > 0 ? entryForms(rhs, idx, isScalar) : [rhs];
  const facts: GoalFacts = { options: { facts: e.facts, predicates: ctx.predicates }, start, targets, shapeOf: e.elaboration.shapeOf };
  ctx.memo.set(key, facts);
  return facts;
}

const remember = (ctx: ProverContext, key: string, facts: GoalFacts): GoalFacts => (ctx.memo.set(key, facts), facts);

/**
 * A goal in `proof differential X`: only `X` varies (the predicate `fixed`
 * holds of the rest), the chain starts at `d f` and ends at `tr(dXᵀ G)` or
 * `tr(Gᵀ dX)` for the claimed gradient `G` (`differentialChainEnds`, the
 * checker's own ends).
 */
function differentialGoal(ctx: ProverContext, variable: string, lhs: Term, rhs: Term | null, e: ElaboratedStatements): GoalFacts {
  const facts = { ...e.facts, varying: [variable] };
  const ends = rhs === null ? null : differentialChainEnds(variable, lhs, rhs, facts);
  const start = ends !== null && !('expected' in ends) ? ends.lhs[0]! : lhs;
  const targets = ends !== null && !('expected' in ends) ? ends.rhs : rhs === null ? [] : [rhs];
  return { options: { facts, predicates: ctx.predicates }, start, targets, shapeOf: e.elaboration.shapeOf };
}

const indexDeclaration = (name: string): Declaration => ({
  kind: 'decl', targets: [{ name, params: [] }], shape: { kind: 'index', range: null }, properties: [],
});

/** `(M)ᵢⱼ`, and `c (M′)ᵢⱼ` when `M` is `c M′`: the ends the checker accepts entry by entry (as `check-theorem` builds them). */
function entryForms(m: Term, indices: readonly Term[], isScalar: c.ScalarTest): Term[] {
  const plain = c.entry(m, indices);
  if (m.kind !== 'mul' || c.isOne(m.coeff)) return [plain];
  return [plain, c.mul([c.num(m.coeff), c.entry(c.mul(m.factors, isScalar), indices)], isScalar)];
}

/**
 * Checks `file` (a theorem of the session, written out) as `leibniz check`
 * would with the same limits: the context's rules and predicates, `by auto`
 * searched by `proposeChain` and replayed by the kernel.
 */
export function checkInContext(ctx: ProverContext, file: ProofFile): { report: FileReport; proved: Rule[] } {
  return checkProofFile(file, { registry: registryOf(ctx), predicates: ctx.predicates, limits: ctx.limits.search, auto: proposeChain });
}
