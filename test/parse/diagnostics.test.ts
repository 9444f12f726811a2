import test from 'ava';
import { lineCol, type Diagnostic } from '../../src/diag/index.js';
import { parseDeclarations, parseFormula, parseTerm, type ParseOutcome } from '../../src/parse/index.js';

/** The one diagnostic of a failed parse, with its 1-based position. */
function failure(text: string, parse: (text: string) => ParseOutcome<unknown> = parseFormula): (Diagnostic & { line: number; col: number }) | undefined {
  const r = parse(text);
  if (r.ok || r.diagnostics.length === 0) return undefined;
  const d = r.diagnostics[0]!;
  return { ...d, ...lineCol(r.source, d.span!.start) };
}

test('bad token: E0101 at the token, expecting a term', (t) => {
  t.like(failure('X + * Y'), { code: 'E0101', line: 1, col: 5, expected: 'a term', found: '"*"', message: 'unexpected "*"' });
});

test('bad token after a complete term lists operators, relations and the end', (t) => {
  t.like(failure('X Y %'), {
    code: 'E0101', col: 5, found: '"%"', expected: 'a term, an operator, a relation or the end of the formula',
  });
});

test('unbalanced brace: E0102 at the end, with where it was opened', (t) => {
  const d = failure('\\frac{\\partial f}{\\partial X');
  t.like(d, { code: 'E0102', line: 1, col: 29, expected: '"}" to close "{"', found: 'end of input' });
  t.deepEqual(d?.notes, ['opened at 1:18']);
});

test('mismatched bracket: E0102 at the closer, with where the opener was', (t) => {
  const d = failure('(X + Y]');
  t.like(d, { code: 'E0102', col: 7, expected: '")" to close "("', found: '"]"' });
  t.deepEqual(d?.notes, ['opened at 1:1']);
});

test('unbalanced \\left … without \\right', (t) => {
  t.like(failure('\\left( X'), { code: 'E0102', expected: '"\\right" to close "\\left("' });
});

test('unbalanced parenthesis on a second line', (t) => {
  const d = failure('X +\n(Y');
  t.like(d, { code: 'E0102', line: 2, col: 3 });
  t.deepEqual(d?.notes, ['opened at 2:1']);
});

test('unknown command: E0103 with a did-you-mean', (t) => {
  const d = failure('\\fracc{\\partial f}{\\partial X}');
  t.like(d, { code: 'E0103', line: 1, col: 1, found: '"\\fracc"' });
  t.deepEqual(d?.notes, ['did you mean "\\frac"?']);
  t.deepEqual(failure('\\foo')?.notes, []);
  t.deepEqual(failure('a \\partail b')?.notes, ['did you mean "\\partial"?']);
});

test('unexpected end of input: E0101 expecting a term', (t) => {
  t.like(failure('aᵀX⁻¹b ='), { code: 'E0101', col: 9, expected: 'a term', found: 'end of input', message: 'unexpected end of input' });
});

test('empty and blank input: E0104', (t) => {
  t.like(failure(''), { code: 'E0104', line: 1, col: 1 });
  t.like(failure('   \n  '), { code: 'E0104' });
});

test('binary character: E0107 at the character', (t) => {
  t.like(failure('X\u0001Y'), { code: 'E0107', col: 2, found: 'U+0001' });
  t.like(failure('ab\u0000'), { code: 'E0107', col: 3, found: 'U+0000' });
});

test('too deep and too long', (t) => {
  t.like(failure('('.repeat(10_000) + 'X' + ')'.repeat(10_000)), { code: 'E0105' });
  t.like(failure('X'.repeat(200_000)), { code: 'E0106' });
  t.like(failure('((X))', (s) => parseFormula(s, { maxDepth: 1 })), { code: 'E0105', col: 2 });
});

test('parseTerm rejects an equation; parseDeclarations a term', (t) => {
  t.like(failure('X = Y', parseTerm), { code: 'E0101', col: 3, found: '"="' });
  t.like(failure('X + Y', parseDeclarations), { code: 'E0101' });
});

test('diagnostics name the source', (t) => {
  const r = parseFormula('X +', { sourceName: 'proof.lz' });
  t.false(r.ok);
  if (!r.ok) t.is(r.diagnostics[0]!.span!.source.name, 'proof.lz');
});
