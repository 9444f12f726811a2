import test from 'ava';
import { printTerm } from '../../src/print/index.js';
import { readFormula } from '../../src/rules/index.js';
import { positions, type Term } from '../../src/term/index.js';
import { completeLine } from '../../src/tui/manual-line.js';
import { keyActions } from '../../src/tui/keys.js';
import { movePath, nearestPosition } from '../../src/tui/navigate.js';
import { entryBody, fileText } from '../../src/tui/render-proof.js';
import { conditionText, filterEntries, flippedIndex, rulesAt } from '../../src/tui/rules-panel.js';
import { elaborateGoal } from '../../src/tui/prover-context.js';
import { currentTerm, type Session } from '../../src/tui/session.js';
import { lineText, wrapFormula } from '../../src/tui/wrap.js';
import { coreRules, openGoal, run } from './support.js';

/** The prover's pure helpers: subterm navigation, the rules panel, rendering, wrapping, keys. */

const term = (text: string, decls = 'X, Y ∈ ℝ^{n×n}'): Term => {
  const read = readFormula(text, { declarations: decls });
  if (!read.ok) throw new Error(text);
  const s = read.elaboration.formula.statements[0]!;
  if (s.kind !== 'term') throw new Error(text);
  return s.term;
};

test('movePath reaches every position with child and next, and parent undoes child', (t) => {
  const goal = term('tr(X Y) X + (X + Y)ᵀ');
  const reached = new Set<string>();
  const visit = (path: readonly number[]): void => {
    if (reached.has(path.join('.'))) return;
    reached.add(path.join('.'));
    const child = movePath(goal, path, 'child');
    if (child.length > path.length) {
      t.deepEqual(movePath(goal, child, 'parent'), path);
      visit(child);
    }
    const next = movePath(goal, path, 'next');
    if (next.join('.') !== path.join('.')) visit(next);
  };
  visit([]);
  t.deepEqual([...reached].sort(), positions(goal).map((p) => p.join('.')).sort());
  t.deepEqual(nearestPosition(goal, [1, 0, 7, 3]), [1, 0]);
});

test('the rules panel: both directions, previews of the rewritten part, side conditions', (t) => {
  const { ctx, session } = openGoal('X⁻¹ X Y', 'X ∈ ℝ^{n×n} invertible; Y ∈ ℝ^{n×n}');
  const options = elaborateGoal(ctx, session.goal, []).options;
  const rows = rulesAt(currentTerm(session.doc), [], ctx.rules, options);
  const inverse = rows.find((r) => r.ruleId === 'inverse-left')!;
  t.is(inverse.direction, 'forward');
  t.is(printTerm(inverse.from()), 'X⁻¹X');
  t.is(printTerm(inverse.to), 'I');
  t.deepEqual(inverse.conditions.map(conditionText), ['invertible(X): declaration']);
  t.is(printTerm(inverse.step().after), 'IY');
  t.true(rows.some((r) => r.direction === 'backward'));
  t.true(rows.findIndex((r) => r.direction === 'backward') > rows.findIndex((r) => r.direction === 'forward'), 'left to right first');
  t.is(rulesAt(currentTerm(session.doc), [], ctx.rules, options), rows, 'memoised');
  t.deepEqual(filterEntries(rows, 'INVERSE-L').map((r) => r.ruleId), ['inverse-left']);
  t.is(flippedIndex(rows, rows.indexOf(inverse)), undefined, 'inverse-left does not apply right to left at X⁻¹XY');
});

test('a symmetric rule is listed once per result', (t) => {
  const { ctx, session } = openGoal('tr(X Y)', 'X, Y ∈ ℝ^{n×n}');
  const rows = rulesAt(currentTerm(session.doc), [], ctx.rules, elaborateGoal(ctx, session.goal, []).options);
  t.is(rows.filter((r) => r.ruleId === 'trace-cyclic').length, 1);
});

test('entryBody reads the right side off the last term, entry by entry', (t) => {
  const e = (s: string) => term(s, 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}');
  t.is(printTerm(entryBody(e('(a bᵀ)_{ij}'), ['i', 'j'])!), 'abᵀ');
  t.is(printTerm(entryBody(e('-(a bᵀ)_{ij}'), ['i', 'j'])!), '−abᵀ');
  t.is(entryBody(e('(a bᵀ)_{ji}'), ['i', 'j']), undefined, 'indices in the other order');
  t.is(entryBody(e('a_i b_j'), ['i', 'j']), undefined, 'not one entry');
});

test('the file text of a "= ?" goal states what the proof reached', (t) => {
  const { ctx, session } = openGoal('(X Y)ᵀ', 'X, Y ∈ ℝ^{n×n}', coreRules(), 'swap');
  t.is(fileText(ctx, session.goal, session.doc), 'use rules/core\n\nX, Y ∈ ℝ^{n×n}\n\ntheorem swap : (XY)ᵀ = (XY)ᵀ\nproof\n    (XY)ᵀ\nqed\n');
  const done = run(ctx, session, { type: 'apply' });
  t.regex(fileText(ctx, done.goal, done.doc), /theorem swap : \(XY\)ᵀ = YᵀXᵀ\nproof\n {4}\(XY\)ᵀ\n {2}= YᵀXᵀ {3}by transpose-of-product at ε\nqed\n$/);
});

test('completeLine adds "= " and "by auto" where the user left them out', (t) => {
  t.deepEqual(completeLine('Yᵀ Xᵀ'), { line: '= Yᵀ Xᵀ   by auto', offset: 2 });
  t.deepEqual(completeLine('= Yᵀ Xᵀ by r'), { line: '= Yᵀ Xᵀ by r', offset: 0 });
  t.deepEqual(completeLine('  Yᵀ by r'), { line: '= Yᵀ by r', offset: 0 });
});

test('wrapFormula breaks at operators, never inside a symbol, and loses nothing', (t) => {
  const text = printTerm(term('(X Y)ᵀ X⁻¹ + Yᵀ X Y⁻¹ + X⁻¹ Y X + tr(X Y) X + Y X⁻ᵀ'));
  const lines = wrapFormula(text, 24, null, 2).map(lineText);
  t.true(lines.length > 1);
  lines.forEach((l, i) => t.true([...l].length <= 24, `line ${i} fits: "${l}"`));
  lines.slice(1).forEach((l) => t.regex(l, /^ {2}[+−]/, 'continuation lines start at an operator'));
  t.is(lines.map((l, i) => (i === 0 ? l : l.slice(2))).join(' '), text);
  const run = 'X⁻¹Y⁻¹X⁻¹Y⁻¹X⁻¹Y⁻¹X⁻¹Y⁻¹X⁻¹';
  wrapFormula(run, 10, null, 0).map(lineText).slice(1).forEach((l) => t.regex(l, /^[XY]/, 'a cut never leaves ⁻¹ at the start of a line'));
});

test('wrapFormula carries the highlighted range into segments', (t) => {
  const lines = wrapFormula('A + B + C', 80, { start: 4, end: 5 });
  t.deepEqual(lines, [[{ text: 'A + ', marked: false }, { text: 'B', marked: true }, { text: ' + C', marked: false }]]);
});

test('keys: arrows and hjkl move, Enter applies, Ctrl-R redoes; in a prompt, keys type', (t) => {
  const { session } = openGoal('(X Y)ᵀ', 'X, Y ∈ ℝ^{n×n}');
  t.deepEqual(keyActions(session, '', { upArrow: true }), [{ type: 'move', move: 'parent' }]);
  t.deepEqual(keyActions(session, 'l', {}), [{ type: 'move', move: 'next' }]);
  t.deepEqual(keyActions(session, '', { return: true }), [{ type: 'apply' }]);
  t.deepEqual(keyActions(session, 'r', { ctrl: true }), [{ type: 'redo' }]);
  t.deepEqual(keyActions(session, 'u', {}), [{ type: 'undo' }]);
  const typing: Session = { ...session, mode: { kind: 'manual', text: 'X', error: null, replacesPending: false } };
  t.deepEqual(keyActions(typing, 'u', {}), [{ type: 'manual-edit', text: 'Xu' }]);
  t.deepEqual(keyActions(typing, '', { delete: true }), [{ type: 'manual-edit', text: '' }]);
  t.deepEqual(keyActions({ ...session, busy: 'auto' }, 'q', {}), [], 'keys wait while a search runs');
  t.deepEqual(keyActions({ ...session, mode: { kind: 'confirm-quit' } }, 'q', {}), [{ type: 'quit-confirm' }]);
});

test('auto-complete is a search, not a table: other gradients end in one entry without derivatives', (t) => {
  for (const [goal, decls, rhs] of [
    ['∂(aᵀXb)/∂X', 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}', 'abᵀ'],
    ['∂tr(A X)/∂X', 'A, X ∈ ℝ^{n×n}', 'Aᵀ'],
  ] as const) {
    const { ctx, session } = openGoal(goal, decls);
    const done = run(ctx, session, { type: 'auto' });
    const last = currentTerm(done.doc);
    t.false(/∂/.test(printTerm(last)), goal);
    t.is(printTerm(entryBody(last, done.doc.indices)!), rhs, goal);
  }
});
