import { Box, Text } from 'ink';
import { KEY_HELP } from './keys.js';

/** The keys, in a box: the key in one column, what it does in the other (wrapped within it); any key closes it. */
export function HelpOverlay() {
  const width = Math.max(...KEY_HELP.map(([key]) => key.length)) + 2;
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>Keys</Text>
      {KEY_HELP.map(([key, what]) => (
        <Box key={key} flexDirection="row">
          <Box width={width} flexShrink={0}><Text bold>{key}</Text></Box>
          <Box flexGrow={1}><Text>{what}</Text></Box>
        </Box>
      ))}
      <Text dimColor>any key closes this help</Text>
    </Box>
  );
}
