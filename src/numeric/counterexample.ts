import type { NumericDecl, Size } from './declarations.js';
import type { Env } from './env.js';
import { lookupSymbol } from './evaluate-calculus.js';
import type { Sample } from './sample.js';
import { formatValue, round3, type Value } from './value.js';

/**
 * A counterexample a person can read: the sizes, the sampled values
 * (rounded to three significant digits), both sides' values and their
 * difference — or, for a little-o claim, how the remainder failed to shrink.
 */
export type Counterexample = {
  /** The seed of the draw that gave it (derived from the run's seed). */
  readonly seed: number;
  /** `A : 2×3`, `t : scalar`, `i : index 1…3`, `f : 2×2 → scalar`. */
  readonly sizes: readonly string[];
  /** `A = [0.1, 2; …]`, `i = 2`, `f = a random smooth function`; dependents note what they depend on. */
  readonly values: readonly string[];
  /** For an equation: both sides' values (rounded) and how far apart they are. */
  readonly difference?: Difference;
  /** For a little-o claim: the ratio ‖remainder‖ / ‖argument of o‖ at each scale of the small symbols. */
  readonly littleO?: { readonly small: readonly string[]; readonly scales: readonly number[]; readonly ratios: readonly number[] };
};

/** `maxAbs` is max |left − right|; `relative` that divided by the larger of max |left|, max |right|. */
export type Difference = { readonly left: string; readonly right: string; readonly maxAbs: number; readonly relative: number };

const showSize = (s: Size): string => (s.rows === 1 && s.cols === 1 ? 'scalar' : `${s.rows}×${s.cols}`);

/** The sizes and values lines of a sample, in declaration order (summation dummies are left out). */
export function describeSample(decls: readonly NumericDecl[], sample: Sample, env: Env): { sizes: string[]; values: string[] } {
  const sizes: string[] = [];
  const values: string[] = [];
  for (const d of decls) {
    const size = sample.sizes.get(d.name);
    if (d.kind === 'index') {
      const range = sample.ranges.get(d.name);
      const value = sample.indices.get(d.name);
      if (d.summed || range === undefined || value === undefined) continue;
      sizes.push(`${d.name} : index 1…${range}`);
      values.push(`${d.name} = ${value + 1}`);
    } else if (d.kind === 'function' && size !== undefined && 'domain' in size) {
      sizes.push(`${d.name} : ${size.domain.map(showSize).join(' × ')} → ${showSize(size.codomain)}`);
      values.push(`${d.name} = a random smooth function (linear, bilinear, sin and square terms)`);
    } else if (d.kind === 'value' && size !== undefined && !('domain' in size)) {
      sizes.push(`${d.name} : ${showSize(size)}`);
      const v = lookupSymbol(d.name, env);
      const depends = d.dependsOn.length > 0 && !d.properties.includes('orthogonal') ? `   (a smooth function of ${d.dependsOn.join(', ')}; its value here)` : '';
      values.push(`${d.name} = ${v.ok ? formatValue(v.value) : '?'}${depends}`);
    }
  }
  return { sizes, values };
}

/** The difference figures of two values of one size. */
export function differenceOf(left: Value, right: Value, maxDiff: number, leftMax: number, rightMax: number): Difference {
  return { left: formatValue(left), right: formatValue(right), maxAbs: maxDiff, relative: maxDiff / Math.max(leftMax, rightMax, 1e-300) };
}

/** The counterexample as indented lines (no trailing newline). */
export function formatCounterexample(c: Counterexample, indent = '  '): string[] {
  const lines = [`sizes: ${c.sizes.length > 0 ? c.sizes.join(', ') : 'none'}`, ...c.values];
  if (c.littleO !== undefined) {
    const { small, scales, ratios } = c.littleO;
    lines.push(`with ${small.join(', ')} scaled by ${scales.map((s) => s.toExponential(0)).join(', ')}:`);
    lines.push(`  ‖left − right without o(…)‖ / ‖argument of o‖ = ${ratios.map(round3).join(', ')}   (should tend to 0)`);
  }
  if (c.difference !== undefined) {
    const d = c.difference;
    lines.push(`left  = ${d.left}`, `right = ${d.right}`);
    lines.push(`max |left − right| = ${round3(d.maxAbs)}   (relative ${round3(d.relative)})`);
  }
  return lines.map((l) => indent + l);
}
