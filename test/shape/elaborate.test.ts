import test from 'ava';
import { makeSource, span, type SpanTable } from '../../src/diag/index.js';
import {
  add, apply, canonicalize, equalTerms, inverse, num, sym, termKey, transpose,
  type Declaration, type Formula, type Signature, type Statement, type Term,
} from '../../src/term/index.js';
import { dependsOn, elaborate, formatShape, hasProperty, makeEnv } from '../../src/shape/index.js';

const vector = (names: string, n = 'n'): Declaration => ({
  kind: 'decl', targets: names.split(' ').map((name) => ({ name, params: [] })),
  shape: { kind: 'matrix', rows: { kind: 'dim-sym', name: n }, cols: { kind: 'dim-num', value: 1 } }, properties: [],
});
const square = (name: string, properties: string[] = [], params: string[] = [], n = 'n'): Declaration => ({
  kind: 'decl', targets: [{ name, params }],
  shape: { kind: 'matrix', rows: { kind: 'dim-sym', name: n }, cols: { kind: 'dim-sym', name: n } }, properties,
});
const [X, Y, a, b, t] = ['X', 'Y', 'a', 'b', 't'].map(sym) as [Term, Term, Term, Term, Term];
const raw = (...factors: Term[]): Term => ({ kind: 'mul', coeff: { n: 1n, d: 1n }, factors });
const term = (t: Term): Statement => ({ kind: 'term', term: t });
const formula = (...statements: Statement[]): Formula => ({ statements });
const only = (e: { formula: Formula }): Term => {
  const st = e.formula.statements[0]!;
  if (st.kind !== 'term') throw new Error('expected a term');
  return st.term;
};

test('t Y and Y t are the same canonical term', (tt) => {
  const left = only(elaborate(formula(term(raw(t, Y))), new WeakMap()));
  const right = only(elaborate(formula(term(raw(Y, t))), new WeakMap()));
  tt.true(equalTerms(left, right), `${termKey(left)} vs ${termKey(right)}`);
});

test('without shapes, Y t and t Y differ (the shape-aware test is what joins them)', (tt) => {
  tt.false(equalTerms(canonicalize(raw(Y, t)), canonicalize(raw(t, Y))));
});

test('Y (aᵀb) keeps aᵀb as one unit and equals (aᵀb) Y', (tt) => {
  const e1 = elaborate(formula(term(raw(Y, raw(transpose(a), b)))), new WeakMap());
  const e2 = elaborate(formula(term(raw(raw(transpose(a), b), Y))), new WeakMap());
  const [left, right] = [only(e1), only(e2)];
  tt.true(equalTerms(left, right), `${termKey(left)} vs ${termKey(right)}`);
  tt.is(termKey(left), '(* #1 (* #1 (T a) b) Y)');
  tt.is(formatShape(e1.shapeOf(left)!), 'n×n');
  tt.true(left.kind === 'mul' && e1.isScalar(left.factors[0]!));
});

test('shapeOf knows every subterm of the canonical result', (tt) => {
  const e = elaborate(formula(term(add([raw(transpose(a), inverse(X), b), num(1)]))), new WeakMap());
  const root = only(e);
  tt.is(formatShape(e.shapeOf(root)!), 'scalar');
  const product = root.kind === 'add' ? root.terms.find((u) => u.kind === 'mul') : undefined;
  tt.truthy(product);
  const factors = product!.kind === 'mul' ? product!.factors : [];
  tt.deepEqual(factors.map((f) => formatShape(e.shapeOf(f)!)), ['1×n', 'n×n', 'n×1']);
});

test('declarations inside the formula hold for the statements before them', (tt) => {
  const e = elaborate(formula(term(raw(transpose(a), b)), vector('a b', 'm')), new WeakMap());
  tt.deepEqual(e.diagnostics, []);
  const prod = only(e);
  tt.is(prod.kind === 'mul' ? formatShape(e.shapeOf(prod.factors[0]!)!) : '', '1×m');
});

test('a chain whose sides differ is E0205, naming both sides', (tt) => {
  const e = elaborate(formula({ kind: 'chain', terms: [X, a], relations: ['='] }), new WeakMap());
  tt.deepEqual(e.diagnostics.map((d) => d.code), ['E0205']);
  tt.regex(e.diagnostics[0]!.message, /X \(n×n\) and a \(n×1\)/);
});

test('a zero on one side of an equation takes the other side\'s shape', (tt) => {
  const e = elaborate(formula({ kind: 'chain', terms: [X, num(0)], relations: ['='] }), new WeakMap());
  tt.deepEqual(e.diagnostics, []);
  const st = e.formula.statements[0]!;
  tt.is(st.kind === 'chain' ? formatShape(e.shapeOf(st.terms[1]!)!) : '', 'n×n');
});

test('errors point at the span of the offending node', (tt) => {
  const source = makeSource('<arg>', 'a X');
  const spans: SpanTable = new WeakMap();
  const product = raw(a, X);
  spans.set(product, span(source, 0, 3));
  spans.set(a, span(source, 0, 1));
  const e = elaborate(formula(term(product)), spans);
  tt.is(e.diagnostics[0]!.span?.start, 0);
  tt.is(e.diagnostics[0]!.span?.end, 3);
  tt.is(e.diagnostics[0]!.message, 'cannot multiply a (n×1) by X (n×n)');
});

test('spans are carried over to canonical nodes', (tt) => {
  const source = makeSource('<arg>', 'Y t');
  const spans: SpanTable = new WeakMap();
  const product = raw(Y, t);
  spans.set(product, span(source, 0, 3));
  const e = elaborate(formula(term(product)), spans);
  tt.is(spans.get(only(e))?.end, 3);
});

test('a custom describe is used in messages', (tt) => {
  const e = elaborate(formula(term(raw(a, X))), new WeakMap(), { describe: (u) => `«${termKey(u)}»` });
  tt.is(e.diagnostics[0]!.message, 'cannot multiply «a» (n×1) by «X» (n×n)');
});

test('a symbol declared twice with different shapes is E0207', (tt) => {
  const e = elaborate(formula(term(X), square('X', [], [], 'm')), new WeakMap(), { declarations: [square('X')] });
  tt.deepEqual(e.diagnostics.map((d) => d.code), ['E0207']);
  tt.regex(e.diagnostics[0]!.message, /X is declared twice/);
});

test('declaring the same shape twice merges properties', (tt) => {
  const { env, diagnostics } = makeEnv([square('X', ['invertible']), square('X', ['symmetric'])]);
  tt.deepEqual(diagnostics, []);
  tt.true(hasProperty(env, 'X', 'invertible') && hasProperty(env, 'X', 'symmetric'));
});

test('properties and dependencies are queryable', (tt) => {
  const { env } = makeEnv([square('X', ['invertible', 'positive definite'], ['t']), square('S', ['spd'])]);
  tt.true(hasProperty(env, 'X', 'invertible'));
  tt.true(hasProperty(env, 'X', 'positive-definite'));
  tt.true(hasProperty(env, 'S', 'positive definite'));
  tt.false(hasProperty(env, 'X', 'symmetric'));
  tt.false(hasProperty(env, 'Y', 'invertible'));
  tt.true(dependsOn(env, 'X', 't'));
  tt.false(dependsOn(env, 'S', 't'));
});

test('invertible on a non-square declaration is E0203', (tt) => {
  const rect: Declaration = { ...square('A', ['invertible']), shape: { kind: 'matrix', rows: { kind: 'dim-sym', name: 'm' }, cols: { kind: 'dim-sym', name: 'n' } } };
  tt.deepEqual(makeEnv([rect]).diagnostics.map((d) => d.code), ['E0203']);
});

test('a signature f′(X): E → F declares f, and E is shared by its uses', (tt) => {
  const sig: Signature = { kind: 'signature', target: { kind: 'frechet', fn: sym('f'), at: X, dir: null }, domain: { kind: 'space', name: 'E' }, codomain: { kind: 'space', name: 'F' } };
  const e = elaborate(formula(term(add([apply(sym('f'), [X]), apply(sym('f'), [a])])), sig), new WeakMap());
  tt.deepEqual(e.diagnostics.map((d) => d.code), ['E0202']);
});

test('shapeOf also answers for terms built after elaboration, without changing earlier shapes', (tt) => {
  const e = elaborate(formula(term(add([apply(sym('f'), [X]), X]))), new WeakMap());
  tt.is(formatShape(e.shapeOf(transpose(a))!), '1×n');
  tt.is(formatShape(e.shapeOf(apply(sym('f'), [X]))!), 'n×n');
  tt.is(formatShape(e.shapeOf(raw(a, X))!), 'ill-shaped');
  tt.deepEqual(e.diagnostics, []);
  tt.is(formatShape(e.shapeOf(only(e))!), 'n×n');
});
