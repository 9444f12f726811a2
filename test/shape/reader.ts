import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, SpanTable } from '../../src/diag/index.js';
import type { Declaration, Formula } from '../../src/term/index.js';

/**
 * The parser, loaded at run time (it is written in parallel with shape
 * inference; loading it dynamically keeps these tests compiling meanwhile).
 */
export type Reader = {
  parseFormula(text: string, options?: { functions?: Iterable<string> }):
    | { ok: true; value: Formula; spans: SpanTable }
    | { ok: false; diagnostics: Diagnostic[] };
  parseDeclarations(text: string):
    | { ok: true; value: Declaration[]; spans: SpanTable }
    | { ok: false; diagnostics: Diagnostic[] };
};

/** The directory holding `package.json`, found by walking up from this compiled file. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('no package.json above the tests');
    dir = up;
  }
  return dir;
}

let reader: Promise<Reader> | undefined;

/** The parser module (`src/parse/index.ts`, compiled). */
export function loadReader(): Promise<Reader> {
  const path = '../../src/parse/index.js';
  reader ??= import(path) as Promise<Reader>;
  return reader;
}

/** Every `$…$` and `$$…$$` formula of a Math.SE text, in order. */
export function formulasOf(text: string): string[] {
  return [...text.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$]+?)\$/g)].map((m) => (m[1] ?? m[2]!).trim());
}
