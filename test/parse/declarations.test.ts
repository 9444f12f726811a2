import test from 'ava';
import { parseDeclarations } from '../../src/parse/index.js';
import type { Declaration, DimExpr, ShapeSpec } from '../../src/term/index.js';

const n: DimExpr = { kind: 'dim-sym', name: 'n' };
const m: DimExpr = { kind: 'dim-sym', name: 'm' };
const one: DimExpr = { kind: 'dim-num', value: 1 };
const matrix = (rows: DimExpr, cols: DimExpr): ShapeSpec => ({ kind: 'matrix', rows, cols });

function decls(text: string): Declaration[] {
  const r = parseDeclarations(text);
  return r.ok ? r.value : [];
}

const summary = (ds: Declaration[]): unknown =>
  ds.map((d) => ({ names: d.targets.map((x) => x.name + (x.params.length ? `(${x.params.join(',')})` : '')), shape: d.shape, props: d.properties }));

const cases: readonly [string, unknown][] = [
  ['a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}', [{ names: ['a', 'b'], shape: matrix(n, one), props: [] }, { names: ['X'], shape: matrix(n, n), props: [] }]],
  ['a b : n; X : n x n', [{ names: ['a', 'b'], shape: matrix(n, one), props: [] }, { names: ['X'], shape: matrix(n, n), props: [] }]],
  ['a b : n\nX : n x n', [{ names: ['a', 'b'], shape: matrix(n, one), props: [] }, { names: ['X'], shape: matrix(n, n), props: [] }]],
  ['X ∈ ℝⁿˣⁿ', [{ names: ['X'], shape: matrix(n, n), props: [] }]],
  ['t ∈ ℝ', [{ names: ['t'], shape: { kind: 'scalar' }, props: [] }]],
  ['t : scalar', [{ names: ['t'], shape: { kind: 'scalar' }, props: [] }]],
  ['i : index', [{ names: ['i'], shape: { kind: 'index', range: null }, props: [] }]],
  ['S ∈ ℝⁿˣⁿ symmetric', [{ names: ['S'], shape: matrix(n, n), props: ['symmetric'] }]],
  ['S : n x n symmetric', [{ names: ['S'], shape: matrix(n, n), props: ['symmetric'] }]],
  ['X(t) ∈ ℝ^{n×n} invertible', [{ names: ['X(t)'], shape: matrix(n, n), props: ['invertible'] }]],
  ['X \\in \\mathbb{R}^{n \\times n}', [{ names: ['X'], shape: matrix(n, n), props: [] }]],
  ['X \\in \\mathbb{R^{n \\times n}}', [{ names: ['X'], shape: matrix(n, n), props: [] }]],
  ['A ∈ ℝ^{m×n}', [{ names: ['A'], shape: matrix(m, n), props: [] }]],
  ['P ∈ ℝⁿˣⁿ positive definite', [{ names: ['P'], shape: matrix(n, n), props: ['positive-definite'] }]],
  ['P : n x n positive-definite', [{ names: ['P'], shape: matrix(n, n), props: ['positive-definite'] }]],
  ['P : n x n spd', [{ names: ['P'], shape: matrix(n, n), props: ['symmetric', 'positive-definite'] }]],
  ['Q : n x n orthogonal diagonal', [{ names: ['Q'], shape: matrix(n, n), props: ['orthogonal', 'diagonal'] }]],
  ['K ∈ ℝ^{mn×mn}', [{ names: ['K'], shape: matrix({ kind: 'dim-mul', factors: [m, n] }, { kind: 'dim-mul', factors: [m, n] }), props: [] }]],
  ['\\phi ∈ ℝ', [{ names: ['ϕ'], shape: { kind: 'scalar' }, props: [] }]],
];

for (const [text, expected] of cases) {
  test(`declarations: ${text.replace(/\n/g, '⏎')}`, (t) => t.deepEqual(summary(decls(text)), expected));
}

test('a malformed declaration is a positioned error', (t) => {
  const r = parseDeclarations('X ∈ ℝ^{n×}');
  t.false(r.ok);
  if (!r.ok) t.like(r.diagnostics[0], { code: 'E0101', expected: 'a digit or a letter', found: '"}"' });
});
