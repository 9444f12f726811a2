import { FUNCTION_NAMES, lookupFunction } from '../term/index.js';

/**
 * How symbol and function names are spelled in each notation. A symbol is a
 * single letter (Latin or Greek); Greek letters become `\alpha` in LaTeX and
 * `alpha` in ASCII. Follows the Unicode-math convention `\phi` = ϕ (U+03D5),
 * `\varphi` = φ (U+03C6), likewise `\epsilon` = ϵ, `\varepsilon` = ε.
 */

const GREEK: readonly (readonly [string, string])[] = [
  ['α', 'alpha'], ['β', 'beta'], ['γ', 'gamma'], ['δ', 'delta'], ['ϵ', 'epsilon'], ['ε', 'varepsilon'],
  ['ζ', 'zeta'], ['η', 'eta'], ['θ', 'theta'], ['ϑ', 'vartheta'], ['ι', 'iota'], ['κ', 'kappa'],
  ['λ', 'lambda'], ['μ', 'mu'], ['ν', 'nu'], ['ξ', 'xi'], ['π', 'pi'], ['ρ', 'rho'], ['σ', 'sigma'],
  ['τ', 'tau'], ['υ', 'upsilon'], ['ϕ', 'phi'], ['φ', 'varphi'], ['χ', 'chi'], ['ψ', 'psi'], ['ω', 'omega'],
  ['Γ', 'Gamma'], ['Δ', 'Delta'], ['Θ', 'Theta'], ['Λ', 'Lambda'], ['Ξ', 'Xi'], ['Π', 'Pi'], ['Σ', 'Sigma'],
  ['Υ', 'Upsilon'], ['Φ', 'Phi'], ['Ψ', 'Psi'], ['Ω', 'Omega'], ['ℓ', 'ell'],
];

const greekName = new Map(GREEK);

/** The word for a Greek letter (`alpha`), or `undefined` for any other name. */
export const greekWord = (name: string): string | undefined => greekName.get(name);

/** `name` in LaTeX: `X`, `\alpha`, `\ell`. */
export function latexSymbol(name: string): string {
  const word = greekWord(name);
  return word === undefined ? name : `\\${word}`;
}

/** `name` in ASCII: `X`, `alpha`, `ell`. */
export function asciiSymbol(name: string): string {
  return greekWord(name) ?? name;
}

/** LaTeX operators with a command of their own; the others are written `\operatorname{…}`. */
const LATEX_OPERATORS = new Set(['det', 'log', 'exp', 'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh']);

/** A function name in LaTeX: `\det`, `\operatorname{tr}`. */
export function latexFunction(name: string): string {
  if (LATEX_OPERATORS.has(name)) return `\\${name}`;
  return lookupFunction(name) || name.length > 1 ? `\\operatorname{${name}}` : latexSymbol(name);
}

/** ASCII command words the parser knows (`inv(X)`, `kron(A, B)`, `diff(f, X)`, …). */
const COMMAND_WORDS: readonly string[] = ['inv', 'transpose', 'trace', 'Tr', 'kron', 'diff', 'delta', 'sum', 'at', 'norm'];

/**
 * Letter runs the parser may read as one word: function names, command words
 * and Greek letter names. Juxtaposed single letters must never spell one
 * (`t r X` is printed `t rX`, not `trX`, which reads as `tr(X)`).
 */
export const RESERVED_WORDS: readonly string[] = [...FUNCTION_NAMES, ...COMMAND_WORDS, ...GREEK.map(([, w]) => w)];
