import type { ProofLine, Theorem } from '../../src/proof/index.js';
import * as c from '../../src/term/index.js';
import { getAt, positions, replaceAt, type Chain, type Term } from '../../src/term/index.js';

/**
 * Wrong variants of proof steps, for the soundness harness: each mutant
 * changes one line of one theorem the way a person gets a step wrong — two
 * factors swapped, a transpose added or dropped, a sign flipped, an index
 * changed, the cited rule replaced by another. The checker must reject every
 * mutant that is not equal to the original line in canonical form.
 */
export type Mutant = { readonly description: string; readonly theorem: Theorem; readonly line: number; readonly original: ProofLine; readonly mutated: ProofLine };

const INDEX_SWAP: Readonly<Record<string, string>> = { i: 'j', j: 'i', k: 'ℓ', ℓ: 'k' };

/**
 * How many mutants a line gets: the positions of its term mutated, the rules
 * cited in its `by` clause replaced, and the other rules each is replaced by.
 */
export type MutationSize = { readonly positions: number; readonly citations: number; readonly replacements: number };

/** The sample `npm test` checks: 32 positions of a line, its first cited rule replaced by two others. */
export const CI_SIZE: MutationSize = { positions: 32, citations: 1, replacements: 2 };
/** What `npm run soundness` checks: every position, every cited rule replaced by every other rule. */
export const FULL_SIZE: MutationSize = { positions: Infinity, citations: Infinity, replacements: Infinity };

/** Every mutant of every checkable line of `theorem`, up to `size`; `ruleIds` are the ids a cited rule may be replaced by. */
export function mutantsOf(theorem: Theorem, ruleIds: readonly string[], size: MutationSize = CI_SIZE): Mutant[] {
  return theorem.lines.flatMap((line, index) => {
    if (line.kind === 'start') return [];
    const make = (description: string, mutated: ProofLine): Mutant => ({ description, theorem: withLine(theorem, index, mutated), line: index, original: line, mutated });
    const termMutants = termVariants(lineTerm(line), size.positions).map(([what, t]) => make(what, withTerm(line, t)));
    const ruleMutants = ruleVariants(line, ruleIds, size).map(([what, l]) => make(what, l));
    return [...termMutants, ...ruleMutants];
  });
}

/** The term a line states: its term, or the right side of its equation. */
function lineTerm(line: Exclude<ProofLine, { kind: 'start' }>): Term {
  return line.kind === 'rewrite' ? line.term : line.equation.terms.at(-1)!;
}

function withTerm(line: Exclude<ProofLine, { kind: 'start' }>, t: Term): ProofLine {
  if (line.kind === 'rewrite') return { ...line, term: t };
  const equation: Chain = { ...line.equation, terms: [...line.equation.terms.slice(0, -1), t] };
  return { ...line, equation };
}

function withLine(theorem: Theorem, index: number, line: ProofLine): Theorem {
  return { ...theorem, lines: theorem.lines.map((l, i) => (i === index ? line : l)) };
}

/** Term-level mutations, each with a description. */
export function termVariants(t: Term, maxPositions: number = CI_SIZE.positions): [string, Term][] {
  const out: [string, Term][] = [[`flip the sign of ${c.termKey(t)}`, c.neg(t)]];
  for (const p of positions(t).slice(0, maxPositions)) {
    const sub = getAt(t, p)!;
    if (sub.kind === 'mul') out.push(...swaps(t, p, sub));
    if (sub.kind === 'transpose') out.push([`drop the transpose at ${p.join('.')}`, replaceAt(t, p, sub.arg)!]);
    else if (sub.kind === 'sym' || sub.kind === 'inverse') out.push([`add a transpose at ${p.join('.')}`, replaceAt(t, p, c.transpose(sub))!]);
    if (sub.kind === 'sym' && INDEX_SWAP[sub.name]) out.push([`change index ${sub.name} at ${p.join('.')}`, replaceAt(t, p, c.sym(INDEX_SWAP[sub.name]!))!]);
  }
  return out;
}

function swaps(t: Term, p: readonly number[], m: c.TermOf<'mul'>): [string, Term][] {
  const out: [string, Term][] = [];
  for (let i = 0; i + 1 < m.factors.length; i++) {
    const factors = [...m.factors];
    [factors[i], factors[i + 1]] = [factors[i + 1]!, factors[i]!];
    const swapped: Term = { kind: 'mul', coeff: m.coeff, factors };
    out.push([`swap factors ${i} and ${i + 1} at ${p.join('.') || 'ε'}`, replaceAt(t, p, swapped)!]);
  }
  return out;
}

/**
 * The line with each of its first `size.citations` cited rules replaced by
 * `size.replacements` other rules: chosen by the cited id's hash (every
 * seventh from there), or all of them.
 */
function ruleVariants(line: Exclude<ProofLine, { kind: 'start' }>, ruleIds: readonly string[], size: MutationSize): [string, ProofLine][] {
  const cited = line.by.items.flatMap((item, at) => (item.kind === 'rule' ? [{ item, at }] : [])).slice(0, size.citations);
  return cited.flatMap(({ item, at }) => {
    const others = ruleIds.filter((id) => id !== item.id.text);
    const start = Math.abs(hash(item.id.text)) % Math.max(1, others.length);
    const picked = size.replacements >= others.length ? others
      : [...new Set(Array.from({ length: size.replacements }, (_, k) => others[(start + 7 * k) % others.length]!))];
    return picked.map((id): [string, ProofLine] => {
      const items = line.by.items.map((it, k) => (k === at ? { ...item, id: { ...item.id, text: id } } : it));
      return [`cite ${id} instead of ${item.id.text}`, { ...line, by: { ...line.by, items } }];
    });
  });
}

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.codePointAt(0)!) | 0;
  return h;
}
