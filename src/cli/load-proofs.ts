import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { cannotRead, noProofFiles, type Diagnostic } from '../diag/index.js';
import { findFiles, statOf } from './find-files.js';
import type { LibraryLoader } from '../rules/index.js';
import { MAX_FILE_BYTES } from './limits.js';

/**
 * The file system side of `leibniz check` and `leibniz export`: finding proof
 * files under folders, reading files as text (refusing what is not a proof
 * file's text), and resolving the paths of `use` lines. Nothing here throws
 * for bad input: every problem is an E06xx/E0901 diagnostic.
 */

export { MAX_FILE_BYTES };

/**
 * The proof files named by `paths`: a file as given, a folder searched
 * recursively for `*.proof` (hidden folders, `node_modules` and `dist`
 * skipped, symbolic links to folders not followed). Invariant: the list is
 * deterministic — each folder's files sorted by name (code units), each file
 * once, in the order the paths were given.
 */
export function findProofFiles(paths: readonly string[]): { files: string[]; diagnostics: Diagnostic[] } {
  return findFiles(paths, '.proof', noProofFiles);
}

/** A file's text, or why it cannot be used as text (E0901). A UTF-8 byte-order mark is dropped. */
export type TextOutcome = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** Reads `path` as UTF-8 text: refuses folders, files over `maxBytes`, binary files (NUL bytes) and invalid UTF-8. */
export function readTextFile(path: string, shownAs: string = path, maxBytes: number = MAX_FILE_BYTES): TextOutcome {
  const reason = unreadableReason(path, maxBytes);
  if (reason !== null) return { ok: false, diagnostic: cannotRead(shownAs, reason) };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, diagnostic: cannotRead(shownAs, systemReason(error)) };
  }
  if (bytes.includes(0)) return { ok: false, diagnostic: cannotRead(shownAs, 'it is a binary file (it contains NUL bytes)') };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.replace(/^\uFEFF/, '') };
  } catch {
    return { ok: false, diagnostic: cannotRead(shownAs, 'it is not UTF-8 text') };
  }
}

function unreadableReason(path: string, maxBytes: number): string | null {
  const stat = statOf(path);
  if (stat === null) return 'no such file';
  if (stat.isDirectory()) return 'it is a folder';
  if (!stat.isFile()) return 'it is not a regular file';
  if (stat.size > maxBytes) return `it is too large (${stat.size} bytes; a proof file may have at most ${maxBytes})`;
  return null;
}

function systemReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file';
  return typeof code === 'string' ? code : 'unknown error';
}

/**
 * Where the `use` lines of a proof file are looked up: the repository root
 * (the nearest ancestor folder of the file holding a `rules/` folder with
 * `*.rules` files in it, or the working folder when there is none), then the
 * file's own folder.
 */
export function useBases(proofPath: string): string[] {
  const own = dirname(resolve(proofPath));
  let dir = own;
  for (;;) {
    if (holdsRuleFiles(join(dir, 'rules'))) break;
    const parent = dirname(dir);
    if (parent === dir) {
      dir = process.cwd();
      break;
    }
    dir = parent;
  }
  return dir === own ? [dir] : [dir, own];
}

/** A folder with at least one `*.rules` file directly in it (so `test/rules/`, holding tests, is not taken for a library folder). */
function holdsRuleFiles(path: string): boolean {
  if (!(statOf(path)?.isDirectory() ?? false)) return false;
  try {
    return readdirSync(path).some((n) => n.endsWith('.rules'));
  } catch {
    return false;
  }
}

/** What a `use` path names. `shownAs` is the path relative to the working folder (absolute when outside it). */
export type UseTarget =
  | { kind: 'rules' | 'proof'; path: string; shownAs: string }
  | { kind: 'missing'; candidates: string[]; tried: string[] };

/**
 * Resolves `use PATH`: `PATH.rules` (or `PATH` ending in `.rules`) is a rule
 * library, `PATH.proof` (or `PATH` ending in `.proof`) a proof file; each
 * base is tried in turn, and within a base a rule library before a proof
 * file.
 */
export function resolveUse(text: string, bases: readonly string[]): UseTarget {
  const path = text.trim().replace(/^\.\//, '');
  const candidates: { kind: 'rules' | 'proof'; rel: string }[] = path.endsWith('.rules')
    ? [{ kind: 'rules', rel: path }]
    : path.endsWith('.proof')
      ? [{ kind: 'proof', rel: path }]
      : [{ kind: 'rules', rel: `${path}.rules` }, { kind: 'proof', rel: `${path}.proof` }];
  const roots = isAbsolute(path) ? [''] : bases;
  for (const base of roots) {
    for (const c of candidates) {
      const full = base === '' ? c.rel : join(base, c.rel);
      if (statOf(full)?.isFile()) return { kind: c.kind, path: resolve(full), shownAs: shownPath(full) };
    }
  }
  return { kind: 'missing', candidates: candidates.map((c) => c.rel), tried: roots.map((b) => (b === '' ? '/' : shownPath(b) || '.')) };
}

/** `path` relative to the working folder, or absolute when it lies outside it. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel;
}

/**
 * The loader `loadLibrary` reads libraries with: `path` as `loadLibrary`
 * passes it (normalised, `rules/core.rules`); `known` maps paths already
 * resolved (the top library, by its shown path) to files; any other path is
 * looked up under `bases`, like a `use` line of the proof file.
 */
export function libraryLoader(bases: readonly string[], known: ReadonlyMap<string, string>, maxBytes: number = MAX_FILE_BYTES): LibraryLoader {
  return (path) => {
    const file = known.get(path) ?? findUnder(path, bases);
    if (file === null) return { error: `no such file under ${bases.map((b) => shownPath(b) || '.').join(', ')}` };
    const read = readTextFile(file, path, maxBytes);
    return read.ok ? { text: read.text } : { error: read.diagnostic.message.replace(/^cannot read [^:]*: /, '') };
  };
}

function findUnder(path: string, bases: readonly string[]): string | null {
  if (isAbsolute(path)) return existsSync(path) ? path : null;
  for (const base of bases) {
    const full = join(base, path);
    if (statOf(full)?.isFile()) return full;
  }
  return null;
}
