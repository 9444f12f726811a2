import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProofFiles, resolveUse } from '../src/cli/load-proofs.js';
import { repoRoot } from './support/repo.js';

/** `leibniz check` and `leibniz export`, run as a user would (the built binary, from the repository root). */
const root = repoRoot();
const golden = 'test/golden/proofs';

function leibniz(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const bin = join(root, 'dist', 'src', 'cli', 'main.js');
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const noStackTrace = (text: string): boolean => !/^\s+at .+:\d+:\d+\)?$/m.test(text);

/** A fresh folder with `files` (path → text) written into it; removed when the test ends. */
function scratch(t: { teardown: (f: () => void) => void }, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-check-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const GOOD = 'use rules/core\nA, B ∈ ℝ^{n×n}\ntheorem t : (A B)ᵀ = Bᵀ Aᵀ\nproof\n    (A B)ᵀ\n  = Bᵀ Aᵀ     by transpose-of-product\nqed\n';
const WRONG = GOOD.replace('= Bᵀ Aᵀ     by', '= Aᵀ Bᵀ     by').replace(': (A B)ᵀ = Bᵀ Aᵀ', ': (A B)ᵀ = Aᵀ Bᵀ');

// ── hand-rolled schema of `--json` (version 1) ─────────────────────────────

type Check = (value: unknown, at: string) => string[];
const str: Check = (v, at) => (typeof v === 'string' ? [] : [`${at}: string expected`]);
const int: Check = (v, at) => (Number.isInteger(v) ? [] : [`${at}: integer expected`]);
const nullable = (c: Check): Check => (v, at) => (v === null ? [] : c(v, at));
const oneOf = (...values: string[]): Check => (v, at) => (values.includes(v as string) ? [] : [`${at}: one of ${values.join('|')} expected, got ${String(v)}`]);
const list = (c: Check): Check => (v, at) => (Array.isArray(v) ? v.flatMap((x, i) => c(x, `${at}[${i}]`)) : [`${at}: array expected`]);
function object(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return [`${at}: object expected`];
    const o = v as Record<string, unknown>;
    return [
      ...Object.entries(required).flatMap(([k, c]) => (k in o ? c(o[k], `${at}.${k}`) : [`${at}.${k}: missing`])),
      ...Object.entries(optional).flatMap(([k, c]) => (k in o ? c(o[k], `${at}.${k}`) : [])),
    ];
  };
}
const diagnosticSchema = object(
  { code: (v, at) => (typeof v === 'string' && /^E\d{4}$/.test(v) ? [] : [`${at}: code expected`]), severity: oneOf('error', 'warning'), message: str, file: nullable(str), line: nullable(int), col: nullable(int), notes: list(str) },
  { expected: str, found: str },
);
const stepSchema = object({
  line: int, kind: oneOf('start', 'rewrite', 'fact', 'implies', 'have'), cited: list(str), status: oneOf('ok', 'failed'),
  rules: list(str), paths: list((v, at) => (typeof v === 'string' && /^(ε|\d+(\.\d+)*)$/.test(v) ? [] : [`${at}: path expected`])),
  diagnostics: list(diagnosticSchema),
});
const reportSchema = object({
  version: (v, at) => (v === 1 ? [] : [`${at}: 1 expected`]),
  files: list(object({
    file: str,
    diagnostics: list(diagnosticSchema),
    theorems: list(object({ name: str, status: oneOf('proved', 'failed', 'unproved', 'defined'), line: int, diagnostics: list(diagnosticSchema), steps: list(stepSchema) })),
  })),
  diagnostics: list(diagnosticSchema),
  summary: object({ files: int, theorems: int, steps: int, failed: int }),
});

test('the schema check itself rejects a malformed report', (t) => {
  t.deepEqual(reportSchema({ version: 1, files: [], diagnostics: [], summary: { files: 0, theorems: 0, steps: 0, failed: 0 } }, '$'), []);
  t.deepEqual(reportSchema({ version: 2, files: [{ file: 1 }], summary: {} }, '$'), [
    '$.version: 1 expected', '$.files[0].file: string expected', '$.files[0].diagnostics: missing', '$.files[0].theorems: missing',
    '$.diagnostics: missing', '$.summary.files: missing', '$.summary.theorems: missing', '$.summary.steps: missing', '$.summary.failed: missing',
  ]);
});

test('--json over every golden case follows the schema at every level', (t) => {
  const r = leibniz('check', golden, '--json');
  t.is(r.status, 2, r.stderr);
  const json = JSON.parse(r.stdout) as { files: { file: string; diagnostics: { code: string }[] }[]; summary: { files: number } };
  t.deepEqual(reportSchema(json, '$'), []);
  t.is(json.summary.files, json.files.length);
  t.true(json.files.length >= 15);
  t.is(r.stderr, '');
});

test('--json of a proof that checks lists each step with its kernel rules and positions', (t) => {
  const r = leibniz('check', `${golden}/good.proof`, '--json');
  t.is(r.status, 0, r.stdout);
  const json = JSON.parse(r.stdout) as { files: { theorems: { name: string; status: string; steps: { kind: string; rules: string[]; paths: string[]; cited: string[] }[] }[] }[] };
  const first = json.files[0]!.theorems[0]!;
  t.is(first.name, 'transpose-of-triple');
  t.is(first.status, 'proved');
  t.deepEqual(first.steps.map((s) => s.kind), ['start', 'rewrite', 'rewrite']);
  t.deepEqual(first.steps[1]!.cited, ['transpose-of-product']);
  t.deepEqual(first.steps[1]!.rules, ['transpose-of-product']);
  t.is(first.steps[1]!.paths.length, 1);
});

test('--json of a failing step gives its diagnostic with code, line and column', (t) => {
  const r = leibniz('check', `${golden}/unknown-rule.proof`, '--json');
  t.is(r.status, 1);
  const json = JSON.parse(r.stdout) as { files: { theorems: { status: string; steps: { status: string; diagnostics: { code: string; line: number; col: number; notes: string[] }[] }[] }[] }[] };
  const theorem = json.files[0]!.theorems[0]!;
  t.is(theorem.status, 'failed');
  const d = theorem.steps.flatMap((s) => s.diagnostics)[0]!;
  t.like(d, { code: 'E0501', line: 8, col: 18 });
  t.deepEqual(d.notes, ['did you mean "transpose-of-product"?']);
});

test('a proof that checks: exit 0 and only the summary line', (t) => {
  const r = leibniz('check', `${golden}/good.proof`);
  t.is(r.status, 0, r.stdout);
  t.is(r.stdout, '2 theorems, 4 steps checked, 0 failed (1 file)\n');
});

test('a failing step: exit 1, a file:line:col diagnostic with a caret, and the summary', (t) => {
  const dir = scratch(t, { 'wrong.proof': WRONG });
  const r = leibniz('check', join(dir, 'wrong.proof'));
  t.is(r.status, 1, r.stdout);
  t.regex(r.stdout, /wrong\.proof:6:\d+: error E0504/);
  t.regex(r.stdout, /\n\s+\^+\n/);
  t.regex(r.stdout, /1 theorem, 1 step checked, 1 failed \(1 file\)\n$/);
});

test('folders are searched recursively for *.proof, sorted, skipping hidden folders and other files', (t) => {
  const dir = scratch(t, { 'b.proof': GOOD, 'a/c.proof': GOOD, 'a/B.proof': GOOD, 'a/notes.txt': 'x', '.hidden/d.proof': WRONG, 'node_modules/e.proof': WRONG });
  const r = leibniz('check', dir, '--json');
  t.is(r.status, 0, r.stdout);
  const files = (JSON.parse(r.stdout) as { files: { file: string }[] }).files.map((f) => f.file.slice(dir.length + 1));
  t.deepEqual(files, ['a/B.proof', 'a/c.proof', 'b.proof']);
  t.deepEqual(findProofFiles([dir]).files.map((f) => f.slice(dir.length + 1)), files);
});

test('a file given twice (directly and inside its folder) is checked once', (t) => {
  const dir = scratch(t, { 'a.proof': GOOD });
  t.deepEqual(findProofFiles([join(dir, 'a.proof'), dir]).files, [join(dir, 'a.proof')]);
});

test('a missing path and a folder without proofs: exit 2 with E0901 and E0602', (t) => {
  const dir = scratch(t, { 'readme.txt': 'no proofs here' });
  const r = leibniz('check', join(dir, 'nope.proof'), dir);
  t.is(r.status, 2);
  t.regex(r.stdout, /error E0901: cannot read .*nope\.proof: no such file or folder/);
  t.regex(r.stdout, /error E0602: no proof files in /);
  t.true(noStackTrace(r.stdout + r.stderr));
});

test('bad input wins over a failing proof: exit 2', (t) => {
  const dir = scratch(t, { 'a.proof': WRONG, 'b.proof': 'use rules/nothing-here\n' + GOOD });
  const r = leibniz('check', dir);
  t.is(r.status, 2);
  t.regex(r.stdout, /b\.proof:1:5: error E0601/);
  t.regex(r.stdout, /a\.proof:6:\d+: error E0504/);
});

test('a library used twice in one file (core, and inverse inside it) adds its rules once', (t) => {
  const dir = scratch(t, { 'two.proof': 'use rules/core\nuse rules/inverse\n' + GOOD.replace('use rules/core\n', '') });
  const r = leibniz('check', join(dir, 'two.proof'));
  t.is(r.status, 0, r.stdout);
});

test('a bad library used by two files is reported once, then pointed back to (E0606)', (t) => {
  const dir = scratch(t, { 'bad.rules': 'rules bad\nvars A B : matrix\nrule r : A = B A\n', 'a.proof': 'use bad\n' + GOOD, 'b.proof': 'use bad\n' + GOOD });
  const r = leibniz('check', dir);
  t.is(r.status, 2);
  t.is(r.stdout.match(/E0402/g)?.length, 1);
  t.regex(r.stdout, /b\.proof:1:5: error E0606: rule library ".*bad\.rules" has errors/);
});

test('a proof file used by another is checked once, before its user, and its theorems are rules there', (t) => {
  const r = leibniz('check', `${golden}/uses-proof.proof`, `${golden}/lib/lemma.proof`, '--json');
  t.is(r.status, 0, r.stdout);
  const json = JSON.parse(r.stdout) as { files: { file: string }[]; summary: { files: number } };
  t.deepEqual(json.files.map((f) => f.file), [`${golden}/lib/lemma.proof`, `${golden}/uses-proof.proof`]);
  t.is(json.summary.files, 2);
});

test('a use cycle between proof files is reported at the use line and not followed', (t) => {
  const dir = scratch(t, { 'a.proof': 'use b\n' + GOOD, 'b.proof': 'use a\n' + GOOD });
  const r = leibniz('check', dir);
  t.is(r.status, 2);
  t.regex(r.stdout, /b\.proof:1:5: error E0604: use cycle between proof files: .*a\.proof → .*b\.proof → .*a\.proof/);
  t.regex(r.stdout, /2 theorems, 2 steps checked, 0 failed \(2 files\)/);
});

test('use resolution: a library before a proof file; .rules and .proof force the kind', (t) => {
  const dir = scratch(t, { 'x.rules': 'rules x\n', 'x.proof': GOOD, 'y.proof': GOOD });
  t.is(resolveUse('x', [dir]).kind, 'rules');
  t.is(resolveUse('x.proof', [dir]).kind, 'proof');
  t.is(resolveUse('y', [dir]).kind, 'proof');
  t.like(resolveUse('z', [dir]), { kind: 'missing', candidates: ['z.rules', 'z.proof'] });
});

test('export --to latex typesets each theorem as an align* block with the rules named', (t) => {
  const r = leibniz('export', `${golden}/good.proof`, '--to', 'latex');
  t.is(r.status, 0, r.stderr);
  t.regex(r.stdout, /\\paragraph\{Theorem \\texttt\{transpose-of-triple\}\.\}/);
  t.regex(r.stdout, /\\begin\{align\*\}\n {2}\\left\(A B X\\right\)\^\{T\} &= X\^\{T\} \\left\(A B\\right\)\^\{T\} && \\text\{\(transpose-of-product\)\} \\\\\n/);
  t.regex(r.stdout, /\n {2}&= A B && \\text\{\(identity-left\)\}\n\\end\{align\*\}/);
  t.regex(r.stdout, /Let \$A, B \\in \\mathbb\{R\}\^\{n \\times n\}\$, \$X \\in \\mathbb\{R\}\^\{n \\times n\}\$ invertible\./);
});

test('export --to markdown gives a heading, the statement and an aligned block per theorem', (t) => {
  const r = leibniz('export', `${golden}/unknown-both-sides.proof`.replace('unknown-both-sides', 'uses-proof'), '--to', 'markdown');
  t.is(r.status, 0, r.stderr);
  t.regex(r.stdout, /### Theorem `t`\n\n\$\$\n\\left\(I\^\{T\} A\\right\) B = A B\n\$\$\n/);
  t.regex(r.stdout, /\$\$\n\\begin\{aligned\}\n.* &= A B && \\text\{\(identity-transposed-left\)\}\n\\end\{aligned\}\n\$\$/);
});

test('export names both-sides operations and keeps their terms as formulas', (t) => {
  const dir = scratch(t, {
    'e.proof': 'use rules/core\nA, B ∈ ℝ^{n×n}\ntheorem e : Bᵀ Aᵀ = (A B)ᵀ\nproof\n  (A B)ᵀ = Bᵀ Aᵀ  by transpose-of-product\n  ⟹ Bᵀ Aᵀ + A = (A B)ᵀ + A  by both-sides add A\nqed\n',
  });
  const r = leibniz('export', join(dir, 'e.proof'), '--to', 'latex');
  t.is(r.status, 0, r.stderr);
  t.regex(r.stdout, /\\implies B\^\{T\} A\^\{T\} \+ A &= .* && \\text\{\(both sides: add \}A\\text\{\)\}\n/);
});

test('export of a file that does not read: exit 2 with positioned diagnostics; a missing file: E0901', (t) => {
  const bad = leibniz('export', `${golden}/missing-by.proof`, '--to', 'latex');
  t.is(bad.status, 2);
  t.regex(bad.stderr, /missing-by\.proof:8:10: error E0312/);
  t.is(bad.stdout, '');
  const missing = leibniz('export', 'no/such.proof', '--to', 'markdown');
  t.is(missing.status, 2);
  t.regex(missing.stderr, /error E0901: cannot read no\/such\.proof: no such file/);
  const noFormat = leibniz('export', `${golden}/good.proof`);
  t.is(noFormat.status, 2);
  t.regex(noFormat.stderr, /E0902/);
});

test('--help lists check and export', (t) => {
  const r = leibniz('--help');
  t.regex(r.stdout, /check/);
  t.regex(r.stdout, /export/);
});
