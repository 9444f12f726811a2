/** Reading text into formulas, terms and declarations: the only user of ohm-js. */
export { parseDeclarations, parseFormula, parseTerm } from './parse.js';
export type { Origin, ParseOptions, ParseOutcome, ReadLimits } from './options.js';
export { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH, DEFAULT_MAX_TERM_DEPTH, FORMULA_MAX_LENGTH, fullReadLimits, LINE_MAX_LENGTH } from './options.js';
export { KNOWN_COMMANDS, suggestCommand } from './latex-commands.js';
export { readRuleFile, type RuleFileOptions, type RuleFileOutcome } from './rule-file.js';
export { tooLongLine } from './rule-file.js';
export type { ConditionSource, Named, RuleFileSource, RuleSource, VarSource } from './rule-source.js';
