import test from 'ava';
import fc from './support/fc.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommand } from '../src/cli/parse-command.js';
import { repoRoot } from './support/repo.js';
import { seedFormulas } from './support/seed.js';

/**
 * The whole front end (parse → shapes → canonical form → printing), driven as
 * `leibniz parse` is: whatever the input, it answers 0 with output or 2 with
 * positioned diagnostics — never an exception, never exit 3 (internal error).
 */
const seed = seedFormulas(readFileSync(join(repoRoot(), 'test', 'fixtures', 'seed', '000_4eced3a913fd8ded.txt'), 'utf8'));
const alphabet = [...'aAbXYtHIe0123ijkℓδ∂ᵀ⁻¹²ⁿ()[]{}+-−*/^_\'.,;:=|‖⊙⊗·∈ℝ×→⟹ \\'].map((c) => fc.constant(c));
const notations = ['unicode', 'latex', 'ascii', 'json'] as const;

function answersCleanly(text: string, to: (typeof notations)[number]): boolean {
  const outcome = parseCommand(text, { to });
  if (outcome.exitCode === 0) return outcome.stdout.length > 0 && outcome.stderr === '';
  return outcome.exitCode === 2 && /error E0\d{3}/.test(outcome.stderr);
}

test('random formula-like text never breaks the front end', (t) => {
  fc.assert(
    fc.property(fc.array(fc.oneof(...alphabet), { maxLength: 40 }), fc.constantFrom(...notations), (chars, to) =>
      answersCleanly(chars.join(''), to)),
    { numRuns: 1500 },
  );
  t.pass();
});

test('mutated seed formulas never break the front end', (t) => {
  const mutation = fc.tuple(fc.constantFrom(...seed), fc.nat(), fc.nat(), fc.oneof(...alphabet), fc.constantFrom('delete', 'insert', 'swap', 'truncate'));
  fc.assert(
    fc.property(mutation, fc.constantFrom(...notations), ([formula, i, j, c, kind], to) => {
      const at = i % (formula.length + 1);
      const other = j % (formula.length + 1);
      const mutated =
        kind === 'delete' ? formula.slice(0, at) + formula.slice(at + 1)
        : kind === 'insert' ? formula.slice(0, at) + c + formula.slice(at)
        : kind === 'truncate' ? formula.slice(0, at)
        : swap(formula, at, other);
      return answersCleanly(mutated, to);
    }),
    { numRuns: 1500 },
  );
  t.pass();
});

function swap(s: string, i: number, j: number): string {
  const chars = [...s];
  if (i >= chars.length || j >= chars.length) return s;
  [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  return chars.join('');
}

test('every seed formula is read and printed in all notations', (t) => {
  for (const formula of seed) {
    for (const to of notations) {
      const outcome = parseCommand(formula, { to });
      t.is(outcome.exitCode, 0, `${formula} --to ${to}\n${outcome.stderr}`);
    }
  }
});
