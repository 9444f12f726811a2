import { summarize, type FileReport, type StepReport, type TheoremReport } from '../check/report.js';
import { span, type Source, type Span } from '../diag/index.js';
import type { Path } from '../term/index.js';
import type { FileName, FileResult, LibraryUse } from './check-session.js';

/**
 * A checked file as the output needs it, and nothing more: no rules, no
 * terms — so it crosses from a worker thread to the main one and goes into
 * the cache and back. Kernel steps keep only their rule and position (all
 * that `--json` shows). Invariant: output made from a `ResultView` is
 * byte-identical to output made from the `FileResult` it was cut from.
 */
export type SlimStep = { readonly ruleId: string; readonly path: Path };
export type StepView = Omit<StepReport, 'steps'> & { readonly steps: readonly SlimStep[] };
export type TheoremView = Omit<TheoremReport, 'steps'> & { readonly steps: readonly StepView[] };
export type ReportView = Omit<FileReport, 'theorems'> & { readonly theorems: readonly TheoremView[] };

/** The counts of the summary line, computed by the checker's own `summarize` when the file was checked. */
export type Counts = { readonly theorems: number; readonly steps: number; readonly failed: number };

export type ResultView = FileName & {
  readonly report: ReportView;
  readonly badInput: boolean;
  readonly uses: readonly FileName[];
  readonly libraries: readonly LibraryUse[];
  readonly tainted: boolean;
  readonly counts: Counts;
};

/** The view of a session's result. */
export function viewOf(r: FileResult): ResultView {
  const { theorems, steps, failed } = summarize([r.report]);
  const report: ReportView = {
    ...r.report,
    theorems: r.report.theorems.map((t) => ({
      ...t,
      steps: t.steps.map((s) => ({ ...s, steps: s.steps.map((k) => ({ ruleId: k.ruleId, path: k.path })) })),
    })),
  };
  const { absolute, shownAs, badInput, uses, libraries, tainted } = r;
  return { absolute, shownAs, report, badInput, uses, libraries, tainted, counts: { theorems, steps, failed } };
}

/** Key of a file under one of its names: a file is checked once per name (`CheckSession`). */
export const nameKey = (n: FileName): string => `${n.absolute}\n${n.shownAs}`;

/**
 * Views as JSON text, for the cache. Every span becomes `{"$span": [i, start,
 * end]}` with `i` an index into one table of sources (each source's text is
 * stored once: the proof file, or a library a diagnostic points into).
 */
export function encodeViews(views: readonly ResultView[]): string {
  const sources: Source[] = [];
  const index = new Map<Source, number>();
  const replacer = (key: string, value: unknown): unknown => {
    // `views` is written first, so the table is complete when `sources` (null until then) is reached.
    if (key === 'sources' && value === null) return sources.map((s) => ({ name: s.name, text: s.text }));
    if (!isSpan(value)) return value;
    let i = index.get(value.source);
    if (i === undefined) index.set(value.source, (i = sources.push(value.source) - 1));
    return { $span: [i, value.start, value.end] };
  };
  return JSON.stringify({ views, sources: null }, replacer);
}

/** The inverse of `encodeViews`; null when the text is not what `encodeViews` writes. */
export function decodeViews(text: string): ResultView[] | null {
  try {
    const parsed = JSON.parse(text) as { sources?: Source[]; views?: unknown };
    if (!Array.isArray(parsed.sources) || !Array.isArray(parsed.views)) return null;
    const sources = parsed.sources.map((s) => ({ name: s.name, text: s.text }));
    return revive(parsed.views, sources) as ResultView[];
  } catch {
    return null;
  }
}

const isSpan = (v: unknown): v is Span =>
  typeof v === 'object' && v !== null && 'source' in v && 'start' in v && 'end' in v && typeof (v as Span).start === 'number';

/** Rebuilds spans in a decoded view (the data is a few levels deep: file → theorem → step → diagnostic). */
function revive(value: unknown, sources: readonly Source[]): unknown {
  if (Array.isArray(value)) return value.map((v) => revive(v, sources));
  if (typeof value !== 'object' || value === null) return value;
  const at = (value as { $span?: [number, number, number] }).$span;
  if (at !== undefined) {
    const source = sources[at[0]];
    if (source === undefined) throw new Error('span into no source');
    return span(source, at[1], at[2]);
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v, sources)]));
}
