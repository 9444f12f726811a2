import test from 'ava';
import { EigenvalueDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix';
import { drawSample, evaluate, makeEnv, makeRng, sizeTrials, type NumericDecl, type NumericProperty, type Sample } from '../../src/numeric/index.js';
import type { Shape } from '../../src/shape/index.js';
import { sym } from '../../src/term/index.js';

const n = { kind: 'dim-sym', name: 'n' } as const;
const m = { kind: 'dim-sym', name: 'm' } as const;
const square: Shape = { kind: 'matrix', rows: n, cols: n };
const scalar: Shape = { kind: 'scalar' };

const value = (name: string, shape: Shape, properties: NumericProperty[] = [], dependsOn: string[] = []): NumericDecl =>
  ({ kind: 'value', name, shape, properties, dependsOn, constantIn: [] });

const decls: NumericDecl[] = [
  value('A', square, ['invertible']),
  value('S', square, ['symmetric']),
  value('P', square, ['positive-definite']),
  value('Q', square, ['orthogonal']),
  value('D', square, ['diagonal']),
  value('R', { kind: 'matrix', rows: m, cols: n }),
  value('c', scalar, ['positive']),
  value('z', scalar, ['nonzero']),
  value('t', scalar),
  value('X', square, ['invertible'], ['t']),
  { kind: 'function', name: 'f', domain: square, codomain: scalar },
  { kind: 'index', name: 'i', range: n, summed: false },
  { kind: 'index', name: 'k', range: m, summed: true },
];

const sizes = new Map([['n', 3], ['m', 2]]);

function draw(seed: number): Sample {
  const s = drawSample(decls, sizes, makeRng(seed));
  if (!s.ok) throw new Error(s.failure.message);
  return s.value;
}

const leaf = (s: Sample, name: string): Matrix | number => {
  const b = s.bindings.get(name);
  if (b?.kind !== 'value') throw new Error(`${name} is not a leaf`);
  return b.value as Matrix | number;
};

const seeds = Array.from({ length: 40 }, (_, k) => k + 1);

test('invertible values are well conditioned (condition number ≤ 30)', (t) => {
  for (const seed of seeds) t.true(new SingularValueDecomposition(leaf(draw(seed), 'A') as Matrix).condition <= 30);
});

test('symmetric, positive definite, orthogonal and diagonal values are so', (t) => {
  for (const seed of seeds) {
    const s = draw(seed);
    const [sy, p, q, d] = ['S', 'P', 'Q', 'D'].map((x) => leaf(s, x) as Matrix) as [Matrix, Matrix, Matrix, Matrix];
    t.true(sy.isSymmetric());
    t.true(p.isSymmetric() && Math.min(...new EigenvalueDecomposition(p).realEigenvalues) >= 0.5 - 1e-12);
    t.true(q.transpose().mmul(q).sub(Matrix.eye(3)).norm('max') < 1e-12);
    t.true(d.to2DArray().every((row, i) => row.every((x, j) => (i === j) !== (x === 0))));
  }
});

test('positive scalars are positive, nonzero ones away from zero', (t) => {
  for (const seed of seeds) {
    const s = draw(seed);
    t.true((leaf(s, 'c') as number) >= 0.5);
    t.true(Math.abs(leaf(s, 'z') as number) >= 0.5);
  }
});

test('sizes follow the assignment, non-square included', (t) => {
  const s = draw(1);
  t.deepEqual(s.sizes.get('R'), { rows: 2, cols: 3 });
  t.deepEqual(s.sizes.get('f'), { domain: [{ rows: 3, cols: 3 }], codomain: { rows: 1, cols: 1 } });
});

test('a free index gets a value in its range; a summed one only a range', (t) => {
  for (const seed of seeds) {
    const s = draw(seed);
    const i = s.indices.get('i')!;
    t.true(i >= 0 && i < 3);
    t.false(s.indices.has('k'));
    t.is(s.ranges.get('k'), 2);
  }
});

test('a symbol depending on t is a curve: it changes with t and stays invertible near the sample', (t) => {
  const s = draw(7);
  const env = makeEnv({ ...s, bindings: new Map(s.bindings) });
  const at = (v: number): Matrix => {
    const bindings = new Map(s.bindings);
    bindings.set('t', { kind: 'value', value: v });
    const r = evaluate(sym('X'), { ...env, bindings });
    if (!r.ok) throw new Error(r.failure.message);
    return r.value as Matrix;
  };
  t.true(at(0.5).sub(at(-0.5)).norm('max') > 1e-3);
  t.true(new SingularValueDecomposition(at(0.3)).condition < 1e3);
  t.false(s.directions.has('X'));
  t.true(s.directions.has('A') && s.directions.has('t'));
});

test('a function symbol is a smooth function of the declared sizes', (t) => {
  const s = draw(3);
  const f = s.bindings.get('f');
  t.is(f?.kind, 'function');
  if (f?.kind !== 'function') return;
  const x = Matrix.eye(3);
  const y = f.apply([x]);
  t.true(y.ok && typeof y.value === 'number');
  t.false(f.apply([Matrix.eye(2)]).ok, 'an argument of the wrong size is a failure');
});

test('the same seed gives the same sample', (t) => {
  t.deepEqual((leaf(draw(11), 'A') as Matrix).to2DArray(), (leaf(draw(11), 'A') as Matrix).to2DArray());
  t.notDeepEqual((leaf(draw(11), 'A') as Matrix).to2DArray(), (leaf(draw(12), 'A') as Matrix).to2DArray());
});

test('size trials: smallest first, distinct dimensions get different sizes in the mixed trial', (t) => {
  const trials = sizeTrials(decls);
  t.deepEqual([...trials[0]!.values()], [1, 1]);
  t.deepEqual([...trials[1]!.values()], [2, 2]);
  t.not(trials[2]!.get('m'), trials[2]!.get('n'));
  t.is(trials.length, 5);
  t.is(sizeTrials([value('c', scalar)]).length, 1, 'nothing to size: one trial');
});
