import test from 'ava';
import { checkProofFile } from '../../src/check/index.js';
import { readProofFile } from '../../src/proof/index.js';
import { printTerm } from '../../src/print/index.js';
import { RuleRegistry } from '../../src/rules/index.js';
import { visibleRules } from '../../src/tui/edits.js';
import { currentTerm, type Session } from '../../src/tui/session.js';
import { fileText, theoremText } from '../../src/tui/render-proof.js';
import { DEFAULT_SAVE_NAME, isDirty } from '../../src/tui/state.js';
import { coreRules, openGoal, run, withSimp } from './support.js';

/** One test (or a few) per action of the reducer; sessions on small goals with the shipped rules. */

const seed = () => openGoal('∂(aᵀX⁻¹b)/∂X');
const product = () => openGoal('(X Y)ᵀ', 'X, Y ∈ ℝ^{n×n}');
const identity = () => openGoal('I X', 'X ∈ ℝ^{n×n}');
const ids = (ctx: Parameters<typeof visibleRules>[0], s: Session) => visibleRules(ctx, s).map((e) => `${e.direction === 'forward' ? '→' : '←'}${e.ruleId}`);

/** The saved text checks with the shipped rules: the reducer's proofs are the checker's. */
function checks(text: string): boolean {
  const { file } = readProofFile(text, { sourceName: 't.proof' });
  const registry = new RuleRegistry();
  coreRules().forEach((r) => registry.add(r));
  return checkProofFile(file, { registry }).report.theorems.every((t) => t.status === 'proved');
}

test('move: child, next and previous sibling (wrapping), parent; the root has no parent', (t) => {
  const { ctx, session } = product();
  const child = run(ctx, session, { type: 'move', move: 'child' });
  t.deepEqual(child.doc.selection, [0]);
  const grandchild = run(ctx, child, { type: 'move', move: 'child' });
  t.deepEqual(grandchild.doc.selection, [0, 0]);
  t.deepEqual(run(ctx, grandchild, { type: 'move', move: 'next' }).doc.selection, [0, 1]);
  t.deepEqual(run(ctx, grandchild, { type: 'move', move: 'prev' }).doc.selection, [0, 1], 'wraps from the first to the last sibling');
  t.deepEqual(run(ctx, grandchild, { type: 'move', move: 'parent' }).doc.selection, [0]);
  t.deepEqual(run(ctx, session, { type: 'move', move: 'parent' }).doc.selection, []);
  t.deepEqual(run(ctx, grandchild, { type: 'move', move: 'child' }).doc.selection, [0, 0], 'a symbol has no child');
});

test('move: the rules panel follows the selection', (t) => {
  const { ctx, session } = product();
  t.true(ids(ctx, session).includes('→transpose-of-product'));
  t.false(ids(ctx, run(ctx, session, { type: 'move', move: 'child' })).includes('→transpose-of-product'));
});

test('select-rule moves the highlight and stays within the panel', (t) => {
  const { ctx, session } = product();
  const count = visibleRules(ctx, session).length;
  t.is(run(ctx, session, { type: 'select-rule', delta: 1 }).highlight, 1);
  t.is(run(ctx, session, { type: 'select-rule', delta: -1 }).highlight, 0);
  t.is(run(ctx, session, { type: 'select-rule', delta: 100 }).highlight, count - 1);
});

test('flip: the highlighted rule in the other direction, or a message when it does not apply that way', (t) => {
  const { ctx, session } = identity();
  const rows = visibleRules(ctx, session);
  t.is(rows[0]!.ruleId, 'identity-left');
  t.is(rows[0]!.direction, 'forward');
  const flipped = run(ctx, session, { type: 'flip' });
  t.is(visibleRules(ctx, flipped)[flipped.highlight]!.ruleId, 'identity-left');
  t.is(visibleRules(ctx, flipped)[flipped.highlight]!.direction, 'backward');
  t.is(run(ctx, flipped, { type: 'flip' }).highlight, 0, 'and back');
  const { ctx: c2, session: s2 } = product();
  const refused = run(c2, s2, { type: 'flip' });
  t.is(refused.highlight, 0);
  t.regex(refused.message!.text, /transpose-of-product does not apply right to left here/);
});

test('filter: typing narrows the panel to rule names containing the text; closing keeps or clears it', (t) => {
  const { ctx, session } = product();
  const typing = run(ctx, session, { type: 'filter-open' }, { type: 'filter', text: 'IDENTITY' });
  t.is(typing.mode.kind, 'filter');
  t.deepEqual(ids(ctx, typing), ['←identity-left', '←identity-right']);
  const kept = run(ctx, typing, { type: 'filter-close', keep: true });
  t.is(kept.mode.kind, 'normal');
  t.is(kept.filter, 'IDENTITY');
  t.is(run(ctx, typing, { type: 'filter-close', keep: false }).filter, '');
});

test('apply: the highlighted rule becomes a step, in the transcript and on the undo stack', (t) => {
  const { ctx, session } = product();
  const applied = run(ctx, session, { type: 'apply' });
  t.is(applied.doc.steps.length, 1);
  t.is(printTerm(currentTerm(applied.doc)), 'YᵀXᵀ');
  t.is(applied.doc.steps[0]!.line, '  = YᵀXᵀ   by transpose-of-product at ε');
  t.is(applied.transcript.at(-1)!.text, '  = YᵀXᵀ   by transpose-of-product at ε');
  t.is(applied.history.undo.length, 1);
  t.regex(applied.message!.text, /applied transpose-of-product at ε/);
  t.true(isDirty(applied));
  t.true(checks(fileText(ctx, applied.goal, applied.doc)));
});

test('apply: nothing to apply is a message, not a step', (t) => {
  const { ctx, session } = product();
  const none = run(ctx, session, { type: 'filter', text: 'no-such-rule' }, { type: 'apply' });
  t.is(none.doc.steps.length, 0);
  t.is(none.message!.tone, 'error');
});

test('manual line: a correct line is checked by the kernel and becomes a step', (t) => {
  const { ctx, session } = product();
  const typed = run(ctx, session, { type: 'manual-open' }, { type: 'manual-edit', text: 'Yᵀ Xᵀ by transpose-of-product' }, { type: 'manual-submit' });
  t.is(typed.mode.kind, 'normal');
  t.is(typed.doc.steps.length, 1);
  t.is(typed.doc.steps[0]!.origin, 'manual');
  t.is(typed.doc.steps[0]!.line, '  = Yᵀ Xᵀ by transpose-of-product');
  const auto = run(ctx, session, { type: 'manual-open' }, { type: 'manual-edit', text: "Y' X'" }, { type: 'manual-submit' });
  t.is(auto.doc.steps[0]!.line, "  = Y' X'   by auto", 'a line without "by" is found by auto');
  t.true(checks(fileText(ctx, auto.goal, auto.doc)));
});

test('manual line: an error is kept inline with its column, and the line stays for editing', (t) => {
  const { ctx, session } = product();
  const wrong = run(ctx, session, { type: 'manual-open' }, { type: 'manual-edit', text: '= Xᵀ Yᵀ by transpose-of-product' }, { type: 'manual-submit' });
  t.is(wrong.doc.steps.length, 0);
  t.is(wrong.mode.kind, 'manual');
  if (wrong.mode.kind !== 'manual') return;
  t.is(wrong.mode.text, '= Xᵀ Yᵀ by transpose-of-product');
  t.regex(wrong.mode.error!.message, /transpose-of-product/);
  t.is(wrong.mode.error!.column, 2, 'under the term');
  const unreadable = run(ctx, session, { type: 'manual-open' }, { type: 'manual-edit', text: 'Yᵀ + by transpose-of-product' }, { type: 'manual-submit' });
  t.is(unreadable.mode.kind, 'manual');
  if (unreadable.mode.kind === 'manual') t.true(unreadable.mode.error!.column >= 3, `column ${unreadable.mode.error!.column}`);
  const edited = run(ctx, wrong, { type: 'manual-edit', text: '= Yᵀ Xᵀ by transpose-of-product' });
  t.is(edited.mode.kind === 'manual' ? edited.mode.error : 'not manual', null, 'editing clears the error');
});

test('entrywise: proves a matrix goal entry by entry, only before the first step', (t) => {
  const { ctx, session } = seed();
  const entries = run(ctx, session, { type: 'entrywise' });
  t.deepEqual(entries.doc.indices, ['i', 'j']);
  t.is(printTerm(entries.doc.start), '(∂(aᵀX⁻¹b)/∂X)ᵢⱼ');
  t.is(printTerm(run(ctx, entries, { type: 'entrywise' }).doc.start), '∂(aᵀX⁻¹b)/∂X', 'and back');
  const started = run(ctx, entries, { type: 'apply' });
  t.is(run(ctx, started, { type: 'entrywise' }).doc.indices.length, 2);
  t.is(run(ctx, started, { type: 'entrywise' }).message!.tone, 'error');
});

test('auto: a request marks the session busy; the search adds checked steps, undone in one', (t) => {
  const { ctx, session } = seed();
  const asked = run(ctx, session, { type: 'auto-request' });
  t.is(asked.busy, 'auto');
  const done = run(ctx, asked, { type: 'auto' });
  t.is(done.busy, null);
  t.deepEqual(done.doc.indices, ['i', 'j']);
  t.true(done.doc.steps.length > 3);
  t.true(done.doc.steps.every((s) => s.origin === 'auto'));
  t.false(/∂/.test(printTerm(currentTerm(done.doc))), 'no derivative left');
  t.regex(theoremText(done.goal, done.doc), /^theorem goal : ∂\(aᵀX⁻¹b\)\/∂X = −X⁻ᵀabᵀX⁻ᵀ\nproof entrywise i j\n/);
  t.true(checks(fileText(ctx, done.goal, done.doc)));
  const undone = run(ctx, done, { type: 'undo' });
  t.is(undone.doc.steps.length, 0);
  t.deepEqual(undone.doc.indices, []);
});

test('auto: with a known right side it proves the goal', (t) => {
  const { ctx, session } = openGoal('∂(aᵀXb)/∂X = abᵀ', 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}');
  const done = run(ctx, session, { type: 'auto' });
  t.regex(done.message!.text, /proved/);
  t.regex(theoremText(done.goal, done.doc), /^theorem goal : ∂\(aᵀXb\)\/∂X = abᵀ\n/);
  t.true(checks(fileText(ctx, done.goal, done.doc)));
});

test('simplify: the simp rules rewrite the selected subterm only', (t) => {
  const { ctx, session } = openGoal('((X Y)ᵀ)ᵀ + ((Y X)ᵀ)ᵀ', 'X, Y ∈ ℝ^{n×n}', withSimp('transpose-involution'));
  const first = run(ctx, session, { type: 'move', move: 'child' });
  const done = run(ctx, first, { type: 'simplify-request' }, { type: 'simplify' });
  t.is(done.busy, null);
  t.is(done.doc.steps.length, 1);
  t.is(done.doc.steps[0]!.origin, 'simp');
  t.is(printTerm(currentTerm(done.doc)), 'XY + ((YX)ᵀ)ᵀ');
  t.true(checks(fileText(ctx, done.goal, done.doc)));
  const whole = run(ctx, session, { type: 'simplify' });
  t.is(printTerm(currentTerm(whole.doc)), 'XY + YX', 'at the root: the whole term');
  t.true(checks(fileText(ctx, whole.goal, whole.doc)));
  const plain = openGoal('(X Y)ᵀ', 'X, Y ∈ ℝ^{n×n}', withSimp());
  t.regex(run(plain.ctx, plain.session, { type: 'simplify' }).message!.text, /no rule in scope is tagged simp/);
  const shipped = product();
  t.is(printTerm(currentTerm(run(shipped.ctx, shipped.session, { type: 'simplify' }).doc)), 'YᵀXᵀ', 'the shipped simp rules push transposes inward');
});

test('undo and redo: patches, unlimited, redo cleared by a new step', (t) => {
  const { ctx, session } = product();
  const one = run(ctx, session, { type: 'apply' });
  const two = run(ctx, one, { type: 'move', move: 'child' }, { type: 'apply' });
  t.is(two.doc.steps.length, 2);
  t.true(two.history.undo.every((e) => e.patches.length > 0 && e.inverse.length > 0), 'each entry holds patches, not a copy');
  const back = run(ctx, two, { type: 'undo' }, { type: 'undo' });
  t.is(back.doc.steps.length, 0);
  t.is(theoremText(back.goal, back.doc), theoremText(session.goal, session.doc));
  t.false(isDirty(back));
  t.regex(run(ctx, back, { type: 'undo' }).message!.text, /nothing to undo/);
  const again = run(ctx, back, { type: 'redo' }, { type: 'redo' });
  t.is(theoremText(again.goal, again.doc), theoremText(two.goal, two.doc));
  t.is(again.transcript.at(-1)!.text.slice(0, 1), '↷');
  const branched = run(ctx, run(ctx, two, { type: 'undo' }), { type: 'manual-open' }, { type: 'manual-edit', text: '(X Y)ᵀ by transpose-of-product ←' }, { type: 'manual-submit' });
  t.is(branched.history.redo.length, 0);
});

test('save: without a file it asks for a name, then requests the write; done, failed, conflict', (t) => {
  const { ctx, session } = product();
  const edited = run(ctx, session, { type: 'apply' });
  const asking = run(ctx, edited, { type: 'save-request' });
  t.deepEqual(asking.mode, { kind: 'save-as', text: DEFAULT_SAVE_NAME });
  const named = run(ctx, asking, { type: 'save-as-edit', text: 'p.proof' }, { type: 'save-as-submit' });
  t.is(named.request?.kind, 'save');
  if (named.request?.kind !== 'save') return;
  t.is(named.request.path, 'p.proof');
  t.is(named.request.text, fileText(ctx, edited.goal, edited.doc));
  t.false(named.request.overwrite);
  const saved = run(ctx, named, { type: 'save-done', path: 'p.proof' });
  t.is(saved.path, 'p.proof');
  t.is(saved.request, null);
  t.false(isDirty(saved));
  t.regex(saved.message!.text, /saved p\.proof — leibniz check: proved \(1 step\)/);
  t.regex(run(ctx, named, { type: 'save-failed', reason: 'EACCES' }).message!.text, /not saved: EACCES/);
  const conflict = run(ctx, named, { type: 'save-conflict', path: 'p.proof' });
  t.deepEqual(conflict.mode, { kind: 'confirm-overwrite', path: 'p.proof' });
  const forced = run(ctx, conflict, { type: 'save-request', overwrite: true, path: 'p.proof' });
  t.true(forced.request?.kind === 'save' && forced.request.overwrite);
  t.is(run(ctx, saved, { type: 'save-request' }).request?.kind, 'save', 'a session with a file saves at once');
});

test('quit: at once when saved; asks when there are unsaved steps; save-and-quit saves first', (t) => {
  const { ctx, session } = product();
  t.deepEqual(run(ctx, session, { type: 'quit-request' }).request, { kind: 'quit' });
  const edited = run(ctx, session, { type: 'apply' });
  const asking = run(ctx, edited, { type: 'quit-request' });
  t.is(asking.mode.kind, 'confirm-quit');
  t.is(asking.request, null);
  t.regex(asking.message!.text, /unsaved changes \(1 step\)/);
  t.deepEqual(run(ctx, asking, { type: 'quit-confirm' }).request, { kind: 'quit' });
  t.is(run(ctx, asking, { type: 'cancel' }).mode.kind, 'normal');
  const saving = run(ctx, { ...asking, path: 'p.proof' }, { type: 'save-and-quit' });
  t.true(saving.quitAfterSave);
  t.is(saving.request?.kind, 'save');
  t.deepEqual(run(ctx, saving, { type: 'save-done', path: 'p.proof' }).request, { kind: 'quit' });
});

test('cancel leaves any prompt; help toggles; resize records the size', (t) => {
  const { ctx, session } = product();
  t.is(run(ctx, session, { type: 'manual-open' }, { type: 'cancel' }).mode.kind, 'normal');
  t.true(run(ctx, session, { type: 'help' }).help);
  t.false(run(ctx, session, { type: 'help' }, { type: 'help' }).help);
  t.false(run(ctx, session, { type: 'help' }, { type: 'cancel' }).help);
  t.deepEqual(run(ctx, session, { type: 'resize', columns: 132, rows: 50 }).size, { columns: 132, rows: 50 });
});

test('journal: an offered journal is restored (undoably) or discarded', (t) => {
  const { ctx, session } = product();
  const journal = run(ctx, session, { type: 'apply' }).doc;
  const offered: Session = { ...session, journal, mode: { kind: 'resume' } };
  const restored = run(ctx, offered, { type: 'journal', restore: true });
  t.is(restored.doc.steps.length, 1);
  t.is(restored.journal, null);
  t.is(restored.mode.kind, 'normal');
  t.is(run(ctx, restored, { type: 'undo' }).doc.steps.length, 0);
  const discarded = run(ctx, offered, { type: 'journal', restore: false });
  t.is(discarded.doc.steps.length, 0);
  t.is(discarded.journal, null);
});
