import { spawnSync } from 'node:child_process';

/**
 * SymPy's `.diff` on the same formulas as `derive`, for `npm run bench`. One
 * Python process; each formula is parsed once, then differentiated
 * repeatedly for at least 50 ms (at least once), and its median time is kept.
 * Upper-case letters (and `A1`, `A2`, …) are n×n matrix symbols, lower-case
 * letters n×1 vectors, as in SymPy's matrix-expression module.
 */
export type DiffTimes = { available: true; version: string; ms: (number | null)[] } | { available: false; reason: string };

export type DiffRequest = { readonly expr: string; readonly wrt: string };

const PROGRAM = `
import sys, json, time, re, statistics
import sympy
from sympy import MatrixSymbol, Symbol, Trace, Determinant, Inverse
from sympy.parsing.sympy_parser import parse_expr
n = Symbol('n', integer=True, positive=True)
base = {'Trace': Trace, 'Determinant': Determinant, 'Inverse': Inverse}
def names_of(expr):
    out = dict(base)
    for name in set(re.findall(r'[A-Za-z][A-Za-z0-9]*', expr)):
        if name in base: continue
        out[name] = MatrixSymbol(name, n, n) if name[0].isupper() else MatrixSymbol(name, n, 1)
    return out
requests = json.loads(sys.stdin.read())
times = []
for r in requests:
    try:
        local = names_of(r['expr'])
        f = parse_expr(r['expr'], local_dict=local)
        x = local[r['wrt']]
        f.diff(x)   # warm-up
        runs = []
        start = time.perf_counter()
        while not runs or (time.perf_counter() - start < 0.05 and len(runs) < 200):
            t0 = time.perf_counter(); f.diff(x); runs.append((time.perf_counter() - t0) * 1000)
        times.append(statistics.median(runs))
    except Exception:
        times.append(None)
print(json.dumps({"version": sympy.__version__, "ms": times}))
`;

/** Median milliseconds of SymPy's `.diff` per request (null where SymPy could not read or differentiate it). */
export function sympyDiffTimes(requests: readonly DiffRequest[], timeoutMs = 300_000): DiffTimes {
  const run = spawnSync('python3', ['-c', PROGRAM], { input: JSON.stringify(requests), encoding: 'utf8', timeout: timeoutMs });
  if (run.error || run.status !== 0) return { available: false, reason: run.error ? run.error.message : (run.stderr.trim().split('\n').at(-1) ?? 'python3 failed') };
  const result = JSON.parse(run.stdout) as { version: string; ms: (number | null)[] };
  return { available: true, ...result };
}
