import test from 'ava';
import { KEYS, live, mount } from './ink-support.js';
import { openGoal } from './support.js';

/** The Ink app driven by key presses (ink-testing-library): moving, applying, flipping, filtering, undo and redo. */

const product = () => openGoal('(X Y)ᵀ', 'X, Y ∈ ℝ^{n×n}');

test('arrows and hjkl move the selection through the subterms', async (t) => {
  const { ctx, session } = product();
  const ui = mount(ctx, session);
  await ui.waitFor((f) => f.includes('selected ε: (XY)ᵀ'), 'the root selected');
  await ui.press(KEYS.down);
  await ui.waitFor((f) => f.includes('selected 0: XY : n×n'), 'the child selected');
  await ui.press('j');
  await ui.waitFor((f) => f.includes('selected 0.0: X : n×n'), 'the first factor');
  await ui.press(KEYS.right);
  await ui.waitFor((f) => f.includes('selected 0.1: Y'), 'the next sibling');
  await ui.press('h');
  await ui.waitFor((f) => f.includes('selected 0.0: X'), 'the previous sibling');
  await ui.press('k', KEYS.up);
  const frame = await ui.waitFor((f) => f.includes('selected ε: (XY)ᵀ'), 'back at the root');
  t.regex(live(frame), /Rules at ε/);
  ui.app.unmount();
});

test('Enter applies the highlighted rule; u undoes it and Ctrl-R redoes it', async (t) => {
  const { ctx, session } = product();
  const ui = mount(ctx, session);
  await ui.waitFor((f) => f.includes('› → transpose-of-product'), 'the rule highlighted');
  await ui.press(KEYS.enter);
  let frame = await ui.waitFor((f) => f.includes('applied transpose-of-product'), 'the step');
  t.regex(frame, /= YᵀXᵀ {3}by transpose-of-product at ε/, 'the step is in the transcript');
  t.regex(live(frame), /\n {2}YᵀXᵀ\n/, 'the goal view shows the new term');
  await ui.press('u');
  frame = await ui.waitFor((f) => f.includes('undid transpose-of-product'), 'the undo');
  t.regex(live(frame), /\n {2}\(XY\)ᵀ\n/);
  t.regex(frame, /↶ undo to the start: \(XY\)ᵀ/);
  await ui.press(KEYS.ctrlR);
  frame = await ui.waitFor((f) => f.includes('redid transpose-of-product'), 'the redo');
  t.regex(live(frame), /\n {2}YᵀXᵀ\n/);
  ui.app.unmount();
});

test('n moves the highlight down the panel and Tab flips a rule to its other direction', async (t) => {
  const { ctx, session } = openGoal('I X', 'X ∈ ℝ^{n×n}');
  const ui = mount(ctx, session);
  await ui.waitFor((f) => f.includes('› → identity-left'), 'identity-left, left to right');
  await ui.press(KEYS.tab);
  let frame = await ui.waitFor((f) => f.includes('› ← identity-left'), 'identity-left, right to left');
  t.regex(frame, /result: I\s?IX|result: IIX/);
  await ui.press(KEYS.tab);
  await ui.waitFor((f) => f.includes('› → identity-left'), 'flipped back');
  await ui.press('n');
  frame = await ui.waitFor((f) => !f.includes('› → identity-left'), 'the next rule');
  t.regex(live(frame, 'goal'), /› ← /);
  ui.app.unmount();
});

test('/ filters the rules by name; Esc clears the filter', async (t) => {
  const { ctx, session } = product();
  const ui = mount(ctx, session);
  await ui.waitFor((f) => f.includes('Rules at ε (4)'), 'four rules');
  await ui.press('/', 'i', 'd', 'e', 'n');
  let frame = await ui.waitFor((f) => f.includes('Rules at ε (2 of 4, filter "iden")'), 'two rules left');
  t.regex(frame, /\/iden/);
  t.notRegex(live(frame), /transpose-of-product/);
  await ui.press(KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, 'p', 'r', 'o');
  frame = await ui.waitFor((f) => f.includes('filter "pro"'), 'another filter');
  t.regex(live(frame), /› → transpose-of-product/);
  await ui.press(KEYS.escape);
  await ui.waitFor((f) => f.includes('Rules at ε (4)') && !f.includes('/pro'), 'the filter cleared');
  t.pass();
  ui.app.unmount();
});

test('? shows the keys; any key closes them', async (t) => {
  const { ctx, session } = product();
  const ui = mount(ctx, session);
  await ui.waitFor((f) => f.includes('Rules at ε'), 'the screen');
  await ui.press('?');
  const frame = await ui.waitFor((f) => f.includes('auto-complete the proof'), 'the help');
  t.notRegex(frame, /Rules at ε/);
  await ui.press('x');
  await ui.waitFor((f) => f.includes('Rules at ε') && !f.includes('auto-complete the proof'), 'the help closed');
  ui.app.unmount();
});
