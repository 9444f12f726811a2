import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { readFileSync } from 'node:fs';
import { cannotRead, formatDiagnostic } from '../diag/index.js';
import { badInput, success, type CommandOutcome } from './outcome.js';
import { derivationJson, deriveChecked, readDeriveInput, type DeriveInput } from './derive-command.js';

/**
 * `leibniz derive --batch FILE`: one JSON object `{"expr", "wrt", "let"}`
 * per line (blank lines and lines starting with `#` skipped), one JSON line
 * out per input line, in order: the derivation (`derivationJson`) or
 * `{"error": …}`. One process, so rules are read once. Exit 0 unless FILE
 * cannot be read (2).
 */
export function deriveBatch(path: string, limits: Limits = DEFAULT_LIMITS): CommandOutcome {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return badInput([cannotRead(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message)]);
  }
  const out = text.split('\n').map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '' && !line.startsWith('#'))
    .map(([line, number]) => JSON.stringify(deriveLine(line, `${path}:${number}`, limits)));
  return success(out.map((l) => `${l}\n`).join(''));
}

function deriveLine(line: string, where: string, limits: Limits): Record<string, unknown> {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch {
    return { error: `${where}: not a JSON object {"expr", "wrt", "let"}` };
  }
  const { expr, wrt } = (request ?? {}) as Record<string, unknown>;
  const letText = (request as Record<string, unknown> | null)?.['let'] ?? '';
  if (typeof expr !== 'string' || typeof wrt !== 'string' || typeof letText !== 'string') {
    return { error: `${where}: expected {"expr": string, "wrt": string, "let"?: string}` };
  }
  const input = readDeriveInput(expr, wrt, letText, limits);
  if (Array.isArray(input)) return { expr, wrt, error: input.map((d) => formatDiagnostic(d)).join('\n') };
  const checked = deriveChecked(input as DeriveInput, limits);
  if ('exitCode' in checked) return { expr, wrt, error: checked.stderr.trim() };
  return { expr, wrt, ...derivationJson(checked) };
}
