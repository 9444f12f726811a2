import { resolve } from 'node:path';
import type { FileReport } from '../check/report.js';
import {
  duplicateRuleId, hasErrors, makeSource, noTheorems, nothingToUse, proofUseCycle, span, tooManyRules, type Diagnostic, type Span,
} from '../diag/index.js';
import { readProofFile, type ProofFile } from '../proof/index.js';
import { loadLibrary, RuleRegistry, type LibraryResult, type Rule } from '../rules/index.js';
import type { CheckOptions } from '../check/check-file.js';
import { DependencyLog, type LookupSet } from './dependency-log.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

/** The checker's entry point (`checkProofFile` of `src/check`), passed in so the session owns only files and `use` lines. */
export type CheckFn = (file: ProofFile, options: CheckOptions) => { report: FileReport; proved: Rule[] };

/** The limits of a session; each absent one is its default. */
export type SessionOptions = Partial<Limits>;

/**
 * A `use` of a rule library: the library's own diagnostics are
 * `report.diagnostics[start, start + count)`. The session always lists them;
 * the output shows them with the first file that uses the library (by `key`)
 * and points later users back to it (E0606, when it has errors).
 */
export type LibraryUse = {
  readonly key: string;
  readonly library: string;
  readonly at: Span;
  readonly start: number;
  readonly count: number;
  readonly hasErrors: boolean;
};

/** A proof file named by its absolute path and by the name it is shown as. */
export type FileName = { readonly absolute: string; readonly shownAs: string };

/**
 * One file's outcome. `badInput` when the file, or something it uses, could
 * not be read or compiled (exit 2); the checker's own findings are in
 * `report` (exit 1 when a theorem fails).
 */
export type FileResult = FileName & {
  readonly report: FileReport;
  readonly proved: readonly Rule[];
  readonly badInput: boolean;
  /** Proof files this one uses, in `use` order; each was checked before it. */
  readonly uses: readonly FileName[];
  readonly libraries: readonly LibraryUse[];
  /** What checking this file (and everything it uses, transitively) looked up on disk. */
  readonly lookups: LookupSet;
  /** A use cycle between proof files lies in what this file uses: its report then depends on where checking started. */
  readonly tainted: boolean;
};

/**
 * One run of `leibniz check` (or one worker's share of it): checks proof
 * files, each once per name, with the rules of the libraries and proof files
 * it `use`s. Invariants: a rule library is compiled once per session (per
 * resolved file and lookup folders); a proof file named by `use` is checked
 * before its user, and its proved theorems become rules of the user; a `use`
 * leading back to a file being checked is E0604 at that `use` line, never
 * followed; `results` lists every checked file in the order its check
 * finished (used files before their users). Apart from use cycles (`tainted`),
 * a file's result does not depend on what the session checked before it.
 */
export class CheckSession {
  readonly results: FileResult[] = [];
  readonly #check: CheckFn;
  readonly #done = new Map<string, FileResult>();
  /** Files being checked, outermost first: absolute path and shown name. */
  readonly #stack: FileName[] = [];
  readonly #libraries = new Map<string, { library: LibraryResult; lookups: LookupSet }>();
  readonly #log: DependencyLog;
  readonly #limits: Limits;

  constructor(check: CheckFn, options: SessionOptions = {}) {
    this.#check = check;
    this.#limits = { ...DEFAULT_LIMITS, ...options };
    this.#log = new DependencyLog(this.#limits.maxBytes);
  }

  /** Checks the file at `path` (shown in messages as given), unless this session already has under that name. */
  checkFile(path: string): FileResult {
    return this.#checkAt(resolve(path), path);
  }

  #checkAt(absolute: string, shownAs: string): FileResult {
    const done = this.#done.get(`${absolute}\n${shownAs}`);
    if (done !== undefined) {
      this.#log.replay(done.lookups);
      return done;
    }
    this.#stack.push({ absolute, shownAs });
    try {
      const { value, lookups } = this.#log.collect(() => this.#checkFresh(absolute, shownAs));
      return this.#finish({ ...value, absolute, shownAs, lookups });
    } finally {
      this.#stack.pop();
    }
  }

  #checkFresh(absolute: string, shownAs: string): Omit<FileResult, 'absolute' | 'shownAs' | 'lookups'> {
    const read = this.#log.readText(absolute, shownAs);
    const base = { proved: [], uses: [], libraries: [], tainted: false };
    if (!read.ok) return { ...base, report: { file: shownAs, theorems: [], diagnostics: [read.diagnostic] }, badInput: true };
    const { file, diagnostics: readErrors } = readProofFile(read.text, { sourceName: shownAs, limits: this.#limits.read });
    const scope = new FileScope();
    const bases = this.#log.useBases(absolute);
    for (const use of file.uses) this.#use(use.text, use.span, bases, scope);
    const last = file.uses.at(-1)?.span ?? null;
    const { maxRules } = this.#limits;
    if (scope.registry.size > maxRules) scope.errors.push(tooManyRules(last, scope.registry.size, maxRules));
    const tooMany = scope.registry.size > maxRules;
    const { report, proved } = tooMany ? { report: { file: shownAs, theorems: [], diagnostics: [] }, proved: [] } : this.#check(file, { registry: scope.registry, limits: this.#limits.search });
    const empty = file.theorems.length === 0 && file.uses.length === 0 && file.declarations.length === 0;
    const extra = file.theorems.length === 0 && !hasErrors(readErrors) ? [noTheorems(span(makeSource(shownAs, read.text), 0), shownAs, empty)] : [];
    const badInput = hasErrors(readErrors) || hasErrors(scope.errors) || hasErrors(extra);
    const diagnostics = [...scope.errors, ...readErrors, ...extra, ...report.diagnostics];
    const { uses, libraries, tainted } = scope;
    return { report: { ...report, file: shownAs, diagnostics }, proved, badInput, uses, libraries, tainted };
  }

  #finish(result: FileResult): FileResult {
    this.#done.set(`${result.absolute}\n${result.shownAs}`, result);
    this.results.push(result);
    return result;
  }

  /** Resolves one `use` line and adds what it names to the file's scope; problems are positioned at the `use`. */
  #use(text: string, at: Span, bases: readonly string[], scope: FileScope): void {
    const target = this.#log.resolveUse(text, bases);
    if (target.kind === 'missing') {
      scope.errors.push(nothingToUse(at, text, target.candidates, target.tried));
    } else if (target.kind === 'rules') {
      const { key, library } = this.#library(target.path, target.shownAs, bases);
      const start = scope.errors.length;
      scope.errors.push(...library.diagnostics);
      scope.libraries.push({ key, library: target.shownAs, at, start, count: library.diagnostics.length, hasErrors: hasErrors(library.diagnostics) });
      scope.errors.push(...addRules(scope.registry, library.rules, at));
    } else {
      const onStack = this.#stack.findIndex((f) => f.absolute === target.path);
      if (onStack >= 0) {
        scope.errors.push(proofUseCycle(at, [...this.#stack.slice(onStack).map((f) => f.shownAs), target.shownAs]));
        scope.tainted = true;
        return;
      }
      const used = this.#checkAt(target.path, target.shownAs);
      scope.uses.push({ absolute: used.absolute, shownAs: used.shownAs });
      scope.tainted ||= used.tainted;
      scope.errors.push(...addRules(scope.registry, used.proved, at));
    }
  }

  #library(path: string, shownAs: string, bases: readonly string[]): { key: string; library: LibraryResult } {
    const key = `${path}\n${bases.join('\n')}`;
    let known = this.#libraries.get(key);
    if (known === undefined) {
      const loader = (): LibraryResult => loadLibrary(shownAs, this.#log.libraryLoader(bases, new Map([[shownAs.endsWith('.rules') ? shownAs : `${shownAs}.rules`, path]])), undefined, this.#limits.read);
      const { value: library, lookups } = this.#log.collect(loader);
      known = { library, lookups };
      this.#libraries.set(key, known);
    } else {
      this.#log.replay(known.lookups);
    }
    return { key, library: known.library };
  }
}

/** What the `use` lines of one file gather: its rules, the problems found, and what it depends on. */
class FileScope {
  readonly registry = new RuleRegistry();
  readonly errors: Diagnostic[] = [];
  readonly uses: FileName[] = [];
  readonly libraries: LibraryUse[] = [];
  tainted = false;
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
