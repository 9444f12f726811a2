import { Static, Text } from 'ink';
import type { TranscriptEntry } from './session.js';
import { lineText, wrapFormula } from './wrap.js';

export type StepListProps = { readonly entries: readonly TranscriptEntry[]; readonly width: number };

/**
 * The transcript of the session — the goal, each line of the proof as it is
 * made, undos and saves — printed once each above the live screen (Ink's
 * `<Static>`: finished lines are never redrawn). Long lines wrap at operators.
 */
export function StepList({ entries, width }: StepListProps) {
  return (
    <Static items={[...entries]}>
      {(entry) => (
        <Text key={entry.id} bold={entry.tone === 'goal'} dimColor={entry.tone === 'undo' || entry.tone === 'info'}>
          {wrapFormula(entry.text, Math.max(20, width - 1), null, 6).map(lineText).join('\n')}
        </Text>
      )}
    </Static>
  );
}
