import { differentialNotApplicable as notIdentified, type Diagnostic } from '../diag/index.js';
import type { Theorem } from '../proof/index.js';
import { printTerm } from '../print/index.js';
import type { Facts } from '../rules/index.js';
import * as c from '../term/index.js';
import { someNode, type Term } from '../term/index.js';

/**
 * `proof differential X`: the differential method. Inside such a proof `d` is
 * the differential in `X` alone — every other symbol is fixed (the predicate
 * `fixed`) — so the `d` rules compute `df = f′(X)·dX`. A claim `∂f/∂X = G`,
 * with `f` scalar, is proved by a chain from `d f` to `tr(Gᵀ dX)`: the
 * gradient is by definition the one matrix with `df = tr((∂f/∂X)ᵀ dX)` for
 * every `dX` (DESIGN.md, Derivative conventions), and `tr(Gᵀ dX)` is linear in
 * `dX` as long as `G` holds no differential (refused otherwise). By a
 * scalar `t`, `∂F/∂t = G` (any shape) is a chain from `d F` to `G dt` (or,
 * for a sum `G`, each summand times `dt`). Any other
 * claim (`d F = …`) is a plain chain, read with `X` the only varying symbol.
 */

/** The theorem's facts with `X` the only varying symbol, or why `X` cannot be differentiated by. */
export function differentialFacts(theorem: Theorem, facts: Facts): Facts | Diagnostic {
  const variable = theorem.variable!;
  if (!facts.isDeclared(variable.text)) return notIdentified(variable.span, 'a declared matrix, vector or scalar symbol', `${variable.text}, not declared`);
  return { ...facts, varying: [variable.text] };
}

/** Where a differential proof must start and end to prove `lhs = rhs` (see the module comment). */
export function differentialEnds(theorem: Theorem, lhs: Term, rhs: Term, facts: Facts): { lhs: Term[]; rhs: Term[] } | Diagnostic {
  const ends = differentialChainEnds(theorem.variable!.text, lhs, rhs, facts);
  return 'expected' in ends ? notIdentified(theorem.name.span, ends.expected, ends.found) : ends;
}

/**
 * The ends of a chain proving `lhs = rhs` in `proof differential variable`
 * (also what the prover aims at), or what the claim should have been.
 */
export function differentialChainEnds(variable: string, lhs: Term, rhs: Term, facts: Facts): { lhs: Term[]; rhs: Term[] } | { expected: string; found: string } {
  if (lhs.kind !== 'partial' || lhs.wrt.kind !== 'sym' || lhs.wrt.name !== variable) return { lhs: [lhs], rhs: [rhs] };
  if (hasDifferential(rhs)) return { expected: 'a derivative without differentials', found: printTerm(rhs) };
  const dx = c.differential(lhs.wrt);
  const canonical = (t: Term): Term => c.canonicalize(t, facts.isScalar);
  if (facts.isScalar(lhs.wrt)) {
    // By a scalar t: dF = F′(t) dt, entry by entry; a sum may be multiplied out.
    const parts = rhs.kind === 'add' ? [rhs.terms, [rhs]] : [[rhs]];
    return { lhs: [c.differential(lhs.body)], rhs: parts.map((ts) => canonical(c.add(ts.map((g) => c.mul([g, dx], facts.isScalar))))) };
  }
  if (!facts.isScalar(lhs.body)) {
    return { expected: `a scalar function of ${variable} (a gradient)`, found: `${printTerm(lhs.body)}, not a scalar: state its differential d(…) instead` };
  }
  const forms = [c.mul([c.transpose(rhs), dx], facts.isScalar), c.mul([c.transpose(dx), rhs], facts.isScalar)];
  return { lhs: [c.differential(lhs.body)], rhs: forms.map((f) => canonical(c.fn('tr', [f]))) };
}

const hasDifferential = (t: Term): boolean => someNode(t, (u) => u.kind === 'd');
