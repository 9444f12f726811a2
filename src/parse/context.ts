import type { Node } from 'ohm-js';
import { span, type Source, type SpanTable } from '../diag/index.js';
import { FUNCTION_LETTERS } from './names.js';

/**
 * What the semantic actions need besides the parse tree: the source (for
 * spans and for telling `X(t)` from `X (t)`), the span table being filled,
 * and the names that read as functions. Spans are recorded relative to
 * `origin`. Parsing is synchronous, so one
 * context is current at a time; `withContext` sets it for one run.
 */
export type ParseContext = {
  /** The text being matched (for look-behind such as `X(t)` versus `X (t)`). */
  readonly source: Source;
  /** Where spans point: `source` itself at offset 0, or the file a slice was cut from. */
  readonly origin: { readonly source: Source; readonly start: number };
  readonly spans: SpanTable;
  readonly functions: ReadonlySet<string>;
};

let current: ParseContext | null = null;

/** Runs `body` with `context` current (restoring the previous one afterwards). */
export function withContext<T>(context: ParseContext, body: () => T): T {
  const saved = current;
  current = context;
  try {
    return body();
  } finally {
    current = saved;
  }
}

/** The current context. Invariant: only called from semantic actions, inside `withContext`. */
export function context(): ParseContext {
  if (current === null) throw new Error('parse context used outside withContext');
  return current;
}

/** Records that `value` was read from `[start, end)` and returns it. */
export function markRange<T extends object>(value: T, start: number, end: number): T {
  const ctx = context();
  ctx.spans.set(value, span(ctx.origin.source, ctx.origin.start + start, ctx.origin.start + end));
  return value;
}

/** Records that `value` was read from the text of `node` and returns it. */
export const mark = <T extends object>(node: Node, value: T): T =>
  markRange(value, node.source.startIdx, node.source.endIdx);

/** Is `name` read as a function before `(`? */
export const isFunctionSymbol = (name: string): boolean =>
  FUNCTION_LETTERS.has(name) || context().functions.has(name);

/** Runs a named semantic operation on a node (Ohm adds operations to nodes dynamically). */
export function run<T>(node: Node, operation: string): T {
  return (node as unknown as Record<string, () => T>)[operation]!();
}

/** The nodes of an Ohm `ListOf`/`NonemptyListOf`. */
export const listItems = (node: Node): Node[] => node.asIteration().children;
