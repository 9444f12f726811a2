import { checkSession } from './manual-line.js';
import type { ProverContext } from './prover-context.js';
import { theoremText } from './render-proof.js';
import type { Session } from './session.js';
import { reduce } from './state.js';

/** A session's proof as text, for output without a terminal; `auto` first auto-completes it. */
export type PlainProof = { readonly text: string; readonly session: Session; readonly proved: boolean };

/**
 * The proof as far as it goes, as proof-file text (what `w` would write for
 * the theorem), then what auto-completion said (when asked for) and the
 * checker's verdict. Runs the same reducer as the terminal UI: `a` here is
 * exactly `a` there.
 */
export function plainProof(ctx: ProverContext, session: Session, options: { readonly auto: boolean }): PlainProof {
  const done = options.auto ? reduce(ctx, session, { type: 'auto' }) : session;
  const verdict = checkSession(ctx, done.goal, done.doc);
  const notes = [...(options.auto && done.message !== null ? [done.message.text] : []), verdict.text];
  if (done.mode.kind === 'manual' && done.mode.error !== null) notes.push(`the first line that does not check: ${done.mode.text}`, `  ${done.mode.error.message}`);
  if (done.doc.pending.length > 0) notes.push(`${done.doc.pending.length} line${done.doc.pending.length === 1 ? '' : 's'} after these are not checked yet (run leibniz check for their errors)`);
  return { text: `${theoremText(done.goal, done.doc)}\n\n${notes.join('\n')}\n`, session: done, proved: verdict.proved };
}
