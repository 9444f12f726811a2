import { createHash } from 'node:crypto';
import type { LibraryLoader } from '../rules/index.js';
import { libraryLoader, readTextFile, resolveUse, useBases, type TextOutcome, type UseTarget } from './load-proofs.js';

/**
 * Everything a check of one proof file looked up on disk, so that a cached
 * verdict can be trusted later: each lookup is recorded with its answer (a
 * folder list, a resolved path, a digest of a file's text), and a cache entry
 * is valid exactly when every recorded lookup, asked again, gives the same
 * answer. Recording at the level of the lookups the session makes — not of
 * the files it happened to open — also catches a new file that changes where
 * a `use` resolves.
 */
export type Lookup =
  | { readonly kind: 'bases'; readonly path: string; readonly answer: string }
  | { readonly kind: 'use'; readonly text: string; readonly bases: readonly string[]; readonly answer: string }
  | { readonly kind: 'library'; readonly path: string; readonly bases: readonly string[]; readonly known: readonly [string, string][]; readonly maxBytes: number; readonly answer: string }
  | { readonly kind: 'read'; readonly path: string; readonly maxBytes: number; readonly answer: string };

/** A set of lookups, without repeats (keyed by their JSON). */
export type LookupSet = Map<string, Lookup>;

export const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The answer recorded for reading a file: a digest of its text, or why it could not be read (without the name it was shown as). */
const readAnswer = (read: TextOutcome): string => (read.ok ? `ok ${digest(read.text)}` : `error ${read.diagnostic.message.replace(/^cannot read [^:]*: /, '')}`);

const useAnswer = (target: UseTarget): string => (target.kind === 'missing' ? 'missing' : `${target.kind} ${target.path} ${target.shownAs}`);

/**
 * The session's window on the file system: the lookups of `load-proofs.ts`,
 * each recorded into every set currently collecting (a file being checked and
 * the files that use it, or a library being loaded).
 */
export class DependencyLog {
  readonly #collecting: LookupSet[] = [];
  readonly maxBytes: number;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  /** Runs `body` with a new set collecting; returns the set (lookups made inside also go to the enclosing sets). */
  collect<T>(body: () => T): { value: T; lookups: LookupSet } {
    const lookups: LookupSet = new Map();
    this.#collecting.push(lookups);
    try {
      return { value: body(), lookups };
    } finally {
      this.#collecting.pop();
    }
  }

  /** Adds lookups recorded earlier (a library or a proof file already loaded) to every set collecting now. */
  replay(lookups: LookupSet): void {
    for (const [key, lookup] of lookups) for (const set of this.#collecting) set.set(key, lookup);
  }

  useBases(path: string): string[] {
    const bases = useBases(path);
    this.#record({ kind: 'bases', path, answer: bases.join('\n') });
    return bases;
  }

  resolveUse(text: string, bases: readonly string[]): UseTarget {
    const target = resolveUse(text, bases);
    this.#record({ kind: 'use', text, bases: [...bases], answer: useAnswer(target) });
    return target;
  }

  readText(path: string, shownAs: string): TextOutcome {
    const read = readTextFile(path, shownAs, this.maxBytes);
    this.#record({ kind: 'read', path, maxBytes: this.maxBytes, answer: readAnswer(read) });
    return read;
  }

  /** `libraryLoader(bases, known)`, recording what each library path read to. */
  libraryLoader(bases: readonly string[], known: ReadonlyMap<string, string>): LibraryLoader {
    const load = libraryLoader(bases, known, this.maxBytes);
    return (path) => {
      const loaded = load(path);
      const answer = 'text' in loaded ? `ok ${digest(loaded.text)}` : `error ${loaded.error}`;
      this.#record({ kind: 'library', path, bases: [...bases], known: [...known], maxBytes: this.maxBytes, answer });
      return loaded;
    };
  }

  #record(lookup: Lookup): void {
    const key = JSON.stringify(lookup);
    for (const set of this.#collecting) set.set(key, lookup);
  }
}

/** Asks a recorded lookup again; the cache trusts an entry only if every answer is unchanged. Memoised per run by the caller. */
export function answerNow(lookup: Lookup): string {
  switch (lookup.kind) {
    case 'bases': return useBases(lookup.path).join('\n');
    case 'use': return useAnswer(resolveUse(lookup.text, lookup.bases));
    case 'read': return readAnswer(readTextFile(lookup.path, lookup.path, lookup.maxBytes));
    case 'library': {
      const loaded = libraryLoader(lookup.bases, new Map(lookup.known), lookup.maxBytes)(lookup.path);
      return 'text' in loaded ? `ok ${digest(loaded.text)}` : `error ${loaded.error}`;
    }
  }
}
