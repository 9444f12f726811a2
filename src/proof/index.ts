/** Proof files: the model of a proof as written, and its reader. */
export type {
  BothSidesOp, DeclarationSource, Justification, JustificationItem, PathSource, ProofFile, ProofLine, Theorem,
} from './proof-file.js';
export { readProofFile, type ProofFileOptions, type ProofFileOutcome } from './read-proof.js';
export { IMPLIES } from './step-line.js';
