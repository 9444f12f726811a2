/**
 * The documented defaults for undeclared symbols (DESIGN.md, "Shapes"):
 *
 * | name | default |
 * |---|---|
 * | `i j k ℓ m`, or any undeclared symbol used as a subscript index | index (range inferred) |
 * | `f g h F G φ ϕ ψ` | unknown, so usable as a function (`f(X)`, `f′(X)·H`) or, if used so, as a value |
 * | any other symbol used as an exponent (`Xⁿ`) | scalar |
 * | other uppercase Latin letters, uppercase Greek (`Σ`, `Λ`) | `n×n` matrix |
 * | `t`, `s`, lowercase Greek letters (`α`, `λ`, `δ` … or their ASCII names) | scalar |
 * | other lowercase Latin letters | `n×1` column vector |
 * | anything else | unknown (fixed by use) |
 *
 * `I` never reaches here as a symbol (it is the identity term); a declaration
 * always overrides a default.
 */
export type DefaultKind = 'index' | 'function' | 'scalar' | 'square' | 'vector' | 'unknown';

const INDEX_LETTERS = new Set(['i', 'j', 'k', 'ℓ', 'm']);
const FUNCTION_LETTERS = new Set(['f', 'g', 'h', 'F', 'G', 'φ', 'ϕ', 'ψ', 'phi', 'varphi', 'psi']);
const SCALAR_LETTERS = new Set(['t', 's']);
const GREEK_NAMES = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota',
  'kappa', 'lambda', 'mu', 'nu', 'xi', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'chi', 'omega',
]);

const isGreekLetter = (name: string): boolean => /^[\u0370-\u03ff\u1f00-\u1fff]$/u.test(name);
/** Uppercase Greek (`Σ`, `Λ`, `Φ`) names matrices in matrix calculus (covariances, eigenvalue matrices). */
const isUpperGreek = (name: string): boolean => /^[\u0391-\u03a9]$/u.test(name);

/** Where an undeclared symbol is used, as far as its default depends on it. */
export type SymbolUse = { readonly asIndex: boolean; readonly asExponent: boolean };

/**
 * The default shape kind of an undeclared symbol. A symbol used as a subscript
 * index is an index; one used as an exponent (`Xⁿ`, `x.^p`) that would
 * otherwise be a matrix or vector is a scalar.
 */
export function defaultKind(name: string, use: SymbolUse = { asIndex: false, asExponent: false }): DefaultKind {
  if (use.asIndex || INDEX_LETTERS.has(name)) return 'index';
  if (FUNCTION_LETTERS.has(name)) return 'function';
  if (use.asExponent) return 'scalar';
  if (/^[A-Z]$/.test(name) || isUpperGreek(name)) return 'square';
  if (SCALAR_LETTERS.has(name) || isGreekLetter(name) || GREEK_NAMES.has(name)) return 'scalar';
  if (/^[a-z]$/.test(name)) return 'vector';
  return 'unknown';
}

/** The dimension name undeclared matrices and vectors get. */
export const DEFAULT_DIM = 'n';
