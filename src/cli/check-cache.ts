import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerNow, digest, type Lookup, type LookupSet } from './dependency-log.js';
import { filesUnder } from './find-files.js';
import { readTextFile } from './load-proofs.js';
import { decodeViews, encodeViews, type ResultView } from './result-view.js';
import type { FileName } from './check-session.js';
import type { checkLimits } from './limits.js';

/** Bumped when the entry format changes; part of every key. */
const CACHE_FORMAT = 1;

/** What, besides the files, decides a verdict and its output: any change gives other keys. */
export type CacheScope = ReturnType<typeof checkLimits> & {
  readonly version: string;
  /** What checks the files (`plain`; a numeric review names its seed). */
  readonly checker: string;
};

/**
 * Verdicts of `leibniz check` kept on disk, one entry per proof file (under
 * the name it is shown as) with the output views of the file and of the
 * proof files it uses. An entry's key covers the scope (Leibniz version and
 * build, working folder, limits, checker) and the file's text; the entry
 * lists every lookup its check made (`dependency-log.ts`), and is used only
 * when each, asked again, answers the same — so a change to any library or
 * used proof file, or a new file that changes where a `use` resolves,
 * invalidates it. Invariants: output from a hit is byte-identical to a fresh
 * check; the cache only ever saves work (an unreadable or damaged entry is a
 * miss; a folder that cannot be written is ignored).
 */
export class VerdictCache {
  readonly #dir: string;
  readonly #fingerprint: string;
  readonly #maxBytes: number;
  /** Answers to lookups in this run (a library shared by 500 files is hashed once). */
  readonly #answers = new Map<string, string>();

  constructor(dir: string, scope: CacheScope) {
    this.#dir = dir;
    this.#maxBytes = scope.maxBytes;
    this.#fingerprint = digest(JSON.stringify([CACHE_FORMAT, scope, buildDigest(), process.cwd()]));
  }

  /** The views of `name` and of the proof files it uses, if a valid entry holds them. */
  lookup(name: FileName): ResultView[] | null {
    const path = this.#entryPath(name);
    if (path === null) return null;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return null;
    }
    const newline = text.indexOf('\n');
    const head = parseHead(text.slice(0, newline));
    if (newline < 0 || head === null || !head.lookups.every((l) => this.#stillAnswers(l))) return null;
    return decodeViews(text.slice(newline + 1));
  }

  /** Keeps the views of a fresh check of `name` (its own first or last: `outputOrder` sorts them) with what it looked up. */
  store(name: FileName, lookups: LookupSet, views: readonly ResultView[]): void {
    const path = this.#entryPath(name);
    if (path === null) return;
    const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(temporary, `${JSON.stringify({ format: CACHE_FORMAT, lookups: [...lookups.values()] })}\n${encodeViews(views)}`);
      renameSync(temporary, path);
    } catch {
      rmSync(temporary, { force: true });
    }
  }

  /** Where the entry of `name` lives, given the file's text now; null when it cannot be read (such files are not cached). */
  #entryPath(name: FileName): string | null {
    const read = readTextFile(name.absolute, name.shownAs, this.#maxBytes);
    if (!read.ok) return null;
    const key = digest(JSON.stringify([this.#fingerprint, name.absolute, name.shownAs, digest(read.text)]));
    return join(this.#dir, 'verdicts', key.slice(0, 2), `${key}.entry`);
  }

  #stillAnswers(lookup: Lookup): boolean {
    const { answer, ...question } = lookup;
    const key = JSON.stringify(question);
    let now = this.#answers.get(key);
    if (now === undefined) this.#answers.set(key, (now = answerNow(lookup)));
    return now === answer;
  }
}

function parseHead(line: string): { lookups: Lookup[] } | null {
  try {
    const head = JSON.parse(line) as { format?: unknown; lookups?: unknown };
    return head.format === CACHE_FORMAT && Array.isArray(head.lookups) ? { lookups: head.lookups as Lookup[] } : null;
  } catch {
    return null;
  }
}

let build: string | undefined;

/**
 * A digest of the running build: every compiled module of `src/` and the
 * grammar bundle. A rebuilt Leibniz (even with the same version number)
 * never reads verdicts of another build.
 */
export function buildDigest(): string {
  if (build !== undefined) return build;
  const here = dirname(fileURLToPath(import.meta.url));
  const files = [...filesUnder(join(here, '..'), '.js'), ...filesUnder(join(here, '..', '..', 'grammar'), '.js')];
  const hash = files.map((f) => `${f}\n${digest(readFileSync(f, 'utf8'))}`).join('\n');
  return (build = digest(hash));
}
