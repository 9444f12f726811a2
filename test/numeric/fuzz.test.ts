import test from 'ava';
import fc from '../support/fc.js';
import { arbTerm } from '../support/arbitrary.js';
import {
  drawSample, evaluate, formatValue, makeEnv, makeRng, type Env, type FailureKind, type NumericDecl, type Value,
} from '../../src/numeric/index.js';
import type { Dim, Shape } from '../../src/shape/index.js';

/**
 * Bad input never throws: random well-shaped terms (test/support/arbitrary.ts)
 * evaluate to a finite value or to a typed failure — on samples of one size
 * for every symbol, and on samples where each symbol has a size of its own
 * (so most products do not conform).
 */
const SQUARES = ['A', 'B', 'C', 'X', 'Y', 'H', 'M', 'G'];
const VECTORS = ['a', 'b', 'c', 'u', 'v', 'x', 'y'];
const SCALARS = ['t', 's', 'α', 'λ'];
const FUNCTIONS = ['f', 'g', 'h', 'F', 'φ', 'ψ'];
const INDICES = ['i', 'j', 'k', 'ℓ'];
const KINDS: readonly FailureKind[] = ['unsupported', 'unbound', 'shape', 'singular', 'domain', 'non-finite', 'budget'];

const dim = (name: string): Dim => ({ kind: 'dim-sym', name });

/** Declarations where every symbol has its own dimensions (`ownSizes`) or all share `n`. */
function declarations(ownSizes: boolean): NumericDecl[] {
  const d = (name: string): Dim => dim(ownSizes ? `n_${name}` : 'n');
  const square = (name: string): Shape => ({ kind: 'matrix', rows: d(name), cols: d(name) });
  return [
    ...SQUARES.map((name): NumericDecl => ({ kind: 'value', name, shape: square(name), properties: [], dependsOn: [], constantIn: [] })),
    ...VECTORS.map((name): NumericDecl => ({ kind: 'value', name, shape: { kind: 'matrix', rows: d(name), cols: dim('1') }, properties: [], dependsOn: [], constantIn: [] })),
    ...SCALARS.map((name): NumericDecl => ({ kind: 'value', name, shape: { kind: 'scalar' }, properties: [], dependsOn: name === 't' ? [] : ['t'], constantIn: [] })),
    ...FUNCTIONS.map((name): NumericDecl => ({ kind: 'function', name, domain: square(name), codomain: square(name) })),
    ...INDICES.map((name): NumericDecl => ({ kind: 'index', name, range: d(name), summed: name === 'k' })),
  ];
}

function sampleEnv(ownSizes: boolean, sizes: readonly number[], seed: number): Env {
  const decls = declarations(ownSizes);
  const names = new Set(['n', '1', ...decls.map((x) => `n_${x.name}`)]);
  const assignment = new Map([...names].map((name, k) => [name, name === '1' ? 1 : sizes[k % sizes.length]!]));
  const sample = drawSample(decls, assignment, makeRng(seed));
  if (!sample.ok) throw new Error(sample.failure.message);
  return makeEnv({ ...sample.value, budget: 50_000, littleO: { kind: 'zero' } });
}

const isFiniteValue = (v: Value): boolean => !/NaN|Infinity/.test(formatValue(v));

function neverThrows(ownSizes: boolean): (t: import('ava').ExecutionContext) => void {
  return (t) => {
    fc.assert(fc.property(arbTerm, fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }), fc.nat(1000), (term, sizes, seed) => {
      const r = evaluate(term, sampleEnv(ownSizes, sizes, seed));
      return r.ok ? isFiniteValue(r.value) : KINDS.includes(r.failure.kind) && r.failure.message.length > 0;
    }), { numRuns: 300 });
    t.pass();
  };
}

test('evaluate never throws on random terms: one size for all symbols', neverThrows(false));
test('evaluate never throws on random terms: a size of its own for each symbol', neverThrows(true));

test('evaluate never throws on random terms in an empty environment', (t) => {
  fc.assert(fc.property(arbTerm, (term) => {
    const r = evaluate(term, makeEnv({ budget: 10_000 }));
    return r.ok ? isFiniteValue(r.value) : KINDS.includes(r.failure.kind);
  }), { numRuns: 300 });
  t.pass();
});
