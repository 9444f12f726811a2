import { render } from 'ink-testing-library';
import { ProverApp, type ProverIO, type SaveResult } from '../../src/tui/app.js';
import type { ProverContext } from '../../src/tui/prover-context.js';
import type { Session } from '../../src/tui/session.js';

/** Driving the prover's Ink app in tests: keys as the terminal sends them, and waiting for a frame. */

export const KEYS = {
  up: '\u001B[A', down: '\u001B[B', right: '\u001B[C', left: '\u001B[D',
  enter: '\r', tab: '\t', escape: '\u001B', backspace: '\u007F', ctrlR: '\u0012', ctrlU: '\u0015',
} as const;

/** What the fake I/O saw: each save (path, text) and each journal write. */
export type Recorded = { saves: { path: string; text: string; overwrite: boolean }[]; journal: (string | null)[]; exited: boolean };

export function mount(ctx: ProverContext, initial: Session, answer: (path: string) => SaveResult = () => ({ ok: true })) {
  const recorded: Recorded = { saves: [], journal: [], exited: false };
  const io: ProverIO = {
    save: (path, text, overwrite) => (recorded.saves.push({ path, text, overwrite }), answer(path)),
    journal: (_path, text) => void recorded.journal.push(text),
    onExit: () => void (recorded.exited = true),
  };
  const app = render(<ProverApp ctx={ctx} initial={initial} io={io} />);
  const frame = (): string => app.lastFrame() ?? '';
  /** Waits (polling, generous deadline) until the frame satisfies `ok`; returns it, or throws with the last frame. */
  const waitFor = async (ok: (frame: string) => boolean, what: string): Promise<string> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (ok(frame())) return frame();
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  /** Presses keys one by one, letting Ink handle each. */
  const press = async (...keys: string[]): Promise<void> => {
    for (const key of keys) {
      app.stdin.write(key);
      await new Promise((r) => setImmediate(r));
    }
  };
  return { app, frame, waitFor, press, recorded };
}

/** The live screen: the part of the frame below the transcript (from the goal line on). */
export const live = (frame: string, name = 'goal'): string => frame.slice(frame.lastIndexOf(`theorem ${name} :`));
