import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeRules, encodeRules, type Rule } from '../rules/index.js';
import { buildDigest } from './check-cache.js';
import { digest } from './dependency-log.js';

/**
 * The shipped core library compiled once, at build time (`npm run build`
 * runs this module), and read back by the prover, `derive` and `leibniz`:
 * reading and compiling the 160-odd rules is about half of the prover's
 * start-up. The file lives in `dist/` (never committed) and holds the
 * build's digest and each rule file's digest; when any differs — a rule
 * file edited, another build — it is ignored and the rules are read again.
 */
const PRECOMPILED = fileURLToPath(new URL('../../rules-core.json', import.meta.url));

type Header = { readonly build: string; readonly files: readonly (readonly [string, string])[] };

/** The precompiled core rules, if they are still those of the rule files and of this build; else null. */
export function readPrecompiledCore(): Rule[] | null {
  let text: string;
  try {
    text = readFileSync(PRECOMPILED, 'utf8');
  } catch {
    return null;
  }
  const newline = text.indexOf('\n');
  const header = parseHeader(text.slice(0, newline));
  if (header === null || header.build !== buildDigest() || !header.files.every(([path, sum]) => fileDigest(path) === sum)) return null;
  return decodeRules(text.slice(newline + 1));
}

/** Writes the precompiled core library for `rules`, read from `files` (atomically; a folder that cannot be written is ignored). */
export function writePrecompiledCore(rules: readonly Rule[], files: readonly string[]): void {
  const header: Header = { build: buildDigest(), files: files.map((f) => [f, fileDigest(f) ?? ''] as const) };
  const temporary = `${PRECOMPILED}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(header)}\n${encodeRules(rules)}`);
    renameSync(temporary, PRECOMPILED);
  } catch {
    rmSync(temporary, { force: true });
  }
}

function fileDigest(path: string): string | null {
  try {
    return digest(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function parseHeader(line: string): Header | null {
  try {
    const h = JSON.parse(line) as Partial<Header>;
    return typeof h.build === 'string' && Array.isArray(h.files) ? (h as Header) : null;
  } catch {
    return null;
  }
}
