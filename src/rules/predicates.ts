import { describeTerm } from '../shape/index.js';
import { someNode, termKey, type Term } from '../term/index.js';
import type { Facts, Predicate, Verdict } from './facts.js';

/**
 * The side-condition predicates rules may use (`if invertible(A), constant(A, t)`).
 * Each is decided from `Facts` only — declarations, shapes and the structure of
 * the term — never by evaluating numbers. Invariant: a predicate that holds
 * for a term holds for every value its declarations allow (they are sound,
 * not complete: "not known" is reported as not holding, with a reason).
 */

const yes = (by: string): Verdict => ({ holds: true, by });
const no = (reason: string): Verdict => ({ holds: false, reason });
const show = describeTerm;

/** Combines verdicts: holds when every part holds, by the first part's evidence. */
function all(verdicts: readonly Verdict[], by: string): Verdict {
  const failed = verdicts.find((v) => !v.holds);
  return failed ?? yes(by);
}

const numSign = (t: Term): number | undefined => (t.kind === 'num' ? Math.sign(Number(t.value.n)) : undefined);

/** `t` is declared with one of `properties` (a symbol, or a curve `X(t)` of one). */
function declared(t: Term, facts: Facts, properties: readonly string[]): string | undefined {
  return properties.find((p) => facts.hasProperty(t, p));
}

const isWholeNumeral = (t: Term): boolean => t.kind === 'num' && t.value.d === 1n;

function invertible(t: Term, facts: Facts): Verdict {
  const sign = numSign(t);
  if (sign !== undefined) return sign !== 0 ? yes('numeral') : no('0 is not invertible');
  const p = declared(t, facts, ['invertible', 'orthogonal', 'positive-definite', 'nonzero', 'positive']);
  if (p !== undefined && (p === 'invertible' || p === 'orthogonal' || p === 'positive-definite' || facts.isScalar(t))) return yes('declaration');
  switch (t.kind) {
    case 'identity': return yes('structure');
    case 'transpose': case 'inverse': return invertible(t.arg, facts);
    case 'mul': {
      if (!facts.isSquare(t) || t.factors.some((f) => !facts.isSquare(f))) break;
      return all(t.factors.map((f) => invertible(f, facts)), 'structure');
    }
    case 'fn': if (t.name === 'exp' && t.args.length === 1 && facts.isSquare(t.args[0]!)) return yes('structure'); break;
    // A whole-number power of an invertible square matrix: (Aᵏ)⁻¹ = (A⁻¹)ᵏ.
    case 'power': if (isWholeNumeral(t.exponent) && facts.isSquare(t.base) && !facts.isScalar(t.base)) return invertible(t.base, facts); break;
    default: break;
  }
  return no(`${show(t)} is not declared invertible`);
}

function symmetric(t: Term, facts: Facts): Verdict {
  if (facts.isScalar(t)) return yes('shape');
  if (declared(t, facts, ['symmetric', 'positive-definite', 'diagonal']) !== undefined) return yes('declaration');
  switch (t.kind) {
    case 'identity': return yes('structure');
    case 'transpose': case 'inverse': return symmetric(t.arg, facts);
    case 'add': return all(t.terms.map((s) => symmetric(s, facts)), 'structure');
    case 'mul': if (isGramProduct(t.factors)) return yes('structure'); break;
    default: break;
  }
  return no(`${show(t)} is not declared symmetric`);
}

/** `M Mᵀ` or `Mᵀ M`. */
function isGramProduct(factors: readonly Term[]): boolean {
  if (factors.length !== 2) return false;
  const [a, b] = factors as [Term, Term];
  return (b.kind === 'transpose' && termKey(b.arg) === termKey(a)) || (a.kind === 'transpose' && termKey(a.arg) === termKey(b));
}

function nonzero(t: Term, facts: Facts): Verdict {
  const sign = numSign(t);
  if (sign !== undefined) return sign !== 0 ? yes('numeral') : no('the numeral is 0');
  if (declared(t, facts, ['nonzero', 'positive', 'invertible', 'positive-definite', 'orthogonal']) !== undefined) return yes('declaration');
  switch (t.kind) {
    case 'identity': return yes('structure');
    // A product of nonzero scalars is nonzero; a product of nonzero matrices need not be (nilpotents), unless it is invertible.
    // A product of nonzero scalars is nonzero, and so is xᵀx for x ≠ 0; aᵀb need not be (a ⊥ b), nor a product of
    // nonzero matrices (nilpotents), unless it is invertible.
    case 'mul':
      if (facts.isScalar(t) && t.factors.every((f) => facts.isScalar(f))) return all(t.factors.map((f) => nonzero(f, facts)), 'structure');
      if (facts.isScalar(t) && isGramProduct(t.factors)) return nonzero(t.factors[1]!, facts);
      return facts.isScalar(t) ? no(`${show(t)} is not known to be nonzero`) : invertible(t, facts);
    case 'inverse': case 'transpose': return nonzero(t.arg, facts);
    case 'fn': if (t.name === 'exp') return yes('structure'); break;
    default: break;
  }
  return no(`${show(t)} is not known to be nonzero`);
}

/**
 * Positive definite by declaration or by structure: the inverse or transpose
 * of one, a sum of them, `Mᵀ M` or `M Mᵀ` with M invertible, or `Mᵀ S M` with
 * S positive definite and M invertible.
 */
function positiveDefinite(t: Term, facts: Facts): boolean {
  if (facts.hasProperty(t, 'positive-definite')) return true;
  switch (t.kind) {
    case 'inverse': case 'transpose': return positiveDefinite(t.arg, facts);
    case 'add': return t.terms.every((s) => positiveDefinite(s, facts));
    case 'mul': {
      if (t.coeff.n <= 0n || t.factors.some((f) => facts.isScalar(f))) return false;
      const [first, ...rest] = t.factors;
      if (isGramProduct(t.factors)) return invertible(t.factors[0]!.kind === 'transpose' ? t.factors[1]! : t.factors[0]!, facts).holds && facts.isSquare(t.factors[0]!);
      const last = t.factors.at(-1)!;
      const middle = rest.slice(0, -1);
      return t.factors.length === 3 && first!.kind === 'transpose' && termKey(first!.arg) === termKey(last) && facts.isSquare(last)
        && invertible(last, facts).holds && middle.length === 1 && positiveDefinite(middle[0]!, facts);
    }
    default: return false;
  }
}

function positive(t: Term, facts: Facts): Verdict {
  const sign = numSign(t);
  if (sign !== undefined) return sign > 0 ? yes('numeral') : no('the numeral is not positive');
  if (!facts.isScalar(t)) return no(`${show(t)} is not a scalar`);
  if (facts.hasProperty(t, 'positive')) return yes('declaration');
  switch (t.kind) {
    case 'fn':
      if (t.name === 'exp') return yes('structure');
      if ((t.name === 'det' || t.name === 'tr') && t.args.length === 1 && positiveDefinite(t.args[0]!, facts)) return yes('structure');
      if (t.name === 'sqrt' && t.args.length === 1) return positive(t.args[0]!, facts);
      break;
    case 'add': return all(t.terms.map((s) => positive(s, facts)), 'structure');
    case 'mul':
      if (t.coeff.n < 0n) return no(`${show(t)} has a negative coefficient`);
      if (isGramProduct(t.factors) && facts.isVector(t.factors[1]!)) return nonzero(t.factors[1]!, facts);
      if (!t.factors.every((f) => facts.isScalar(f))) return no(`${show(t)} is not known to be positive`);
      return all(t.factors.map((f) => positive(f, facts)), 'structure');
    case 'inverse': return positive(t.arg, facts);
    default: break;
  }
  return no(`${show(t)} is not known to be positive`);
}

function constant(args: readonly Term[], facts: Facts): Verdict {
  const [a, p] = args as [Term, Term];
  if (p.kind !== 'sym') return no(`${show(p)} is not a parameter name`);
  return facts.dependsOn(a, p.name) ? no(`${show(a)} depends on ${p.name}`) : yes('declaration');
}

/**
 * Fixed under the differential `d`: in a `proof differential X`, a term that
 * does not depend on X; elsewhere (every symbol may vary) a term without
 * symbols, like `I` or a numeral.
 */
function fixed(t: Term, facts: Facts): Verdict {
  const varying = facts.varying;
  if (varying === undefined) return hasSymbol(t) ? no(`${show(t)} may vary: d differentiates by every symbol outside a proof differential X`) : yes('structure');
  const moving = varying.find((v) => facts.dependsOn(t, v));
  return moving === undefined ? yes('declaration') : no(`${show(t)} depends on ${moving}`);
}

const hasSymbol = (t: Term): boolean => someNode(t, (u) => u.kind === 'sym');

/**
 * An index that is summed (a dummy of Einstein summation): one nobody
 * declared. Free indices — those of `proof entrywise i j`, or declared with
 * `i : index` — are not, so `δᵢⱼ vⱼ` with j free is never contracted.
 */
function summed(t: Term, facts: Facts): Verdict {
  if (t.kind !== 'sym') return no(`${show(t)} is not an index name`);
  return facts.isDeclared(t.name) ? no(`${t.name} is a free (declared) index, not a summed one`) : yes('structure');
}

const unary = (name: string, doc: string, decide: (t: Term, facts: Facts) => Verdict): Predicate =>
  ({ name, arity: 1, doc, decide: (args, facts) => decide(args[0]!, facts) });

const table: readonly Predicate[] = [
  unary('invertible', 'The term is an invertible matrix or a nonzero scalar: a nonzero numeral, I, a symbol declared invertible (orthogonal, positive definite), or transposes, inverses and square products of those.', invertible),
  unary('square', 'The term is a square matrix or a scalar, by its inferred shape.', (t, f) => (f.isSquare(t) ? yes('shape') : no(`${show(t)} is not square`))),
  unary('symmetric', 'The term equals its transpose: a scalar, I, a symbol declared symmetric (positive definite, diagonal), M Mᵀ, or sums, transposes and inverses of those.', symmetric),
  unary('scalar', 'The term is scalar-valued, by its inferred shape.', (t, f) => (f.isScalar(t) ? yes('shape') : no(`${show(t)} is not a scalar`))),
  unary('nonzero', 'The term is not zero: a nonzero numeral, I, a symbol declared nonzero (positive, invertible), or products and inverses of those.', nonzero),
  unary('positive', 'The term is a positive scalar: a positive numeral, a symbol declared positive, exp of anything, det or tr of a positive-definite matrix (declared, or MᵀM, MᵀSM with M invertible, inverses and sums of those), sqrt of a positive scalar, or sums and products of those.', positive),
  unary('fixed', 'The term does not vary under d: in a proof differential X, it does not depend on X; elsewhere, it has no symbols (I, numerals).', fixed),
  unary('negative-whole', 'The term is a whole-number numeral, −1 or less.', (t) => (t.kind === 'num' && t.value.d === 1n && t.value.n <= -1n ? yes('numeral') : no(`${show(t)} is not a whole-number numeral ≤ −1`))),
  unary('natural', 'The term is a whole-number numeral, 1 or more.', (t) => (t.kind === 'num' && t.value.d === 1n && t.value.n >= 1n ? yes('numeral') : no(`${show(t)} is not a whole-number numeral ≥ 1`))),
  unary('summed', 'The index is a summation dummy: an index symbol that was not declared (free indices are declared, e.g. by proof entrywise i j).', summed),
  { name: 'constant', arity: 2, doc: 'constant(A, t): A does not depend on the parameter t (it neither contains t nor is declared as depending on it, like X(t)).', decide: constant },
];

/** Every known predicate by name. */
export const PREDICATES: ReadonlyMap<string, Predicate> = new Map(table.map((p) => [p.name, p]));

/** Decides `name(args)`; an unknown predicate never holds. */
export function decide(name: string, args: readonly Term[], facts: Facts): Verdict {
  const p = PREDICATES.get(name);
  if (p === undefined) return no(`unknown predicate "${name}"`);
  if (p.arity !== args.length) return no(`${name} takes ${p.arity} arguments`);
  return p.decide(args, facts);
}
