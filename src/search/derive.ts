import type { RewriteOptions, Step } from '../rewrite/index.js';
import type { Facts, Rule } from '../rules/index.js';
import * as c from '../term/index.js';
import { equalTerms, getAt, positions, type Path, type Term } from '../term/index.js';
import { innerFactors, isInnerForm, toInnerProduct, type InnerProductRules } from './inner-product.js';
import { differentiate } from './differentiate.js';
import { hasDifferential, Run, type RunBudget, type RunStop, type RuleUse } from './run.js';

/**
 * `derive`: the derivative of a formula and its derivation as kernel steps,
 * by the differential method (`proof differential X`: only X varies).
 *
 * 1. From `d f`, the `d` rules push the differential inward until it sits
 *    only on `X` (`d-fixed` removes what does not depend on X).
 * 2. Products, transposes and traces are expanded over sums holding `dX`,
 *    so `df` is a sum of terms each linear in `dX`.
 * 3. By the kind of question:
 *    - scalar `f`, matrix or vector `X`: `df` is brought to `tr(dXᵀ G)`
 *      (`inner-product.ts`), and `∂f/∂X = G` (the gradient, X's shape);
 *    - scalar `X` (a parameter `t`): `dt` is factored out, `∂f/∂t = G`;
 *    - otherwise: the differential `d f = R` itself.
 * 4. `G` (or `R`) is tidied with transpose, identity and collection rules.
 *
 * Each phase runs under the run's step and time budgets; a construct no rule
 * handles stops the derivation with its name, never a wrong answer. The
 * result proposes a proof; the caller has the kernel check it.
 */

export type DeriveRequest = {
  readonly expr: Term;
  /** The variable, a declared symbol. */
  readonly wrt: string;
  /** Facts of the formula's elaboration (with `wrt` declared). */
  readonly facts: Facts;
  readonly predicates: RewriteOptions['predicates'];
  /** The rule library (usually `rules/core`); rules are found by id. */
  readonly rules: readonly Rule[];
  readonly budget?: Partial<RunBudget>;
  readonly now?: () => number;
};

export type DerivationKind = 'gradient' | 'by-scalar' | 'differential';

/** A derivation: the claim `lhs = result` and the chain from `start` to `end` that proves it in `proof differential wrt`. */
export type Derivation = {
  readonly ok: true;
  readonly kind: DerivationKind;
  readonly wrt: string;
  /** `∂f/∂X`, `∂f/∂t` or `d f`. */
  readonly lhs: Term;
  readonly result: Term;
  /** `d f`: where the chain starts. */
  readonly start: Term;
  readonly steps: readonly Step[];
};

/**
 * Why there is no derivation. `unsupported`: no rule handles `construct`
 * (`problem` says what was being done: "no rule differentiates"); `budget`: a
 * budget ran out (`stop`); `missing-rule`: the library lacks a rule the
 * method needs. The caller prints `problem`, then the construct.
 */
export type DeriveFailure = {
  readonly ok: false;
  readonly reason: 'unsupported' | 'budget' | 'missing-rule';
  readonly problem: string;
  readonly construct: Term | null;
  readonly stop?: RunStop;
  /** The steps taken before it stopped (how far it got). */
  readonly steps?: readonly Step[];
  /** A rule that matched but whose side condition did not hold, with why. */
  readonly note?: string;
};

export type DeriveOutcome = Derivation | DeriveFailure;

/**
 * Whole-number powers of matrices split off one factor under `d` (the d rules
 * have no matrix power rule); a negative power first becomes a power of the
 * inverse, so that the factors split off merge back into powers.
 */
const SPLIT_POWERS = ['inverse-power', 'power-split', 'inverse-power-split'];
/** Rules of step 1, in the order tried at each position. Optional ones extend coverage when the library has them. */
const DIFFERENTIATE = [
  'norm-squared', 'frobenius-norm-squared', 'trace-of-kron',
  'd-fixed', 'd-identity', 'd-fixed-left', 'd-fixed-right', 'd-sum', 'd-scaled', 'd-scalar-product', 'd-product', 'd-transpose', 'd-inverse',
  'd-trace', 'd-log-det', 'd-det', 'd-log', 'd-exp', 'd-sin', 'd-cos', 'd-sqrt', 'd-power-natural', 'd-norm',
  'd-hadamard-fixed-left', 'd-hadamard-fixed-right', 'd-hadamard', 'd-hadamard-power', 'd-map-exp', 'd-map-log', 'd-map-sin', 'd-map-cos', 'd-kron-fixed-left', 'd-kron-fixed-right', 'd-kron',
];
/** Rules of step 2 (only where a differential is inside the rewritten subterm). */
const EXPAND = [
  'transpose-of-product', 'transpose-of-sum', 'transpose-of-scaled', 'transpose-involution', 'transpose-of-hadamard',
  'distribute-left', 'distribute-right', 'distribute-scalar', 'distribute-scalar-sum', 'negate-sum', 'trace-of-sum', 'hadamard-of-sum', 'reciprocal-cancel', 'trace-of-kron',
  'kron-mixed-product', 'hadamard-zero-left', 'hadamard-zero-right',
  // Factors split off a power merge back as they meet (`X X⁻¹…`: one step per product rule, not one per factor at the end).
  'product-self', 'power-merge-left', 'power-merge-right', 'power-product',
];
/** By a scalar: scalar factors (`dt`) come out of traces, Hadamard and Kronecker products. */
const SCALARS_OUT = ['trace-of-scaled', 'hadamard-scaled-left', 'hadamard-scaled-right', 'kron-scaled-left', 'kron-scaled-right'];
/** Rules of step 4 that push transposes inward (tried first, at transposes only). */
const TRANSPOSE_IN = ['transpose-involution', 'transpose-of-product', 'transpose-of-scaled', 'transpose-of-sum'];
/** Rules of step 4, besides those tagged `simp`. */
const TIDY = [
  'transpose-involution', 'transpose-of-product', 'transpose-of-scaled', 'transpose-of-sum', 'transpose-of-identity',
  'transpose-of-scalar', 'transpose-of-symmetric', 'transpose-of-hadamard', 'identity-left', 'identity-right', 'inverse-of-identity',
  'trace-of-zero', 'add-self', 'sub-self', 'collect-scalars', 'collect-scalar-one', 'reciprocal-cancel',
  'power-product', 'power-merge-left', 'power-merge-right', 'product-self',
  'transpose-inverse-left', 'transpose-inverse-right', 'inverse-involution', 'det-of-inverse', 'hadamard-zero-left', 'hadamard-zero-right',
  'hadamard-power-one', 'hadamard-scaled-left', 'hadamard-scaled-right', 'kron-scaled-left', 'kron-scaled-right',
  'power-transpose', 'scalar-to-front', 'det-transpose', 'scalar-square',
];

/** Derives `req.expr` by `req.wrt`; see the module comment. */
export function derive(req: DeriveRequest): DeriveOutcome {
  const byId = new Map(req.rules.map((r) => [r.id, r]));
  const forward = (ids: readonly string[]): RuleUse[] => ids.flatMap((id) => (byId.has(id) ? [{ rule: byId.get(id)!, direction: 'forward' as const }] : []));
  const facts: Facts = { ...req.facts, varying: [req.wrt] };
  const options: RewriteOptions = { facts, predicates: req.predicates };
  const x = c.sym(req.wrt);
  const start = c.differential(req.expr);
  const run = new Run(start, options, req.budget, req.now);
  differentiate(run, { split: forward(SPLIT_POWERS), differentiate: forward(DIFFERENTIATE), expand: forward(EXPAND) });
  const left = leftoverDifferential(run.term, x);
  if (run.stop !== null) return { ...budgetFailure(run.stop, 'differentiating'), steps: run.steps };
  if (left !== null) {
    const blocked = run.blockedAt(left.path, forward(DIFFERENTIATE.filter((id) => !id.includes('fixed'))));
    return { ...unsupported('no rule differentiates', left.term), steps: run.steps, ...(blocked === null ? {} : { note: blocked }) };
  }
  const kind: DerivationKind = facts.isScalar(x) ? 'by-scalar' : facts.isScalar(req.expr) ? 'gradient' : 'differential';
  const shaped = shapeResult(run, kind, x, byId);
  if (shaped !== null) return { ...shaped, steps: run.steps };
  // Transposes first, visiting only transpose nodes: pushing one into a product of n factors takes n steps, and the full rule set need not be tried on that product after each.
  run.exhaust(forward(TRANSPOSE_IN), (t) => t.kind === 'transpose', keepsForm(kind, x, facts.isScalar));
  run.exhaust(forward(TIDY), () => true, keepsForm(kind, x, facts.isScalar));
  if (run.stop !== null) return { ...budgetFailure(run.stop, 'tidying the result'), steps: run.steps };
  const lhs = kind === 'differential' ? start : c.partial(req.expr, x);
  return { ok: true, kind, wrt: req.wrt, lhs, result: resultOf(run.term, kind, x, facts.isScalar), start, steps: run.steps };
}

/** Step 3: bring the differential to the form the kind of question reads its answer from. */
function shapeResult(run: Run, kind: DerivationKind, x: Term, byId: ReadonlyMap<string, Rule>): DeriveFailure | null {
  if (kind === 'differential') return null;
  if (kind === 'by-scalar') {
    run.exhaust(SCALARS_OUT.flatMap((id) => (byId.has(id) ? [{ rule: byId.get(id)!, direction: 'forward' as const }] : [])), hasDifferential);
    return factorScalar(run, x);
  }
  const rules = innerProductRules(byId);
  if ('missing' in rules) return missingRule(rules.missing);
  const failure = toInnerProduct(run, x, rules);
  if (run.stop !== null) return budgetFailure(run.stop, 'bringing df to the form tr(dXᵀ G)');
  if (failure === null) return null;
  return unsupported(`no rule brings this term to the form tr(d${nameOf(x)}ᵀ G):`, failure.stuckAt);
}

/** By a scalar: every summand of `dF` must have `dt` as a factor (the kernel reads `G` off `G₁ dt + G₂ dt + …`). */
function factorScalar(run: Run, x: Term): DeriveFailure | null {
  const dx = c.differential(x);
  const summands = run.term.kind === 'add' ? run.term.terms : [run.term];
  const stray = summands.find((s) => hasDifferential(s) && !hasFactor(s, dx));
  return stray === undefined ? null : unsupported(`no rule brings d${nameOf(x)} out as a factor of`, stray);
}

const hasFactor = (t: Term, f: Term): boolean => equalTerms(t, f) || (t.kind === 'mul' && t.factors.some((u) => equalTerms(u, f)));

function innerProductRules(byId: ReadonlyMap<string, Rule>): InnerProductRules | { missing: string } {
  const needed = { wrap: ['trace-of-scalar', 'backward'], unwrap: ['trace-of-scalar', 'forward'], pullIn: ['trace-of-scaled', 'backward'], pullOut: ['trace-of-scaled', 'forward'],
    cyclic: ['trace-cyclic', 'forward'], turn: ['trace-transpose', 'backward'], transposeProduct: ['transpose-of-product', 'forward'],
    identityLeft: ['identity-left', 'backward'], zero: ['trace-of-zero', 'backward'] } as const;
  const out: Record<string, RuleUse | null> = {};
  for (const [role, [id, direction]] of Object.entries(needed)) {
    const rule = byId.get(id);
    if (rule === undefined) return { missing: id };
    out[role] = { rule, direction };
  }
  const optional = (id: string): RuleUse | null => (byId.has(id) ? { rule: byId.get(id)!, direction: 'forward' } : null);
  const merge = ['trace-merge', 'trace-merge-scaled', 'trace-merge-both-scaled'].flatMap((id) => optional(id) ?? []);
  if (merge.length === 0) return { missing: 'trace-merge' };
  return { ...out, merge, hadamardMove: optional('trace-hadamard-move'), hadamardCommute: optional('hadamard-commute') } as unknown as InnerProductRules;
}

/** Tidying must leave the form the answer is read from: `tr(dXᵀ G)`, or summands `Gᵢ dt`. */
function keepsForm(kind: DerivationKind, x: Term, isScalar: c.ScalarTest): (after: Term) => boolean {
  const dx = c.differential(x);
  const lead = c.transpose(dx);
  // G keeps a matrix factor: `tr(c dXᵀ I)` must not lose its I (the gradient is c I, not c).
  if (kind === 'gradient') return (after) => isInnerForm(after, lead, isScalar) && innerFactors((after as c.TermOf<'fn'>).args[0]!)!.some((f) => !isScalar(f) && !equalTerms(f, lead));
  if (kind === 'by-scalar') return (after) => (after.kind === 'add' ? after.terms : [after]).every((s) => !hasDifferential(s) || hasFactor(s, dx));
  return () => true;
}

/** The answer read off the final term: `G` of `tr(dXᵀ G)` or of `G₁ dt + G₂ dt + …`, or the differential itself. */
function resultOf(t: Term, kind: DerivationKind, x: Term, isScalar: c.ScalarTest): Term {
  if (kind === 'differential') return t;
  if (kind === 'by-scalar') return c.add((t.kind === 'add' ? t.terms : [t]).map((s) => without(s, c.differential(x), isScalar)));
  if (t.kind !== 'fn' || t.args[0]!.kind !== 'mul') return c.num(0); // tr(0): f does not depend on X
  const product = t.args[0];
  const coefficients = [product.coeff, ...product.factors.flatMap((f) => (f.kind === 'mul' && hasDifferential(f) ? [f.coeff] : []))];
  const factors = innerFactors(product)!;
  const at = factors.findIndex((f) => equalTerms(f, c.transpose(c.differential(x))));
  const rest = factors.filter((_, i) => i !== at);
  return c.canonicalize(c.mul([...coefficients.map((q) => c.num(q)), ...rest], isScalar), isScalar);
}

/** `t` with one factor `f` taken out (1 when `t` is `f`). */
function without(t: Term, f: Term, isScalar: c.ScalarTest): Term {
  if (equalTerms(t, f)) return c.num(1);
  if (t.kind !== 'mul') return t;
  const at = t.factors.findIndex((u) => equalTerms(u, f));
  return c.canonicalize(c.mul([c.num(t.coeff), ...t.factors.filter((_, i) => i !== at)], isScalar), isScalar);
}

/** A differential left on something other than `X` itself (what no rule could differentiate): the `d` node's path and its argument. */
function leftoverDifferential(t: Term, x: Term): { path: Path; term: Term } | null {
  const path = positions(t).find((p) => {
    const u = getAt(t, p)!;
    return u.kind === 'd' && !equalTerms(u.arg, x);
  });
  return path === undefined ? null : { path, term: (getAt(t, path) as c.TermOf<'d'>).arg };
}

const nameOf = (x: Term): string => (x.kind === 'sym' ? x.name : '?');

const unsupported = (problem: string, construct: Term): DeriveFailure => ({ ok: false, reason: 'unsupported', problem, construct });

const missingRule = (id: string): DeriveFailure =>
  ({ ok: false, reason: 'missing-rule', problem: `the rule library has no rule "${id}", which the differential method needs`, construct: null });

const budgetFailure = (stop: RunStop, phase: string): DeriveFailure => ({
  ok: false, reason: 'budget', stop, construct: null,
  problem: `${stop.reason === 'step-budget' ? `step budget (${stop.limit} steps)` : `time budget (${stop.limit} ms)`} reached while ${phase}`,
});
