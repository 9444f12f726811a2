import test from 'ava';
import { checkProofFile, type AutoProposer } from '../../src/check/index.js';
import { readProofFile } from '../../src/proof/index.js';
import { applicableRewrites, type RewriteOptions, type Step } from '../../src/rewrite/index.js';
import { RuleRegistry, type Rule } from '../../src/rules/index.js';
import { proposeChain, searchBetween } from '../../src/search/auto.js';
import { equalTerms, termKey, type Term } from '../../src/term/index.js';
import { makeRule, predicatesFor, readGoal } from '../rewrite/helpers.js';
import { coreRules } from '../tui/support.js';

const transposeTwice = makeRule('(Aᵀ)ᵀ = A', 'A: matrix', 'transpose-involution');
const transposeOfProduct = makeRule('(A B)ᵀ = Bᵀ Aᵀ', 'A B: matrix', 'transpose-of-product');
const identityLeft = makeRule('I A = A', 'A: matrix', 'identity-left');
const commute = makeRule('A + B = B + A', 'A B: matrix', 'add-commute');
const grow = makeRule('A = (Aᵀ)ᵀ', 'A: matrix', 'grow');
const selfFeed = makeRule('X = X X⁻¹ X', 'X: matrix', 'self-feed');

const optionsFor = (term: string): { from: Term; options: RewriteOptions } => {
  const goal = readGoal(term);
  return { from: goal.term, options: { facts: goal.facts, predicates: predicatesFor(['X', 'Y', 'Z']) } };
};

/** Each step starts where the last ended, from `from` to `to`, and is what the rewriter makes with its rule, way and position. */
function assertChain(t: import('ava').ExecutionContext, steps: readonly Step[], from: Term, to: Term, rules: readonly Rule[], options: RewriteOptions): void {
  let term = from;
  for (const step of steps) {
    t.true(equalTerms(step.before, term), `step ${step.ruleId} starts where the last ended`);
    const rule = rules.find((r) => r.id === step.ruleId)!;
    const made = applicableRewrites(term, [rule], { ...options, directions: [step.direction] }).some((a) => equalTerms(a.step.after, step.after));
    t.true(made, `the rewriter makes ${step.ruleId} ${step.direction}`);
    term = step.after;
  }
  t.true(equalTerms(term, to), `ends at ${termKey(to)}, not ${termKey(term)}`);
}

test('equal ends: no steps', (t) => {
  const { from, options } = optionsFor('X Y');
  t.deepEqual(searchBetween(from, from, [transposeTwice], options), { ok: true, steps: [], stats: { expanded: 0, kept: 1 } });
});

test('both ends simplify to a common term: the trees meet, and the backward half is reversed into kernel steps', (t) => {
  const { from, options } = optionsFor('((X Y)ᵀ)ᵀ');
  const to = readGoal('I (X Y)').term;
  const rules = [transposeTwice, transposeOfProduct, identityLeft];
  const found = searchBetween(from, to, rules, options);
  if (!found.ok) return t.fail(found.stop);
  assertChain(t, found.steps, from, to, rules, options);
  t.true(found.steps.some((s) => s.ruleId === 'identity-left' && s.direction === 'backward'), 'I A = A used right to left, from the other end');
});

test('a chain longer than either tree is deep: three applications from each end', (t) => {
  const { from, options } = optionsFor('((((X Y)ᵀ)ᵀ)ᵀ)ᵀ');
  const to = readGoal('I (I (X Y))').term;
  const rules = [transposeTwice, identityLeft];
  const found = searchBetween(from, to, rules, options, { maxDepth: 2 });
  if (!found.ok) return t.fail(found.stop);
  t.is(found.steps.length, 4);
  assertChain(t, found.steps, from, to, rules, options);
  const shallow = searchBetween(from, to, rules, options, { maxDepth: 1 });
  t.deepEqual(shallow.ok ? 'found' : shallow.stop, 'depth reached');
});

test('no rule applies: the search says so', (t) => {
  const { from, options } = optionsFor('X Y');
  const forwardOnly = makeRule('(A B)ᵀ = Bᵀ Aᵀ', 'A B: matrix', 'transpose-of-product', true);
  const found = searchBetween(from, readGoal('Y X').term, [forwardOnly], options);
  t.false(found.ok);
  if (!found.ok) t.is(found.stop, 'no rule applies further');
});

test('looping and self-feeding rule sets stop at a budget and name the rules that looped', (t) => {
  const cases: [Rule[], string, string, RegExp][] = [
    [[commute], 'X + Y + Z', 'X Y', /add-commute/],
    [[grow], 'X', 'Y', /grow/],
    [[selfFeed], 'X', 'Y', /self-feed/],
  ];
  for (const [rules, fromText, toText, looping] of cases) {
    const { from, options } = optionsFor(fromText);
    for (const budget of [{ maxTerms: 50 }, { maxExpansions: 5 }, { work: 2000 }, { maxDepth: 40, maxTerms: 100_000, maxExpansions: 100_000 }]) {
      const found = searchBetween(from, readGoal(toText).term, rules, options, budget);
      if (found.ok) { t.fail('a proof of a false step'); continue; }
      t.regex(found.stop, /budget reached|depth reached|no rule applies/, `${rules[0]!.id} ${JSON.stringify(budget)}`);
      if (/budget/.test(found.stop)) t.regex(found.busiest.join(', '), looping);
      t.true(found.stats.kept <= 2 * (budget.maxTerms ?? 2000), 'at most the term budget in each of the two passes');
    }
  }
});

test('the clock is a budget only when asked', (t) => {
  const { from, options } = optionsFor('X');
  let now = 0;
  const clock = (): number => (now += 10);
  const timed = searchBetween(from, readGoal('Y').term, [grow], options, { maxMillis: 25, maxDepth: 40, maxTerms: 100_000, maxExpansions: 100_000 }, clock);
  t.deepEqual(timed.ok ? 'found' : timed.stop, 'time budget reached');
});

const FILE = 'use rules/core\nA, B ∈ ℝ^{n×n}\ntheorem t : ((A B)ᵀ)ᵀ = I (A B)\nproof\n  ((A B)ᵀ)ᵀ\n  = I (A B)  by auto\nqed\n';

const registry = (): RuleRegistry => {
  const r = new RuleRegistry();
  for (const rule of coreRules()) r.add(rule);
  return r;
};

test('by auto with the bidirectional search: the kernel replays its steps and the line passes', (t) => {
  const { file } = readProofFile(FILE, { sourceName: 'auto.proof' });
  const report = checkProofFile(file, { registry: registry(), auto: proposeChain }).report;
  t.is(report.theorems[0]!.status, 'proved');
  t.true(report.theorems[0]!.steps[1]!.steps.length >= 2);
});

test('by auto refuses a proposal the kernel does not make: a step with another result, a chain that ends elsewhere', (t) => {
  const { file } = readProofFile(FILE, { sourceName: 'auto.proof' });
  const forged: AutoProposer = (from, to, rules, options, limits) => {
    const real = proposeChain(from, to, rules, options, limits);
    if (!real.ok) return real;
    const [first, ...rest] = real.steps;
    return { ok: true, steps: [{ ...first!, after: to }, ...rest] };
  };
  const short: AutoProposer = (from, to, rules, options, limits) => {
    const real = proposeChain(from, to, rules, options, limits);
    return real.ok ? { ok: true, steps: real.steps.slice(0, -1) } : real;
  };
  for (const [auto, why] of [[forged, /proposed a proof the kernel refused: its step 1 \(/], [short, /the kernel refused: its step \d+ \(it ends elsewhere\)/]] as const) {
    const report = checkProofFile(file, { registry: registry(), auto }).report;
    t.is(report.theorems[0]!.status, 'failed');
    t.regex(report.theorems[0]!.steps[1]!.diagnostics[0]!.message, why);
  }
});
