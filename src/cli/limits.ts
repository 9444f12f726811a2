import { DEFAULT_SEARCH_LIMITS } from '../rewrite/search-limits.js';
import { fullReadLimits, type ReadLimits } from '../parse/options.js';
import { DEFAULT_RUN_BUDGET, type RunBudget } from '../search/run-budget.js';
import { DEFAULT_SIMP_BUDGET } from '../search/simp-budget.js';
import { DEFAULT_DESCEND_BUDGET, type ProverLimits } from '../tui/prover-limits.js';

/**
 * The limits of `leibniz check`, `parse` and `derive` (README, "Limits"):
 * each has a default, a name for `--limit NAME=N`, a range, and a message
 * that names it when exceeded. A verdict is a function of the files and of
 * these numbers; the verdict cache keys on them. The ranges' upper ends keep
 * the JavaScript stack safe (depths) and a run finite (counts).
 */

/** Larger files are refused (E0901) before reading: a proof file is text typed by people (`--max-input-bytes`). */
export const MAX_FILE_BYTES = 1_000_000;

/** Where `leibniz check` keeps verdicts, in the working folder (`--cache-dir`, `--no-cache`). */
export const DEFAULT_CACHE_DIR = '.leibniz-cache';

/** Rules in scope of one proof file, at most (`--max-rules`); past it the file is not checked (E0607). */
export const DEFAULT_MAX_RULES = 10_000;

/** Every limit a run uses, defaults filled in. Plain data: it is sent to worker threads and hashed into cache keys. */
export type Limits = ProverLimits & {
  readonly maxBytes: number;
  readonly maxRules: number;
  readonly read: Required<ReadLimits>;
  /** `leibniz derive`'s run. */
  readonly derive: RunBudget;
};

export const DEFAULT_LIMITS: Limits = {
  maxBytes: MAX_FILE_BYTES, maxRules: DEFAULT_MAX_RULES, read: fullReadLimits(), search: DEFAULT_SEARCH_LIMITS,
  descend: DEFAULT_DESCEND_BUDGET, simp: DEFAULT_SIMP_BUDGET, derive: DEFAULT_RUN_BUDGET,
};

/** What of `limits` can change the verdict of `leibniz check` (the cache keys on it): not the prover's own budgets. */
export const checkLimits = ({ maxBytes, maxRules, read, search }: Limits) => ({ maxBytes, maxRules, read, search });

/** What of `limits` the prover uses. */
export const proverLimits = ({ search, descend, simp }: Limits): ProverLimits => ({ search, descend, simp });

type LimitSpec = {
  readonly name: string;
  readonly max: number;
  readonly what: string;
  readonly get: (l: Limits) => number;
  readonly set: (l: Limits, n: number) => Limits;
};

type Group = 'read' | 'search' | 'descend' | 'simp' | 'derive';

/** A limit kept in one of the groups of `Limits` (`read.termDepth`, `search.autoDepth`, …). */
function grouped<G extends Group>(group: G, key: keyof Limits[G] & string, name: string, max: number, what: string): LimitSpec {
  return {
    name, max, what,
    get: (l) => (l[group] as Record<string, number>)[key]!,
    set: (l, n) => ({ ...l, [group]: { ...l[group], [key]: n } }),
  };
}

/** The limits `--limit NAME=N` changes, in the README's order. */
export const LIMIT_SPECS: readonly LimitSpec[] = [
  { name: 'file-bytes', max: 100_000_000, what: 'size of a file read by check, in bytes', get: (l) => l.maxBytes, set: (l, n) => ({ ...l, maxBytes: n }) },
  grouped('read', 'formulaLength', 'formula-length', 1_000_000, 'length of one formula, in characters'),
  grouped('read', 'lineLength', 'line-length', 1_000_000, 'length of one line of a rule or proof file'),
  grouped('read', 'bracketDepth', 'bracket-depth', 100, 'bracket nesting in a formula'),
  grouped('read', 'termDepth', 'term-depth', 1_000, 'term nesting in a formula'),
  { name: 'rules', max: 10_000_000, what: 'rules in scope of one proof file', get: (l) => l.maxRules, set: (l, n) => ({ ...l, maxRules: n }) },
  grouped('search', 'lineWork', 'line-work', 1_000_000_000, 'work units of the searches of one proof line'),
  grouped('search', 'searchNodes', 'search-nodes', 1_000_000, 'nodes of a term a search keeps'),
  grouped('search', 'searchDepth', 'search-depth', 2_000, 'depth of a term a search keeps'),
  grouped('search', 'repeat', 'repeat', 100, 'applications of one cited rule in turn'),
  grouped('search', 'states', 'states', 1_000_000, 'terms kept by the searches of a by clause'),
  grouped('search', 'autoDepth', 'auto-depth', 50, 'rule applications in a row in by auto'),
  grouped('search', 'autoTerms', 'auto-terms', 1_000_000, 'distinct terms explored by by auto'),
  grouped('descend', 'expansions', 'prover-terms', 1_000_000, 'terms the prover\'s auto-completion (a) expands'),
  grouped('descend', 'work', 'prover-work', 1_000_000_000, 'work units of the prover\'s auto-completion (a)'),
  grouped('simp', 'maxSteps', 'simp-steps', 1_000_000, 'steps of the prover\'s simp (s)'),
  grouped('simp', 'maxMillis', 'simp-ms', 600_000, 'milliseconds of the prover\'s simp (s)'),
  grouped('simp', 'maxNodes', 'simp-nodes', 10_000_000, 'nodes of a term the prover\'s simp (s) builds'),
  grouped('derive', 'maxSteps', 'derive-steps', 1_000_000, 'steps of one derivation (leibniz derive)'),
  grouped('derive', 'maxMillis', 'derive-ms', 600_000, 'milliseconds of one derivation (leibniz derive)'),
];

/** The limits of `leibniz derive`: reading the formula, and the derivation's budgets. */
export const DERIVE_LIMIT_NAMES: readonly string[] = ['formula-length', 'bracket-depth', 'term-depth', 'derive-steps', 'derive-ms'];

/** The limits of reading one formula (`leibniz parse --limit`). */
export const READ_LIMIT_NAMES: readonly string[] = ['formula-length', 'bracket-depth', 'term-depth'];

/**
 * `base` with each `NAME=N` of `settings` applied, in order; the first bad
 * one is the error (an unknown name lists the known ones; a number out of
 * range gives the range).
 */
export function applyLimitSettings(base: Limits, settings: readonly string[], names: readonly string[] = LIMIT_SPECS.map((s) => s.name)): Limits | { error: string } {
  let limits = base;
  for (const setting of settings) {
    const m = /^\s*([a-z-]+)\s*=\s*(.*)$/.exec(setting);
    if (m === null) return { error: `expected NAME=N after --limit, not "${setting}"` };
    const spec = names.includes(m[1]!) ? LIMIT_SPECS.find((s) => s.name === m[1]) : undefined;
    if (spec === undefined) return { error: `unknown limit "${m[1]}"; this command's limits are ${names.join(', ')}` };
    const n = parseCount(m[2]!, 1);
    if (typeof n !== 'number' || n > spec.max) return { error: `limit ${spec.name} (${spec.what}) takes a whole number from 1 to ${spec.max.toLocaleString('en-US')}, not "${m[2]}"` };
    limits = spec.set(limits, n);
  }
  return limits;
}

/** Parses a whole number ≥ `min` given on the command line; the error says what was expected. */
export function parseCount(value: string, min: number): number | { error: string } {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= min ? n : { error: `expected a whole number of at least ${min}, not "${value}"` };
}
