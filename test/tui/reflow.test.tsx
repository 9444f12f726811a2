import test from 'ava';
import { mount } from './ink-support.js';
import { openGoal } from './support.js';

/** Resizing the terminal: a new width clears the screen and prints the transcript again, wrapped to it; a new height does not. */

const CLEAR = '\u001B[2J\u001B[3J\u001B[H';
const STEP = /= −aᵀX⁻¹ \(∂X\/∂\(Xᵢⱼ\)\) X⁻¹b {3}by partial-inverse at 1/;

test('a narrower terminal reprints the transcript wrapped to the new width', async (t) => {
  const { ctx, session } = openGoal('∂(aᵀX⁻¹b)/∂X');
  const ui = mount(ctx, session);
  let columns = 100;
  Object.defineProperty(ui.app.stdout, 'columns', { get: () => columns });
  await ui.waitFor((f) => f.includes('Rules at ε'), 'the screen');
  await ui.press('a');
  await ui.waitFor((f) => f.includes('no derivative left'), 'the search done');
  t.regex(ui.frame(), STEP, 'at 100 columns the step is one line');
  const before = ui.app.frames.length;
  columns = 36;
  ui.app.stdout.emit('resize');
  const frame = await ui.waitFor((f) => f.includes(CLEAR) || ui.app.frames.slice(before).some((w) => w.includes(CLEAR)), 'the clear');
  t.true(ui.app.frames.slice(before).some((w) => w.includes(CLEAR)), 'the screen and scrollback are cleared once');
  // In tests Ink keeps every static line in the frame: the transcript printed again is the part before the live screen.
  const reprinted = await ui.waitFor((f) => /by\n\s+partial-inverse at 1/.test(f), 'the transcript printed again');
  const parts = reprinted.split('theorem goal :');
  const transcript = parts[parts.length - 2]!;
  t.regex(transcript, /partial-inverse at 1/);
  t.false(STEP.test(transcript), 'the long step no longer fits on one line');
  t.true(transcript.split('\n').every((line) => [...line].length <= 36), `every reprinted line fits 36 columns:\n${transcript}`);
  t.truthy(frame);
  const count = ui.app.frames.filter((w) => w.includes(CLEAR)).length;
  ui.app.stdout.emit('resize');
  await new Promise((r) => setTimeout(r, 50));
  t.is(ui.app.frames.filter((w) => w.includes(CLEAR)).length, count, 'the same width: nothing cleared');
  ui.app.unmount();
});
