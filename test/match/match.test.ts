import test from 'ava';
import { instantiate, matchPattern, matchWith, partTerm, type Match, type MatchOptions } from '../../src/match/index.js';
import * as c from '../../src/term/index.js';
import { equalTerms, termKey, type Term } from '../../src/term/index.js';
import { makeRule, parseVars, readGoal, readTerms } from '../rewrite/helpers.js';

/** `A=X, B=(* #1 Y Z)` for a match; `@1-3` etc. for its part. */
function show(m: Match): string {
  const s = [...m.subst].map(([k, v]) => `${k}=${termKey(v)}`).sort().join(', ');
  if (m.part === undefined) return s;
  return m.part.kind === 'summands' ? `${s} @{${m.part.indices.join(',')}}` : `${s} @${m.part.start}-${m.part.end}`;
}

type Opts = { decls?: string; options?: Partial<MatchOptions> };

/** All matches of `pattern` (vars `vars`) in `target`, shown. */
function matchesOf(pattern: string, vars: string, target: string, opts: Opts = {}): string[] {
  const rule = makeRule(`${pattern} = ${pattern}`, vars);
  const goal = readGoal(target, opts.decls);
  return matchPattern(rule.lhs, rule.vars, goal.term, { isScalar: goal.facts.isScalar, ...opts.options }).map(show);
}

/** One-line test: the matches, in order, are exactly `expected`. */
function matches(pattern: string, vars: string, target: string, expected: string[], opts: Opts = {}): void {
  test(`${pattern} in ${target}: ${expected.length} match(es)`, (t) => {
    t.deepEqual(matchesOf(pattern, vars, target, opts), expected);
  });
}

const M = 'A B C: matrix';
// A product pattern matches a contiguous run of factors at any offset.
matches('A⁻¹ A', M, 'B C⁻¹ C D', ['A=C @1-3']);
matches('A⁻¹ A', M, 'C⁻¹ C D', ['A=C @0-2']);
matches('A⁻¹ A', M, 'D C⁻¹ C', ['A=C @1-3']);
matches('A⁻¹ A', M, 'C⁻¹ C', ['A=C']);
matches('A⁻¹ A', M, '2 B C⁻¹ C D', ['A=C @1-3']);
// Repeated metavariables bind equal terms.
matches('A⁻¹ A', M, 'B C⁻¹ D', []);
matches('A Aᵀ', M, 'X Yᵀ', []);
matches('A Aᵀ', M, 'X Y Yᵀ', ['A=Y @1-3']);
// Adjacent metavariables split a run in every way (segments).
matches('A B', M, 'X Y Z', ['A=X, B=Y @0-2', 'A=X, B=(* #1 Y Z)', 'A=(* #1 X Y), B=Z', 'A=Y, B=Z @1-3']);
matches('(A B)ᵀ', M, '(X Y Z)ᵀ', ['A=X, B=(* #1 Y Z)', 'A=(* #1 X Y), B=Z']);
// Scalars commute out of products; a scalar metavariable binds the coefficient or a scalar factor.
const S = 'c: scalar; A: matrix';
matches('c A', S, '2X', ['A=X, c=#2']);
matches('c A', S, 't X', ['A=X, c=t'], { decls: 't ∈ ℝ' });
matches('c A', S, '2 t X', ['A=X, c=#2 @1-2', 'A=X, c=t @1-2'], { decls: 't ∈ ℝ' });
matches('c A', S, 'X Y', []);
matches('tr(c A)', S, 'tr(2 t X)', ['A=X, c=(* #2 t)'], { decls: 't ∈ ℝ' });
matches('c A', S, 'Y (aᵀb)', ['A=Y, c=(* #1 (T a) b)']);
matches('c A B', 'c: scalar; A B: matrix', '2 X Y Z', ['A=X, B=Y, c=#2 @0-2', 'A=X, B=(* #1 Y Z), c=#2', 'A=(* #1 X Y), B=Z, c=#2', 'A=Y, B=Z, c=#2 @1-3']);
// A coefficient −1 in the pattern: the rest of the coefficient is absorbed (or left outside, as a partial match).
matches('−A', 'A: matrix', '−2X', ['A=(* #2 X)', 'A=X @0-1']);
matches('−A', 'A: matrix', '−X', ['A=X']);
matches('(−A)ᵀ', 'A: matrix', '(−2X)ᵀ', ['A=(* #2 X)']);
// Sum patterns match any subset of summands (as a multiset).
matches('A⁻¹ + B', M, 'X⁻¹ + Y + Z', ['A=X, B=Y @{0,1}', 'A=X, B=Z @{0,2}']);
// Both readings are sound: A = 2X (then −A is −2X) and A = −2X (then −A is 2X).
matches('A − A', 'A: matrix', '2X + Y − 2X', ['A=(* #2 X) @{0,1}', 'A=(* #-2 X) @{0,1}']);
// Below the top, a sum must be covered: the last bare metavariable takes the rest.
matches('tr(A + B)', M, 'tr(X + Y + Z)', ['A=X, B=(+ Y Z)', 'A=Y, B=(+ X Z)', 'A=Z, B=(+ X Y)']);
matches('tr(A + Bᵀ)', M, 'tr(X + Y + Z)', []);
// Index metavariables rename consistently and injectively.
const D = 'i k: index; v: vector';
matches('δ_{ik} v_k', D, 'δ_{jℓ} b_ℓ', ['i=j, k=ℓ, v=b']);
matches('δ_{ik} v_k', D, 'δ_{jℓ} b_j', []);
matches('δ_{ik} v_k', D, 'δ_{jj} b_j', []);
// Constants match only themselves.
matches('I A', 'A: matrix', 'I X', ['A=X']);
matches('(aᵀ A b)', 'a b: vector; A: matrix', 'aᵀX⁻¹b', ['A=(inv X), a=a, b=b']);

test('sorts are respected through fitsSort: a scalar variable does not bind a matrix', (t) => {
  const isScalar = (u: Term): boolean => u.kind === 'sym' && u.name === 't';
  const fitsSort = (u: Term, sort: string): boolean => sort !== 'scalar' || isScalar(u);
  t.deepEqual(matchesOf('tr(c)', 'c: scalar', 'tr(X)', { options: { fitsSort } }), []);
  t.deepEqual(matchesOf('tr(c)', 'c: scalar', 'tr(t)', { decls: 't ∈ ℝ', options: { fitsSort } }), ['c=t']);
  t.deepEqual(matchesOf('tr(c)', 'c: scalar', 'tr(X)'), ['c=X'], 'the default accepts every term');
});

test('every match instantiates to the part it covers', (t) => {
  for (const [pattern, vars, target] of [
    ['A B', M, 'X Y Z'], ['c A', S, '2 t X Y'], ['A⁻¹ + B', M, 'X⁻¹ + Y + Z'], ['−A', 'A: matrix', '−2X'],
  ] as const) {
    const rule = makeRule(`${pattern} = ${pattern}`, vars);
    const goal = readGoal(target, 't ∈ ℝ');
    const all = matchPattern(rule.lhs, rule.vars, goal.term, { isScalar: goal.facts.isScalar });
    t.true(all.length > 0);
    for (const m of all) {
      const inst = instantiate(rule.lhs, m.subst, goal.facts.isScalar);
      t.true(equalTerms(inst, partTerm(goal.term, m.part, goal.facts.isScalar)), `${pattern} / ${show(m)}`);
    }
  }
});

test('instantiate builds the canonical term: A⁻¹ A with A = X Y is (XY)⁻¹ X Y', (t) => {
  const rule = makeRule('A⁻¹ A = I', 'A: matrix');
  const [xy] = readTerms('X Y').terms;
  const got = instantiate(rule.lhs, new Map([['A', xy!]]));
  t.true(equalTerms(got, readGoal('(XY)⁻¹ X Y').term), termKey(got));
});

test('instantiate folds coefficients: −A with A = 2X is −2X', (t) => {
  const rule = makeRule('−A = −A', 'A: matrix');
  const got = instantiate(rule.lhs, new Map([['A', readGoal('2X').term]]));
  t.true(equalTerms(got, readGoal('−2X').term), termKey(got));
});

test('symbols not declared as metavariables are constants', (t) => {
  const vars = parseVars('A: matrix');
  const pattern = readGoal('A Y').term;
  t.is(matchPattern(pattern, vars, readGoal('X Y').term).length, 1);
  t.is(matchPattern(pattern, vars, readGoal('X Z').term).length, 0);
});

test('a search cut short by maxMatches says so, and its matches are the first of all the matches', (t) => {
  const rule = makeRule('A B = A B', M);
  const goal = readGoal('W X Y Z');
  const all = matchPattern(rule.lhs, rule.vars, goal.term, { isScalar: goal.facts.isScalar }).map(show);
  for (const most of [1, 2, 3]) {
    const cutShort = { stop: false };
    const some = matchPattern(rule.lhs, rule.vars, goal.term, { isScalar: goal.facts.isScalar, maxMatches: most, maxCandidates: most, cutShort }).map(show);
    t.deepEqual(some, all.slice(0, most), `the first ${most}`);
    t.true(cutShort.stop, 'more matches remain');
  }
  const cutShort = { stop: true };
  t.is(matchPattern(rule.lhs, rule.vars, goal.term, { isScalar: goal.facts.isScalar, maxMatches: all.length + 1, cutShort }).length, all.length);
  t.false(cutShort.stop, 'a search that tried every candidate is not cut short');
});

test('matchWith accepts the substitution that instantiates to the target, and only that', (t) => {
  const rule = makeRule('tr(A B) = tr(B A)', M);
  const goal = readGoal('tr(X Y Z)');
  const with_ = (a: Term, b: Term): string | null => {
    const m = matchWith(rule.lhs, rule.vars, goal.term, new Map([['A', a], ['B', b]]), { isScalar: goal.facts.isScalar });
    return m === null ? null : show(m);
  };
  const [x, y, z] = ['X', 'Y', 'Z'].map(c.sym) as [Term, Term, Term];
  t.is(with_(c.mul([x, y]), z), 'A=(* #1 X Y), B=Z');
  t.is(with_(x, c.mul([y, z])), 'A=X, B=(* #1 Y Z)');
  t.is(with_(y, c.mul([x, z])), null, 'an instance that is another term');
  t.is(matchWith(rule.lhs, rule.vars, goal.term, new Map([['A', x]])), null, 'a metavariable left unbound');
  const scalarsOnly = (_: Term, sort: string): boolean => sort !== 'matrix';
  t.is(matchWith(rule.lhs, rule.vars, goal.term, new Map([['A', x], ['B', c.mul([y, z])]]), { fitsSort: scalarsOnly }), null, 'a value of the wrong sort');
});
