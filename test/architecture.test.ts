import test from 'ava';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder, repoRoot } from './support/repo.js';

/** STYLE.md §2.1: which `src/` module may import which. Anything not listed is forbidden. */
const allowed: Record<string, readonly string[]> = {
  diag: [],
  term: [],
  shape: ['term', 'diag'],
  parse: ['term', 'diag'],
  print: ['term'],
  match: ['term'],
  rules: ['term', 'match', 'shape', 'parse', 'diag'],
  rewrite: ['term', 'match', 'rules'],
  proof: ['term', 'parse', 'diag'],
  check: ['proof', 'rewrite', 'rules', 'term', 'print', 'diag'],
  search: ['rewrite', 'rules', 'match', 'term', 'shape'],
  numeric: ['term', 'shape'],
  tui: ['diag', 'term', 'shape', 'parse', 'print', 'match', 'rules', 'rewrite', 'proof', 'check', 'search', 'numeric'],
  cli: ['diag', 'term', 'shape', 'parse', 'print', 'match', 'rules', 'rewrite', 'proof', 'check', 'search', 'numeric', 'tui'],
  'index.ts': ['diag', 'term', 'shape', 'parse', 'print', 'match', 'rules', 'rewrite', 'proof', 'check', 'search', 'numeric'],
};

/** Packages each module may import; Node built-ins only where I/O is allowed. */
const packages: Record<string, readonly string[]> = { parse: ['ohm-js'], numeric: ['ml-matrix'], cli: ['commander'], tui: ['ink', 'react', 'immer'] };
const mayUseNode = new Set(['cli', 'tui']);
const kernel = ['term', 'match', 'rewrite', 'check'];

const root = repoRoot();
const sources = filesUnder(join(root, 'src'), '.ts').map((path) => {
  const rel = relative(join(root, 'src'), path);
  const module = rel.includes('/') ? rel.split('/')[0]! : rel;
  const text = readFileSync(path, 'utf8');
  const imports = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  return { rel, module, text, imports };
});

/** The `src/` module an import resolves to, or the package name for a bare import. */
function target(rel: string, spec: string): { module: string } | { pkg: string } {
  if (!spec.startsWith('.')) return { pkg: spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]! };
  const resolved = relative(join(root, 'src'), join(root, 'src', rel, '..', spec));
  if (resolved.startsWith('..')) return { module: resolved.startsWith('../grammar') ? 'grammar' : resolved };
  return { module: resolved.includes('/') ? resolved.split('/')[0]! : resolved };
}

test('there are sources to check', (t) => {
  t.true(sources.length > 10);
});

for (const source of sources) {
  test(`imports of src/${source.rel} follow the module table`, (t) => {
    const rules = allowed[source.module];
    t.truthy(rules, `src/${source.module} is not in STYLE.md's module table`);
    for (const spec of source.imports) {
      const dest = target(source.rel, spec);
      if ('pkg' in dest) {
        const ok = dest.pkg.startsWith('node:') ? mayUseNode.has(source.module) : (packages[source.module] ?? []).includes(dest.pkg);
        t.true(ok, `src/${source.rel} may not import package ${dest.pkg}`);
      } else if (dest.module === 'grammar') {
        t.is(source.module, 'parse', `only src/parse may load the grammar bundle (src/${source.rel})`);
      } else if (dest.module !== source.module) {
        t.true(rules!.includes(dest.module), `src/${source.rel} may not import src/${dest.module}`);
      }
    }
  });
}

test('the kernel uses no process, console, fs, ink or react', (t) => {
  for (const source of sources.filter((s) => kernel.includes(s.module))) {
    const code = source.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    t.false(/\bprocess\s*\.|\bconsole\s*\.|\brequire\s*\(/.test(code), `src/${source.rel} does I/O`);
  }
});
