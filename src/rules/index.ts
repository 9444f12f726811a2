/** Rules: validated named equations, their registry, side-condition predicates, and rule-library loading. */
export type { Direction, Rule, SideCondition } from './rule.js';
export type { Facts, Predicate, Verdict } from './facts.js';
export { compileRule, compileRuleFile, libraryName, type CompileOptions, type CompileResult } from './compile.js';
export { checkBound, checkConditions, checkId, checkShapes, metavariablesOf, parseSort, readVars, sidesOf } from './validate.js';
export { decide, PREDICATES } from './predicates.js';
export { factsOf } from './facts-of.js';
export { RuleRegistry } from './registry.js';
export { loadLibrary, normalise, type LibraryLoader, type LibraryResult } from './library.js';
export { decodeRules, encodeRules } from './rule-codec.js';
export { readFormula, type ReadOptions, type ReadOutcome } from './read-formula.js';
export { elaborateStatements, type ElaboratedStatements, type StatementsOptions } from './elaborate-statements.js';
