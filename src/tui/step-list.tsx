import { Static, Text } from 'ink';
import type { TranscriptEntry } from './session.js';
import { lineText, wrapFormula } from './wrap.js';

export type StepListProps = { readonly entries: readonly TranscriptEntry[]; readonly width: number };

/**
 * The transcript of the session — the goal, each line of the proof as it is
 * made, undos and saves — printed once each above the live screen (Ink's
 * `<Static>`: finished lines are not redrawn). Long lines wrap at operators.
 * A new width makes a new `<Static>` (keyed by the width), which prints the
 * whole transcript again, wrapped to it: the app clears the screen first
 * (`ProverApp`, on a resize that changes the width).
 */
export function StepList({ entries, width }: StepListProps) {
  return (
    <Static key={width} items={[...entries]}>
      {(entry) => (
        <Text key={entry.id} bold={entry.tone === 'goal'} dimColor={entry.tone === 'undo' || entry.tone === 'info'}>
          {wrapFormula(entry.text, Math.max(20, width - 1), null, 6).map(lineText).join('\n')}
        </Text>
      )}
    </Static>
  );
}
