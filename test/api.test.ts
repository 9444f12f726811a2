import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import * as leibniz from '../src/index.js';
import { repoRoot } from './support/repo.js';

/**
 * The README's "Using Leibniz from TypeScript" example, run as written
 * (the code block is extracted from README.md and transpiled, so the README
 * stays true).
 */
const root = repoRoot();
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const example = /```ts api-example\n([\s\S]*?)```/.exec(readme)?.[1];

test('the README has the API example', (t) => {
  t.truthy(example);
});

test('the README API example runs and prints what it says', async (t) => {
  const lines: string[] = [];
  const code = example!.replace(/^import[\s\S]*?from '[^']+';$/gm, '').replace(/console\.log\(/g, 'log(');
  const body = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  const run = new Function('leibniz', 'log', 'readFileSync', 'root', `const { ${Object.keys(leibniz).join(', ')} } = leibniz;\n${body}`);
  run(leibniz, (...xs: unknown[]) => lines.push(xs.join(' ')), (p: string, enc: string) => readFileSync(join(root, p), enc as 'utf8'), root);
  const expected = [...readme.matchAll(/^\/\/ prints: (.*)$/gm)].map((m) => m[1]!);
  t.true(expected.length >= 3);
  t.deepEqual(lines, expected);
});
