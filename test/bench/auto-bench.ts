import { checkProofFile, DEFAULT_SEARCH_LIMITS, searchAuto, type AutoProposal, type AutoProposer } from '../../src/check/index.js';
import { makeSource, span } from '../../src/diag/index.js';
import { readProofFile } from '../../src/proof/index.js';
import { proposeChain } from '../../src/search/auto.js';
import { checkCorpus, fromRules, type CheckedFile } from '../support/proof-corpus.js';

/**
 * `by auto` measured on real steps: every `= TERM by RULES` line of the
 * shipped proofs is rewritten to `= TERM by auto`, and each file is checked
 * with the checker's breadth-first search and with the bidirectional search
 * of `src/search/auto.ts`, at the same limits (`auto-depth`, `auto-terms`,
 * `line-work`). Both are timed per line, and the kernel replays what either
 * proposes. Prints the lines proved out of those asked and the time per
 * line (median, p90, all).
 */
export type AutoRow = {
  readonly search: string; readonly proved: number; readonly asked: number;
  readonly medianMs: number; readonly p90Ms: number; readonly totalMs: number;
};

const BY_LINE = /^(\s*=\s*.+?)\s+by\s+(?!auto\b).+$/;

/** The file's text with every rewrite line's clause made `by auto`, and how many lines were changed. */
export function autoVariant(text: string): { text: string; changed: number } {
  let changed = 0;
  const lines = text.split('\n').map((line) => {
    const m = BY_LINE.exec(line);
    if (m === null || /\bboth-sides\b|⟹/.test(line)) return line;
    changed++;
    return `${m[1]}  by auto`;
  });
  return { text: lines.join('\n'), changed };
}

/** The checker's own breadth-first `by auto`, as a proposer (so both searches are timed and replayed alike). */
const breadthFirst: AutoProposer = (from, to, rules, options, limits): AutoProposal => {
  const found = searchAuto(from, to, rules, span(makeSource('<bench>', ''), 0), options, limits);
  if (found.ok) return { ok: true, steps: found.steps };
  return { ok: false, stop: found.stop, explored: Number(/after (\d+) terms/.exec(found.stop)?.[1] ?? 0), busiest: found.busiest };
};

function measure(files: readonly CheckedFile[], search: string, propose: AutoProposer): AutoRow {
  const times: number[] = [];
  const timed: AutoProposer = (...args) => {
    const start = performance.now();
    const found = propose(...args);
    times.push(performance.now() - start);
    return found;
  };
  let proved = 0;
  let asked = 0;
  for (const f of files) {
    const variant = autoVariant(f.file.source.text);
    if (variant.changed === 0) continue;
    const { file } = readProofFile(variant.text, { sourceName: f.path });
    const { report } = checkProofFile(file, { registry: fromRules(f.base), auto: timed, limits: DEFAULT_SEARCH_LIMITS });
    const steps = report.theorems.flatMap((t) => t.steps).filter((s) => s.cited.includes('auto'));
    asked += steps.length;
    proved += steps.filter((s) => s.status === 'ok').length;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { search, proved, asked, medianMs: at(0.5), p90Ms: at(0.9), totalMs: times.reduce((a, b) => a + b, 0) };
}

/** Both searches on the shipped proofs' steps (after a warm-up pass of each). */
export function autoBench(): AutoRow[] {
  const files = checkCorpus('proofs');
  measure(files, 'warm-up', breadthFirst);
  measure(files, 'warm-up', proposeChain);
  return [measure(files, 'breadth-first (src/check/auto.ts)', breadthFirst), measure(files, 'bidirectional (src/search/auto.ts)', proposeChain)];
}

/** The bench table's rows: for each search, the lines proved and the time per line. */
export function autoRows(): { figure: string; value: string; note?: string }[] {
  return autoBench().map((r) => ({
    figure: `by auto on the shipped proofs' steps, ${r.search}`,
    value: `${r.proved}/${r.asked} proved`,
    note: `per line median ${r.medianMs.toFixed(1)} ms, p90 ${r.p90Ms.toFixed(1)} ms, all ${(r.totalMs / 1000).toFixed(1)} s`,
  }));
}

if (process.argv[1]?.endsWith('auto-bench.js')) {
  for (const r of autoRows()) console.log(`${r.figure}: ${r.value} (${r.note})`);
}
