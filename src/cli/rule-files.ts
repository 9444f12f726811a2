import { readdirSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { cannotRead, type Diagnostic } from '../diag/index.js';
import { loadLibrary, normalise, type Rule } from '../rules/index.js';
import { termKey } from '../term/index.js';
import { libraryLoader, shownPath, useBases } from './load-proofs.js';

/**
 * The file-system side of `leibniz rules check`: finding rule files under
 * folders and loading them as the proof checker does (each with the
 * libraries it `use`s, looked up from the repository root). Nothing here
 * throws for bad input: every problem is a positioned diagnostic.
 */

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist']);

/** The `*.rules` files named by `paths` (folders searched recursively, sorted, hidden folders skipped), each once. */
export function findRuleFiles(paths: readonly string[]): { files: string[]; diagnostics: Diagnostic[] } {
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
      const found = rulesUnder(path);
      if (found.length === 0) diagnostics.push(cannotRead(path, 'the folder holds no *.rules files'));
      found.forEach(add);
    }
  }
  return { files, diagnostics };
}

function statOf(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function rulesUnder(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(folder, name);
    const stat = statOf(path);
    if (stat?.isDirectory()) return name.startsWith('.') || SKIPPED_FOLDERS.has(name) ? [] : rulesUnder(path);
    return name.endsWith('.rules') && stat?.isFile() ? [path] : [];
  });
}

/**
 * Loads every file with the libraries it uses. A rule met through several
 * files (a library used by two others) is listed once, in the order first
 * met. Diagnostics of a library are reported once.
 */
export function loadRuleFiles(files: readonly string[]): { rules: Rule[]; diagnostics: Diagnostic[] } {
  const rules: Rule[] = [];
  const diagnostics: Diagnostic[] = [];
  const seenRules = new Set<string>();
  const seenDiagnostics = new Set<string>();
  for (const file of files) {
    const shown = shownPath(file);
    const loaded = loadLibrary(shown, libraryLoader(useBases(file), new Map([[normalise(shown), resolve(file)]])));
    for (const rule of loaded.rules) {
      const key = `${rule.library}\u0000${rule.id}\u0000${termKey(rule.lhs)}\u0000${termKey(rule.rhs)}`;
      if (!seenRules.has(key)) (seenRules.add(key), rules.push(rule));
    }
    for (const d of loaded.diagnostics) {
      const key = `${d.code} ${d.span?.source.name ?? ''}:${d.span?.start ?? ''} ${d.message}`;
      if (!seenDiagnostics.has(key)) (seenDiagnostics.add(key), diagnostics.push(d));
    }
  }
  return { rules, diagnostics };
}
