import type { Term } from '../term/index.js';
import { addValues, transposeValue } from './arith.js';
import type { Env } from './env.js';
import { evaluateApply, evaluateAt, evaluateDifferential, evaluateFrechet, evaluateLittleO, lookupSymbol } from './evaluate-calculus.js';
import { evaluateFn, evaluateHadamard, evaluateHdiv, evaluateHpow, evaluateKron, evaluateMap, evaluatePower } from './evaluate-algebra.js';
import { evaluateBasis, evaluateDelta, evaluateEntry, evaluateSum } from './evaluate-index.js';
import { evaluatePartial } from './evaluate-partial.js';
import { evaluateProduct } from './evaluate-product.js';
import { invert } from './linalg.js';
import { eye, fail, frobenius, isFiniteValue, ok, type Result, type Value } from './value.js';

/**
 * Evaluates a term on one sample: symbols, indices and directions come from
 * `env`. Every term kind with a numeric meaning is evaluated (see the files
 * `evaluate-*.ts`); the others, and terms that do not fit the sample, give a
 * typed failure. Invariants: never throws for any term or environment; a
 * successful value is finite (NaN and ±Infinity become `non-finite`
 * failures); each call decrements the shared budget, so evaluation always
 * ends. Conventions: `‖x‖` (with or without the subscript F) is the
 * Frobenius norm, the Euclidean norm of a vector; numerals as indices are
 * 1-based; an index symbol used as a value (an exponent `Xᵏ`) is its 1-based
 * value.
 */
export function evaluate(t: Term, env: Env): Result<Value> {
  if (--env.budget.left < 0) return fail('budget', 'the evaluation budget is exhausted');
  const result = evaluateNode(t, env);
  if (result.ok && !isFiniteValue(result.value)) return fail('non-finite', 'a value overflowed or is not a number');
  return result;
}

function evaluateNode(t: Term, env: Env): Result<Value> {
  switch (t.kind) {
    case 'num': return ok(Number(t.value.n) / Number(t.value.d));
    case 'sym': return lookupSymbol(t.name, env);
    case 'identity': return ok(eye(1));
    case 'add': return evaluateAddition(t.terms, env);
    case 'mul': return evaluateProduct(t, env);
    case 'transpose': return mapOk(evaluate(t.arg, env), (v) => ok(transposeValue(v)));
    case 'inverse': return mapOk(evaluate(t.arg, env), (v) => invert(v, env.maxCondition, env.conditions));
    case 'power': return evaluatePower(t, env);
    case 'fn': return evaluateFn(t, env);
    case 'map': return evaluateMap(t, env);
    case 'hadamard': return evaluateHadamard(t, env);
    case 'kron': return evaluateKron(t, env);
    case 'hdiv': return evaluateHdiv(t, env);
    case 'hpow': return evaluateHpow(t, env);
    case 'partial': return evaluatePartial(t, env);
    case 'd': return evaluateDifferential(t, env);
    case 'frechet': return evaluateFrechet(t, env);
    case 'at': return evaluateAt(t, env);
    case 'entry': return evaluateEntry(t, env);
    case 'delta': return evaluateDelta(t, env);
    case 'basis': return evaluateBasis(t, env);
    case 'sum': return evaluateSum(t, env);
    case 'o': return evaluateLittleO(t, env);
    case 'apply': return evaluateApply(t, env);
    case 'norm': return mapOk(evaluate(t.arg, env), (v) => ok(frobenius(v)));
    case 'tuple': return fail('unsupported', 'cannot evaluate a tuple');
  }
}

/** The sum of the summands' values. */
function evaluateAddition(terms: readonly Term[], env: Env): Result<Value> {
  let total: Value = 0;
  for (const s of terms) {
    const v = evaluate(s, env);
    if (!v.ok) return v;
    const next = addValues(total, v.value);
    if (!next.ok) return next;
    total = next.value;
  }
  return ok(total);
}

/** Applies `f` to a successful result; passes a failure through. */
export function mapOk<A, B>(r: Result<A>, f: (a: A) => Result<B>): Result<B> {
  return r.ok ? f(r.value) : r;
}

/** Evaluates every term, or returns the first failure. */
export function evaluateAll(ts: readonly Term[], env: Env): Result<Value[]> {
  const out: Value[] = [];
  for (const t of ts) {
    const v = evaluate(t, env);
    if (!v.ok) return v;
    out.push(v.value);
  }
  return ok(out);
}
