import fc from 'fast-check';
import { elaborateTheorem } from '../../src/check/collect.js';
import { printTerm } from '../../src/print/index.js';
import { parseFormula } from '../../src/parse/index.js';
import type { ProofFile, ProofLine, Theorem } from '../../src/proof/index.js';
import type { Span } from '../../src/diag/index.js';
import { PREDICATES, type Facts, type Rule } from '../../src/rules/index.js';
import { applicableRewrites } from '../../src/rewrite/index.js';
import { formatPath, unsharedCopy, type Chain, type Term } from '../../src/term/index.js';
import { arbOfShape } from '../support/arbitrary.js';

/**
 * A generated proof library for benchmarks: each theorem starts from a random
 * well-shaped term and takes a few random forward rewrites with the shipped
 * rules, written as `= term by rule at path` lines. Every step is a real
 * kernel step, taken on the line as the checker reads it, so the whole
 * library should check; the benchmark reports how many steps did.
 */
export function generateLibrary(rules: readonly Rule[], files: number, theoremsPerFile: number, stepsPerTheorem: number, seed: number): { texts: string[]; steps: number } {
  const starts = fc.sample(arbOfShape('square', 3), { seed, numRuns: files * theoremsPerFile * 3 });
  const texts: string[] = [];
  let steps = 0;
  let next = 0;
  for (let f = 0; f < files; f++) {
    const theorems: string[] = [];
    for (let k = 0; k < theoremsPerFile && next < starts.length; next++) {
      const chain = randomChain(starts[next]!, rules, stepsPerTheorem, seed + next);
      if (chain.lines.length === 0) continue;
      steps += chain.lines.length;
      theorems.push(theoremText(`g${f}-${k}`, starts[next]!, chain.last, chain.lines));
      k++;
    }
    texts.push(`use rules/core\n\n${theorems.join('\n')}`);
  }
  return { texts, steps };
}

function theoremText(name: string, start: Term, last: Term, lines: readonly string[]): string {
  return `theorem ${name} : ${printTerm(start)} = ${printTerm(last)}\nproof\n  ${printTerm(start)}\n${lines.map((l) => `${l}\n`).join('')}qed\n`;
}

function randomChain(start: Term, rules: readonly Rule[], length: number, seed: number): { lines: string[]; last: Term } {
  const lines: string[] = [];
  const first = readBack(printTerm(start));
  if (first === null) return { lines, last: start };
  const raws = [first];
  let last = start;
  let state = seed;
  for (let i = 0; i < length; i++) {
    const read = readLastLine(raws);
    if (read === null) break;
    const options = { facts: read.facts, predicates: PREDICATES, directions: ['forward' as const] };
    const found = applicableRewrites(read.term, rules, options);
    if (found.length === 0) break;
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const { rule, step } = found[state % found.length]!;
    lines.push(`  = ${printTerm(step.after)}   by ${rule.id} at ${formatPath(step.path)}`);
    last = step.after;
    // The line as written: its own nodes, one per place, as each line the checker reads has.
    // (Re-reading the printed text would hide a term that does not print and read back as itself.)
    raws.push(unsharedCopy(step.after));
  }
  return { lines, last };
}

/** A printed term read back as a proof line's formula is: the raw term, before shapes. */
function readBack(text: string): Term | null {
  const parsed = parseFormula(text);
  const statement = parsed.ok ? parsed.value.statements[0] : undefined;
  return parsed.ok && parsed.value.statements.length === 1 && statement?.kind === 'term' ? statement.term : null;
}

const NO_SPAN: Span = { source: { name: 'generated.proof', text: '' }, start: 0, end: 0 };

/**
 * The last of `raws` (the start term, then each line's term) as the checker
 * reads it: the theorem `start = last` with these lines, shaped together by
 * `elaborateTheorem`, and the line canonical under the facts of that context.
 * Null when the theorem does not shape.
 */
function readLastLine(raws: readonly Term[]): { term: Term; facts: Facts } | null {
  const [first, ...rest] = raws as [Term, ...Term[]];
  const lines: ProofLine[] = [
    { kind: 'start', term: first, span: NO_SPAN },
    ...rest.map((term): ProofLine => ({ kind: 'rewrite', term, by: { items: [], span: NO_SPAN }, span: NO_SPAN })),
  ];
  // The claim's sides are terms of their own, as when the checker reads the file.
  const statement: Chain = { kind: 'chain', terms: [unsharedCopy(first), unsharedCopy(raws.at(-1)!)], relations: ['='] };
  const theorem = { statement, lines, mode: 'calc', indices: [] } as Partial<Theorem> as Theorem;
  const e = elaborateTheorem(theorem, { spans: new WeakMap() } as Partial<ProofFile> as ProofFile, []);
  if (e.diagnostics.some((d) => d.severity === 'error')) return null;
  return { term: e.canonicalTerm(raws.at(-1)!), facts: e.facts };
}
