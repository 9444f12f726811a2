import test from 'ava';
import { printTerm } from '../../src/print/index.js';
import { fileText } from '../../src/tui/render-proof.js';
import { currentTerm } from '../../src/tui/session.js';
import { openText, run } from './support.js';

/** Opening a theorem of a proof file: at its first failing step, keeping everything the file says. */

const open = openText;

const HEAD = 'use rules/core\nX, Y ∈ ℝ^{n×n}\n\n';
const PROVED = 'theorem first : ((X Y)ᵀ)ᵀ = X Y\nproof\n  ((X Y)ᵀ)ᵀ\n  = X Y   by transpose-involution\nqed\n';
const FAILING = [
  '-- the second one',
  'theorem second : (X Y)ᵀ = Yᵀ Xᵀ',
  'proof',
  '    (X Y)ᵀ',
  '  -- a comment kept with its line',
  '  = Yᵀ Xᵀ    by transpose-of-product',
  '  = Xᵀ Yᵀ    by transpose-of-product',
  '  = Yᵀ Xᵀ    by nothing',
  '  -- a closing comment',
  'qed',
].join('\n');

test('opens the first theorem that is not proved, at its first failing line, offered for editing', (t) => {
  const { session } = open(HEAD + PROVED + '\n' + FAILING + '\n');
  t.is(session.goal.name, 'second');
  t.is(session.doc.steps.length, 1);
  t.is(printTerm(currentTerm(session.doc)), 'YᵀXᵀ');
  t.is(session.mode.kind, 'manual');
  if (session.mode.kind !== 'manual') return;
  t.is(session.mode.text, '= Xᵀ Yᵀ    by transpose-of-product');
  t.regex(session.mode.error!.message, /transpose-of-product/);
  t.is(session.mode.error!.column, [...'= Xᵀ Yᵀ    by '].length, 'under the rule, which matches nowhere');
  t.deepEqual(session.doc.pending, ['  = Xᵀ Yᵀ    by transpose-of-product', '  = Yᵀ Xᵀ    by nothing', '  -- a closing comment']);
});

test('saving an opened file changes nothing but the theorem, and keeps its comments and unchecked lines', (t) => {
  const text = HEAD + PROVED + '\n' + FAILING + '\n';
  const { ctx, session } = open(text);
  t.is(fileText(ctx, session.goal, session.doc), text, 'opened and saved unchanged, byte for byte');
  const fixed = run(ctx, session, { type: 'manual-edit', text: '= (X Y)ᵀ by transpose-of-product ←' }, { type: 'manual-submit' });
  t.is(fixed.doc.steps.length, 2);
  t.deepEqual(fixed.doc.pending, ['  = Yᵀ Xᵀ    by nothing', '  -- a closing comment'], 'the typed line replaced the failing one');
  t.true(fileText(ctx, fixed.goal, fixed.doc).startsWith(HEAD + PROVED));
});

test('a named theorem is opened even when proved; its proved predecessors are rules', (t) => {
  const { ctx, session } = open(HEAD + PROVED + '\n' + FAILING + '\n', 'first');
  t.is(session.goal.name, 'first');
  t.is(session.mode.kind, 'normal');
  t.is(session.doc.steps.length, 1);
  t.false(ctx.rules.some((r) => r.id === 'first'), 'a theorem is not a rule for its own proof');
  const second = open(HEAD + PROVED + '\n' + FAILING + '\n', 'second');
  t.true(second.ctx.rules.some((r) => r.id === 'first'));
});

test('a line that does not even shape is kept, and the session opens before it', (t) => {
  const text = HEAD + 'theorem t : (X Y)ᵀ = Yᵀ Xᵀ\nproof\n  (X Y)ᵀ\n  = Yᵀ Xᵀ  by transpose-of-product\n  = a X    by nothing\nqed\n';
  const { session } = open(text);
  t.is(session.doc.steps.length, 1);
  t.deepEqual(session.doc.pending, ['  = a X    by nothing']);
  t.is(session.mode.kind, 'manual');
});
