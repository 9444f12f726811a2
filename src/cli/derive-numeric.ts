import { compareSides, type Comparison } from '../numeric/index.js';
import { elaborateStatements } from '../rules/index.js';
import type { Derivation } from '../search/derive.js';
import type { DeriveInput } from './derive-command.js';
import { fixedUnderD, symbolDeclarations } from './step-declarations.js';

/**
 * A second opinion on a derivation, by numbers: both sides of its claim
 * (`∂f/∂X = G`, `∂F/∂t = G`, or `d F = R` with only X moving) evaluated on
 * random samples of the declared shapes, derivatives by central differences.
 * Advisory: the kernel has already checked the derivation.
 */
export function numericAgreement(input: DeriveInput, d: Derivation, seed: number): Comparison {
  const claim = { kind: 'chain' as const, terms: [d.lhs, d.result], relations: ['=' as const] };
  const { elaboration, facts, diagnostics } = elaborateStatements([claim], new WeakMap(), input.declarations);
  if (diagnostics.some((x) => x.severity === 'error')) return { verdict: 'untested', reason: diagnostics[0]!.message, agreed: 0 };
  const decls = symbolDeclarations([d.lhs, d.result], elaboration.shapeOf, facts);
  if ('reason' in decls) return { verdict: 'untested', reason: decls.reason, agreed: 0 };
  return compareSides(d.lhs, d.result, fixedUnderD(decls, d.wrt), { seed });
}
