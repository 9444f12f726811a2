import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatLocation, type Diagnostic } from '../../src/diag/index.js';
import { readRuleFile } from '../../src/parse/rule-file.js';
import { compileRuleFile, loadLibrary, RuleRegistry } from '../../src/rules/index.js';
import { filesUnder, repoRoot } from '../support/repo.js';

const HEAD = 'rules t\nvars A B : matrix, X : square matrix, a b : vector, c : scalar, i j : index\n';

/** Compiles a rule file made of HEAD and `body`; returns `code@line:col` of each diagnostic. */
function diagnose(body: string): string[] {
  const read = readRuleFile(HEAD + body, { sourceName: 't.rules' });
  const compiled = compileRuleFile(read.file, {});
  return [...read.diagnostics, ...compiled.diagnostics].map(where);
}
const where = (d: Diagnostic): string => `${d.code}@${d.span ? formatLocation(d.span).replace(/^[^:]*:/, '') : '-'}`;

const cases: ReadonlyArray<[string, string, string[]]> = [
  ['valid rule', 'rule transpose-of-product : (A B)ᵀ = Bᵀ Aᵀ', []],
  ['duplicate id', 'rule r-one : Aᵀ = Aᵀ\nrule r-one : Bᵀ = Bᵀ', ['E0401@4:6']],
  ['unbound right-hand variable', 'rule r-two : Aᵀ = B', ['E0402@3:19']],
  ['sides of different shapes', 'rule r-three : aᵀ b = a', ['E0403@3:16']],
  ['rhs restricts lhs shapes', 'rule r-four : A B = B A', ['E0403@3:15']],
  ['unknown predicate', 'rule r-five : Aᵀ = Aᵀ  if invertibel(A)', ['E0404@3:27']],
  ['wrong arity', 'rule r-six : Aᵀ = Aᵀ  if constant(A)', ['E0405@3:26']],
  ['not an equation', 'rule r-seven : Aᵀ', ['E0406@3:1']],
  ['malformed id', 'rule Bad_Id : Aᵀ = Aᵀ', ['E0408@3:6']],
  ['shape error inside a side', 'rule r-eight : A_{ijk} = A_{ijk}', ['E0209@3:16']],
];
for (const [name, body, expected] of cases) test(`compile: ${name}`, (t) => t.deepEqual(diagnose(body), expected));

test('compile: unknown sort, with did-you-mean', (t) => {
  const read = readRuleFile('vars A : matrx\nrule r : Aᵀ = Aᵀ', { sourceName: 'u.rules' });
  const { diagnostics } = compileRuleFile(read.file, {});
  t.is(diagnostics[0]?.code, 'E0407');
  t.deepEqual(diagnostics[0]?.notes, ['did you mean "matrix"?']);
});

test('compile: the duplicate names the first definition', (t) => {
  const read = readRuleFile(HEAD + 'rule r-one : Aᵀ = Aᵀ\nrule r-one : Bᵀ = Bᵀ', { sourceName: 't.rules' });
  t.deepEqual(compileRuleFile(read.file, {}).diagnostics[0]?.notes, ['first defined at t.rules:3:1']);
});

test('compile: conditions make shapes, forward-only and canonical sides', (t) => {
  const read = readRuleFile(HEAD + 'rule inv-left : A⁻¹ A = I  if invertible(A)\nrule sc : A c = c A', { sourceName: 't.rules' });
  const { rules, diagnostics } = compileRuleFile(read.file, {});
  t.deepEqual(diagnostics, []);
  t.true(rules[0]!.forwardOnly);
  t.deepEqual(rules[1]!.lhs, rules[1]!.rhs);
  t.deepEqual([...rules[0]!.vars], [['A', 'matrix']]);
});

test('registry: duplicates refused, did-you-mean, tags, order', (t) => {
  const read = readRuleFile(HEAD + 'rule trace-cyclic [simp] : tr(A B) = tr(B A)\nrule inverse-left : A⁻¹ A = I if invertible(A)', { sourceName: 't.rules' });
  const registry = new RuleRegistry();
  const { rules } = compileRuleFile(read.file, { registry });
  t.false(registry.add(rules[0]!).ok);
  t.is(registry.suggest('trace-cycle'), 'trace-cyclic');
  t.is(registry.suggest('completely-different'), undefined);
  t.deepEqual(registry.withTag('simp').map((r) => r.id), ['trace-cyclic']);
  t.deepEqual([...registry].map((r) => r.id), ['trace-cyclic', 'inverse-left']);
  t.is(registry.get('inverse-left'), rules[1]);
});

const memory = (files: Record<string, string>) => (path: string): { text: string } | { error: string } =>
  path in files ? { text: files[path]! } : { error: 'no such file' };

test('library: transitive use, each file once, used rules first', (t) => {
  const load = memory({
    'top.rules': 'use mid\nuse base\nvars A : matrix\nrule top-r : (Aᵀ)ᵀ = A',
    'mid.rules': 'use base\nvars A : matrix\nrule mid-r : Aᵀ = Aᵀ',
    'base.rules': 'vars A : matrix\nrule base-r : A = A',
  });
  const r = loadLibrary('top', load);
  t.deepEqual(r.diagnostics, []);
  t.deepEqual(r.rules.map((x) => x.id), ['base-r', 'mid-r', 'top-r']);
});

test('library: a use cycle is reported at the use line, not looped on', (t) => {
  const r = loadLibrary('a', memory({ 'a.rules': 'use b\n', 'b.rules': '-- b\nuse a\n' }));
  t.deepEqual(r.diagnostics.map((d) => [d.code, d.message, where(d)]), [['E0409', 'use cycle: a → b → a', 'E0409@2:5']]);
});

test('library: a missing file is E0410 at its use line', (t) => {
  const r = loadLibrary('a', memory({ 'a.rules': 'use gone\n' }));
  t.deepEqual(r.diagnostics.map(where), ['E0410@1:5']);
});

const root = repoRoot();
for (const path of filesUnder(join(root, 'rules'), '.rules')) {
  test(`shipped library ${path.slice(root.length + 1)} compiles with no diagnostics`, (t) => {
    const r = loadLibrary(path.slice(root.length + 1), (p) => {
      try { return { text: readFileSync(join(root, p), 'utf8') }; } catch (e) { return { error: String(e) }; }
    });
    t.deepEqual(r.diagnostics.map((d) => `${where(d)} ${d.message}`), []);
    t.true(r.rules.length > 0);
    for (const rule of r.rules) t.truthy(rule.doc, `${rule.id} has a doc line`);
  });
}
