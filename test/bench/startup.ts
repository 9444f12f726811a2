import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../support/repo.js';

/**
 * `leibniz` at a terminal, from the process start to the prover's first
 * frame (the seed's goal on screen): the real binary under `script(1)`,
 * which gives it a 120×40 terminal, with `CI=0` (Ink draws every frame). Median of
 * `runs`; the target is one second.
 */
export async function firstFrameRow(runs = 5): Promise<{ figure: string; value: string; note?: string }> {
  const figure = '`leibniz` to the first frame of the prover';
  if (spawnSync('script', ['--version']).status !== 0) return { figure, value: 'not measured', note: 'script(1) is not installed' };
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await firstFrame());
  times.sort((a, b) => a - b);
  return { figure, value: `${times[Math.floor(runs / 2)]!.toFixed(0)} ms`, note: `median of ${runs}; fastest ${times[0]!.toFixed(0)} ms, slowest ${times.at(-1)!.toFixed(0)} ms; target 1,000 ms` };
}

function firstFrame(): Promise<number> {
  const bin = join(repoRoot(), 'dist', 'src', 'cli', 'main.js');
  const start = performance.now();
  const child = spawn('script', ['-qfec', `stty cols 120 rows 40; ${process.execPath} ${bin}`, '/dev/null'], { env: { ...process.env, CI: '0', TERM: 'xterm-256color' } });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error('no frame in 20 s'))), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!/aᵀX⁻¹b/.test(out.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''))) return;
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve(performance.now() - start);
    });
  });
}
