import type { TermOf } from '../term/index.js';
import { mulValues } from './arith.js';
import type { Env } from './env.js';
import { evaluate } from './evaluate.js';
import { rangeOf, sumOver } from './evaluate-index.js';
import { indexNames } from './index-names.js';
import { ok, type Result, type Value } from './value.js';

/**
 * A product `c · f₁ f₂ … fₖ`: the coefficient times the factors multiplied
 * left to right (scalar factors scale, matrices multiply; a 1×1 result is a
 * number). An index that occurs in two or more factors and has no value in
 * `env` is summed over its range (Einstein's convention); an index with a
 * value (a free index such as the `i j` of an entry-wise proof) never is.
 */
export function evaluateProduct(t: TermOf<'mul'>, env: Env): Result<Value> {
  const dummies = indexNames(t).dummies.filter((n) => !env.indices.has(n));
  if (dummies.length === 0) return plainProduct(t, env);
  const ranges: number[] = [];
  for (const name of dummies) {
    const r = rangeOf(name, t.factors, env);
    if (!r.ok) return r;
    ranges.push(r.value);
  }
  return sumOver(dummies, ranges, env, (e) => plainProduct(t, e));
}

function plainProduct(t: TermOf<'mul'>, env: Env): Result<Value> {
  let acc: Value = Number(t.coeff.n) / Number(t.coeff.d);
  for (const f of t.factors) {
    const v = evaluate(f, env);
    if (!v.ok) return v;
    const next: Result<Value> = acc === 1 ? ok(v.value) : mulValues(acc, v.value);
    if (!next.ok) return next;
    acc = next.value;
  }
  return ok(acc);
}
