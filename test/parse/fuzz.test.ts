import test from 'ava';
import fc from '../support/fc.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDeclarations, parseFormula, parseTerm, type ParseOutcome } from '../../src/parse/index.js';
import { repoRoot } from '../support/repo.js';
import { seedFormulas } from '../support/seed.js';

/**
 * Property tests: whatever the input, the reader returns (never throws), and
 * a failure carries at least one diagnostic inside the text. The last-resort
 * E0199 ("internal error") must never appear: it would mean a bug.
 */
const corpus = seedFormulas(readFileSync(join(repoRoot(), 'test', 'fixtures', 'seed', '000_4eced3a913fd8ded.txt'), 'utf8'));

function wellBehaved(text: string, outcome: ParseOutcome<unknown>): boolean {
  if (outcome.ok) return true;
  if (outcome.diagnostics.length === 0) return false;
  return outcome.diagnostics.every((d) =>
    d.code !== 'E0199' && d.span !== null && d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length);
}

const allParsers = (text: string): boolean =>
  wellBehaved(text, parseFormula(text)) && wellBehaved(text, parseTerm(text)) && wellBehaved(text, parseDeclarations(text));

const ALPHABET = [...'aAbXYHtfeEδIo0123 +-−*/·^_{}()[]|‖′\'ᵀ⁻¹²ᵢⱼₜ₌₀=≡→⟹∈ℝⁿˣ,.;:&∂Σ⊙⊗'].concat(
  ['\\frac', '\\partial', '\\left(', '\\right)', '\\left.', '\\right|', '\\bigg|', '\\quad', '\\in', '\\mathbb{R}',
    '\\to', '\\cdot', '\\prime', '\\delta', '\\ell', '\\|', '\\\\', '\\begin{align}', '\\end{align}', '\\operatorname{tr}',
    'inv(', 'tr(', 'det ', 'log ', 'kron(', 'diff(', 'sum(', 'at(', 'norm(', 'exp.(', '.^', '.*', "'fro'", ' : ', 'x', 'scalar']);

const formulaish = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((parts) => parts.join(''));

test('random formula-ish strings never throw', (t) => {
  fc.assert(fc.property(formulaish, allParsers), { numRuns: 3000 });
  t.pass();
});

test('random unicode strings never throw', (t) => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), allParsers), { numRuns: 2000 });
  t.pass();
});

type Mutation = { kind: 'delete' | 'insert' | 'duplicate' | 'swap'; at: number; char: string };

function mutate(text: string, mutations: readonly Mutation[]): string {
  let s = text;
  for (const m of mutations) {
    const i = s.length === 0 ? 0 : m.at % s.length;
    if (m.kind === 'delete') s = s.slice(0, i) + s.slice(i + 1);
    else if (m.kind === 'insert') s = s.slice(0, i) + m.char + s.slice(i);
    else if (m.kind === 'duplicate') s = s.slice(0, i + 1) + s.slice(i);
    else s = s.slice(0, i) + s.slice(i + 1, i + 2) + s.slice(i, i + 1) + s.slice(i + 2);
  }
  return s;
}

const mutation = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('delete', 'insert', 'duplicate', 'swap'),
  at: fc.nat(),
  char: fc.constantFrom(...ALPHABET),
});

test('mutations of the seed formulas never throw', (t) => {
  const mutated = fc.tuple(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([text, ms]) => mutate(text, ms));
  fc.assert(fc.property(mutated, allParsers), { numRuns: 3000 });
  t.pass();
});

test('deep nesting of constructs the pre-scan does not count is E0105, not a crash', (t) => {
  for (const text of ['‖'.repeat(3000) + 'x' + '‖'.repeat(3000), 'log '.repeat(5000) + 'x', 'Σₖ '.repeat(5000) + 'x',
    '\\frac{\\partial}{\\partial X}'.repeat(3000) + 'x', 'det '.repeat(9000) + 'X']) {
    const r = parseFormula(text);
    t.false(r.ok);
    if (!r.ok) t.is(r.diagnostics[0]!.code, 'E0105', text.slice(0, 20));
  }
});

test('10,000-deep brackets give E0105; 200,000 characters give E0106; 10 MB of noise is rejected at once', (t) => {
  const deep = parseFormula('('.repeat(10_000) + 'X' + ')'.repeat(10_000));
  t.like(deep, { ok: false, diagnostics: [{ code: 'E0105' }] });
  const long = parseFormula('a + '.repeat(50_000));
  t.like(long, { ok: false, diagnostics: [{ code: 'E0106' }] });
  let noise = '';
  let seed = 12345;
  const chunk: string[] = [];
  for (let i = 0; i < 65_536; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    chunk.push(String.fromCharCode(seed % 0x3000));
  }
  const block = chunk.join('');
  while (noise.length < 10_000_000) noise += block;
  const r = parseFormula(noise);
  t.like(r, { ok: false, diagnostics: [{ code: 'E0106' }] });
  const huge = parseFormula(noise, { maxLength: Infinity });
  t.false(huge.ok);
  if (!huge.ok) t.not(huge.diagnostics[0]!.code, 'E0199');
});
