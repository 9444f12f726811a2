import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/repo.js';

const root = repoRoot();

/**
 * The interactive prover's rules panel (`rulesAt`: every rule applicable at
 * the selected subterm, both directions, with previews and side conditions)
 * on a goal of about 200 nodes, at every position; it must fit in one frame
 * (16 ms). Each position is computed once per pass (the panel is memoised per
 * term object, so every pass reads the goal afresh); two warm-up passes, then
 * the median, the 99th percentile and the worst position over five passes
 * (the worst is the root, a sum of 20 summands: sum patterns try every subset).
 */
export async function rulesPanelRow(): Promise<{ figure: string; value: string; note: string }> {
  const { rulesAt } = await import('../../src/tui/rules-panel.js');
  const { elaborateStatements, loadLibrary: load, PREDICATES } = await import('../../src/rules/index.js');
  const { parseDeclarations, parseFormula: parse } = await import('../../src/parse/index.js');
  const { positions } = await import('../../src/term/index.js');
  const rules = load('rules/core', (p) => ({ text: readFileSync(join(root, p), 'utf8') })).rules;
  const declared = parseDeclarations('a, b ∈ ℝⁿ; A, B, X ∈ ℝ^{n×n} invertible');
  const declarations = declared.ok ? declared.value : [];
  const part = '(A X⁻¹ B)ᵀ (I + X⁻¹) + tr(A Xᵀ) B X⁻¹ + (aᵀ X⁻¹ b) A B + ∂(X⁻¹ A)/∂X_{ij}';
  const read = () => {
    const parsed = parse(Array.from({ length: 5 }, () => part).join(' + '));
    if (!parsed.ok) throw new Error('bench goal does not parse');
    const e = elaborateStatements(parsed.value.statements, parsed.spans, declarations);
    const first = e.statements[0]!;
    if (first.kind !== 'term' || e.diagnostics.length > 0) throw new Error('bench goal is not a well-shaped term');
    return { term: first.term, options: { facts: e.facts, predicates: PREDICATES } };
  };
  const pass = (): number[] => {
    const { term, options } = read();
    return positions(term).map((path) => {
      const start = process.hrtime.bigint();
      rulesAt(term, path, rules, options);
      return Number(process.hrtime.bigint() - start) / 1e6;
    });
  };
  const nodes = positions(read().term).length;
  pass();
  pass();
  const times = Array.from({ length: 5 }, pass).flat().sort((x, y) => x - y);
  const at = (q: number): string => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  return { figure: `prover rules panel, ${nodes}-node goal, per position`, value: `${at(0.5)} ms`, note: `median; 99th percentile ${at(0.99)} ms, worst ${times.at(-1)!.toFixed(1)} ms of ${times.length}; a frame is 16 ms` };
}

if (process.argv[1]?.endsWith('rules-panel.js')) console.log(await rulesPanelRow());
