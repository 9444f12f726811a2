/** The checker: replays every step of a proof file with the kernel and reports all that fail. */
export { checkProofFile, type CheckOptions } from './check-file.js';
export { checkTheorem, type TheoremContext, type TheoremOutcome } from './check-theorem.js';
export { summarize, type CheckSummary, type FileReport, type StepReport, type TheoremReport } from './report.js';
export { searchAuto, type AutoProposal, type AutoProposer } from './auto.js';
export { DEFAULT_SEARCH_LIMITS, type SearchLimits } from '../rewrite/index.js';
export { differentialChainEnds } from './differential.js';
export { elaborateTheorem, type ElaboratedTheorem } from './collect.js';
export { equalTermPairs } from './collect.js';
