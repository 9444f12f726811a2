import { spawnSync } from 'node:child_process';

/**
 * The peer tool for benchmarks: SymPy, when python3 with sympy is installed.
 * Each peer run times its own loop inside one Python process (start-up is not
 * counted), so the figures compare the same work item by item.
 */
export type PeerResult =
  | { available: true; perSecond: number; version: string; /** indexes of the formulas SymPy could read; only these were timed */ read: number[] }
  | { available: false; reason: string };

const PROGRAM = `
import sys, json, time
import sympy
from sympy import MatrixSymbol, Symbol, Trace, Determinant, Inverse
from sympy.parsing.sympy_parser import parse_expr
n = Symbol('n', integer=True, positive=True)
names = {c: MatrixSymbol(c, n, n) for c in 'ABCHIMSXYZ'}
names.update({c: MatrixSymbol(c, n, 1) for c in 'abcuvwxyz'})
names.update({'Trace': Trace, 'Determinant': Determinant, 'Inverse': Inverse})
given = json.loads(sys.stdin.read())
read = []
for i, f in enumerate(given):   # warm-up, and keep only what SymPy can read
    try:
        parse_expr(f, local_dict=names)
        read.append(i)
    except Exception:
        pass
formulas = [given[i] for i in read]
rounds = 0
start = time.perf_counter()
while time.perf_counter() - start < 1.0:
    for f in formulas: parse_expr(f, local_dict=names)
    rounds += 1
elapsed = time.perf_counter() - start
print(json.dumps({"perSecond": rounds * len(formulas) / elapsed, "version": sympy.__version__, "read": read}))
`;

/** Parses `formulas` (SymPy syntax) repeatedly for about a second; formulas per second. */
export function sympyParseRate(formulas: readonly string[]): PeerResult {
  const run = spawnSync('python3', ['-c', PROGRAM], { input: JSON.stringify(formulas), encoding: 'utf8', timeout: 60_000 });
  if (run.error || run.status !== 0) {
    const reason = run.error ? run.error.message : (run.stderr.trim().split('\n').at(-1) ?? 'python3 failed');
    return { available: false, reason };
  }
  const result = JSON.parse(run.stdout) as { perSecond: number; version: string; read: number[] };
  return { available: true, ...result };
}

/**
 * Our ASCII notation → SymPy's Python syntax, for the constructs both read
 * (products, sums, transpose, inverse, trace, determinant, powers).
 * Returns undefined for anything else, so only comparable formulas are timed.
 */
export function asciiToSympy(ascii: string): string | undefined {
  if (/[^A-Za-z0-9()*+\-' ^,.]|diff|kron|\.\*|\.\/|delta|sum|at\(|norm|exp|log|\bd\(|\bD\(|\be\(|\bE\(|\[/.test(ascii)) return undefined;
  return ascii
    .replace(/inv\(/g, 'Inverse(')
    .replace(/\btr\(/g, 'Trace(')
    .replace(/\bdet\(/g, 'Determinant(')
    .replace(/\^/g, '**')
    .replace(/([A-Za-z)])'/g, '$1.T');
}
