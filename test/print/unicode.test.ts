import test from 'ava';
import { toSubscript, toSuperscript } from '../../src/print/unicode.js';

const converts = (fn: (s: string) => string | undefined, from: string, to: string | undefined): void => {
  test(`${fn.name || 'convert'}: ${from} → ${to ?? 'none'}`, (t) => t.is(fn(from), to));
};

converts(toSuperscript, '-1', '⁻¹');
converts(toSuperscript, '−T', '⁻ᵀ');
converts(toSuperscript, '2', '²');
converts(toSuperscript, 'k', 'ᵏ');
converts(toSuperscript, 'n×n', 'ⁿˣⁿ');
converts(toSuperscript, 'q', undefined);
converts(toSubscript, 'ij', 'ᵢⱼ');
converts(toSubscript, 'kl', 'ₖₗ');
converts(toSubscript, 't=0', 'ₜ₌₀');
converts(toSubscript, 'ℓ', undefined);
converts(toSubscript, 'b', undefined);

test('every glyph is one UTF-16 code unit, so offsets survive conversion', (t) => {
  const ascii = 'abcdefghijklmnopqrstuvwxyzT0123456789-+=()';
  for (const ch of ascii) {
    for (const glyph of [toSuperscript(ch), toSubscript(ch)]) if (glyph !== undefined) t.is(glyph.length, 1, ch);
  }
});
