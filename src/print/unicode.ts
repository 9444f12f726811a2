/**
 * Unicode superscript and subscript glyphs: the one table the printers use to
 * write `X⁻¹`, `Xᵏ`, `ℝⁿˣⁿ`, `Mᵢⱼ`, `|ₜ₌₀`. Only characters with a real glyph
 * are listed (there is no subscript ℓ, no superscript q); anything else makes
 * the printer fall back to `^(…)` / `_{…}`.
 *
 * Invariant: every glyph is a single UTF-16 code unit, like the character it
 * stands for, so text offsets are the same before and after conversion.
 */

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '-': '⁻', '−': '⁻', '+': '⁺', '=': '⁼', '(': '⁽', ')': '⁾',
  a: 'ᵃ', b: 'ᵇ', c: 'ᶜ', d: 'ᵈ', e: 'ᵉ', f: 'ᶠ', g: 'ᵍ', h: 'ʰ', i: 'ⁱ', j: 'ʲ', k: 'ᵏ', l: 'ˡ', m: 'ᵐ',
  n: 'ⁿ', o: 'ᵒ', p: 'ᵖ', r: 'ʳ', s: 'ˢ', t: 'ᵗ', u: 'ᵘ', v: 'ᵛ', w: 'ʷ', x: 'ˣ', y: 'ʸ', z: 'ᶻ',
  T: 'ᵀ', '×': 'ˣ',
};

const SUBSCRIPTS: Readonly<Record<string, string>> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '-': '₋', '−': '₋', '+': '₊', '=': '₌', '(': '₍', ')': '₎',
  a: 'ₐ', e: 'ₑ', h: 'ₕ', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', l: 'ₗ', m: 'ₘ', n: 'ₙ', o: 'ₒ', p: 'ₚ', r: 'ᵣ',
  s: 'ₛ', t: 'ₜ', u: 'ᵤ', v: 'ᵥ', x: 'ₓ',
};

function convert(text: string, table: Readonly<Record<string, string>>): string | undefined {
  let out = '';
  for (const ch of text) {
    const glyph = table[ch];
    if (glyph === undefined) return undefined;
    out += glyph;
  }
  return out;
}

/** `text` in superscript glyphs, or `undefined` when some character has none. */
export const toSuperscript = (text: string): string | undefined => convert(text, SUPERSCRIPTS);

/** `text` in subscript glyphs, or `undefined` when some character has none. */
export const toSubscript = (text: string): string | undefined => convert(text, SUBSCRIPTS);

/** The superscript glyph of one character (for use with `mapChars`, after `toSuperscript` succeeded). */
export const superscriptChar = (ch: string): string => SUPERSCRIPTS[ch] ?? ch;

/** The subscript glyph of one character (for use with `mapChars`, after `toSubscript` succeeded). */
export const subscriptChar = (ch: string): string => SUBSCRIPTS[ch] ?? ch;

/** The minus sign of Unicode output (U+2212), not the hyphen. */
export const MINUS = '−';
