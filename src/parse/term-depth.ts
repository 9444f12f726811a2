import type { Span, SpanTable } from '../diag/index.js';

/**
 * The first node of a parsed value nested deeper than `limit` terms, with its
 * span when the table has one; `null` when the value is shallow enough.
 * Counts only objects with a string `kind` (terms, statements, declarations);
 * arrays and other records (rationals, shapes) add no level.
 * Invariant: iterative — it never recurses, so it is safe on any depth, and it
 * stops at the first node past the limit.
 */
export function tooDeepNode(value: unknown, limit: number, spans: SpanTable): { span: Span | undefined } | null {
  const stack: { node: unknown; depth: number; spanned: Span | undefined }[] = [{ node: value, depth: 0, spanned: undefined }];
  while (stack.length > 0) {
    const { node, depth, spanned } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const isNode = typeof (node as { kind?: unknown }).kind === 'string';
    const level = isNode ? depth + 1 : depth;
    const here = spans.get(node) ?? spanned;
    if (level > limit) return { span: here };
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push({ node: child, depth: level, spanned: here });
  }
  return null;
}
