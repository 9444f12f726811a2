import { libraryNotFound, useCycle, type Diagnostic, type Span } from '../diag/index.js';
import type { ReadLimits } from '../parse/options.js';
import { readRuleFile } from '../parse/rule-file.js';
import type { RuleFileSource } from '../parse/rule-source.js';
import { compileRuleFile } from './compile.js';
import { RuleRegistry } from './registry.js';
import type { Rule } from './rule.js';

/** Reads the text of a library file, or says why it cannot; the caller owns the I/O. */
export type LibraryLoader = (path: string) => { text: string } | { error: string };

export type LibraryResult = { rules: Rule[]; diagnostics: Diagnostic[]; registry: RuleRegistry };

/**
 * Loads a rule library and, first, every library it `use`s, transitively.
 * Paths are as written in `use` lines (`use rules/inverse`), with `.rules`
 * added when missing, and are passed so to `load`. Invariants: each file is
 * read and compiled once (a library used twice is shared); used libraries
 * come before their users, so rules are in definition order; a `use` that
 * leads back to a library being loaded is reported (E0409, at that `use`
 * line) and not followed; a file that cannot be read is E0410 at its `use`.
 */
export function loadLibrary(path: string, load: LibraryLoader, registry: RuleRegistry = new RuleRegistry(), limits?: ReadLimits): LibraryResult {
  const state: LoadState = { load, registry, limits, done: new Set(), stack: [], rules: [], diagnostics: [] };
  visit(state, normalise(path), null);
  return { rules: state.rules, diagnostics: state.diagnostics, registry };
}

type LoadState = {
  readonly load: LibraryLoader;
  readonly registry: RuleRegistry;
  readonly limits: ReadLimits | undefined;
  /** Libraries fully loaded (or failed), by normalised path. */
  readonly done: Set<string>;
  /** Libraries being loaded, outermost first. */
  readonly stack: string[];
  readonly rules: Rule[];
  readonly diagnostics: Diagnostic[];
};

function visit(state: LoadState, path: string, usedAt: Span | null): void {
  const onStack = state.stack.indexOf(path);
  if (onStack >= 0) {
    state.diagnostics.push(useCycle(usedAt, [...state.stack.slice(onStack), path].map(displayName)));
    return;
  }
  if (state.done.has(path)) return;
  const file = readLibrary(state, path, usedAt);
  if (file === null) return;
  state.stack.push(path);
  for (const use of file.uses) visit(state, normalise(use.text), use.span);
  state.stack.pop();
  state.done.add(path);
  const compiled = compileRuleFile(file, { registry: state.registry });
  state.rules.push(...compiled.rules);
  state.diagnostics.push(...compiled.diagnostics);
}

function readLibrary(state: LoadState, path: string, usedAt: Span | null): RuleFileSource | null {
  const loaded = state.load(path);
  if ('error' in loaded) {
    state.done.add(path);
    state.diagnostics.push(libraryNotFound(usedAt, path, loaded.error));
    return null;
  }
  const read = readRuleFile(loaded.text, { sourceName: path, ...(state.limits ? { limits: state.limits } : {}) });
  state.diagnostics.push(...read.diagnostics);
  return read.file;
}

/** `rules/core` and `rules/core.rules` are the same library: `rules/core.rules`. */
export function normalise(path: string): string {
  const p = path.trim().replace(/^\.\//, '');
  return p.endsWith('.rules') ? p : `${p}.rules`;
}

/** How a library is named in a cycle: its path without `.rules`. */
const displayName = (path: string): string => path.replace(/\.rules$/, '');
