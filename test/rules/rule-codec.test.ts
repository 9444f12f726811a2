import test from 'ava';
import { isDeepStrictEqual } from 'node:util';
import { readPrecompiledCore } from '../../src/cli/precompiled-rules.js';
import { compileCoreRules, loadCoreRules } from '../../src/cli/prover-files.js';
import { decodeRules, encodeRules, type Rule } from '../../src/rules/index.js';

/** The rules as plain data (spans by source name and offsets), to compare a decoded library with a compiled one. */
const plain = (rules: readonly Rule[]): unknown =>
  JSON.parse(JSON.stringify(rules, (key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof Map ? [...v] : key === 'source' ? (v as { name: string }).name : v)));

test('the core library survives encoding: every rule, term, sort, condition and span', (t) => {
  const { library } = compileCoreRules();
  t.true(library.rules.length > 100);
  const decoded = decodeRules(encodeRules(library.rules));
  if (decoded === null) return t.fail('not decoded');
  t.true(isDeepStrictEqual(plain(decoded), plain(library.rules)));
  t.is(decoded[0]!.vars.constructor, Map);
  const sources = new Set(decoded.map((r) => r.span?.source));
  t.true(sources.size < decoded.length, 'a source is shared by the rules of its file, not copied');
  t.is(decoded.find((r) => r.span !== null)!.span!.source.text, library.rules.find((r) => r.span !== null)!.span!.source.text);
});

test('anything else decodes to null, never a throw', (t) => {
  for (const text of ['', 'null', '{}', '{"format":1}', '{"format":2,"sources":[],"rules":[]}', '{"format":1,"sources":[],"rules":[', '\u0000']) {
    t.is(decodeRules(text), null, JSON.stringify(text));
  }
});

test('the build precompiles the core library, and the prover reads back the same rules', (t) => {
  const precompiled = readPrecompiledCore();
  if (precompiled === null) return t.fail('npm run build writes dist/rules-core.json; it is missing or stale');
  const loaded = loadCoreRules();
  if (!loaded.ok) return t.fail('core rules do not load');
  t.true(isDeepStrictEqual(plain(precompiled), plain(compileCoreRules().library.rules)));
  t.true(isDeepStrictEqual(plain(loaded.rules), plain(precompiled)));
});
