import { resolve } from 'node:path';
import type { FileReport } from '../check/report.js';
import {
  duplicateRuleId, hasErrors, libraryHasErrors, makeSource, noTheorems, nothingToUse, proofUseCycle, span, type Diagnostic, type Span,
} from '../diag/index.js';
import { readProofFile, type ProofFile } from '../proof/index.js';
import { loadLibrary, RuleRegistry, type LibraryResult, type Rule } from '../rules/index.js';
import { libraryLoader, readTextFile, resolveUse, useBases } from './load-proofs.js';

/** The checker's entry point (`checkProofFile` of `src/check`), passed in so the session owns only files and `use` lines. */
export type CheckFn = (file: ProofFile, options: { registry: RuleRegistry }) => { report: FileReport; proved: Rule[] };

/**
 * One file's outcome. `badInput` when the file, or something it uses, could
 * not be read or compiled (exit 2); the checker's own findings are in
 * `report` (exit 1 when a theorem fails).
 */
export type FileResult = { readonly report: FileReport; readonly proved: readonly Rule[]; readonly badInput: boolean };

/**
 * One run of `leibniz check`: checks proof files, each once, with the rules
 * of the libraries and proof files it `use`s. Invariants: a rule library is
 * compiled once per run (per resolved file and lookup folders) and its
 * diagnostics reported once, with the first file that uses it; a proof file
 * named by `use` is checked before its user, once, and its proved theorems
 * become rules of the user; a `use` leading back to a file being checked is
 * E0604 at that `use` line, never followed; `results` lists every checked
 * file in the order its check finished (used files before their users).
 */
export class CheckSession {
  readonly results: FileResult[] = [];
  readonly #check: CheckFn;
  readonly #done = new Map<string, FileResult>();
  /** Files being checked, outermost first: absolute path and shown name. */
  readonly #stack: { path: string; shownAs: string }[] = [];
  readonly #libraries = new Map<string, LibraryResult>();

  constructor(check: CheckFn) {
    this.#check = check;
  }

  /** Checks the file at `path` (shown in messages as given), unless this run already has. */
  checkFile(path: string): FileResult {
    return this.#checkAt(resolve(path), path);
  }

  #checkAt(absolute: string, shownAs: string): FileResult {
    const done = this.#done.get(absolute);
    if (done !== undefined) return done;
    const read = readTextFile(absolute, shownAs);
    if (!read.ok) return this.#finish(absolute, { report: { file: shownAs, theorems: [], diagnostics: [read.diagnostic] }, proved: [], badInput: true });
    this.#stack.push({ path: absolute, shownAs });
    const { file, diagnostics: readErrors } = readProofFile(read.text, { sourceName: shownAs });
    const registry = new RuleRegistry();
    const useErrors: Diagnostic[] = [];
    const bases = useBases(absolute);
    for (const use of file.uses) useErrors.push(...this.#use(use.text, use.span, bases, registry));
    const { report, proved } = this.#check(file, { registry });
    this.#stack.pop();
    const empty = file.theorems.length === 0 && file.uses.length === 0 && file.declarations.length === 0;
    const extra = file.theorems.length === 0 && !hasErrors(readErrors) ? [noTheorems(span(makeSource(shownAs, read.text), 0), shownAs, empty)] : [];
    const badInput = hasErrors(readErrors) || hasErrors(useErrors) || hasErrors(extra);
    const diagnostics = [...useErrors, ...readErrors, ...extra, ...report.diagnostics];
    return this.#finish(absolute, { report: { ...report, file: shownAs, diagnostics }, proved, badInput });
  }

  #finish(absolute: string, result: FileResult): FileResult {
    this.#done.set(absolute, result);
    this.results.push(result);
    return result;
  }

  /** Resolves one `use` line and adds what it names to `registry`; returns the problems, positioned at the `use`. */
  #use(text: string, at: Span, bases: readonly string[], registry: RuleRegistry): Diagnostic[] {
    const target = resolveUse(text, bases);
    if (target.kind === 'missing') return [nothingToUse(at, text, target.candidates, target.tried)];
    if (target.kind === 'rules') {
      const { library, isFirst } = this.#library(target.path, target.shownAs, bases);
      const clashes = addRules(registry, library.rules, at);
      const reported = isFirst ? library.diagnostics : hasErrors(library.diagnostics) ? [libraryHasErrors(at, target.shownAs)] : [];
      return [...reported, ...clashes];
    }
    const onStack = this.#stack.findIndex((f) => f.path === target.path);
    if (onStack >= 0) {
      const chain = [...this.#stack.slice(onStack).map((f) => f.shownAs), target.shownAs];
      return [proofUseCycle(at, chain)];
    }
    const used = this.#checkAt(target.path, target.shownAs);
    return addRules(registry, used.proved, at);
  }

  #library(path: string, shownAs: string, bases: readonly string[]): { library: LibraryResult; isFirst: boolean } {
    const key = `${path}\n${bases.join('\n')}`;
    const cached = this.#libraries.get(key);
    if (cached !== undefined) return { library: cached, isFirst: false };
    const library = loadLibrary(shownAs, libraryLoader(bases, new Map([[shownAs.endsWith('.rules') ? shownAs : `${shownAs}.rules`, path]])));
    this.#libraries.set(key, library);
    return { library, isFirst: true };
  }
}

/**
 * Adds `rules` to `registry`. The same rule met twice (one library used by
 * two others, both used here) is added once; a different rule under a known
 * id is E0401 at the `use` line.
 */
function addRules(registry: RuleRegistry, rules: readonly Rule[], at: Span): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const added = registry.add(rule);
    if (added.ok || sameRule(added.first, rule)) continue;
    out.push(duplicateRuleId(at, rule.id, added.first.span, added.first.library));
  }
  return out;
}

/** Two compilations of one rule: same id, defined at the same place of the same file. */
const sameRule = (a: Rule, b: Rule): boolean =>
  a === b || (a.id === b.id && a.library === b.library && a.span?.source.name === b.span?.source.name && a.span?.start === b.span?.start);

