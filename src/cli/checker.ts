import { checkProofFile } from '../check/index.js';
import { proposeChain } from '../search/auto.js';
import type { CheckFn } from './check-session.js';

/**
 * The checker as every command runs it: `checkProofFile` with `by auto`
 * searched by the bidirectional search of `src/search/auto.ts`, whose steps
 * the kernel replays before a line passes.
 */
export const checkWithSearch: CheckFn = (file, options) => checkProofFile(file, { ...options, auto: proposeChain });
