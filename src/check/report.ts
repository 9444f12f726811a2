import type { Diagnostic, Span } from '../diag/index.js';
import type { Step } from '../rewrite/index.js';

/**
 * What checking a proof file found. Reports hold every diagnostic of the
 * file, not only the first; the CLI prints them and derives the exit code.
 * This is also the shape of `leibniz check --json` (see `toJson` in the CLI).
 */
export type FileReport = {
  /** The file name as given to the reader. */
  readonly file: string;
  readonly theorems: readonly TheoremReport[];
  /** Problems outside any theorem: reading errors, declarations, `use`. */
  readonly diagnostics: readonly Diagnostic[];
};

export type TheoremReport = {
  readonly name: string;
  readonly span: Span;
  /** `proved`: every step checks and the chain ends at the claim; `failed`: some step or the conclusion does not; `unproved`: stated without a proof; `defined`: an accepted definition. */
  readonly status: 'proved' | 'failed' | 'unproved' | 'defined';
  readonly steps: readonly StepReport[];
  /** Problems of the theorem itself (its statement, its conclusion). */
  readonly diagnostics: readonly Diagnostic[];
};

export type StepReport = {
  /** 1-based line of the step in the file. */
  readonly line: number;
  readonly span: Span;
  readonly kind: 'start' | 'rewrite' | 'fact' | 'implies' | 'have';
  /** The rule ids (and theorem names) the line cites, in order; `auto` when searched. */
  readonly cited: readonly string[];
  readonly status: 'ok' | 'failed';
  /** The kernel steps that justify the line, in order (empty for `start`, and when failed). */
  readonly steps: readonly Step[];
  readonly diagnostics: readonly Diagnostic[];
};

/** Counts for the summary line `N theorems, N steps checked, N failed`. */
export type CheckSummary = { readonly theorems: number; readonly steps: number; readonly failed: number; readonly files: number };

export function summarize(reports: readonly FileReport[]): CheckSummary {
  let theorems = 0;
  let steps = 0;
  let failed = 0;
  for (const r of reports) {
    theorems += r.theorems.length;
    for (const t of r.theorems) {
      steps += t.steps.filter((s) => s.kind !== 'start').length;
      failed += t.steps.filter((s) => s.status === 'failed').length + (t.status === 'failed' && t.steps.every((s) => s.status === 'ok') ? 1 : 0);
    }
  }
  return { theorems, steps, failed, files: reports.length };
}
