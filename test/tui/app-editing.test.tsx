import test from 'ava';
import { KEYS, live, mount } from './ink-support.js';
import { coreRules, openGoal } from './support.js';
import { checkProofFile } from '../../src/check/index.js';
import { readProofFile } from '../../src/proof/index.js';
import { RuleRegistry } from '../../src/rules/index.js';

/** The Ink app driven by key presses: a typed line with an error, auto-completion, saving, quitting. */

const type = (text: string): string[] => [...text];

test(': types a line; an error is shown under its column and the line stays for editing', async (t) => {
  const { ctx, session } = openGoal('(X Y)ᵀ', 'X, Y ∈ ℝ^{n×n}');
  const ui = mount(ctx, session);
  await ui.waitFor((f) => f.includes('Rules at ε'), 'the screen');
  await ui.press(':', ...type('= Xᵀ Yᵀ by transpose-of-product'), KEYS.enter);
  let frame = await ui.waitFor((f) => f.includes('^ rule "transpose-of-product"'), 'the error');
  t.regex(frame, /: = Xᵀ Yᵀ by transpose-of-product/);
  t.regex(frame, /\n {4}\^ rule "transpose-of-product"/, 'the caret under the term (prompt ": " + column 2)');
  await ui.press(KEYS.ctrlU, ...type('= Yᵀ Xᵀ by transpose-of-product'), KEYS.enter);
  frame = await ui.waitFor((f) => f.includes('checked: transpose-of-product'), 'the corrected line');
  t.regex(frame, /= Yᵀ Xᵀ by transpose-of-product/);
  t.regex(live(frame), /line 1/);
  ui.app.unmount();
});

test('a auto-completes the seed goal entry by entry', async (t) => {
  const { ctx, session } = openGoal('∂(aᵀX⁻¹b)/∂X');
  const ui = mount(ctx, session);
  await ui.waitFor((f) => f.includes('a gradient: e proves it entry by entry'), 'the hint');
  await ui.press('a');
  const frame = await ui.waitFor((f) => f.includes('no derivative left'), 'the search done');
  t.regex(frame, /= ∂\(aᵀX⁻¹b\)\/∂\(Xᵢⱼ\) {3}by gradient-entry at ε/);
  t.regex(live(frame), /entry \(i, j\)/);
  t.regex(live(frame), /−\(X⁻ᵀabᵀX⁻ᵀ\)ᵢⱼ/);
  ui.app.unmount();
});

test('w saves (asking for a name first); the text saved checks; q then quits at once', async (t) => {
  const { ctx, session } = openGoal('∂(aᵀX⁻¹b)/∂X');
  const ui = mount(ctx, session);
  await ui.waitFor((f) => f.includes('Rules at ε'), 'the screen');
  await ui.press('a');
  await ui.waitFor((f) => f.includes('no derivative left'), 'auto');
  await ui.press('w');
  await ui.waitFor((f) => f.includes('save as: proof.proof'), 'the file name asked');
  await ui.press(KEYS.ctrlU, ...type('seed.proof'), KEYS.enter);
  const frame = await ui.waitFor((f) => f.includes('saved seed.proof — leibniz check: proved'), 'saved');
  t.regex(live(frame), /seed\.proof/);
  t.is(ui.recorded.saves.length, 1);
  const saved = ui.recorded.saves[0]!;
  t.is(saved.path, 'seed.proof');
  t.regex(saved.text, /^use rules\/core\n\na, b ∈ ℝⁿ\nX ∈ ℝ\^\{n×n\} invertible\n\ntheorem goal : ∂\(aᵀX⁻¹b\)\/∂X = −X⁻ᵀabᵀX⁻ᵀ\nproof entrywise i j\n/);
  const registry = new RuleRegistry();
  coreRules().forEach((r) => registry.add(r));
  const report = checkProofFile(readProofFile(saved.text, { sourceName: 'seed.proof' }).file, { registry }).report;
  t.deepEqual(report.theorems.map((th) => th.status), ['proved']);
  await ui.press('q');
  await ui.waitFor(() => ui.recorded.exited, 'the exit');
  ui.app.unmount();
});

test('q with unsaved steps asks first; a file changed on disk is not overwritten without asking', async (t) => {
  const { ctx, session } = openGoal('(X Y)ᵀ', 'X, Y ∈ ℝ^{n×n}');
  let answers = 0;
  const ui = mount(ctx, { ...session, path: 'p.proof' }, () => (answers++ === 0 ? { ok: false, conflict: true } : { ok: true }));
  await ui.waitFor((f) => f.includes('Rules at ε'), 'the screen');
  await ui.press(KEYS.enter, 'q');
  await ui.waitFor((f) => f.includes('unsaved changes (1 step): q quits without saving'), 'the question');
  t.false(ui.recorded.exited);
  await ui.press(KEYS.escape);
  await ui.waitFor((f) => !f.includes('unsaved changes'), 'staying');
  await ui.press('w');
  await ui.waitFor((f) => f.includes('p.proof changed on disk since it was opened'), 'the conflict');
  t.false(ui.recorded.saves[0]!.overwrite);
  await ui.press('w');
  await ui.waitFor((f) => f.includes('saved p.proof'), 'overwritten on request');
  t.true(ui.recorded.saves[1]!.overwrite);
  await ui.press('q');
  await ui.waitFor(() => ui.recorded.exited, 'quit once saved');
  ui.app.unmount();
});
