/**
 * Names the reader knows: Greek letters spelled as LaTeX commands or ASCII
 * words, the letters that read as functions before `(`, and aliases of the
 * named functions. One table, shared by the semantics and the pre-scan.
 */

/** Greek words (`\alpha`, ASCII `alpha`) and the letter each stands for (Unicode-math: `\phi` = ϕ, `\varphi` = φ). */
export const GREEK_LETTERS: ReadonlyMap<string, string> = new Map([
  ['alpha', 'α'], ['beta', 'β'], ['gamma', 'γ'], ['delta', 'δ'], ['epsilon', 'ϵ'], ['varepsilon', 'ε'],
  ['zeta', 'ζ'], ['eta', 'η'], ['theta', 'θ'], ['vartheta', 'ϑ'], ['iota', 'ι'], ['kappa', 'κ'],
  ['lambda', 'λ'], ['mu', 'μ'], ['nu', 'ν'], ['xi', 'ξ'], ['pi', 'π'], ['rho', 'ρ'], ['sigma', 'σ'],
  ['tau', 'τ'], ['upsilon', 'υ'], ['phi', 'ϕ'], ['varphi', 'φ'], ['chi', 'χ'], ['psi', 'ψ'], ['omega', 'ω'],
  ['Gamma', 'Γ'], ['Delta', 'Δ'], ['Theta', 'Θ'], ['Lambda', 'Λ'], ['Phi', 'Φ'], ['Psi', 'Ψ'],
  ['Omega', 'Ω'], ['ell', 'ℓ'],
]);

/** Symbols read as a function when written directly before `(` (`f(X)`); see also `ParseOptions.functions`. */
export { FUNCTION_LETTERS } from '../term/index.js';

/** A single-letter argument that makes any symbol an application: `X(t)`. */
export const PARAMETER_LETTERS: ReadonlySet<string> = new Set(['t', 's']);

/** Function names as written → the name in the term language (`trace`, `Tr` → `tr`). */
const FUNCTION_ALIASES: ReadonlyMap<string, string> = new Map([['trace', 'tr'], ['Tr', 'tr']]);

export const functionName = (written: string): string => FUNCTION_ALIASES.get(written) ?? written;

/** Unicode subscript and superscript glyphs → the character they stand for. */
const SCRIPT_CHARS: ReadonlyMap<string, string> = new Map([
  ...[...'₀₁₂₃₄₅₆₇₈₉'].map((c, i): [string, string] => [c, String(i)]),
  ...[...'⁰¹²³⁴⁵⁶⁷⁸⁹'].map((c, i): [string, string] => [c, String(i)]),
  ['ₐ', 'a'], ['ₑ', 'e'], ['ₕ', 'h'], ['ᵢ', 'i'], ['ⱼ', 'j'], ['ₖ', 'k'], ['ₗ', 'l'], ['ₘ', 'm'],
  ['ₙ', 'n'], ['ₒ', 'o'], ['ₚ', 'p'], ['ᵣ', 'r'], ['ₛ', 's'], ['ₜ', 't'], ['ᵤ', 'u'], ['ᵥ', 'v'], ['ₓ', 'x'],
  ['ᵃ', 'a'], ['ᵇ', 'b'], ['ᶜ', 'c'], ['ᵉ', 'e'], ['ᶠ', 'f'], ['ᵍ', 'g'], ['ʰ', 'h'], ['ⁱ', 'i'], ['ʲ', 'j'],
  ['ᵏ', 'k'], ['ˡ', 'l'], ['ᵐ', 'm'], ['ⁿ', 'n'], ['ᵒ', 'o'], ['ᵖ', 'p'], ['ʳ', 'r'], ['ˢ', 's'], ['ᵗ', 't'],
  ['ᵘ', 'u'], ['ᵛ', 'v'], ['ʷ', 'w'], ['ʸ', 'y'], ['ᶻ', 'z'], ['₋', '-'], ['⁻', '-'],
]);

/** The plain text of a run of sub- or superscript glyphs (`ᵢⱼ` → `ij`, `⁻¹` → `-1`). */
export const plainScript = (glyphs: string): string => [...glyphs].map((c) => SCRIPT_CHARS.get(c) ?? c).join('');
