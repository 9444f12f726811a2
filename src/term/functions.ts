/**
 * The named functions the language knows, with what each does to shapes.
 * The parser, printers and shape inference all read this one table, so a
 * function added here is known everywhere.
 *
 * - `trace`: square matrix → scalar (`tr`)
 * - `det`: square matrix → scalar (`det`)
 * - `scalar`: scalar → scalar, or square matrix → square matrix (matrix function, e.g. `exp(X)`)
 * - `vec`: m×n → (mn)×1
 * - `diag`: n×1 → n×n, or n×n → n×1
 */
export type FunctionKind = 'trace' | 'det' | 'scalar' | 'vec' | 'diag';

export type FunctionInfo = { readonly name: string; readonly kind: FunctionKind; readonly elementwise: boolean };

const table: readonly FunctionInfo[] = [
  { name: 'tr', kind: 'trace', elementwise: false },
  { name: 'det', kind: 'det', elementwise: false },
  { name: 'vec', kind: 'vec', elementwise: false },
  { name: 'diag', kind: 'diag', elementwise: false },
  ...['log', 'exp', 'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh', 'sqrt', 'abs'].map(
    (name): FunctionInfo => ({ name, kind: 'scalar', elementwise: true }),
  ),
];

const byName = new Map(table.map((f) => [f.name, f]));

/** The function called `name`, if the language knows it. */
export function lookupFunction(name: string): FunctionInfo | undefined {
  return byName.get(name);
}

/** Every known function name, longest first (so a lexer can try them greedily). */
export const FUNCTION_NAMES: readonly string[] = table.map((f) => f.name).sort((a, b) => b.length - a.length);

/** Functions that may be applied element-wise with `f.(X)`. */
export const ELEMENTWISE_NAMES: readonly string[] = table.filter((f) => f.elementwise).map((f) => f.name);

/**
 * Letters that are functions by default: `f(X)` is an application, `f′(X)` a
 * Fréchet derivative. The parser reads them so and the printers rely on it.
 */
export const FUNCTION_LETTERS: ReadonlySet<string> = new Set(['f', 'g', 'h', 'F', 'G', 'φ', 'ϕ', 'ψ']);
