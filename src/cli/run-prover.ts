import type { ProverContext } from '../tui/prover-context.js';
import type { Session } from '../tui/session.js';
import type { ProverFiles } from './prover-files.js';

/** Ink, React and the prover's components: imported only by an interactive session (the other commands never load them). */
export const loadUi = () => Promise.all([import('ink'), import('react'), import('../tui/app.js')]);

export type Ui = Awaited<ReturnType<typeof loadUi>>;

/**
 * Draws the prover with Ink until the user quits. `ui` may have been started
 * early (its import is most of the start-up time). Ctrl-C leaves at once; the
 * journal keeps unsaved work.
 */
export async function runProver(ctx: ProverContext, session: Session, files: ProverFiles, ui: Promise<Ui> = loadUi()): Promise<void> {
  const [{ render }, { createElement }, { ProverApp }] = await ui;
  const size = { columns: process.stdout.columns ?? 80, rows: process.stdout.rows ?? 24 };
  const io = {
    save: (path: string, text: string, overwrite: boolean) => files.save(path, text, overwrite),
    journal: (path: string, text: string | null) => files.journal(path, text, session.goal.name),
  };
  const instance = render(createElement(ProverApp, { ctx, initial: { ...session, size }, io }), { exitOnCtrlC: true });
  await instance.waitUntilExit();
}
