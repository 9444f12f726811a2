import { Box, Text, useApp, useInput, useStdin, useStdout } from 'ink';
import { useEffect, useReducer } from 'react';
import { printTerm } from '../print/index.js';
import { formatShape } from '../shape/index.js';
import { visibleRules } from './edits.js';
import { GoalView } from './goal-view.js';
import { HelpOverlay } from './help-overlay.js';
import { InputLine } from './input-line.js';
import { keyActions, type KeyInfo } from './keys.js';
import { elaborateGoal, type ProverContext } from './prover-context.js';
import { fileText, theoremShape } from './render-proof.js';
import { RulePicker } from './rule-picker.js';
import { currentSides, reachesClaim, resultText, selectedTerm, selectionLabel } from './focus.js';
import type { Session } from './session.js';
import { isDirty, reduce, type Action } from './state.js';
import { StatusLine } from './status-line.js';
import { StepList } from './step-list.js';

/** What writing a file gave: written, refused because the file changed on disk, or failed. */
export type SaveResult = { readonly ok: true } | { readonly ok: false; readonly conflict: true } | { readonly ok: false; readonly conflict: false; readonly reason: string };

/**
 * The I/O the view performs for the reducer (the CLI supplies it; tests
 * supply fakes): saving, the autosave journal, and being told the session
 * ended.
 */
export type ProverIO = {
  readonly save: (path: string, text: string, overwrite: boolean) => SaveResult | Promise<SaveResult>;
  /** Keeps the unsaved proof (the whole file's text) next to the file; `null` removes the journal. */
  readonly journal?: (path: string, text: string | null) => void;
  readonly onExit?: (session: Session) => void;
};

export type ProverAppProps = { readonly ctx: ProverContext; readonly initial: Session; readonly io: ProverIO };

/** Erases the screen and the scrollback, cursor home (ECMA-48 ED 2, ED 3, CUP). */
const CLEAR_SCREEN_AND_SCROLLBACK = '\u001B[2J\u001B[3J\u001B[H';

type Event = Action | { readonly type: 'key'; readonly input: string; readonly key: KeyInfo };

/** Keys go through the reducer too, so fast typing never reads a stale state. */
const step = (ctx: ProverContext) => (s: Session, e: Event): Session =>
  e.type === 'key' ? keyActions(s, e.input, e.key).reduce((acc, a) => reduce(ctx, acc, a), s) : reduce(ctx, s, e);

/**
 * The interactive prover: a thin view over `state.ts`. It renders the
 * session, turns keys into actions, and performs what the session requests
 * (searches run one tick after they are asked for, so "searching…" shows).
 */
export function ProverApp({ ctx, initial, io }: ProverAppProps) {
  const [s, dispatch] = useReducer(step(ctx), initial);
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const { stdout, write } = useStdout();
  useInput((input, key) => dispatch({ type: 'key', input, key }), { isActive: isRawModeSupported === true });
  useEffect(() => {
    let columns = stdout.columns ?? 80;
    const resize = (): void => {
      // A new width reprints the transcript wrapped to it (`StepList`): the old lines, wrapped to the old width, go first.
      if ((stdout.columns ?? 80) !== columns) write(CLEAR_SCREEN_AND_SCROLLBACK);
      columns = stdout.columns ?? 80;
      dispatch({ type: 'resize', columns, rows: stdout.rows ?? 24 });
    };
    resize();
    stdout.on('resize', resize);
    return () => void stdout.off('resize', resize);
  }, [stdout]);
  useEffect(() => {
    if (s.busy === null) return;
    const timer = setTimeout(() => dispatch({ type: s.busy! }), 0);
    return () => clearTimeout(timer);
  }, [s.busy]);
  useEffect(() => performRequest(s, io, dispatch, exit), [s.request]);
  useEffect(() => {
    if (io.journal !== undefined && s.path !== null) io.journal(s.path, isDirty(s) ? fileText(ctx, s.goal, s.doc) : null);
  }, [s.doc.steps, s.doc.start, s.doc.pending, s.savedText]);
  return <ProverScreen ctx={ctx} session={s} />;
}

function performRequest(s: Session, io: ProverIO, dispatch: (a: Action) => void, exit: () => void): void {
  const request = s.request;
  if (request === null) return;
  if (request.kind === 'quit') {
    // Leaving on purpose (saved, or asked to drop the changes): no journal to offer next time.
    if (s.path !== null) io.journal?.(s.path, null);
    io.onExit?.(s);
    exit();
    return;
  }
  Promise.resolve(io.save(request.path, request.text, request.overwrite)).then(
    (r) => dispatch(r.ok ? { type: 'save-done', path: request.path } : r.conflict ? { type: 'save-conflict', path: request.path } : { type: 'save-failed', reason: r.reason }),
    (error: unknown) => dispatch({ type: 'save-failed', reason: error instanceof Error ? error.message : String(error) }),
  );
}

/** The screen for a session (no input handling: `renderToString` can draw it). */
export function ProverScreen({ ctx, session: s }: { readonly ctx: ProverContext; readonly session: Session }) {
  const width = s.size.columns;
  const facts = elaborateGoal(ctx, s.goal, s.doc.indices);
  const rows = visibleRules(ctx, s);
  const total = visibleRules(ctx, { ...s, filter: '' }).length;
  const selected = selectedTerm(s.doc);
  const shape = selected === undefined ? undefined : facts.shapeOf(selected);
  const claimView = s.doc.style === 'equations' && s.goal.rhs !== null
    ? { text: `${printTerm(s.goal.lhs)} = ${printTerm(s.goal.rhs)}`, reached: reachesClaim(s.goal, currentSides(s.doc)) }
    : undefined;
  const claim = s.goal.rhs === null ? `${printTerm(s.goal.lhs)} = ?` : theoremShape(s.goal, s.doc).statement;
  const entries = s.doc.indices.length > 0 ? ` · entry (${s.doc.indices.join(', ')})` : '';
  const kept = s.doc.pending.length > 0 ? ` · ${s.doc.pending.length} line${s.doc.pending.length === 1 ? '' : 's'} kept unchecked` : '';
  const where = ` · ${s.path ?? 'not saved yet'}${isDirty(s) ? ' ●' : ''}`;
  const panelRows = Math.max(3, s.size.rows - 14);
  return (
    <Box flexDirection="column">
      <StepList entries={s.transcript} width={width} />
      <Text bold wrap="truncate-end">{s.goal.keyword} {s.goal.name} : {claim}<Text dimColor>{entries} · line {s.doc.steps.length}{kept}{where}</Text></Text>
      {s.help ? <HelpOverlay /> : (
        <Box flexDirection="column">
          <GoalView doc={s.doc} width={width} shape={shape ? formatShape(shape) : undefined} maxLines={6} claim={claimView} />
          <RulePicker entries={rows} total={total} highlight={Math.min(s.highlight, Math.max(0, rows.length - 1))} filter={s.filter} where={selectionLabel(s.doc)} width={width} maxRows={panelRows} result={(e) => resultText(s.doc, e.step().after)} />
        </Box>
      )}
      <InputLine mode={s.mode} filter={s.filter} style={s.doc.style} />
      <StatusLine session={s} />
    </Box>
  );
}
