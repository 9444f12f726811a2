import { Box, Text } from 'ink';
import type { InputMode, ProofStyle } from './session.js';

export type InputLineProps = { readonly mode: InputMode; readonly filter: string; readonly style?: ProofStyle };

/** What a typed proof line looks like, by how the proof goes. */
const LINE_HINTS: Record<ProofStyle, string> = {
  chain: '= TERM by RULE, … (TERM alone: by auto)',
  equations: '⟹ EQUATION by both-sides OP, RULE, … (⟹ may be left out)',
};

/**
 * The line being typed: the rule filter (`/`), a proof line (`:`), or a file
 * name to save to. A typed proof line that failed stays, with a caret under
 * the column the error points at and the error beside it.
 */
export function InputLine({ mode, filter, style = 'chain' }: InputLineProps) {
  switch (mode.kind) {
    case 'filter': return <Text>/{filter}<Text inverse> </Text>  <Text dimColor>filter rules by name · Enter keeps · Esc clears</Text></Text>;
    case 'save-as': return <Text>save as: {mode.text}<Text inverse> </Text>  <Text dimColor>Enter saves · Esc cancels</Text></Text>;
    case 'manual': {
      const prompt = ': ';
      return (
        <Box flexDirection="column">
          <Text>{prompt}{mode.text}<Text inverse> </Text></Text>
          {mode.error === null
            ? <Text dimColor>  {LINE_HINTS[style]} · Enter checks · Esc leaves</Text>
            : <Text color="red">{' '.repeat(prompt.length + mode.error.column)}^ {mode.error.message}</Text>}
        </Box>
      );
    }
    default: return null;
  }
}
