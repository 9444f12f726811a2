import { formatDiagnostics, type Diagnostic } from '../diag/index.js';

/**
 * What a command produced. Commands return this instead of printing, so they
 * can be tested in-process; `main.ts` writes it out and sets the exit code.
 * Exit codes: 0 success, 1 a proof or rule is wrong, 2 bad input or usage,
 * 3 an internal error (a bug in Leibniz).
 */
export type CommandOutcome = { readonly stdout: string; readonly stderr: string; readonly exitCode: 0 | 1 | 2 | 3 };

export const success = (stdout: string): CommandOutcome => ({ stdout, stderr: '', exitCode: 0 });

/** Bad input: the diagnostics, formatted with positions and carets, and exit 2. */
export const badInput = (diagnostics: readonly Diagnostic[]): CommandOutcome => ({
  stdout: '',
  stderr: formatDiagnostics(diagnostics) + '\n',
  exitCode: 2,
});
