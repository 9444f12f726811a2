/**
 * The bounds of the searches that check one proof line (README, "Limits";
 * `leibniz check --limit NAME=N`). A verdict is a function of the files and
 * these numbers: the verdict cache keys on them. No imports: the command
 * line reads the defaults without loading the rewriter.
 */
export type SearchLimits = {
  /** Work units shared by all the searches of one line (E0515). */
  readonly lineWork: number;
  /** Largest term, in nodes, a search keeps or expands. */
  readonly searchNodes: number;
  /** Deepest term a search keeps or expands. */
  readonly searchDepth: number;
  /** Applications of one cited rule in turn, at most. */
  readonly repeat: number;
  /** Terms kept by a clause's breadth-first searches, at most. */
  readonly states: number;
  /** Rule applications in a row in `by auto`. */
  readonly autoDepth: number;
  /** Distinct terms explored by `by auto`. */
  readonly autoTerms: number;
};

export const LINE_WORK = 250_000;
export const MAX_SEARCH_NODES = 4_000;
export const MAX_SEARCH_DEPTH = 500;

export const DEFAULT_SEARCH_LIMITS: SearchLimits = {
  lineWork: LINE_WORK, searchNodes: MAX_SEARCH_NODES, searchDepth: MAX_SEARCH_DEPTH, repeat: 6, states: 400, autoDepth: 5, autoTerms: 3000,
};
