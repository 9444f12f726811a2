import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { numericAgreement } from '../src/cli/derive-numeric.js';
import { printTerm } from '../src/print/index.js';
import { equalTerms } from '../src/term/index.js';
import { checkedOf, input, normalForm } from './support/derive.js';
import { repoRoot } from './support/repo.js';

/**
 * The public corpus of derivative identities (`test/corpus/derivatives.jsonl`,
 * from the Matrix Cookbook and other standard references), each checked
 * three ways: `derive` finds a derivation the kernel accepts; its result and
 * the reference's form have the same normal form under the `simp` rules; and
 * both sides of the claim agree on random samples (finite differences).
 */
/**
 * `unsupported`: derive must refuse it with a diagnostic (E0903), never give a
 * wrong answer — the reason is stated. `limitation`: derived, kernel-checked
 * and numerically right, but the simp rules do not bring both forms together
 * (the reason is stated); the form comparison is skipped.
 */
type Entry = { name: string; source: string; expr: string; wrt: string; let: string; expected: string; unsupported?: string; limitation?: string };

const corpus: Entry[] = readFileSync(join(repoRoot(), 'test', 'corpus', 'derivatives.jsonl'), 'utf8')
  .split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Entry);

test('the corpus has at least 80 identities checked all three ways, with distinct names and a source each', (t) => {
  const full = corpus.filter((e) => e.unsupported === undefined && e.limitation === undefined);
  t.true(full.length >= 80, `${full.length} entries checked three ways (of ${corpus.length})`);
  t.is(new Set(corpus.map((e) => e.name)).size, corpus.length);
  t.true(corpus.every((e) => e.source.trim() !== ''));
});

for (const entry of corpus) {
  const title = `corpus: ${entry.name} (${entry.source})`;
  if (entry.unsupported !== undefined) {
    test(`${title} is refused: ${entry.unsupported}`, (t) => {
      const checked = checkedOf(entry.expr, entry.wrt, entry.let);
      if (!('exitCode' in checked)) return t.fail(`derived ${printTerm(checked.derivation.result)}; the corpus says it cannot be (update it)`);
      t.is(checked.exitCode, 2);
      t.regex(checked.stderr, /error E0903: cannot derive: /);
    });
    continue;
  }
  test(title, (t) => {
    const checked = checkedOf(entry.expr, entry.wrt, entry.let);
    if ('exitCode' in checked) return t.fail(`derive ${entry.expr} --wrt ${entry.wrt}: ${checked.stderr}`);
    const context = input(entry.expr, entry.wrt, entry.let);
    const numeric = numericAgreement(context, checked.derivation, 1);
    t.is(numeric.verdict, 'agree', numeric.reason ?? JSON.stringify(numeric.counterexample));
    if (entry.limitation !== undefined) return;
    const expected = input(entry.expected, entry.wrt, entry.let).term;
    const [found, wanted] = [normalForm(checked.derivation.result, context), normalForm(expected, context)];
    t.true(equalTerms(found, wanted), `derived ${printTerm(checked.derivation.result)} (normal form ${printTerm(found)}), reference ${entry.expected} (normal form ${printTerm(wanted)})`);
  });
}
