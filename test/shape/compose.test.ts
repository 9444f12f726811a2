import test from 'ava';
import fc from '../support/fc.js';
import { arbTerm } from '../support/arbitrary.js';
import { composedShape } from '../../src/shape/compose.js';
import { formatShape, inferShape, makeEnv } from '../../src/shape/index.js';
import { positions, getAt, mul, sym, transpose, type Declaration, type DimExpr, type Term } from '../../src/term/index.js';

/**
 * `composedShape` reads a transpose's or product's shape off its parts
 * instead of inferring it: wherever it answers, it must agree with
 * inference, and it must not answer for a product that does not conform.
 */
const dim = (name: string): DimExpr => ({ kind: 'dim-sym', name });
const decl = (names: string, rows?: string, cols?: string): Declaration => ({
  kind: 'decl', targets: names.split(' ').map((name) => ({ name, params: [] })), properties: [],
  shape: rows === undefined ? { kind: 'scalar' } : { kind: 'matrix', rows: dim(rows), cols: cols === undefined ? { kind: 'dim-num', value: 1 } : dim(cols) },
});
const { env } = makeEnv([decl('A B C X Y H M G', 'n', 'n'), decl('a b c u v x y', 'n'), decl('t s α λ'), decl('R', 'n', 'm'), decl('w', 'm')]);
const inferred = (u: Term) => inferShape(u, env);

test('wherever composedShape answers, it agrees with inference (every transpose and product of random terms)', (t) => {
  let answered = 0;
  fc.assert(fc.property(arbTerm, (term) => {
    for (const path of positions(term)) {
      const sub = getAt(term, path)!;
      if (sub.kind !== 'transpose' && sub.kind !== 'mul') continue;
      const whole = inferred(sub);
      const composed = composedShape(sub, (u) => { const r = inferred(u); return r.diagnostics.length > 0 ? undefined : r.shape; });
      if (composed === undefined || whole.diagnostics.length > 0) continue;
      answered++;
      if (formatShape(composed) !== formatShape(whole.shape)) return t.fail(`${formatShape(composed)} ≠ ${formatShape(whole.shape)}`);
    }
    return true;
  }));
  t.true(answered > 50, `only ${answered} shapes composed`);
});

test('composedShape: Rᵀ is m×n, R w is n×1, wᵀRᵀa is a scalar; a product that does not conform gets no answer', (t) => {
  const shapeOf = (u: Term) => inferred(u).shape;
  const [R, w, a] = [sym('R'), sym('w'), sym('a')];
  t.is(formatShape(composedShape(transpose(R), shapeOf)!), 'm×n');
  t.is(formatShape(composedShape(mul([R, w]), shapeOf)!), 'n×1');
  t.is(formatShape(composedShape(mul([transpose(w), transpose(R), a]), shapeOf)!), 'scalar');
  t.is(composedShape(mul([w, R]), shapeOf), undefined);
});
