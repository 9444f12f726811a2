import { editDistance } from '../diag/index.js';
import { GREEK_LETTERS } from './names.js';

/**
 * Every LaTeX command (control word) the grammar reads. The pre-scan reports
 * any other `\word` as unknown (E0103) with the nearest of these as a suggestion.
 */
export const KNOWN_COMMANDS: ReadonlySet<string> = new Set([
  // structure and layout
  'frac', 'dfrac', 'tfrac', 'left', 'right', 'big', 'Big', 'bigg', 'Bigg',
  'bigl', 'bigr', 'bigm', 'Bigl', 'Bigr', 'Bigm', 'biggl', 'biggr', 'biggm', 'Biggl', 'Biggr', 'Biggm',
  'quad', 'qquad', 'displaystyle', 'textstyle', 'nonumber', 'notag', 'begin', 'end',
  // fonts
  'mathbb', 'mathbf', 'boldsymbol', 'mathrm', 'mathit', 'mathsf', 'bm', 'text', 'operatorname',
  // operators and relations
  'partial', 'cdot', 'times', 'odot', 'otimes', 'oslash', 'circ', 'sum', 'in', 'to', 'rightarrow',
  'implies', 'Rightarrow', 'Longrightarrow', 'equiv', 'top', 'intercal', 'prime', 'Vert', 'lVert', 'rVert',
  'R', 'Reals', 'sqrt',
  // named functions
  'tr', 'trace', 'Tr', 'det', 'log', 'exp', 'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh', 'abs', 'vec', 'diag',
  ...GREEK_LETTERS.keys(),
]);

/** The known command nearest to `word` (without backslash), if it is close enough to be a likely typo. */
export function suggestCommand(word: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of KNOWN_COMMANDS) {
    const d = editDistance(word.toLowerCase(), known.toLowerCase()) + (word === known ? 0 : word.toLowerCase() === known.toLowerCase() ? 0.5 : 0);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}
