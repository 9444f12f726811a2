import { Box, Text } from 'ink';
import { printTerm } from '../print/index.js';
import { conditionText, type PanelEntry } from './rules-panel.js';
import { lineText, wrapFormula } from './wrap.js';

export type RulePickerProps = {
  readonly entries: readonly PanelEntry[];
  /** Rows before filtering (to say how many the filter hides). */
  readonly total: number;
  readonly highlight: number;
  readonly filter: string;
  /** Where the selection is, as shown (`0.1`; `left 1` in equation steps). */
  readonly where: string;
  readonly width: number;
  /** Rows of rules shown at most; the list scrolls to keep the highlight in view. */
  readonly maxRows: number;
  /** What applying a row gives, printed (the whole term; in equation steps, the whole equation). Default: the row's step result. */
  readonly result?: (entry: PanelEntry) => string;
};

/**
 * The rules that apply at the selected subterm: each row is the direction
 * (`→` left to right, `←` right to left), the rule, the part it rewrites and
 * what it writes, and its side conditions. Below the list, the highlighted
 * rule's whole result.
 */
export function RulePicker({ entries, total, highlight, filter, where, width, maxRows, result = (e) => printTerm(e.step().after) }: RulePickerProps) {
  const rows = Math.max(1, maxRows);
  const first = Math.max(0, Math.min(highlight - Math.floor(rows / 2), entries.length - rows));
  const shown = entries.slice(first, first + rows);
  const idWidth = Math.min(28, Math.max(8, ...shown.map((e) => e.ruleId.length)));
  const current = entries[highlight];
  const hidden = total - entries.length;
  return (
    <Box flexDirection="column">
      <Text bold>
        Rules at {where} ({entries.length}{hidden > 0 ? ` of ${total}, filter "${filter}"` : ''})
        {first > 0 ? <Text dimColor>  ↑ {first} more</Text> : null}
      </Text>
      {entries.length === 0 ? <Text dimColor>  {total === 0 ? 'no rule applies here: move with the arrows, or type a line with :' : 'no rule matches the filter'}</Text> : null}
      {shown.map((entry, i) => {
        const selected = first + i === highlight;
        const conditions = entry.conditions.length > 0 ? `   if ${entry.conditions.map(conditionText).join(', ')}` : '';
        const more = entry.more ? `  (more matches: select a smaller subterm)` : '';
        const text = `${selected ? '›' : ' '} ${entry.direction === 'forward' ? '→' : '←'} ${entry.ruleId.padEnd(idWidth)}  ${printTerm(entry.from())} ⟶ ${printTerm(entry.to)}${conditions}${more}`;
        return <Text key={`${entry.ruleId}-${entry.direction}-${first + i}`} inverse={selected} wrap="truncate-end">{text}</Text>;
      })}
      {first + rows < entries.length ? <Text dimColor>  ↓ {entries.length - first - rows} more</Text> : null}
      {current !== undefined ? <Text dimColor>{resultText(result(current), width)}</Text> : null}
    </Box>
  );
}

/** `result: …` of the highlighted rule, at most two lines. */
function resultText(result: string, width: number): string {
  const lines = wrapFormula(`result: ${result}`, Math.max(20, width - 2), null, 8).map(lineText);
  return lines.length > 2 ? `${lines.slice(0, 2).join('\n')} …` : lines.join('\n');
}
