import test from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../src/cli/check-command.js';
import { runCheck } from '../src/cli/check-run.js';
import { applyLimitSettings, DEFAULT_LIMITS, LIMIT_SPECS, proverLimits, READ_LIMIT_NAMES, type Limits } from '../src/cli/limits.js';
import { parseCommand } from '../src/cli/parse-command.js';
import { repoRoot } from './support/repo.js';
import { openGoal, run, withSimp } from './tui/support.js';

/**
 * `--limit NAME=N` (README, "Limits"): every limit can be changed, a bad
 * setting is a usage error naming the limits or the range, the verdict
 * follows the limits (also in worker threads and through the cache), and a
 * limit raised to the top of its range still never overflows the stack.
 */
const root = repoRoot();
const bin = join(root, 'dist', 'src', 'cli', 'main.js');
const leibniz = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });

function folder(t: { teardown: (f: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-limit-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const limits = (...settings: string[]): Limits => {
  const l = applyLimitSettings(DEFAULT_LIMITS, settings);
  if ('error' in l) throw new Error(l.error);
  return l;
};

/** `by auto` needs three applications here (the identity, the transpose of a product twice): more than one from each end. */
const AUTO_THREE = `use ${join(root, 'rules', 'core')}\nA, B, C ∈ ℝ^{n×n}\ntheorem t : (A B C)ᵀ I = Cᵀ Bᵀ Aᵀ\nproof\n  (A B C)ᵀ I\n  = Cᵀ Bᵀ Aᵀ  by auto\nqed\n`;

test('every limit has a name, a default within its range, and setting it changes only it', (t) => {
  t.true(LIMIT_SPECS.length >= 20);
  for (const spec of LIMIT_SPECS) {
    const value = Math.min(spec.max, spec.get(DEFAULT_LIMITS) + 1);
    t.true(spec.get(DEFAULT_LIMITS) <= spec.max, spec.name);
    const changed = limits(`${spec.name}=${value}`);
    t.is(spec.get(changed), value, spec.name);
    for (const other of LIMIT_SPECS) if (other !== spec) t.is(other.get(changed), other.get(DEFAULT_LIMITS), `${spec.name} leaves ${other.name}`);
  }
});

test('bad settings: the error names the known limits, or the range of the one named', (t) => {
  t.deepEqual(applyLimitSettings(DEFAULT_LIMITS, ['depth=3']), { error: `unknown limit "depth"; this command's limits are ${LIMIT_SPECS.map((s) => s.name).join(', ')}` });
  t.regex((applyLimitSettings(DEFAULT_LIMITS, ['term-depth=5000']) as { error: string }).error, /term-depth .* from 1 to 1,000, not "5000"/);
  t.regex((applyLimitSettings(DEFAULT_LIMITS, ['auto-depth=0']) as { error: string }).error, /auto-depth .* from 1 to 50/);
  t.regex((applyLimitSettings(DEFAULT_LIMITS, ['line-work']) as { error: string }).error, /expected NAME=N/);
  t.regex((applyLimitSettings(DEFAULT_LIMITS, ['line-work=1'], READ_LIMIT_NAMES) as { error: string }).error, /unknown limit "line-work"; this command's limits are formula-length, bracket-depth, term-depth/);
  t.is(limits('repeat=2', 'repeat=3').search.repeat, 3, 'the last setting wins');
  const r = leibniz('check', 'proofs', '--no-cache', '--limit', 'bogus=1');
  t.is(r.status, 2);
  t.regex(r.stderr, /error E0902: unknown limit "bogus"/);
  t.regex(r.stderr, /README, "Limits"/);
});

test('by auto follows --limit auto-depth: three applications pass by default and fail at one from each end, saying so', (t) => {
  const dir = folder(t);
  const path = join(dir, 'auto.proof');
  writeFileSync(path, AUTO_THREE);
  t.is(checkCommand([path]).exitCode, 0);
  const shallow = checkCommand([path], { limits: limits('auto-depth=1') });
  t.is(shallow.exitCode, 1);
  t.regex(shallow.stdout, /auto\.proof:6:\d+: error E0507: automatic search found no proof of this step \(depth reached after \d+ terms\)/);
  const r = leibniz('check', path, '--no-cache', '--limit', 'auto-depth=1');
  t.is(r.status, 1);
  t.is(r.stdout, shallow.stdout);
});

test('the work of a line follows --limit line-work (by auto says the work budget stopped it), in worker threads as in this process', async (t) => {
  const dir = folder(t);
  const paths = ['a', 'b', 'c'].map((name) => join(dir, `${name}.proof`));
  for (const p of paths) writeFileSync(p, AUTO_THREE);
  const tight = limits('line-work=50');
  const here = checkCommand(paths, { limits: tight });
  t.is(here.exitCode, 1);
  t.regex(here.stdout, /error E0507: automatic search found no proof of this step \(work budget reached after \d+ terms\)/);
  const threads = await runCheck(paths, { limits: tight, jobs: 2, minBytesPerWorker: 1 });
  t.is(threads.stdout, here.stdout);
});

test('the verdict cache keys on the limits: a verdict under other limits is never reused', (t) => {
  const dir = folder(t);
  const path = join(dir, 'auto.proof');
  writeFileSync(path, AUTO_THREE);
  const cacheDir = join(dir, 'cache');
  t.is(checkCommand([path], { cacheDir }).exitCode, 0);
  t.is(checkCommand([path], { cacheDir, limits: limits('auto-depth=1') }).exitCode, 1);
  t.is(checkCommand([path], { cacheDir }).exitCode, 0);
  t.is(checkCommand([path], { cacheDir, limits: limits('auto-depth=1') }).exitCode, 1);
});

test('parse --limit: bracket and term depth, formula length', (t) => {
  const deep = `X${'ᵀ'.repeat(300)}`;
  t.regex(parseCommand(deep, { let: 'X ∈ ℝ^{n×n}' }).stderr, /E0105: formula nested more than 256 levels deep/);
  t.is(parseCommand(deep, { let: 'X ∈ ℝ^{n×n}', limits: { termDepth: 400 } }).exitCode, 0);
  t.regex(parseCommand('((x))', { limits: { bracketDepth: 1 } }).stderr, /E0105: brackets nested more than 1 deep/);
  t.regex(parseCommand('x + y', { limits: { formulaLength: 3 } }).stderr, /E0106/);
  const r = leibniz('parse', deep, '--let', 'X ∈ ℝ^{n×n}', '--limit', 'term-depth=400');
  t.is(r.status, 0, r.stderr);
  t.is(leibniz('parse', 'x', '--limit', 'line-work=3').status, 2);
});

test('proof files read with raised depth limits: 1,000-deep terms of every kind give a verdict or a positioned diagnostic, never a stack overflow', (t) => {
  // 100 brackets around X is a proof; the reader follows about 100 levels of brackets, so that is the top of bracket-depth.
  const dir = folder(t);
  const path = join(dir, 'deep.proof');
  const n = 1000;
  const kinds: Record<string, string> = {
    'postfix ᵀ': `X${'ᵀ'.repeat(n)}`, 'postfix ⁻¹': `X${'⁻¹'.repeat(n)}`, 'prefix log': `${'log '.repeat(n)}t`,
    brackets: `${'('.repeat(100)}X${')'.repeat(100)}`, 'norm bars': `${'‖'.repeat(n)}x${'‖'.repeat(n)}`,
  };
  const raised = ['term-depth=1000', 'bracket-depth=100', 'line-length=1000000', 'formula-length=1000000', 'search-depth=2000', 'line-work=20000000'];
  for (const [kind, deep] of Object.entries(kinds)) {
    writeFileSync(path, `use rules/core\nX ∈ ℝ^{n×n}; x ∈ ℝⁿ; t ∈ ℝ\ntheorem t : ${deep} = X\nproof\n  ${deep}\n  = X  by auto\nqed\n`);
    const r = leibniz('check', path, '--no-cache', ...raised.flatMap((s) => ['--limit', s]));
    t.true(r.status === 0 || r.status === 1 || r.status === 2, `${kind}: exit ${r.status}\n${r.stderr.slice(0, 300)}`);
    t.false(/^\s+at .+:\d+:\d+\)?$/m.test(r.stdout + r.stderr) || /internal error|Maximum call stack/.test(r.stdout + r.stderr), kind);
    if (r.status === 0) t.regex(r.stdout, /1 theorem, 1 step checked, 0 failed/, kind);
    else t.regex(r.stdout, /deep\.proof:\d+:\d+: error E\d{4}/, kind);
  }
});

test('the prover follows its limits: auto-completion and simp stop at budgets lowered by --limit, and say which', (t) => {
  const lowered = proverLimits(limits('prover-terms=1', 'simp-steps=1'));
  const seedGoal = openGoal('∂(aᵀX⁻¹b)/∂X');
  t.true(run(seedGoal.ctx, seedGoal.session, { type: 'auto' }).doc.steps.length > 3, 'the defaults complete the seed');
  const ctx = { ...seedGoal.ctx, limits: lowered };
  const stopped = run(ctx, seedGoal.session, { type: 'auto' });
  t.regex(stopped.message!.text, /budget spent after 1 term/);
  const { ctx: simpCtx, session } = openGoal('((X Y)ᵀ)ᵀ + ((Y X)ᵀ)ᵀ', 'X, Y ∈ ℝ^{n×n}', withSimp('transpose-involution'));
  t.is(run(simpCtx, session, { type: 'simplify' }).doc.steps.length, 2);
  const one = run({ ...simpCtx, limits: lowered }, session, { type: 'simplify' });
  t.is(one.doc.steps.length, 1);
  t.regex(one.message!.text, /step budget \(1 step/);
  const r = leibniz('prove', 'proofs/textbook/differentials.proof', '--limit', 'prover-terms=0');
  t.is(r.status, 2);
  t.regex(r.stderr, /limit prover-terms .* from 1 to/);
});

test('derive follows --limit derive-steps (E0903 names the step budget), for one formula and for a batch', (t) => {
  const decls = 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n} invertible';
  t.is(leibniz('derive', 'a^T X^{-8} b', '--wrt', 'X', '--let', decls).status, 0);
  const stopped = leibniz('derive', 'a^T X^{-8} b', '--wrt', 'X', '--let', decls, '--limit', 'derive-steps=50');
  t.is(stopped.status, 2);
  t.regex(stopped.stderr, /error E0903: cannot derive: step budget \(50 steps\) reached/);
  const dir = folder(t);
  const batch = join(dir, 'batch.jsonl');
  writeFileSync(batch, `${JSON.stringify({ expr: 'a^T X^{-8} b', wrt: 'X', let: decls })}\n`);
  t.regex(leibniz('derive', '--batch', batch, '--limit', 'derive-steps=50').stdout, /step budget \(50 steps\) reached/);
  t.regex(leibniz('derive', 'x', '--wrt', 'x', '--let', 'x ∈ ℝ', '--limit', 'line-work=3').stderr, /unknown limit "line-work"; this command's limits are formula-length, bracket-depth, term-depth, derive-steps, derive-ms/);
});
