import test, { type ExecutionContext } from 'ava';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/repo.js';

/**
 * The real `leibniz` binary in a real terminal: tmux runs it, `send-keys`
 * types, `capture-pane` reads the screen. Each test polls the screen for what
 * it expects, with a generous deadline (never a fixed sleep, never a timed
 * assertion). `CI=0`: with CI set, Ink draws only the final frame. Each test
 * has its own tmux server (`-L`), so nothing leaks between them or from the
 * user's own tmux. `.ci/run` installs tmux, so these run in CI.
 */

const root = repoRoot();
const bin = join(root, 'dist', 'src', 'cli', 'main.js');
const DEADLINE_MS = 90_000;

function hasTmux(): boolean {
  return spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
}

type Terminal = { send: (...keys: string[]) => void; type: (text: string) => void; screen: () => string; waitFor: (text: string | RegExp) => Promise<string>; alive: () => boolean; kill: () => void };

/** Starts `node main.js ARGS` in a fresh tmux server of its own, 120×45, in the repository root. */
function terminal(t: ExecutionContext, name: string, args: readonly string[]): Terminal {
  const socket = `leibniz-e2e-${process.pid}-${name}`;
  const tmux = (...a: string[]) => spawnSync('tmux', ['-L', socket, ...a], { encoding: 'utf8' });
  const quoted = [process.execPath, bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const started = tmux('new-session', '-d', '-s', 'main', '-x', '120', '-y', '45', '-c', root, `env CI=0 TERM=xterm-256color ${quoted}`);
  if (started.status !== 0) throw new Error(`tmux new-session failed: ${started.stderr}`);
  const kill = (): void => void tmux('kill-server');
  t.teardown(kill);
  const screen = (): string => tmux('capture-pane', '-p', '-t', 'main', '-S', '-200').stdout ?? '';
  const waitFor = async (text: string | RegExp): Promise<string> => {
    const deadline = Date.now() + DEADLINE_MS;
    for (;;) {
      const now = screen();
      if (typeof text === 'string' ? now.includes(text) : text.test(now)) return now;
      if (Date.now() > deadline) throw new Error(`the screen never showed ${String(text)}; it shows:\n${now}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    send: (...keys) => void tmux('send-keys', '-t', 'main', ...keys),
    type: (text) => void tmux('send-keys', '-t', 'main', '-l', text),
    screen, waitFor, kill,
    alive: () => tmux('has-session', '-t', 'main').status === 0,
  };
}

async function gone(term: Terminal): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while (term.alive()) {
    if (Date.now() > deadline) throw new Error(`leibniz did not exit; the screen shows:\n${term.screen()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const check = (file: string) => spawnSync(process.execPath, [bin, 'check', file], { cwd: root, encoding: 'utf8' });

test.serial('leibniz: move, apply, undo, redo, auto-complete, save; the saved file checks', async (t) => {
  if (!hasTmux()) return t.fail('tmux is not installed (apt-get install -y tmux; .ci/run installs it)');
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-e2e-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'seed.proof');
  const term = terminal(t, 'seed', []);
  await term.waitFor('Rules at ε');
  term.send('e');
  await term.waitFor('entry (i, j)');
  term.send('j');
  await term.waitFor('selected 0: ∂(aᵀX⁻¹b)/∂X');
  term.send('Down');
  await term.waitFor('selected 0.0: aᵀX⁻¹b : scalar');
  term.send('Enter');
  await term.waitFor('applied inner-product-trace at 0.0');
  await term.waitFor('(∂tr(X⁻¹baᵀ)/∂X)ᵢⱼ');
  term.send('u');
  await term.waitFor('undid inner-product-trace');
  term.send('C-r');
  await term.waitFor('redid inner-product-trace');
  term.send('a');
  await term.waitFor('no derivative left');
  term.send('w');
  await term.waitFor('save as: proof.proof');
  term.send('C-u');
  term.type(file);
  term.send('Enter');
  const screen = await term.waitFor(`saved ${file} — leibniz check: proved`);
  t.regex(screen, /= −\(X⁻ᵀa \(X⁻¹b\)ᵀ\)ᵢⱼ {3}by outer-product-entry at ε ←/);
  t.regex(screen, /= −\(X⁻ᵀabᵀX⁻ᵀ\)ᵢⱼ {3}by transpose-of-product at 0\.0\.2/);
  term.send('q');
  await gone(term);
  const checked = check(file);
  t.is(checked.status, 0, checked.stdout + checked.stderr);
  t.regex(readFileSync(file, 'utf8'), /^use rules\/core\n\na, b ∈ ℝⁿ\nX ∈ ℝ\^\{n×n\} invertible\n\ntheorem seed-goal : ∂\(aᵀX⁻¹b\)\/∂X = −X⁻ᵀabᵀX⁻ᵀ\nproof entrywise i j\n/);
});

test.serial('prove --goal: a killed session is offered back from its journal, three steps and all', async (t) => {
  if (!hasTmux()) return t.fail('tmux is not installed (apt-get install -y tmux; .ci/run installs it)');
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-e2e-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'new.proof');
  const args = ['prove', file, '--goal', '((X Y)ᵀ Z)ᵀ = ?', '--let', 'X, Y, Z ∈ ℝ^{n×n}'];
  const first = terminal(t, 'first', args);
  await first.waitFor('Rules at ε');
  for (const n of [1, 2, 3]) {
    first.send('Enter');
    await first.waitFor(`line ${n} ·`);
  }
  const journal = join(dir, '.new.proof.leibniz-journal');
  const deadline = Date.now() + DEADLINE_MS;
  while (!(existsSync(journal) && readFileSync(journal, 'utf8').split('\n').filter((l) => l.startsWith('  = ')).length === 3)) {
    if (Date.now() > deadline) return t.fail('the journal never held three steps');
    await new Promise((r) => setTimeout(r, 100));
  }
  first.kill();
  t.false(existsSync(file), 'nothing was saved');
  const second = terminal(t, 'second', args);
  await second.waitFor('(3 steps): r restores it, d discards it');
  second.send('r');
  const screen = await second.waitFor('restored 3 steps from the journal');
  t.regex(screen, /line 3 ·/);
  second.send('w');
  await second.waitFor(`saved ${file} — leibniz check: proved (3 steps)`);
  t.false(existsSync(journal), 'saving removes the journal');
  second.send('q');
  await gone(second);
  t.is(check(file).status, 0);
});

test.serial('prove FILE --goal with a known right side: a, w, q leave a file leibniz check accepts', async (t) => {
  if (!hasTmux()) return t.fail('tmux is not installed (apt-get install -y tmux; .ci/run installs it)');
  const dir = mkdtempSync(join(tmpdir(), 'leibniz-e2e-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'gradient.proof');
  const term = terminal(t, 'known', ['prove', file, '--goal', '∂(aᵀXb)/∂X = abᵀ', '--let', 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}']);
  await term.waitFor('Rules at ε');
  term.send('a');
  await term.waitFor('reach the right side');
  term.send('w');
  await term.waitFor(`saved ${file} — leibniz check: proved`);
  term.send('q');
  await gone(term);
  const checked = check(file);
  t.is(checked.status, 0, checked.stdout + checked.stderr);
  t.regex(readFileSync(file, 'utf8'), /^use rules\/core\n\na, b ∈ ℝⁿ\nX ∈ ℝ\^\{n×n\}\n\ntheorem goal : ∂\(aᵀXb\)\/∂X = abᵀ\nproof entrywise i j\n/);
});
