import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { badUsage, type Diagnostic } from '../diag/index.js';
import { parseDeclarations } from '../parse/index.js';
import type { Declaration, Signature } from '../term/index.js';
import { openFileTheorem, type FileTheoremInput } from '../tui/open-theorem.js';
import { openNewGoal, type Opened } from '../tui/open-session.js';
import { plainProof } from '../tui/plain-proof.js';
import { theoremText } from '../tui/render-proof.js';
import type { ProverLimits } from '../tui/prover-limits.js';
import { proverLimits as proverPart, type Limits } from './limits.js';
import { badInput, success, type CommandOutcome } from './outcome.js';
import type { Ui } from './run-prover.js';
import { coreUsePath, loadCoreRules, loadProofFile, journalPath, ProverFiles, readJournal } from './prover-files.js';

/**
 * `leibniz prove FILE [THEOREM]` and `leibniz prove FILE --goal EQ --let DECLS`:
 * the interactive prover on a theorem of a proof file (its first unfinished
 * one by default), or on a new theorem added to FILE (created if needed).
 * Without a terminal it prints the proof as far as it goes and exits 0.
 */
export type ProveOptions = {
  readonly goal?: string; readonly let?: string; readonly name?: string;
  /** The bounds of the session's searches and checks, and of reading the file (`--limit NAME=N`). */
  readonly limits?: Limits;
};

/** A session ready to run: what opened, the file it saves to, and the file's text when opened (null: no file yet). */
export type Prepared = { readonly opened: Extract<Opened, { ok: true }>; readonly path: string | null; readonly text: string | null };

export async function proveCommand(path: string, theorem: string | undefined, options: ProveOptions): Promise<CommandOutcome> {
  const prepared = options.goal !== undefined ? openGoalInFile(path, options.goal, options) : openTheoremInFile(path, theorem, options.limits);
  if ('diagnostics' in prepared) return badInput(prepared.diagnostics);
  const withJournal = offerJournal(prepared);
  if (!isInteractive()) return success(plainProof(withJournal.opened.ctx, withJournal.opened.session, { auto: false }).text);
  return run(withJournal);
}

/** Is there a person at a terminal (stdin and stdout both TTYs)? Otherwise the plain output is printed. */
export const isInteractive = (): boolean => process.stdin.isTTY === true && process.stdout.isTTY === true;

/** Runs the Ink UI (imported only now, unless `ui` was started earlier: the other commands never load it). */
export async function run(prepared: Prepared, ui?: Promise<Ui>): Promise<CommandOutcome> {
  const { runProver } = await import('./run-prover.js');
  await runProver(prepared.opened.ctx, prepared.opened.session, new ProverFiles(prepared.path, prepared.text), ui);
  return success('');
}

function openTheoremInFile(path: string, theorem: string | undefined, limits: Limits | undefined): Prepared | { diagnostics: readonly Diagnostic[] } {
  const loaded = loadProofFile(path, limits);
  if (!loaded.ok) return { diagnostics: loaded.diagnostics };
  const opened = openFileTheorem({ ...loaded.loaded, ...(theorem !== undefined ? { theorem } : {}), path, ...proverLimits(limits) });
  return opened.ok ? { opened, path, text: loaded.loaded.text } : { diagnostics: opened.diagnostics };
}

/** A new theorem at the end of FILE (a new file starts with `use rules/core` and the declarations). */
function openGoalInFile(path: string, goal: string, options: ProveOptions): Prepared | { diagnostics: readonly Diagnostic[] } {
  const declared = readDeclarationLines(options.let ?? '');
  if ('diagnostics' in declared) return declared;
  if (!existsSync(path)) {
    const rules = loadCoreRules();
    if (!rules.ok) return { diagnostics: rules.diagnostics };
    const before = `use ${coreUsePath(path)}\n\n${declared.lines.map((l) => `${l}\n`).join('')}\n`;
    const { declarations, declarationLines } = declared;
    const opened = openNewGoal({ name: options.name ?? 'goal', goal, declarations, declarationLines, rules: rules.rules, before, after: '\n', path, ...proverLimits(options.limits) });
    return opened.ok ? { opened, path, text: null } : { diagnostics: opened.diagnostics };
  }
  const loaded = loadProofFile(path, options.limits);
  if (!loaded.ok) return { diagnostics: loaded.diagnostics };
  const { text, file, library, proved } = loaded.loaded;
  const names = new Set(file.theorems.map((t) => t.name.text));
  if (options.name !== undefined && names.has(options.name)) {
    return { diagnostics: [badUsage(`${path} already has a theorem "${options.name}"`, `open it with: leibniz prove ${path} ${options.name}`)] };
  }
  const name = options.name ?? freshName(names);
  const existing = file.declarations.map((d) => text.slice(d.span.start, d.span.end));
  const added = declared.lines.filter((l) => !existing.includes(l));
  const before = `${text}${text.endsWith('\n') ? '' : '\n'}${added.map((l) => `${l}\n`).join('')}\n`;
  const opened = openNewGoal({
    name, goal, rules: [...library, ...proved], before, after: '\n', path, ...proverLimits(options.limits),
    declarations: [...file.declarations.map((d) => d.declaration), ...declared.declarations], declarationLines: [...existing, ...added],
  });
  return opened.ok ? { opened, path, text } : { diagnostics: opened.diagnostics };
}

/** The prover's part of `limits`, as an input field (none: the defaults). */
const proverLimits = (limits: Limits | undefined): { limits?: ProverLimits } => (limits === undefined ? {} : { limits: proverPart(limits) });

/** `goal`, `goal-2`, …: the first name the file does not use. */
function freshName(names: ReadonlySet<string>): string {
  for (let i = 1; ; i++) if (!names.has(i === 1 ? 'goal' : `goal-${i}`)) return i === 1 ? 'goal' : `goal-${i}`;
}

/** `--let "a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}"`: parsed, and split into one proof-file line per `;`-separated part. */
export function readDeclarationLines(text: string): { declarations: (Declaration | Signature)[]; declarationLines: string[]; lines: string[] } | { diagnostics: readonly Diagnostic[] } {
  const lines = text.split(';').map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0) return { declarations: [], declarationLines: [], lines };
  const parsed = parseDeclarations(text, { sourceName: '<--let>' });
  if (!parsed.ok) return { diagnostics: parsed.diagnostics };
  return { declarations: parsed.value, declarationLines: lines, lines };
}

/**
 * When the journal next to the file holds unsaved work on the same theorem
 * (a session that ended without saving), the session opens offering it back
 * (`r` restores it, `d` discards it).
 */
function offerJournal(prepared: Prepared): Prepared {
  if (prepared.path === null || readJournal(prepared.path, prepared.text) === null) return prepared;
  const journal = loadProofFile(journalPath(prepared.path));
  const session = prepared.opened.session;
  if (!journal.ok) return prepared;
  const input: FileTheoremInput = { ...journal.loaded, theorem: session.goal.name, path: prepared.path };
  const fromJournal = openFileTheorem(input);
  if (!fromJournal.ok || theoremText(session.goal, fromJournal.session.doc) === theoremText(session.goal, session.doc)) return prepared;
  const steps = fromJournal.session.doc.steps.length;
  const message = { text: `unsaved work on ${session.goal.name} in ${basename(journalPath(prepared.path))} (${steps} step${steps === 1 ? '' : 's'}): r restores it, d discards it`, tone: 'info' as const };
  return { ...prepared, opened: { ...prepared.opened, session: { ...session, journal: fromJournal.session.doc, mode: { kind: 'resume' }, message } } };
}
