import type { ExecutionContext } from 'ava';
import { formatDiagnostics } from '../../src/diag/index.js';
import { parseFormula, parseTerm, type ParseOptions } from '../../src/parse/index.js';
import { canonicalize, termKey, type Formula, type Statement, type Term } from '../../src/term/index.js';

/** The formula, or a test failure showing the diagnostics. */
export function formulaOf(t: ExecutionContext, text: string, options?: ParseOptions): Formula {
  const r = parseFormula(text, options);
  if (!r.ok) {
    t.fail(`${text}\n${formatDiagnostics(r.diagnostics)}`);
    return { statements: [] };
  }
  return r.value;
}

/** The canonical form of the one term `text` stands for. */
export function canonicalOf(t: ExecutionContext, text: string, options?: ParseOptions): Term | undefined {
  const r = parseTerm(text, options);
  if (!r.ok) {
    t.fail(`${JSON.stringify(text)}\n${formatDiagnostics(r.diagnostics)}`);
    return undefined;
  }
  return canonicalize(r.value);
}

/** Asserts that `text` reads as `expected` (compared in canonical form). */
export function readsAs(t: ExecutionContext, text: string, expected: Term, options?: ParseOptions): void {
  const actual = canonicalOf(t, text, options);
  if (actual) t.is(termKey(actual), termKey(canonicalize(expected)), text);
}

/** Asserts that every spelling reads as the same canonical term (and as `expected`, when given). */
export function reads(t: ExecutionContext, expected: Term | null, ...spellings: string[]): void {
  const keys = spellings.map((s) => canonicalOf(t, s)).map((x) => (x ? termKey(x) : '?'));
  const want = expected ? termKey(canonicalize(expected)) : keys[0];
  spellings.forEach((s, i) => t.is(keys[i], want, `${s} reads differently`));
}

/** The terms of a chain statement, canonicalised. */
export function chainTerms(s: Statement | undefined): string[] {
  return s?.kind === 'chain' ? s.terms.map((x) => termKey(canonicalize(x))) : [];
}
