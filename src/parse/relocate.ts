import { span, type Diagnostic } from '../diag/index.js';
import type { Origin } from './options.js';

/**
 * A diagnostic found in a slice of text, moved to point into the file the
 * slice was cut from (`origin`). Invariant: with `origin.start === 0` and the
 * slice's own source, the diagnostic is returned unchanged.
 */
export function relocate(d: Diagnostic, origin: Origin): Diagnostic {
  if (d.span === null || (d.span.source === origin.source && origin.start === 0)) return d;
  return { ...d, span: span(origin.source, origin.start + d.span.start, origin.start + d.span.end) };
}
