import { Matrix } from 'ml-matrix';
import type { Size } from './declarations.js';
import { uniformMatrix, type Rng } from './prng.js';
import { asMatrix, describeSize, fail, normalize, ok, type Result, type Value } from './value.js';

/**
 * Random smooth maps between matrix spaces, used for function symbols
 * (`f(X)`) and for symbols that depend on a variable (a curve `X(t)`, a
 * scalar `F` depending on `X`). For an argument P of size p×q and a result
 * of size r×c:
 *
 *     g(P) = M₁ P M₂ + (N₁ P N₂) ⊙ (N₃ P N₄) + sin(⟨W, P⟩)·C₁ + ⟨V, P⟩²·C₂
 *
 * with random coefficients — linear, bilinear, quadratic and transcendental
 * parts, so a wrong derivative rule shows. For a scalar P = t this is a
 * random curve `t M₁M₂ + t²(…) + sin(wt) C₁ + …`. The coefficients are scaled
 * so that entries of g(P) stay below about 4 when those of P are below 1.
 */
export type SmoothMap = (p: Value) => Result<Value>;

/** A random smooth map from `from`-sized values to `to`-sized values, without a constant term. */
export function randomSmoothMap(rng: Rng, from: Size, to: Size): SmoothMap {
  const [p, q, r, c] = [from.rows, from.cols, to.rows, to.cols];
  const m1 = uniformMatrix(rng, r, p).div(p);
  const m2 = uniformMatrix(rng, q, c).div(q);
  const n = [uniformMatrix(rng, r, p).div(p), uniformMatrix(rng, q, c).div(q), uniformMatrix(rng, r, p).div(p), uniformMatrix(rng, q, c).div(q)];
  const w = uniformMatrix(rng, p, q).div(p * q);
  const v = uniformMatrix(rng, p, q).div(p * q);
  const c1 = uniformMatrix(rng, r, c);
  const c2 = uniformMatrix(rng, r, c);
  return (value) => {
    const x = asMatrix(value, p, q);
    if (x === undefined) return fail('shape', `a ${p}×${q} argument was expected, not ${describeSize(value)}`);
    const linear = m1.mmul(x).mmul(m2);
    const bilinear = Matrix.mul(n[0]!.mmul(x).mmul(n[1]!), n[2]!.mmul(x).mmul(n[3]!));
    const [s, u] = [Math.sin(inner(w, x)), inner(v, x) ** 2];
    return ok(normalize(linear.add(bilinear).add(Matrix.mul(c1, s)).add(Matrix.mul(c2, u))));
  };
}

/** `⟨A, B⟩ = Σ Aᵢⱼ Bᵢⱼ`. */
function inner(a: Matrix, b: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.columns; j++) s += a.get(i, j) * b.get(i, j);
  return s;
}

/**
 * A random smooth function of several arguments (a function symbol applied
 * to a tuple): a constant, a smooth map of each argument, and a cross term
 * ⟨W₁, P₁⟩⟨W₂, P₂⟩·C when there are two or more.
 */
export function randomSmoothFunction(rng: Rng, from: readonly Size[], to: Size): (args: readonly Value[]) => Result<Value> {
  const constant = uniformMatrix(rng, to.rows, to.cols);
  const maps = from.map((size) => randomSmoothMap(rng, size, to));
  const cross = from.length >= 2 ? crossTerm(rng, from[0]!, from[1]!, to) : undefined;
  return (args) => {
    if (args.length !== from.length) return fail('shape', `${from.length} arguments were expected, not ${args.length}`);
    let total = constant.clone();
    for (let k = 0; k < args.length; k++) {
      const part = maps[k]!(args[k]!);
      if (!part.ok) return part;
      const m = asMatrix(part.value, to.rows, to.cols);
      if (m === undefined) return fail('shape', 'a part of the function has the wrong size');
      total = total.add(m);
    }
    if (cross === undefined) return ok(normalize(total));
    const c = cross(args[0]!, args[1]!);
    return c === undefined ? fail('shape', 'arguments of the wrong size') : ok(normalize(total.add(c)));
  };
}

function crossTerm(rng: Rng, a: Size, b: Size, to: Size): (x: Value, y: Value) => Matrix | undefined {
  const w1 = uniformMatrix(rng, a.rows, a.cols).div(a.rows * a.cols);
  const w2 = uniformMatrix(rng, b.rows, b.cols).div(b.rows * b.cols);
  const c = uniformMatrix(rng, to.rows, to.cols);
  return (x, y) => {
    const [mx, my] = [asMatrix(x, a.rows, a.cols), asMatrix(y, b.rows, b.cols)];
    return mx === undefined || my === undefined ? undefined : Matrix.mul(c, inner(w1, mx) * inner(w2, my));
  };
}

