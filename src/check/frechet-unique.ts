import { printTerm } from '../print/index.js';
import type { Facts } from '../rules/index.js';
import * as c from '../term/index.js';
import { equalTerms, type Term } from '../term/index.js';
import type { Sides } from './both-sides.js';

/** Why an equation step of the kernel's own (`frechet-unique`, `substitute`) does not apply; null when it does. */
export type StepRefusal = string | null;

/**
 * `⟹ f′(X)·H = L by frechet-unique`, from the previous equation
 * `f(X + H) = f(X) + L + o(H)`: the Fréchet derivative is unique, so the
 * part linear in `H` is `f′(X)·H`. Holds when `H` is a declared symbol, `X`
 * and `f` do not depend on it, the remaining summands `L` are exactly the
 * new right side, and each of them is linear in `H` (see `isLinearIn`).
 * A constant summand is not linear: `L` must vanish at `H = 0`.
 */
export function checkFrechetUnique(previous: Sides, target: Sides, facts: Facts): StepRefusal {
  const d = target.lhs;
  if (d.kind !== 'frechet' || d.dir === null || d.dir.kind !== 'sym') return 'the new equation must read f′(X)·H = …, with H a symbol';
  const [f, x, h] = [d.fn, d.at, d.dir];
  if (!facts.isDeclared(h.name)) return `${h.name} is not declared`;
  if (facts.dependsOn(x, h.name) || facts.dependsOn(f, h.name)) return `${printTerm(x)} and ${printTerm(f)} must not depend on ${h.name}`;
  const expected = c.apply(f, [c.add([x, h])]);
  const asWritten: Term = c.apply(f, [{ kind: 'add', terms: [x, h] }]);
  if (!equalTerms(previous.lhs, expected)) return `the previous equation must begin ${printTerm(asWritten)} =`;
  const summands = previous.rhs.kind === 'add' ? previous.rhs.terms : [previous.rhs];
  const value = summands.findIndex((s) => equalTerms(s, c.apply(f, [x])));
  const remainder = summands.findIndex((s) => equalTerms(s, c.littleO(h)));
  if (value === -1 || remainder === -1) return `the previous right side must be ${printTerm(c.apply(f, [x]))} + (a part linear in ${h.name}) + o(${h.name})`;
  const rest = summands.filter((_, i) => i !== value && i !== remainder);
  const linear = rest.length === 0 ? c.num(0) : c.add(rest);
  if (!equalTerms(linear, target.rhs)) return `the part linear in ${h.name} is ${printTerm(linear)}, not ${printTerm(target.rhs)}`;
  const bad = rest.find((s) => !isLinearIn(s, h.name, facts));
  return bad === undefined ? null : `${printTerm(bad)} is not linear in ${h.name}`;
}

/**
 * Is `t` linear in the symbol `h` — of the form `L(h)` for a linear map `L`?
 * Decided structurally: `h` itself; a sum of linear terms; a product (also
 * Hadamard or Kronecker) with exactly one factor linear in `h` and the
 * others free of it; the transpose, trace, an entry, a Σ-sum (over another
 * index) or a directional derivative `g′(Y)·(…)` of a linear term. Anything
 * else is refused, which is always safe.
 */
export function isLinearIn(t: Term, h: string, facts: Facts): boolean {
  const free = (u: Term): boolean => !facts.dependsOn(u, h);
  switch (t.kind) {
    case 'sym': return t.name === h;
    case 'add': return t.terms.every((s) => isLinearIn(s, h, facts));
    case 'mul': case 'hadamard': case 'kron': return oneLinearFactor(t.factors, h, facts);
    case 'transpose': return isLinearIn(t.arg, h, facts);
    case 'fn': return t.name === 'tr' && t.args.length === 1 && isLinearIn(t.args[0]!, h, facts);
    case 'entry': return isLinearIn(t.body, h, facts) && t.indices.every(free);
    case 'sum': return !(t.index.kind === 'sym' && t.index.name === h) && isLinearIn(t.body, h, facts);
    case 'frechet': return t.dir !== null && free(t.fn) && free(t.at) && isLinearIn(t.dir, h, facts);
    default: return false;
  }
}

function oneLinearFactor(factors: readonly Term[], h: string, facts: Facts): boolean {
  const dependent = factors.filter((f) => facts.dependsOn(f, h));
  return dependent.length === 1 && isLinearIn(dependent[0]!, h, facts);
}
