import { readdirSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { cannotRead, type Diagnostic } from '../diag/index.js';

/**
 * Finding files by their ending under folders, for `leibniz check`
 * (`*.proof`), `leibniz rules check` (`*.rules`) and the verdict cache (the
 * build's `*.js`). Nothing here throws for bad input.
 */

/** Folders never searched. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist']);

/** `statSync`, or null when there is nothing (readable) at `path`. */
export function statOf(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * The files under `folder` whose names end in `suffix`, searched recursively:
 * hidden folders, `node_modules` and `dist` skipped, symbolic links to
 * folders not followed (links to files are). Invariant: deterministic —
 * each folder's entries sorted by name (code units), a folder's files in
 * place of the folder. An unreadable folder holds nothing.
 */
export function filesUnder(folder: string, suffix: string): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name) ? [] : filesUnder(path, suffix);
    if (!entry.name.endsWith(suffix)) return [];
    return entry.isFile() || statOf(path)?.isFile() ? [path] : [];
  });
}

/**
 * The files named by `paths`: a file as given, a folder searched with
 * `filesUnder` (one without any such file is `noneUnder(folder)`), a path
 * that names nothing E0901. Invariant: each file once (by absolute path),
 * in the order the paths were given.
 */
export function findFiles(paths: readonly string[], suffix: string, noneUnder: (folder: string) => Diagnostic): { files: string[]; diagnostics: Diagnostic[] } {
  const files: string[] = [];
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const add = (file: string): void => {
    if (!seen.has(resolve(file))) (seen.add(resolve(file)), files.push(file));
  };
  for (const path of paths) {
    const stat = statOf(path);
    if (stat === null) diagnostics.push(cannotRead(path, 'no such file or folder'));
    else if (!stat.isDirectory()) add(path);
    else {
      const found = filesUnder(path, suffix);
      if (found.length === 0) diagnostics.push(noneUnder(path));
      found.forEach(add);
    }
  }
  return { files, diagnostics };
}
