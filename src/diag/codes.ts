/**
 * Every diagnostic code, with its one-line meaning. Codes are stable: tests,
 * `--json` output and users' CI scripts refer to them. Families:
 * E01xx reading formulas, E02xx shapes, E09xx the command line.
 */
export const ERROR_CODES = {
  E0101: 'syntax error',
  E0102: 'unbalanced bracket',
  E0103: 'unknown LaTeX command',
  E0104: 'empty input',
  E0105: 'nesting too deep',
  E0106: 'input too long',
  E0107: 'character not allowed',
  E0108: 'construct not supported here',
  E0109: 'malformed declaration',
  E0199: 'internal error while reading',
  E0201: 'non-conforming product',
  E0202: 'non-conforming operands',
  E0203: 'matrix must be square',
  E0204: 'index used with two different ranges',
  E0205: 'the two sides have different shapes',
  E0206: 'operand must be a scalar',
  E0207: 'conflicting declarations',
  E0208: 'derivative not defined for these shapes',
  E0209: 'wrong number of indices for an entry',
  E0901: 'cannot read file',
  E0902: 'bad command-line usage',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
