import { Box, Text } from 'ink';
import type { Message, Session } from './session.js';

export type StatusLineProps = { readonly session: Session };

const HINTS: Record<Session['mode']['kind'], string> = {
  normal: 'arrows/hjkl move · n/p rule · ⏎ apply · ⇥ flip · / filter · : type · a auto · s simp · u undo · w save · ? help · q quit',
  filter: 'type to filter · ↑↓ rule · ⏎ keep · Esc clear',
  manual: 'type a line · ⏎ check · Ctrl-U clear · Esc leave',
  'save-as': 'type a file name · ⏎ save · Esc cancel',
  'confirm-quit': 'q quit without saving · w save and quit · Esc stay',
  'confirm-overwrite': 'w overwrite · any other key keeps the file on disk',
  resume: 'r restore the journal · d discard it',
};

const COLOURS: Record<Message['tone'], string> = { info: 'cyan', success: 'green', error: 'red' };

/** The last message, then the keys of the current mode (all of them under `?`). */
export function StatusLine({ session }: StatusLineProps) {
  const m = session.message;
  return (
    <Box flexDirection="column">
      {m !== null ? <Text color={COLOURS[m.tone]}>{m.text}</Text> : null}
      <Text dimColor wrap="truncate-end">{HINTS[session.mode.kind]}</Text>
    </Box>
  );
}
