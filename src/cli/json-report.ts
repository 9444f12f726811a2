import type { CheckSummary, StepReport, TheoremReport } from '../check/report.js';
import { lineCol, type Diagnostic } from '../diag/index.js';
import type { Path } from '../term/index.js';
import type { ReportView, StepView, TheoremView } from './result-view.js';

/**
 * The document `leibniz check --json` prints. Version 1; keys and their order
 * are stable (CI scripts read them); a new key may be added, none removed or
 * renamed without a new `version`. Lines and columns are 1-based (columns in
 * code points); `line`/`col` are `null` for diagnostics without a position.
 */
export type JsonReport = {
  version: 1;
  files: JsonFile[];
  /** Problems with the paths given (a missing path, a folder without proofs). */
  diagnostics: JsonDiagnostic[];
  summary: { files: number; theorems: number; steps: number; failed: number };
};

export type JsonFile = { file: string; diagnostics: JsonDiagnostic[]; theorems: JsonTheorem[] };

export type JsonTheorem = {
  name: string;
  status: TheoremReport['status'];
  line: number;
  diagnostics: JsonDiagnostic[];
  steps: JsonStep[];
};

export type JsonStep = {
  line: number;
  kind: StepReport['kind'];
  cited: string[];
  status: StepReport['status'];
  /** The ids of the kernel steps that justify the line, in order. */
  rules: string[];
  /** Where each kernel step applied: dotted argument indexes from 0, `ε` for the whole term. */
  paths: string[];
  diagnostics: JsonDiagnostic[];
};

export type JsonDiagnostic = {
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  /** The file the position is in: the proof file, or a rule library it uses. */
  file: string | null;
  line: number | null;
  col: number | null;
  expected?: string;
  found?: string;
  notes: string[];
};

export function toJsonReport(reports: readonly ReportView[], summary: CheckSummary, pathErrors: readonly Diagnostic[] = []): JsonReport {
  return {
    version: 1,
    files: reports.map(fileJson),
    diagnostics: pathErrors.map(diagnosticJson),
    summary: { files: summary.files, theorems: summary.theorems, steps: summary.steps, failed: summary.failed },
  };
}

const fileJson = (r: ReportView): JsonFile => ({
  file: r.file,
  diagnostics: r.diagnostics.map(diagnosticJson),
  theorems: r.theorems.map(theoremJson),
});

const theoremJson = (t: TheoremView): JsonTheorem => ({
  name: t.name,
  status: t.status,
  line: lineCol(t.span.source, t.span.start).line,
  diagnostics: t.diagnostics.map(diagnosticJson),
  steps: t.steps.map(stepJson),
});

const stepJson = (s: StepView): JsonStep => ({
  line: s.line,
  kind: s.kind,
  cited: [...s.cited],
  status: s.status,
  rules: s.steps.map((k) => k.ruleId),
  paths: s.steps.map((k) => dottedPath(k.path)),
  diagnostics: s.diagnostics.map(diagnosticJson),
});

/** `[1, 0]` → `1.0`; the root → `ε` (as written after `at` in proofs). */
export const dottedPath = (p: Path): string => (p.length === 0 ? 'ε' : p.join('.'));

export function diagnosticJson(d: Diagnostic): JsonDiagnostic {
  const at = d.span === null ? null : lineCol(d.span.source, d.span.start);
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.span?.source.name ?? null,
    line: at?.line ?? null,
    col: at?.col ?? null,
    ...(d.expected !== undefined ? { expected: d.expected } : {}),
    ...(d.found !== undefined ? { found: d.found } : {}),
    notes: [...d.notes],
  };
}
