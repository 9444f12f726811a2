import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { printTerm } from '../../src/print/index.js';
import { arbTerm } from './arbitrary.js';
import { mutationOf, type Mutation } from './fuzz-mutations.js';
import { filesUnder, repoRoot } from './repo.js';
import { seedFormulas } from './seed.js';

/**
 * What the fuzzer feeds Leibniz: formulas, rule files and proof files, each
 * made one of three ways — random text (any code points, or bytes for files
 * read from disk), grammar-aware random text (tokens and lines of the
 * language), and the shipped files and seed formulas after a few mutations
 * (`fuzz-mutations.ts`). `origin` says how an input was made, so a failure
 * can be read and replayed. The generators are plain fast-check arbitraries:
 * a seed gives the same inputs on every machine.
 */
export type FuzzTarget = 'formula' | 'rules' | 'proof' | 'cli';
export type FuzzInput = { readonly target: FuzzTarget; readonly origin: string; readonly text: string };

const root = repoRoot();
const shipped = (folder: string, suffix: string): { path: string; text: string }[] =>
  filesUnder(join(root, folder), suffix).map((p) => ({ path: relative(root, p), text: readFileSync(p, 'utf8') }));

/** The shipped and test corpus the mutations start from. */
export const CORPUS = {
  rules: shipped('rules', '.rules'),
  proofs: [...shipped('proofs', '.proof'), ...shipped('test/golden/proofs', '.proof'), ...shipped('test/fixtures/proofs', '.proof')],
  formulas: seedFormulas(readFileSync(join(root, 'test', 'fixtures', 'seed', '000_4eced3a913fd8ded.txt'), 'utf8')),
};

/** Rule ids of the shipped library (for citations that may or may not fit). */
const RULE_IDS = [...new Set(CORPUS.rules.flatMap((f) => [...f.text.matchAll(/^rule\s+([a-z0-9-]+)/gm)].map((m) => m[1]!)))];

const FORMULA_TOKENS = [
  ...'aAbXYHtfeEδIo0123 +-−*/·^_{}()[]|‖′\'ᵀ⁻¹²ᵢⱼₜ₌₀=≡→⟹∈ℝⁿˣ,.;:&∂Σ⊙⊗ijkℓ',
  '\\frac', '\\partial', '\\left(', '\\right)', '\\left.', '\\right|', '\\bigg|', '\\quad', '\\in', '\\mathbb{R}', '\\to',
  '\\cdot', '\\prime', '\\delta', '\\ell', '\\|', '\\\\', '\\operatorname{tr}', '\\sum_k', '\\mathrm{d}', '^{-1}', '^{-T}', '^T', '_{ij}',
  'inv(', 'tr(', 'det ', 'log ', 'exp.(', 'kron(', 'diff(', 'sum(', 'at(', 'D(', 'o(', '.^', '.*', './', ' : ', 'x', 'scalar', 'n x n',
];
const LINE_WORDS = [
  'theorem', 'lemma', 'definition', 'proof', 'proof entrywise i j', 'qed', 'by', 'at 1.0', 'at ε', '←', 'auto', 'both-sides ∂/∂t',
  'both-sides tr', 'both-sides left-multiply X', 'hyp h', 'have h :', 'use rules/core', 'use rules/inverse', 'use nowhere', 'rules', 'rule',
  'vars A B : matrix, c : scalar', 'if invertible(A)', 'if symmetric(X), constant(A, t)', '[simp]', '[forward]', 'frechet-unique',
  'substitute H := X', '--', '%', '//', ':', '=', '⟹', '=>', '&=', '\\\\', 'name', ...RULE_IDS.slice(0, 40),
];

const tokenText = (tokens: readonly string[], maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...tokens), { maxLength }).map((ts) => ts.join(''));

/** Lines of language words and formula tokens, joined by newlines (sometimes indented, as proof lines are). */
const tokenLines = fc.array(
  fc.tuple(fc.constantFrom('', '  '), fc.array(fc.oneof(fc.constantFrom(...LINE_WORDS), tokenText(FORMULA_TOKENS, 8)), { maxLength: 8 })),
  { maxLength: 14 },
).map((lines) => lines.map(([indent, words]) => indent + words.join(' ')).join('\n'));

/** Any code points (lone surrogates included), with line breaks mixed in. */
const anyText = (maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.oneof({ arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 5 }, { arbitrary: fc.constantFrom('\n', '\r\n', '\t'), weight: 1 }), { maxLength })
    .map((parts) => parts.join(''));

const NOTATIONS = ['unicode', 'latex', 'ascii'] as const;
const printed = fc.tuple(arbTerm, fc.constantFrom(...NOTATIONS)).map(([t, notation]) => printTerm(t, { notation }));

const mutated = (texts: readonly { path: string; text: string }[], maxMutations: number): fc.Arbitrary<{ origin: string; text: string }> =>
  fc.tuple(fc.constantFrom(...texts), fc.array(mutationOf, { minLength: 1, maxLength: maxMutations }))
    .map(([file, ms]) => applyAll(file.path, file.text, ms));

/** Inputs are cut to this many characters (past the limits of every reader: what matters is how the limit is met). */
const MAX_INPUT = 1_200_000;

function applyAll(name: string, text: string, ms: readonly Mutation[]): { origin: string; text: string } {
  let out = text;
  for (const m of ms) out = m.apply(out).slice(0, MAX_INPUT);
  return { origin: `${name} after ${ms.map((m) => m.name).join(', ')}`, text: out };
}

const as = (target: FuzzTarget, origin: string) => (text: string): FuzzInput => ({ target, origin, text });
const asMutant = (target: FuzzTarget) => (m: { origin: string; text: string }): FuzzInput => ({ target, origin: m.origin, text: m.text });

/** A seed formula repeated to just under the length limit (reading it takes about a second: rare, for the cost). */
const nearTheLimit = fc.tuple(fc.constantFrom(...CORPUS.formulas), fc.integer({ min: 3500, max: 4000 }))
  .map(([f, n]) => f.repeat(Math.ceil(n / f.length)).slice(0, n));

/** Formulas: random code points, token soup, printed random terms, seed formulas mutated, and (rarely) very long ones. */
export const arbFormulaInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  { arbitrary: anyText(6).map(as('formula', 'random text')), weight: 40 },
  { arbitrary: tokenText(FORMULA_TOKENS, 40).map(as('formula', 'formula tokens')), weight: 40 },
  { arbitrary: printed.map(as('formula', 'a random term, printed')), weight: 40 },
  { arbitrary: mutated(CORPUS.formulas.map((text, i) => ({ path: `seed formula ${i}`, text })), 3).map(asMutant('formula')), weight: 120 },
  { arbitrary: nearTheLimit.map(as('formula', 'a seed formula repeated to the length limit')), weight: 1 },
);

/** One theorem of a shipped proof file with the file's header lines (`use`, declarations): small enough to check often. */
const theoremsOf = (file: { path: string; text: string }): { path: string; text: string }[] => {
  const [head, ...theorems] = file.text.split(/^(?=(?:theorem|lemma|definition)\b)/m);
  return theorems.length === 0 ? [file] : theorems.map((t, i) => ({ path: `${file.path} (theorem ${i + 1})`, text: `${head}${t}` }));
};
const PROOF_PIECES = CORPUS.proofs.flatMap(theoremsOf);

/** A theorem of random terms with a random `by` clause. */
const generatedProof = fc.tuple(printed, printed, fc.array(fc.constantFrom(...RULE_IDS, 'auto', 'both-sides tr'), { minLength: 1, maxLength: 4 }))
  .map(([a, b, by]) => `use rules/core\ntheorem g : ${a} = ${b}\nproof\n  ${a}\n  = ${b}  by ${by.join(', ')}\nqed\n`);

/** Proof files: random text, token lines, generated theorems, shipped theorems mutated. */
export const arbProofInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  anyText(30).map(as('proof', 'random text')),
  tokenLines.map(as('proof', 'language tokens')),
  generatedProof.map(as('proof', 'a generated theorem')),
  { arbitrary: mutated(PROOF_PIECES, 3).map(asMutant('proof')), weight: 5 },
);

/** A rule library of random terms: rules that may loop, feed themselves, or not validate. */
const generatedRules = fc.array(fc.tuple(printed, printed), { minLength: 1, maxLength: 5 })
  .map((pairs) => `rules g\nvars A B C : matrix, X : square matrix, c k : scalar\n${pairs.map(([l, r], i) => `rule g${i} : ${l} = ${r}`).join('\n')}\n`);

/** Rule files: random text, token lines, generated rules, shipped libraries mutated. */
export const arbRulesInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  anyText(30).map(as('rules', 'random text')),
  tokenLines.map((t) => `rules fuzz\n${t}`).map(as('rules', 'language tokens')),
  generatedRules.map(as('rules', 'generated rules')),
  { arbitrary: mutated(CORPUS.rules, 3).map(asMutant('rules')), weight: 4 },
);

/** Whole proof files through `leibniz check` and `export` (as functions, on a file on disk): mutated shipped files, random text. */
export const arbCliInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  anyText(30).map(as('cli', 'random text')),
  { arbitrary: mutated(CORPUS.proofs, 2).map(asMutant('cli')), weight: 4 },
);
