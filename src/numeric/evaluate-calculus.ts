import type { TermOf } from '../term/index.js';
import { addValues, scaleValue } from './arith.js';
import { derivativeAt, stepFor } from './difference.js';
import { withLeaf, withLeaves, type Binding, type Env } from './env.js';
import { evaluate, evaluateAll, mapOk } from './evaluate.js';
import { fail, isEye, maxAbs, ok, type Result, type Value } from './value.js';

/**
 * Symbols, applications, differentials, Fréchet derivatives, evaluation at
 * a point and little-o: the calculus of `DESIGN.md` read numerically.
 *
 * - `d(F)` is the directional derivative of F when every leaf moves along its
 *   direction in `env.directions` (so `dX` is X's direction);
 * - `f′(X)·H` is `d/dε f(X + εH)` at ε = 0;
 * - `body|_{t=v}` evaluates `body` with the leaf t set to v;
 * - `o(g)` is read as `env.littleO` says.
 */

/** The value of symbol `name`: a leaf, a dependent computed from its leaves, or an index (1-based, as an exponent). */
export function lookupSymbol(name: string, env: Env): Result<Value> {
  const b = env.bindings.get(name);
  if (b === undefined) {
    const index = env.indices.get(name);
    return index === undefined ? fail('unbound', `${name} has no value`) : ok(index + 1);
  }
  switch (b.kind) {
    case 'value': return ok(b.value);
    case 'dependent': return computeDependent(b, [], env);
    case 'function': return fail('unsupported', `${name} is a function, used here as a value`);
  }
}

/** A dependent's value, with its first `args.length` leaves replaced by `args` (`X(s)` for a curve `X(t)`). */
function computeDependent(b: Extract<Binding, { kind: 'dependent' }>, args: readonly Value[], env: Env): Result<Value> {
  if (args.length > b.on.length) return fail('unsupported', `too many arguments (it depends on ${b.on.length})`);
  const values: Value[] = [...args];
  for (const name of b.on.slice(args.length)) {
    const v = lookupSymbol(name, env);
    if (!v.ok) return v;
    values.push(v.value);
  }
  return b.compute(values);
}

/** `f(X)`, `X(t)`: a function symbol applied, or a dependent evaluated at the arguments; a leaf applied to anything is itself (a constant curve). */
export function evaluateApply(t: TermOf<'apply'>, env: Env): Result<Value> {
  if (t.fn.kind !== 'sym') return fail('unsupported', 'an application of something other than a symbol');
  const name = t.fn.name;
  const b = env.bindings.get(name);
  if (b === undefined) return fail('unbound', `${name} has no value`);
  const args = evaluateAll(t.args, env);
  if (!args.ok) return args;
  switch (b.kind) {
    case 'function': return b.apply(args.value);
    case 'dependent': return computeDependent(b, args.value, env);
    case 'value': return ok(b.value);
  }
}

/** `d(arg)`: moves every leaf with a direction at once. */
export function evaluateDifferential(t: TermOf<'d'>, env: Env): Result<Value> {
  const moving = [...env.directions].filter(([name]) => env.bindings.get(name)?.kind === 'value');
  const leafSize = Math.max(0, ...moving.map(([name]) => maxAbs((env.bindings.get(name) as { value: Value }).value)));
  const h = stepFor(leafSize, Math.max(0, ...moving.map(([, d]) => maxAbs(d))), env.stepScale);
  return derivativeAt((eps) => {
    const leaves = new Map<string, Value>();
    for (const [name, dir] of moving) {
      const moved = addValues((env.bindings.get(name) as { value: Value }).value, scaleValue(eps, dir));
      if (!moved.ok) return moved;
      leaves.set(name, moved.value);
    }
    return evaluate(t.arg, withLeaves(env, leaves));
  }, h);
}

/** `f′(X)·H`; without a direction, `f′(x)` of a scalar `x` (the direction 1). */
export function evaluateFrechet(t: TermOf<'frechet'>, env: Env): Result<Value> {
  if (t.fn.kind !== 'sym') return fail('unsupported', 'a derivative of something other than a function symbol');
  const b = env.bindings.get(t.fn.name);
  if (b === undefined) return fail('unbound', `${t.fn.name} has no value`);
  if (b.kind === 'value') return fail('unsupported', `${t.fn.name} is not a function`);
  const x = evaluate(t.at, env);
  if (!x.ok) return x;
  const dir = t.dir === null ? (typeof x.value === 'number' ? ok(1 as Value) : fail('unsupported', `the linear map ${t.fn.name}′(X) itself`)) : evaluate(t.dir, env);
  if (!dir.ok) return dir;
  if (isEye(x.value) || isEye(dir.value)) return fail('unsupported', 'a derivative at or along I of unknown size');
  const apply = (v: Value): Result<Value> => (b.kind === 'function' ? b.apply([v]) : computeDependent(b, [v], env));
  const h = stepFor(maxAbs(x.value), maxAbs(dir.value), env.stepScale);
  return derivativeAt((eps) => mapOk(addValues(x.value, scaleValue(eps, dir.value)), apply), h);
}

/** `body|_{t=v}`. */
export function evaluateAt(t: TermOf<'at'>, env: Env): Result<Value> {
  if (t.variable.kind !== 'sym') return fail('unsupported', 'an evaluation at something other than a symbol');
  const name = t.variable.name;
  return mapOk(evaluate(t.value, env), (v) => evaluate(t.body, withLeaf(env, name, v)));
}

/** `o(g)`, as `env.littleO` reads it. */
export function evaluateLittleO(t: TermOf<'o'>, env: Env): Result<Value> {
  const mode = env.littleO;
  if (mode.kind === 'none') return fail('unsupported', 'o(…) has no value outside a little-o check');
  if (mode.kind === 'zero') return ok(0);
  return mapOk(evaluate(t.arg, env), (g) => mode.valueOf(t, g));
}
