import { compareValues, evaluateOnSample, formatValue } from '../numeric/index.js';
import { printTerm } from '../print/index.js';
import { factsOf } from '../rules/index.js';
import type { Elaboration } from '../shape/index.js';
import type { Statement, Term } from '../term/index.js';
import { symbolDeclarations } from './step-declarations.js';

/**
 * `leibniz parse … --eval`: the formula's terms evaluated on one random
 * sample (the declarations' shapes and properties honoured), for checking a
 * hand derivation. Lists the sizes, every symbol's value, each term's value,
 * and for an equation whether its sides agree. Advisory output: numbers never
 * decide a proof.
 */
export function evalLines(elaboration: Elaboration, seed: number): string[] {
  const statements = elaboration.formula.statements;
  const terms = statements.flatMap(termsOf);
  if (terms.length === 0) return ['(nothing to evaluate: no term in the formula)'];
  const decls = symbolDeclarations(terms, elaboration.shapeOf, factsOf(elaboration));
  if ('reason' in decls) return [`cannot evaluate: ${decls.reason}`];
  const sample = evaluateOnSample(terms, decls, seed);
  const lines = [`on a random sample (--seed ${seed}):`, ...sample.sizes.map((s) => `  ${s}`), ...sample.values.map((v) => `  ${v}`)];
  terms.forEach((t, i) => {
    const r = sample.results[i]!;
    lines.push(`  ${printTerm(t)} = ${r.ok ? formatValue(r.value) : `cannot evaluate: ${r.failure.message}`}`);
  });
  for (const st of statements) if (st.kind === 'chain') lines.push(...agreement(st.terms, terms, sample.results));
  return lines;
}

function termsOf(st: Statement): Term[] {
  if (st.kind === 'term') return [st.term];
  if (st.kind === 'chain') return [...st.terms];
  return st.kind === 'implies' ? st.parts.flatMap(termsOf) : [];
}

/** For each link `a = b` of a chain: whether the two values agree on this sample. */
function agreement(chain: readonly Term[], all: readonly Term[], results: ReturnType<typeof evaluateOnSample>['results']): string[] {
  const out: string[] = [];
  for (let k = 0; k + 1 < chain.length; k++) {
    const [a, b] = [results[all.indexOf(chain[k]!)], results[all.indexOf(chain[k + 1]!)]];
    if (a === undefined || b === undefined || !a.ok || !b.ok) continue;
    const d = compareValues(a.value, b.value);
    const which = chain.length > 2 ? ` (link ${k + 1})` : '';
    if (d === undefined) out.push(`  the two sides${which} have different sizes on this sample`);
    else out.push(d.equal ? `  the two sides${which} agree on this sample (max |difference| ${d.maxDiff.toExponential(1)})` : `  the two sides${which} DIFFER on this sample: max |difference| ${d.maxDiff.toPrecision(3)}`);
  }
  return out;
}
