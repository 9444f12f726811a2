import { resolve } from 'node:path';
import { cannotRead, type Diagnostic } from '../diag/index.js';
import { loadLibrary, normalise, type Rule } from '../rules/index.js';
import { termKey } from '../term/index.js';
import { findFiles } from './find-files.js';
import { libraryLoader, shownPath, useBases } from './load-proofs.js';

/**
 * The file-system side of `leibniz rules check`: finding rule files under
 * folders and loading them as the proof checker does (each with the
 * libraries it `use`s, looked up from the repository root). Nothing here
 * throws for bad input: every problem is a positioned diagnostic.
 */

/** The `*.rules` files named by `paths` (folders searched recursively, sorted, hidden folders skipped), each once. */
export function findRuleFiles(paths: readonly string[]): { files: string[]; diagnostics: Diagnostic[] } {
  return findFiles(paths, '.rules', (folder) => cannotRead(folder, 'the folder holds no *.rules files'));
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
