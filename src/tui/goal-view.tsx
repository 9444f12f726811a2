import { Box, Text } from 'ink';
import { printTerm } from '../print/index.js';
import { currentSides, equationText, printFocus, selectedTerm, selectionLabel } from './focus.js';
import type { ProofDoc } from './session.js';
import { wrapFormula } from './wrap.js';

export type GoalViewProps = {
  readonly doc: ProofDoc;
  readonly width: number;
  /** The shape of the selected subterm, as text (`n×n`), when known. */
  readonly shape?: string | undefined;
  /** At most this many lines of formula (the rest is elided). */
  readonly maxLines?: number;
  /** In equation steps: the claim (canonical, printed) and whether the current equation states it. */
  readonly claim?: { readonly text: string; readonly reached: boolean } | undefined;
};

/**
 * What the proof has reached — the current term of a chain, or the current
 * equation `lhs = rhs` — in Unicode, wrapped at operators to the width, the
 * selected subterm in inverse video; below it, the selection by itself with
 * its position and shape (readable without colours), and in equation steps
 * the claim to reach.
 */
export function GoalView({ doc, width, shape, maxLines = 8, claim }: GoalViewProps) {
  const { text, mark } = printFocus(doc);
  const lines = wrapFormula(text, Math.max(20, width - 2), mark);
  const shown = lines.slice(0, maxLines);
  const selected = selectedTerm(doc);
  const sides = currentSides(doc);
  const about = selected !== undefined ? printTerm(selected) : sides !== null ? equationText(sides) : '';
  return (
    <Box flexDirection="column" paddingLeft={2}>
      {shown.map((line, i) => (
        <Text key={i}>
          {line.map((segment, j) => (
            <Text key={j} inverse={segment.marked} bold={segment.marked}>{segment.text}</Text>
          ))}
        </Text>
      ))}
      {lines.length > shown.length ? <Text dimColor>  … {lines.length - shown.length} more lines</Text> : null}
      {claim !== undefined ? <Text dimColor={!claim.reached} color={claim.reached ? 'green' : undefined} wrap="truncate-end">{claim.reached ? '✓ the claim is reached: ' : 'to reach: '}{claim.text}</Text> : null}
      <Text dimColor wrap="truncate-end">selected {selectionLabel(doc)}: {about}{shape ? ` : ${shape}` : ''}</Text>
    </Box>
  );
}
