import { Matrix } from 'ml-matrix';
import { sizeOfShape, type NumericDecl, type NumericProperty, type Size, type SizeAssignment } from './declarations.js';
import { drawDirection, drawValue, smallestSingular, symmetrize } from './draw.js';
import type { Binding } from './env.js';
import { integerBelow, type Rng } from './prng.js';
import { randomSmoothFunction, randomSmoothMap, type SmoothMap } from './smooth.js';
import { asMatrix, fail, normalize, ok, type Result, type Value } from './value.js';

/**
 * One random sample for a set of declarations at given sizes: values for
 * leaves, smooth functions for dependents and function symbols, values for
 * free indices, ranges for every index, and a direction for every leaf that
 * `d(…)` moves — all but those declared constant (`constant(a, X)`: a is
 * held fixed while what the rule varies moves). Deterministic: the same
 * declarations, sizes and generator state give the same sample.
 */
export type Sample = {
  readonly bindings: ReadonlyMap<string, Binding>;
  readonly indices: ReadonlyMap<string, number>;
  readonly ranges: ReadonlyMap<string, number>;
  readonly directions: ReadonlyMap<string, Value>;
  /** The concrete size of each value symbol, and the domain and codomain sizes of each function. */
  readonly sizes: ReadonlyMap<string, Size | { readonly domain: readonly Size[]; readonly codomain: Size }>;
};

/**
 * How far a dependent moves away from its base value: `DEPENDENT_AMPLITUDE`
 * times the smooth map (whose entries stay below about 4); for an
 * invertible, positive-definite, positive or nonzero symbol,
 * `GUARDED_AMPLITUDE` times its margin (its smallest singular value, or its
 * own size for a scalar), so it stays so near the sample point.
 */
export const DEPENDENT_AMPLITUDE = 0.25;
export const GUARDED_AMPLITUDE = 0.03;

/**
 * With `distinctIndices`, free indices take pairwise different values where
 * their ranges allow (the generic case: `i ≠ j`); otherwise each is drawn on
 * its own, so coincidences (`i = j`) are met too.
 */
export function drawSample(decls: readonly NumericDecl[], sizes: SizeAssignment, rng: Rng, distinctIndices = false): Result<Sample> {
  const sample = {
    bindings: new Map<string, Binding>(), indices: new Map<string, number>(), ranges: new Map<string, number>(),
    directions: new Map<string, Value>(), sizes: new Map<string, Size | { domain: Size[]; codomain: Size }>(),
  };
  for (const d of decls) {
    const drawn = drawDecl(d, decls, sizes, rng, sample, distinctIndices);
    if (!drawn.ok) return drawn;
  }
  return ok(sample);
}

type Mutable = {
  bindings: Map<string, Binding>; indices: Map<string, number>; ranges: Map<string, number>;
  directions: Map<string, Value>; sizes: Map<string, Size | { domain: Size[]; codomain: Size }>;
};

function drawDecl(d: NumericDecl, decls: readonly NumericDecl[], sizes: SizeAssignment, rng: Rng, out: Mutable, distinct: boolean): Result<true> {
  switch (d.kind) {
    case 'index': {
      const n = sizeOf({ kind: 'matrix', rows: d.range, cols: { kind: 'dim-num', value: 1 } }, sizes, d.name);
      if (!n.ok) return n;
      out.ranges.set(d.name, n.value.rows);
      if (!d.summed) out.indices.set(d.name, drawIndex(rng, n.value.rows, distinct ? new Set(out.indices.values()) : new Set()));
      return ok(true);
    }
    case 'function': return drawFunction(d, sizes, rng, out);
    case 'value': return drawValueDecl(d, decls, sizes, rng, out);
  }
}

/** An index value in [0, range), avoiding `taken` when the range leaves room. */
function drawIndex(rng: Rng, range: number, taken: ReadonlySet<number>): number {
  const free = Array.from({ length: range }, (_, k) => k).filter((k) => !taken.has(k));
  return free.length > 0 ? free[integerBelow(rng, free.length)]! : integerBelow(rng, range);
}

function sizeOf(shape: Parameters<typeof sizeOfShape>[0], sizes: SizeAssignment, name: string): Result<Size> {
  const s = sizeOfShape(shape, sizes);
  return s === undefined ? fail('unsupported', `${name} has a shape the sampler cannot size`) : ok(s);
}

function drawFunction(d: Extract<NumericDecl, { kind: 'function' }>, sizes: SizeAssignment, rng: Rng, out: Mutable): Result<true> {
  const items = d.domain.kind === 'tuple' ? d.domain.items : [d.domain];
  const domain: Size[] = [];
  for (const item of items) {
    const s = sizeOf(item, sizes, d.name);
    if (!s.ok) return s;
    domain.push(s.value);
  }
  const codomain = sizeOf(d.codomain, sizes, d.name);
  if (!codomain.ok) return codomain;
  out.sizes.set(d.name, { domain, codomain: codomain.value });
  out.bindings.set(d.name, { kind: 'function', apply: randomSmoothFunction(rng, domain, codomain.value) });
  return ok(true);
}

function drawValueDecl(d: Extract<NumericDecl, { kind: 'value' }>, decls: readonly NumericDecl[], sizes: SizeAssignment, rng: Rng, out: Mutable): Result<true> {
  const size = sizeOf(d.shape, sizes, d.name);
  if (!size.ok) return size;
  out.sizes.set(d.name, size.value);
  const base = drawValue(rng, size.value, d.properties);
  if (!base.ok) return base;
  const variables = d.properties.includes('orthogonal') ? [] : d.dependsOn;
  if (variables.length === 0) {
    out.bindings.set(d.name, { kind: 'value', value: base.value });
    const direction = drawDirection(rng, base.value, d.properties);
    if (d.constantIn.length === 0) out.directions.set(d.name, direction);
    return ok(true);
  }
  const maps: SmoothMap[] = [];
  for (const v of variables) {
    const vd = decls.find((x) => x.kind === 'value' && x.name === v);
    const vs = vd?.kind === 'value' ? sizeOfShape(vd.shape, sizes) : undefined;
    if (vs === undefined) return fail('unsupported', `${d.name} depends on ${v}, which is not a value`);
    maps.push(randomSmoothMap(rng, vs, size.value));
  }
  out.bindings.set(d.name, { kind: 'dependent', on: variables, compute: dependentValue(base.value, size.value, maps, d.properties) });
  return ok(true);
}

/** `S₀ + α Σ gₖ(Pₖ)`, kept in the symbol's class (symmetric, diagonal). */
function dependentValue(base: Value, size: Size, maps: readonly SmoothMap[], properties: readonly NumericProperty[]): (args: readonly Value[]) => Result<Value> {
  const guarded = properties.some((p) => p === 'invertible' || p === 'positive-definite' || p === 'positive' || p === 'nonzero');
  const alpha = guarded ? GUARDED_AMPLITUDE * Math.min(1, smallestSingular(base)) : DEPENDENT_AMPLITUDE;
  const start = asMatrix(base, size.rows, size.cols)!;
  const keep = (m: Matrix): Matrix =>
    properties.includes('diagonal') ? Matrix.diag(m.diag()) : properties.includes('symmetric') || properties.includes('positive-definite') ? symmetrize(m) : m;
  return (args) => {
    let total = start.clone();
    for (let k = 0; k < maps.length; k++) {
      const part = maps[k]!(args[k]!);
      if (!part.ok) return part;
      total = total.add(Matrix.mul(asMatrix(part.value, size.rows, size.cols)!, alpha));
    }
    return ok(normalize(size.rows === size.cols ? keep(total) : total));
  };
}
