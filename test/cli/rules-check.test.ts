import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesUnder, repoRoot } from '../support/repo.js';

/** Runs the built `leibniz` binary from the repository root, as a user would. */
function leibniz(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const bin = join(repoRoot(), 'dist', 'src', 'cli', 'main.js');
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: repoRoot() });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

const noStackTrace = (text: string): boolean => !/^\s+at .+:\d+:\d+\)?$/m.test(text);
const SUMMARY = /^(\d+) rules?: (\d+) passed, (\d+) false, (\d+) untested$/m;

/** The rule ids defined in a rule file (`rule ID [tags] : …`). */
const ruleIds = (path: string): string[] => [...readFileSync(path, 'utf8').matchAll(/^rule\s+([a-z0-9-]+)/gm)].map((m) => m[1]!);

test('every rule shipped in rules/ passes `leibniz rules check rules/`', (t) => {
  const r = leibniz('rules', 'check', 'rules/');
  t.is(r.status, 0, r.stdout + r.stderr);
  const [, total, passed, falses, untested] = SUMMARY.exec(r.stdout)!.map(Number) as number[];
  t.log(`${total} rules: ${passed} passed, ${untested} untested`);
  t.is(falses, 0);
  t.is(passed! + untested!, total);
  const shipped = filesUnder(join(repoRoot(), 'rules'), '.rules').flatMap(ruleIds);
  t.is(total, shipped.length, 'each shipped rule is checked once');
  for (const line of r.stdout.split('\n').filter((l) => / untested /.test(l))) t.regex(line, /untested [a-z0-9-]+: \S/, 'an untested rule says why');
  t.true(untested! <= 2, `${untested} untested rules`);
});

test('every plausible but false rule of the corpus is reported FALSE with a counterexample', (t) => {
  const dir = join(repoRoot(), 'test', 'fixtures', 'false-rules');
  const ids = filesUnder(dir, '.rules').flatMap(ruleIds);
  t.true(ids.length >= 40, `${ids.length} false rules`);
  const r = leibniz('rules', 'check', 'test/fixtures/false-rules');
  t.is(r.status, 1, r.stderr);
  t.is(r.stderr, '', 'every false rule loads (no shape or syntax errors)');
  for (const id of ids) {
    const block = new RegExp(`: FALSE ${id}: .+\\n    sizes: .+\\n(    .+\\n)*?    (max \\|left − right\\| = |  ‖left − right without o)`);
    t.regex(r.stdout, block, `${id} is reported false with a counterexample`);
  }
  t.regex(r.stdout, new RegExp(`^${ids.length} rules: 0 passed, ${ids.length} false, 0 untested$`, 'm'));
  t.log(`${ids.length} false rules caught`);
});

test('a library is checked with the libraries it uses: rules/core.rules is the whole core library', (t) => {
  const core = leibniz('rules', 'check', 'rules/core.rules');
  const all = leibniz('rules', 'check', 'rules/');
  t.is(core.status, 0);
  t.is(SUMMARY.exec(core.stdout)![1], SUMMARY.exec(all.stdout)![1]);
});

test('--seed makes a run reproducible; --json gives one report', (t) => {
  const a = leibniz('rules', 'check', 'test/fixtures/false-rules/algebra.rules', '--seed', '42');
  const b = leibniz('rules', 'check', 'test/fixtures/false-rules/algebra.rules', '--seed', '42');
  t.is(a.stdout, b.stdout);
  t.regex(a.stdout, /reproduce with --seed 42/);
  const json = leibniz('rules', 'check', 'test/fixtures/false-rules/algebra.rules', '--json');
  t.is(json.status, 1);
  const report = JSON.parse(json.stdout) as { seed: number; summary: { rules: number; false: number }; rules: { id: string; status: string; counterexample?: { sizes: string[] } }[] };
  t.is(report.seed, 1);
  t.is(report.summary.false, report.summary.rules);
  t.true(report.rules.every((r) => r.status === 'false' && (r.counterexample?.sizes.length ?? 0) > 0));
});

test('a rule whose conditions the sampler can never satisfy is untested, with the reason, not passed', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-rules-'));
  const file = join(dir, 'never.rules');
  writeFileSync(file, 'rules never\nvars c : scalar\nrule impossible : c = c  if positive(−c² − 1)\n');
  const r = leibniz('rules', 'check', file);
  t.is(r.status, 0);
  t.regex(r.stdout, /untested impossible: no usable sample in \d+ draws \(last: the sampler could not satisfy positive\(−1 − c²\)\)/);
  t.regex(r.stdout, /^1 rule: 0 passed, 0 false, 1 untested$/m);
});

test('bad input exits 2 with a positioned diagnostic and never a stack trace', (t) => {
  const missing = leibniz('rules', 'check', 'no/such.rules');
  t.is(missing.status, 2);
  t.regex(missing.stderr, /error E0901: cannot read no\/such\.rules/);
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-rules-'));
  const file = join(dir, 'broken.rules');
  writeFileSync(file, 'rules broken\nvars A B : matrix\nrule oops : (A B = A\nrule fine : Aᵀᵀ = A\n');
  const broken = leibniz('rules', 'check', file);
  t.is(broken.status, 2);
  t.regex(broken.stderr, /broken\.rules:3:\d+: error E01\d\d/);
  t.regex(broken.stdout, /pass fine/, 'the rules that load are still checked');
  const empty = leibniz('rules', 'check', dir, '--seed', 'x');
  t.is(empty.status, 2);
  t.regex(empty.stderr, /--seed must be a non-negative integer/);
  const noRules = leibniz('rules', 'check', join(repoRoot(), 'test', 'golden', 'formulas'));
  t.is(noRules.status, 2);
  t.regex(noRules.stderr, /holds no \*\.rules files/);
  const bare = leibniz('rules');
  t.is(bare.status, 2);
  t.regex(bare.stderr, /error E0902: "leibniz rules" needs a command: check/);
  for (const r of [missing, broken, empty, noRules, bare]) t.true(noStackTrace(r.stdout + r.stderr));
});
