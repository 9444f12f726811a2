import type { ProverContext } from '../tui/prover-context.js';
import type { Session } from '../tui/session.js';
import type { ProverFiles } from './prover-files.js';

type UiModule = typeof import('../tui/ui-entry.js');

/**
 * Ink, React and the prover's components: imported only by an interactive
 * session (the other commands never load them). From the bundle the build
 * makes (`dist/ui.js`, `npm run build:ui`: one file loads in about 0.2 s, the
 * modules one by one in about 0.5 s), else from the modules.
 */
export async function loadUi(): Promise<UiModule> {
  try {
    return (await import(new URL('../../ui.js', import.meta.url).href)) as UiModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    return import('../tui/ui-entry.js');
  }
}

export type Ui = UiModule;

/**
 * Draws the prover with Ink until the user quits. `ui` may have been started
 * early (its import is most of the start-up time). Ctrl-C leaves at once; the
 * journal keeps unsaved work.
 */
export async function runProver(ctx: ProverContext, session: Session, files: ProverFiles, ui: Promise<Ui> = loadUi()): Promise<void> {
  const { render, createElement, ProverApp } = await ui;
  const size = { columns: process.stdout.columns ?? 80, rows: process.stdout.rows ?? 24 };
  const io = {
    save: (path: string, text: string, overwrite: boolean) => files.save(path, text, overwrite),
    journal: (path: string, text: string | null) => files.journal(path, text, session.goal.name),
  };
  const instance = render(createElement(ProverApp, { ctx, initial: { ...session, size }, io }), { exitOnCtrlC: true });
  await instance.waitUntilExit();
}
