import { printTerm } from '../print/index.js';
import { openNewGoal } from '../tui/open-session.js';
import { plainProof } from '../tui/plain-proof.js';
import { SEED_DECLARATIONS, SEED_GOAL } from './default-command.js';
import type { CommandOutcome } from './outcome.js';
import { readDeclarationLines, run, type Prepared } from './prove-command.js';
import { coreUsePath, loadCoreRules } from './prover-files.js';
import { join } from 'node:path';

/** The theorem name of the seed's goal when it is saved. */
export const SEED_THEOREM = 'seed-goal';

/**
 * The seed question's goal `∂(aᵀX⁻¹b)/∂X = ?` as a session with the shipped
 * core rules and no file yet (`w` asks for a file name; the file starts with
 * `use rules/core` and the declarations).
 */
export function openSeed(rules: ReturnType<typeof loadCoreRules> = loadCoreRules()): Prepared | { message: string } {
  const declared = readDeclarationLines(SEED_DECLARATIONS);
  if (!rules.ok || 'diagnostics' in declared) return { message: 'the shipped rules or the seed declarations could not be read' };
  const before = `use ${coreUsePath(join(process.cwd(), 'proof.proof'))}\n\n${declared.lines.map((l) => `${l}\n`).join('')}\n`;
  const opened = openNewGoal({
    name: SEED_THEOREM, goal: SEED_GOAL, declarations: declared.declarations, declarationLines: declared.declarationLines,
    rules: rules.rules, before, after: '\n', path: null,
  });
  return opened.ok ? { opened, path: null, text: null } : { message: opened.diagnostics.map((d) => d.message).join('; ') };
}

/** `leibniz` at a terminal: the prover on the seed's goal. */
export async function proveSeed(): Promise<CommandOutcome> {
  const prepared = openSeed();
  if ('message' in prepared) return { stdout: '', stderr: `leibniz: ${prepared.message}\n`, exitCode: 3 };
  return run(prepared);
}

/**
 * `leibniz` without a terminal: the seed's goal auto-completed by the same
 * session the terminal UI runs (`a`), as the proof-file text `w` would save,
 * with the checker's verdict.
 */
export function seedDerivation(): string[] {
  const prepared = openSeed();
  if ('message' in prepared) return [`(no derivation: ${prepared.message})`];
  const { ctx, session } = prepared.opened;
  const plain = plainProof(ctx, session, { auto: true });
  return [
    `Derivation of ${printTerm(session.goal.lhs)} = ? by auto-completion, as a proof file \`leibniz check\` accepts:`,
    '',
    ...plain.text.trimEnd().split('\n').map((l) => (l === '' ? '' : `  ${l}`)),
    '',
    'In a terminal, `leibniz` opens this goal in the interactive prover (arrows move, Enter applies a rule, a auto-completes, ? lists the keys).',
  ];
}
