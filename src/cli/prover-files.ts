import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileReport } from '../check/index.js';
import { checkWithSearch } from './checker.js';
import { hasErrors, type Diagnostic } from '../diag/index.js';
import type { ProofFile } from '../proof/index.js';
import { loadLibrary, type LibraryResult, type Rule } from '../rules/index.js';
import { readPrecompiledCore } from './precompiled-rules.js';
import { CheckSession, type SessionOptions } from './check-session.js';
import { libraryLoader, readTextFile, resolveUse, useBases } from './load-proofs.js';

/**
 * The file side of `leibniz prove`: loading a proof file with the rules it
 * uses, writing atomically, noticing a file changed on disk, and the
 * autosave journal kept next to the file.
 */

/** The package's own folder (`dist/src/cli/` → the root), which holds the shipped `rules/`. */
export const packageRoot = (): string => fileURLToPath(new URL('../../../', import.meta.url));

/** The shipped core library, for sessions without a file (or a new file). */
export function loadCoreRules(): { ok: true; rules: Rule[] } | { ok: false; diagnostics: readonly Diagnostic[] } {
  const precompiled = readPrecompiledCore();
  if (precompiled !== null) return { ok: true, rules: precompiled };
  const { library } = compileCoreRules();
  return hasErrors(library.diagnostics) ? { ok: false, diagnostics: library.diagnostics } : { ok: true, rules: library.rules };
}

/** The shipped core library read and compiled from its rule files, with the files it read. */
export function compileCoreRules(): { library: LibraryResult; files: string[] } {
  const files: string[] = [];
  const load = libraryLoader([packageRoot()], new Map());
  const library = loadLibrary('rules/core', (path) => (files.push(join(packageRoot(), path)), load(path)));
  return { library, files };
}

/** How a new file's `use` line names the core library: `rules/core` when that resolves from the file's folder, else the package's absolute path. */
export function coreUsePath(forFile: string): string {
  const target = resolveUse('rules/core', useBases(forFile));
  const shipped = resolve(packageRoot(), 'rules', 'core.rules');
  return target.kind === 'rules' && resolve(target.path) === shipped ? 'rules/core' : join(packageRoot(), 'rules', 'core');
}

/** A proof file read and checked, with the rules of what it uses (`library`) and its proved theorems. */
export type LoadedFile = { readonly text: string; readonly file: ProofFile; readonly report: FileReport; readonly library: Rule[]; readonly proved: Rule[] };

/**
 * Loads `path` as `leibniz check` does (its `use` lines resolved the same
 * way). A file with reading errors, or whose `use` lines fail, is refused:
 * the prover rewrites the theorem it opens, and must not drop a line it
 * could not read.
 */
export function loadProofFile(path: string, limits: SessionOptions = {}): { ok: true; loaded: LoadedFile } | { ok: false; diagnostics: readonly Diagnostic[] } {
  let captured: { file: ProofFile; library: Rule[] } | null = null;
  const session = new CheckSession((file, options) => {
    captured = { file, library: [...options.registry] };
    return checkWithSearch(file, options);
  }, limits);
  const result = session.checkFile(path);
  const got = captured as { file: ProofFile; library: Rule[] } | null;
  if (result.badInput || got === null) {
    const errors = [...result.report.diagnostics, ...result.report.theorems.flatMap((t) => t.diagnostics)].filter((d) => d.severity === 'error');
    return { ok: false, diagnostics: errors };
  }
  return { ok: true, loaded: { text: got.file.source.text, file: got.file, report: result.report, library: got.library, proved: [...result.proved] } };
}

/** The journal of `path`: `.NAME.leibniz-journal` in the same folder. */
export const journalPath = (path: string): string => join(dirname(path), `.${basename(path)}.leibniz-journal`);

const JOURNAL_HEADER = /^-- leibniz journal[^\n]*\n/;

/** Writes `text` to `path` atomically: a temporary file in the same folder, then a rename over the target. */
export function writeAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, 'utf8');
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The file's text now, or null when there is none. */
function currentText(path: string): string | null {
  const read = readTextFile(path);
  return read.ok ? read.text : existsSync(path) ? '\u0000unreadable' : null;
}

/**
 * Saves and journals one session's file. It remembers the file's text as
 * opened (or last saved); a save finding other text on disk is a conflict
 * unless `overwrite`. A new file name given at "save as" is checked the same
 * way against what was there when the session began (nothing, usually).
 */
export class ProverFiles {
  readonly #known = new Map<string, string | null>();

  /** `opened` is the file's text when the session read it (null: it did not exist). */
  constructor(path: string | null, opened: string | null) {
    if (path !== null) this.#known.set(resolve(path), opened);
  }

  save(path: string, text: string, overwrite: boolean): { ok: true } | { ok: false; conflict: true } | { ok: false; conflict: false; reason: string } {
    const key = resolve(path);
    const expected = this.#known.has(key) ? this.#known.get(key)! : null;
    if (!overwrite && currentText(path) !== expected) return { ok: false, conflict: true };
    try {
      writeAtomically(path, text);
    } catch (error) {
      return { ok: false, conflict: false, reason: (error as NodeJS.ErrnoException).code ?? String(error) };
    }
    this.#known.set(key, text);
    rmSync(journalPath(path), { force: true });
    return { ok: true };
  }

  /** Keeps the unsaved file text in the journal (null removes it). Never throws: a journal is a convenience. */
  journal(path: string, text: string | null, theorem: string): void {
    try {
      if (text === null) rmSync(journalPath(path), { force: true });
      else writeAtomically(journalPath(path), `-- leibniz journal of ${basename(path)}, theorem ${theorem}: unsaved work, offered back by leibniz prove\n${text}`);
    } catch {
      // A read-only folder: the session goes on without a journal.
    }
  }
}

/** The journal's file text (its header line removed), when there is one that differs from `current`. */
export function readJournal(path: string, current: string | null): string | null {
  const journal = journalPath(path);
  if (!existsSync(journal)) return null;
  let text: string;
  try {
    text = readFileSync(journal, 'utf8');
  } catch {
    return null;
  }
  const body = text.replace(JOURNAL_HEADER, '');
  return body === current ? null : body;
}
