import { Box, Text } from 'ink';
import { printTerm, printTermMarked } from '../print/index.js';
import { formatPath, getAt, type Path, type Term } from '../term/index.js';
import { wrapFormula } from './wrap.js';

export type GoalViewProps = {
  readonly term: Term;
  readonly selection: Path;
  readonly width: number;
  /** The shape of the selected subterm, as text (`n×n`), when known. */
  readonly shape?: string | undefined;
  /** At most this many lines of formula (the rest is elided). */
  readonly maxLines?: number;
};

/**
 * The term the proof has reached, in Unicode, wrapped at operators to the
 * width, the selected subterm in inverse video; below it, the selection by
 * itself with its position and shape (readable without colours).
 */
export function GoalView({ term, selection, width, shape, maxLines = 8 }: GoalViewProps) {
  const { text, mark } = printTermMarked(term, { highlight: selection });
  const lines = wrapFormula(text, Math.max(20, width - 2), mark);
  const shown = lines.slice(0, maxLines);
  const selected = getAt(term, selection);
  const about = selected === undefined ? '' : printTerm(selected);
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
      <Text dimColor wrap="truncate-end">selected {formatPath(selection)}: {about}{shape ? ` : ${shape}` : ''}</Text>
    </Box>
  );
}
