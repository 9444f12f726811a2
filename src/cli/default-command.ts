import { printTerm } from '../print/index.js';
import { formatShape } from '../shape/index.js';
import { success, type CommandOutcome } from './outcome.js';
import { readFormula } from '../rules/read-formula.js';

/** The seed's goal derived by the differential method (`leibniz derive … --steps`), as a proof `leibniz check` accepts. */
async function differentialDerivation(): Promise<string[]> {
  const { deriveCommand } = await import('./derive-command.js');
  const derived = deriveCommand('a^TX^{-1}b', { wrt: 'X', let: SEED_DECLARATIONS, steps: true });
  if (derived.exitCode !== 0) return [`(no derivation by differentials: ${derived.stderr.trim()})`];
  return [
    'The same goal by the differential method (leibniz derive "a^TX^{-1}b" --wrt X --steps), every step checked by the kernel:',
    '',
    ...derived.stdout.trimEnd().split('\n').map((l) => (l === '' ? '' : `  ${l}`)),
  ];
}

/** The seed question's goal and its declarations (DESIGN.md: `leibniz` opens on it). */
export const SEED_GOAL = '∂(aᵀX⁻¹b)/∂X';
export const SEED_DECLARATIONS = 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n} invertible';

/**
 * `leibniz` with no command. At a terminal it opens the interactive prover on
 * the seed's goal (`seed-prover.ts`, which loads Ink only then). Without one
 * (piped, CI) it shows the goal in the three notations with its shape, its
 * derivation by auto-completion and by the differential method, and the
 * commands; it exits 0.
 */
export async function defaultCommand(): Promise<CommandOutcome> {
  const seed = await import('./seed-prover.js');
  const { isInteractive } = await import('./prove-command.js');
  if (isInteractive()) return seed.proveSeed();
  const read = readFormula(SEED_GOAL, { declarations: SEED_DECLARATIONS, describe: (t) => printTerm(t) });
  const lines = ['Leibniz — a rewrite-rule proof assistant for matrix calculus', ''];
  if (read.ok) {
    const statement = read.elaboration.formula.statements[0];
    const goal = statement?.kind === 'term' ? statement.term : undefined;
    const shape = goal && read.elaboration.shapeOf(goal);
    if (goal) {
      lines.push(`Goal (the seed question), with ${SEED_DECLARATIONS}:`);
      lines.push(`  unicode  ${printTerm(goal, { notation: 'unicode' })}`);
      lines.push(`  latex    ${printTerm(goal, { notation: 'latex' })}`);
      lines.push(`  ascii    ${printTerm(goal, { notation: 'ascii' })}`);
      lines.push(`  shape    ${shape ? formatShape(shape) : 'unknown'}`, '');
    }
  }
  lines.push(...seed.seedDerivation(), '');
  lines.push(...(await differentialDerivation()), '');
  lines.push(
    'Commands:',
    '  leibniz                          (at a terminal) the interactive prover on this goal',
    '  leibniz prove FILE [THEOREM]     the interactive prover on a proof file, at its first unfinished step',
    '  leibniz prove FILE --goal EQ --let DECLS',
    '      start a new theorem in FILE (created if needed); "lhs = ?" leaves the right side to the proof',
    '  leibniz parse EXPR [--let DECLS] [--to unicode|latex|ascii|json]',
    '      read a formula in any notation and print it with its shape',
    '  leibniz derive EXPR --wrt X --let DECLS [--steps] [--emit-proof FILE] [--to …]',
    '      the derivative with its derivation, every step a named rule checked by the kernel',
    '  leibniz check PATH… [--json]',
    '      check proof files (folders recursively); every step is replayed by the kernel',
    '  leibniz export FILE --to latex|markdown',
    '      typeset a proof for a paper or an answer',
    '  leibniz --help, leibniz --version',
    '',
    'Try: leibniz parse "\\frac{\\partial}{\\partial X} (a^TX^{-1}b) = -X^{-T}ab^TX^{-T}" --let "a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}"',
    '     leibniz check proofs/        (the seed question\'s derivations and textbook identities)',
  );
  return success(lines.join('\n') + '\n');
}
