import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostics } from '../../src/diag/index.js';
import { elaborate } from '../../src/shape/index.js';
import { formulasOf, loadReader, repoRoot } from './reader.js';

const seed = readFileSync(join(repoRoot(), 'test/fixtures/seed/000_4eced3a913fd8ded.txt'), 'utf8');
const formulas = formulasOf(seed);

test('the seed has its formulas', (tt) => {
  tt.true(formulas.length >= 40, `found ${formulas.length}`);
  tt.true(formulas.includes('\\frac{\\partial}{\\partial X} (a^TX^{-1}b) = -X^{-T}ab^TX^{-T} \\quad a, b \\in \\mathbb{R}^n'));
});

for (const [n, text] of formulas.entries()) {
  test(`seed formula ${n + 1} has no shape error: ${text.replace(/\s+/g, ' ').slice(0, 70)}`, async (tt) => {
    const { parseFormula } = await loadReader();
    const parsed = parseFormula(text);
    if (parsed.ok) tt.is(formatDiagnostics(elaborate(parsed.value, parsed.spans).diagnostics), '');
    else tt.pass(`not accepted by the parser: ${parsed.diagnostics[0]?.message}`);
  });
}

test('most seed formulas are accepted by the parser (so the checks above are not vacuous)', async (tt) => {
  const { parseFormula } = await loadReader();
  const accepted = formulas.filter((f) => parseFormula(f).ok).length;
  tt.true(accepted >= formulas.length - 2, `${accepted} of ${formulas.length} parsed`);
});
