import { printTerm } from '../print/index.js';
import type { Facts } from '../rules/index.js';
import * as c from '../term/index.js';
import { children, type Term } from '../term/index.js';
import type { Sides } from './both-sides.js';
import type { StepRefusal } from './frechet-unique.js';

/** Every property a declaration can give a symbol (the grammar's `propertyWord`, and `positive definite`). */
const DECLARABLE_PROPERTIES = ['symmetric', 'invertible', 'spd', 'positive-definite', 'diagonal', 'orthogonal', 'positive', 'nonzero'];

/**
 * `⟹ E[T/H] by substitute H := T`: the previous equation holds for every
 * value of the declared symbol `H`, so it holds for `T`. Refused when `H` is
 * not a declared symbol, has declared properties (`T` would have to have them
 * too) or other symbols are declared to depend on it, when `T` has another
 * shape, or when `H` occurs where it is a variable of calculus rather than a
 * value — under `∂`, `d`, `o(…)`, an evaluation or a Σ, or as the point of a
 * Fréchet derivative (`o(H)` speaks of `H → 0`; `∂/∂H` of `H` varying).
 */
export function checkSubstitution(previous: Sides, h: string, value: Term, facts: Facts): StepRefusal {
  const symbol = c.sym(h);
  if (!facts.isDeclared(h)) return `${h} is not a declared symbol`;
  const held = DECLARABLE_PROPERTIES.filter((p) => facts.hasProperty(symbol, p));
  if (held.length > 0) return `${h} is declared ${held.join(', ')}; only a symbol without properties can take any value`;
  if (!facts.sameShape(symbol, value)) return `${printTerm(value)} does not have the shape of ${h}`;
  for (const side of [previous.lhs, previous.rhs]) {
    const why = variableUse(side, h, facts);
    if (why !== null) return why;
  }
  return null;
}

/** Where `h` is used as a variable of calculus in `t`, or another symbol depends on it; null if nowhere. */
function variableUse(t: Term, h: string, facts: Facts): string | null {
  const mentions = (u: Term): boolean => facts.dependsOn(u, h);
  if (t.kind === 'sym') return t.name !== h && mentions(t) ? `${t.name} depends on ${h}` : null;
  const binder = t.kind === 'partial' || t.kind === 'd' || t.kind === 'o' || t.kind === 'at' || t.kind === 'sum';
  if (binder && mentions(t)) return `${h} occurs in ${printTerm(t)}, where it is a variable, not a value`;
  if (t.kind === 'frechet' && (mentions(t.fn) || mentions(t.at))) return `${h} occurs in ${printTerm(t)} at the point of differentiation`;
  for (const k of children(t)) {
    const why = variableUse(k, h, facts);
    if (why !== null) return why;
  }
  return null;
}

/** `t` with every occurrence of the symbol `h` replaced by `value`, in canonical form again. */
export function substituteSymbol(t: Term, h: string, value: Term, isScalar: c.ScalarTest): Term {
  if (t.kind === 'sym') return t.name === h ? value : t;
  const kids = children(t);
  if (kids.length === 0) return t;
  const replaced = kids.map((k) => substituteSymbol(k, h, value, isScalar));
  return replaced.every((k, i) => k === kids[i]) ? t : c.withChildren(t, replaced, isScalar);
}
