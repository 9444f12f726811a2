import type { ErrorCode } from './codes.js';
import type { Span } from './source.js';

/**
 * A problem found in the user's input, with where it is and what was
 * expected and found. Diagnostics are values: they are returned, collected and
 * printed, never thrown.
 */
export type Diagnostic = {
  readonly code: ErrorCode;
  readonly severity: 'error' | 'warning';
  /** One sentence, without location. */
  readonly message: string;
  readonly span: Span | null;
  readonly expected?: string;
  readonly found?: string;
  /** Further lines: hints, related positions. */
  readonly notes: readonly string[];
};

export type DiagnosticFields = {
  expected?: string;
  found?: string;
  notes?: readonly string[];
  severity?: 'error' | 'warning';
};

/** The one place a `Diagnostic` object is made; the named constructors in `errors.ts` call it. */
export function makeDiagnostic(code: ErrorCode, message: string, at: Span | null, fields: DiagnosticFields = {}): Diagnostic {
  return {
    code,
    severity: fields.severity ?? 'error',
    message,
    span: at,
    ...(fields.expected !== undefined ? { expected: fields.expected } : {}),
    ...(fields.found !== undefined ? { found: fields.found } : {}),
    notes: fields.notes ?? [],
  };
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');
