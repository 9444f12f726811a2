import test from 'ava';
import { checkProofFile } from '../../src/check/index.js';
import { readProofFile } from '../../src/proof/index.js';
import { RuleRegistry } from '../../src/rules/index.js';
import { KEYS, live, mount } from './ink-support.js';
import { coreRules, openText } from './support.js';

/** The Ink app on a theorem proved in equation steps: typed `⟹` lines, a rule from the panel, undo and redo, saving. */

const type = (text: string): string[] => [...text];

const TEXT = [
  'use rules/core',
  'X ∈ ℝ^{n×n} invertible',
  '',
  'theorem d-inverse : d(X⁻¹) = −X⁻¹ dX X⁻¹',
  'proof',
  '  X⁻¹X = I                    by inverse-left',
  '  ⟹ d(X⁻¹X) = dI             by both-sides d',
  'qed',
  '',
].join('\n');

test('an equation-style theorem is continued by typed ⟹ lines and the rules panel, undone, redone, saved so that it checks', async (t) => {
  const { ctx, session } = openText(TEXT);
  const ui = mount(ctx, session);
  let frame = await ui.waitFor((f) => f.includes('Rules at left ε'), 'the screen');
  t.regex(live(frame, 'd-inverse'), /\n {2}d\(X⁻¹X\) = d\(I\)\n/, 'the current equation');
  t.regex(live(frame, 'd-inverse'), /to reach: d\(X⁻¹\) = −X⁻¹ dX X⁻¹/);
  t.regex(live(frame, 'd-inverse'), /selected left ε: d\(X⁻¹X\) : n×n/);

  await ui.press(':', ...type('d(X⁻¹) X + X⁻¹ dX = 0 by d-product, d-identiti'), KEYS.enter);
  frame = await ui.waitFor((f) => f.includes('^ rule "d-identiti" is not defined'), 'the error');
  const column = [...': d(X⁻¹) X + X⁻¹ dX = 0 by d-product, '].length;
  t.regex(frame, new RegExp(`\\n {${column}}\\^ rule "d-identiti" is not defined`), 'the caret under the unknown rule');
  await ui.press(KEYS.backspace, 'y', KEYS.enter);
  frame = await ui.waitFor((f) => f.includes('checked: d-product, d-identity'), 'the corrected line');
  t.regex(frame, /⟹ d\(X⁻¹\) X \+ X⁻¹ dX = 0 by d-product, d-identity/);

  await ui.press(':', ...type('⟹ d(X⁻¹) X = −X⁻¹ dX by both-sides subtract X⁻¹ dX'), KEYS.enter);
  await ui.waitFor((f) => f.includes('checked: both-sides subtract'), 'subtracting');
  await ui.press(':', ...type('d(X⁻¹) X X⁻¹ = −X⁻¹ dX X⁻¹ by both-sides right-multiply X⁻¹'), KEYS.enter);
  frame = await ui.waitFor((f) => f.includes('checked: both-sides right-multiply'), 'multiplying');
  t.regex(live(frame, 'd-inverse'), /› → inverse-right +XX⁻¹ ⟶ I/, 'the panel on the left side');

  await ui.press(KEYS.enter);
  frame = await ui.waitFor((f) => f.includes('applied inverse-right at ε'), 'the rule applied');
  t.regex(frame, /⟹ d\(X⁻¹\) I = −X⁻¹ dX X⁻¹ {3}by inverse-right at ε/);
  await ui.press('u');
  frame = await ui.waitFor((f) => f.includes('undid inverse-right'), 'undone');
  t.regex(live(frame, 'd-inverse'), /\n {2}d\(X⁻¹\) XX⁻¹ = −X⁻¹ dX X⁻¹\n/);
  await ui.press(KEYS.ctrlR);
  frame = await ui.waitFor((f) => f.includes('redid inverse-right'), 'redone');
  t.regex(live(frame, 'd-inverse'), /\n {2}d\(X⁻¹\) I = −X⁻¹ dX X⁻¹\n/);

  await ui.press(KEYS.enter);
  frame = await ui.waitFor((f) => f.includes('the equation is the claim: proved'), 'the claim reached');
  t.regex(live(frame, 'd-inverse'), /✓ the claim is reached: d\(X⁻¹\) = −X⁻¹ dX X⁻¹/);
  await ui.press('w');
  await ui.waitFor((f) => f.includes('saved t.proof — leibniz check: proved (7 steps)'), 'saved');
  const saved = ui.recorded.saves[0]!;
  t.is(saved.path, 't.proof');
  t.true(saved.text.startsWith(TEXT.split('qed')[0]!), 'the lines of the file kept as written');
  const registry = new RuleRegistry();
  coreRules().forEach((r) => registry.add(r));
  const read = readProofFile(saved.text, { sourceName: 't.proof' });
  t.deepEqual(read.diagnostics, []);
  t.deepEqual(checkProofFile(read.file, { registry }).report.theorems.map((th) => th.status), ['proved']);
  await ui.press('q');
  await ui.waitFor(() => ui.recorded.exited, 'the exit');
  ui.app.unmount();
});
