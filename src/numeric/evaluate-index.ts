import { Matrix } from 'ml-matrix';
import { children, type Term, type TermOf } from '../term/index.js';
import { addValues } from './arith.js';
import { withIndex, withoutIndex, type Env } from './env.js';
import { evaluate } from './evaluate.js';
import { freeIndices } from './index-names.js';
import { describeSize, fail, isEye, normalize, ok, type Result, type Value } from './value.js';

/**
 * Entries, Kronecker deltas, basis vectors and explicit sums. Index values
 * are 0-based inside (`env.indices`); numerals written as indices are
 * 1-based, as on paper (`M_{1,2}` is the entry in the first row, second
 * column). An index out of its range is a `shape` failure.
 */

/** The 0-based value of an index term: an assigned symbol, or a numeral ≥ 1. */
export function indexValue(t: Term, env: Env): Result<number> {
  if (t.kind === 'sym') {
    const v = env.indices.get(t.name);
    return v === undefined ? fail('unbound', `the index ${t.name} has no value`) : ok(v);
  }
  if (t.kind === 'num' && t.value.d === 1n && t.value.n >= 1n) return ok(Number(t.value.n) - 1);
  return fail('unsupported', 'an index that is neither an index symbol nor a positive numeral');
}

/** `(body)_{i j}` or `(body)_i`. */
export function evaluateEntry(t: TermOf<'entry'>, env: Env): Result<Value> {
  const body = evaluate(t.body, env);
  if (!body.ok) return body;
  const at: number[] = [];
  for (const i of t.indices) {
    const v = indexValue(i, env);
    if (!v.ok) return v;
    at.push(v.value);
  }
  return entryOf(body.value, at);
}

/** The entry of a value at 0-based positions (one position for a vector or row vector). */
export function entryOf(v: Value, at: readonly number[]): Result<Value> {
  if (at.length === 0 || at.length > 2) return fail('shape', `an entry needs one or two indices, not ${at.length}`);
  if (typeof v === 'number') return at.every((p) => p === 0) ? ok(v) : fail('shape', 'an index beyond the range of a scalar');
  if (isEye(v)) return at.length === 2 ? ok(at[0] === at[1] ? v.scale : 0) : fail('unsupported', 'an entry of I with one index');
  const [r, c] = at.length === 2 ? [at[0]!, at[1]!] : v.columns === 1 ? [at[0]!, 0] : v.rows === 1 ? [0, at[0]!] : [-1, -1];
  if (r < 0) return fail('shape', `one index on a ${describeSize(v)} matrix`);
  if (r >= v.rows || c >= v.columns) return fail('shape', `an index beyond the range of a ${describeSize(v)} matrix`);
  return ok(v.get(r, c));
}

/** `δᵢⱼ`. */
export function evaluateDelta(t: TermOf<'delta'>, env: Env): Result<Value> {
  const i = indexValue(t.i, env);
  if (!i.ok) return i;
  const j = indexValue(t.j, env);
  if (!j.ok) return j;
  return ok(i.value === j.value ? 1 : 0);
}

/** `eᵢ`: a column of the length of i's range, with a 1 at position i. */
export function evaluateBasis(t: TermOf<'basis'>, env: Env): Result<Value> {
  const i = indexValue(t.index, env);
  if (!i.ok) return i;
  const n = t.index.kind === 'sym' ? env.ranges.get(t.index.name) : undefined;
  if (n === undefined) return fail('unsupported', 'a basis vector whose index has no known range');
  if (i.value >= n) return fail('shape', `an index beyond its range ${n}`);
  const e = Matrix.zeros(n, 1);
  e.set(i.value, 0, 1);
  return ok(normalize(e));
}

/** `Σₖ body`: the body summed over k's range (known, or read off an entry of k in the body). */
export function evaluateSum(t: TermOf<'sum'>, env: Env): Result<Value> {
  if (t.index.kind !== 'sym') return fail('unsupported', 'a sum over something other than an index symbol');
  const name = t.index.name;
  const inner = withoutIndex(env, name);
  const range = rangeOf(name, [t.body], inner);
  if (!range.ok) return range;
  return sumOver([name], [range.value], inner, (e) => evaluate(t.body, e));
}

/**
 * The range of index `name`: read off an entry among `scope` that uses it as
 * a subscript (the size of that entry's body in that position), or else from
 * `env.ranges` (a dummy met only in deltas and basis vectors).
 */
export function rangeOf(name: string, scope: readonly Term[], env: Env): Result<number> {
  for (const t of scope) {
    const found = rangeFromEntries(t, name, env);
    if (found !== undefined) return ok(found);
  }
  const known = env.ranges.get(name);
  return known !== undefined ? ok(known) : fail('unsupported', `the range of the index ${name} is unknown`);
}

function rangeFromEntries(t: Term, name: string, env: Env): number | undefined {
  if (t.kind === 'sum' && t.index.kind === 'sym' && t.index.name === name) return undefined;
  if (t.kind === 'entry' && !freeIndices(t.body).has(name)) {
    const position = t.indices.findIndex((i) => i.kind === 'sym' && i.name === name);
    const body = position < 0 ? undefined : evaluate(t.body, env);
    if (body?.ok) return sizeAt(body.value, position, t.indices.length);
  }
  for (const c of children(t)) {
    const found = rangeFromEntries(c, name, env);
    if (found !== undefined) return found;
  }
  return undefined;
}

function sizeAt(v: Value, position: number, count: number): number | undefined {
  if (typeof v === 'number') return 1;
  if (isEye(v)) return undefined;
  if (count === 2) return position === 0 ? v.rows : v.columns;
  return v.columns === 1 ? v.rows : v.columns;
}

/** `Σ` of `body(env')` over every assignment of `names` within `ranges`. */
export function sumOver(names: readonly string[], ranges: readonly number[], env: Env, body: (e: Env) => Result<Value>): Result<Value> {
  if (names.length === 0) return body(env);
  const [first, ...rest] = names;
  let total: Value = 0;
  for (let k = 0; k < ranges[0]!; k++) {
    const part = sumOver(rest, ranges.slice(1), withIndex(env, first!, k), body);
    if (!part.ok) return part;
    const next = addValues(total, part.value);
    if (!next.ok) return next;
    total = next.value;
  }
  return ok(total);
}
