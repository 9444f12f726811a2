import fc from 'fast-check';
import { printTerm } from '../../src/print/index.js';
import { readFormula, factsOf, PREDICATES, type Rule } from '../../src/rules/index.js';
import { applicableRewrites } from '../../src/rewrite/index.js';
import { formatPath, type Term } from '../../src/term/index.js';
import { arbOfShape } from '../support/arbitrary.js';

/**
 * A generated proof library for benchmarks: each theorem starts from a random
 * well-shaped term and takes a few random forward rewrites with the shipped
 * rules, written as `= term by rule at path` lines. Every step is a real
 * kernel step, so the whole library should check; the benchmark reports how
 * many steps did.
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
      theorems.push(`theorem g${f}-${k} : ${printTerm(starts[next]!)} = ${printTerm(chain.last)}\nproof\n  ${printTerm(starts[next]!)}\n${chain.lines.join('\n')}\nqed\n`);
      k++;
    }
    texts.push(`use rules/core\n\n${theorems.join('\n')}`);
  }
  return { texts, steps };
}

function randomChain(start: Term, rules: readonly Rule[], length: number, seed: number): { lines: string[]; last: Term } {
  const read = readFormula(printTerm(start));
  if (!read.ok) return { lines: [], last: start };
  const statement = read.elaboration.formula.statements[0];
  if (statement?.kind !== 'term') return { lines: [], last: start };
  const options = { facts: factsOf(read.elaboration), predicates: PREDICATES, directions: ['forward' as const] };
  let term = statement.term;
  const lines: string[] = [];
  let state = seed;
  for (let i = 0; i < length; i++) {
    const options_ = applicableRewrites(term, rules, options);
    if (options_.length === 0) break;
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const { rule, step } = options_[state % options_.length]!;
    lines.push(`  = ${printTerm(step.after)}   by ${rule.id} at ${formatPath(step.path)}`);
    term = step.after;
  }
  return { lines, last: term };
}
