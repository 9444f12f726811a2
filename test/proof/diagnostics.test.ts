import test from 'ava';
import fc from '../support/fc.js';
import { lineCol, type Diagnostic } from '../../src/diag/index.js';
import { readProofFile } from '../../src/proof/index.js';

const read = (text: string) => readProofFile(text, { sourceName: 'proofs/t.proof' });
const at = (d: Diagnostic): string => {
  if (!d.span) return '-';
  const { line, col } = lineCol(d.span.source, d.span.start);
  return `${line}:${col}`;
};
const codes = (text: string): string[] => read(text).diagnostics.map((d) => `${d.code}@${at(d)}`);

type Case = [text: string, code: string, where: string, found?: string];
const T = 'theorem x : A = B\nproof\n';
const CASES: Case[] = [
  ['theorem x : A = B\nproof\n  = A by r\n', 'E0310', '1:9', 'the end of the file'],
  [`${T}  = A by r\ntheorem y : C = C\n`, 'E0310', '1:9', 'the next theorem (line 4)'],
  ['= A by r', 'E0311', '1:1', 'a proof step'],
  ['A B = C by r', 'E0311', '1:1', 'a proof step'],
  ['X⁻¹ X', 'E0311', '1:1', 'a proof step'],
  ['qed', 'E0311', '1:1', '"qed"'],
  ['proof', 'E0311', '1:1', '"proof"'],
  ['theorem x : A = B\nproof\nqed\nproof', 'E0311', '4:1', '"proof"'],
  [`${T}  = A\nqed`, 'E0312', '3:6', '"= A"'],
  [`${T}  A = B\nqed`, 'E0312', '3:8', '"A = B"'],
  [`${T}  ⟹ A = B\nqed`, 'E0312', '3:10', '"⟹ A = B"'],
  [`${T}  ⟹ A = B by both-sides frobnicate\nqed`, 'E0313', '3:25', '"frobnicate"'],
  [`${T}  ⟹ A = B by both-sides\nqed`, 'E0313', '3:14', 'nothing'],
  [`${T}  ⟹ A = B by both-sides left-multiply\nqed`, 'E0313', '3:25', '"left-multiply"'],
  [`${T}  ⟹ A = B by both-sides evaluate t\nqed`, 'E0313', '3:25', '"evaluate t"'],
  [`${T}  = A by r at 1..0\nqed`, 'E0314', '3:15', '"1..0"'],
  [`${T}  = A by r at x\nqed`, 'E0314', '3:15', '"x"'],
  [`${T}  = A by r at\nqed`, 'E0314', '3:12', 'nothing'],
  ['use', 'E0308', '1:1', 'nothing'],
  ['use   -- nothing', 'E0308', '1:1', 'nothing'],
  ['theorem x : A = A\ntheorem x : B = B', 'E0315', '2:9', '"x"'],
  [`${T}  = A by\nqed`, 'E0316', '3:7', 'nothing'],
  [`${T}  = A by r,\nqed`, 'E0316', '3:10', '"r,"'],
  [`${T}  = A by hyp\nqed`, 'E0316', '3:10', '"hyp"'],
  [`${T}  = A by two words\nqed`, 'E0316', '3:14', '"two words"'],
  [`${T}  = A by Bad!\nqed`, 'E0316', '3:10', '"Bad!"'],
  ['theorem x A = B', 'E0302', '1:9', '"x A = B"'],
  ['theorem Bad! : A = B', 'E0303', '1:9', '"Bad!"'],
  ['theorem x : A', 'E0309', '1:13', 'a term alone'],
  [`${T}  ⟹ A by r\nqed`, 'E0309', '3:5', 'a term alone'],
  [`${T}  have h : A by r\nqed`, 'E0309', '3:12', 'a term alone'],
  [`${T}  have h A = B by r\nqed`, 'E0302', '3:8', '"h A = B by r"'],
  [`${T}  A by r\nqed`, 'E0309', '3:3', 'a term alone'],
  ['theorem x : A = B\nproof sideways\nqed', 'E0301', '2:7', '"proof sideways"'],
  ['?!', 'E0301', '1:1', '"?!"'],
  ['X ∈ ℝ^{n×', 'E0102', '1:10'],
  [`${T}  = (A by r\nqed`, 'E0102', '3:7'],
  [`${T}  = A + by r\nqed`, 'E0101', '3:8'],
];

for (const [text, code, where, found] of CASES) {
  test(`${code} at ${where}: ${JSON.stringify(text)}`, (t) => {
    const { diagnostics } = read(text);
    const d = diagnostics.find((x) => x.code === code);
    t.truthy(d, JSON.stringify(diagnostics.map((x) => `${x.code}@${at(x)} ${x.message}`)));
    if (!d) return;
    t.is(at(d), where);
    if (found !== undefined) t.is(d.found, found);
    t.truthy(d.expected);
  });
}

test('an unclosed proof is reported at its theorem, with a note, and the theorem is kept as not closed', (t) => {
  const { file, diagnostics } = read('theorem x : A = B\nproof\n  A\n  = B by r\n');
  t.is(diagnostics.length, 1);
  t.is(diagnostics[0]!.code, 'E0310');
  t.deepEqual(diagnostics[0]!.notes, ['every "proof" ends with a line "qed"']);
  t.deepEqual(file.theorems.map((x) => [x.name.text, x.closed, x.lines.length]), [['x', false, 2]]);
});

test('every error in a file is reported, in file order, and reading goes on', (t) => {
  const text = [
    'use', 'theorem a : A = A', 'proof', '  = A', '  = A by r at 1..2', '  ⟹ A = A by both-sides spin', 'qed',
    '= B by r', 'theorem a : B = B', 'proof', '  B', '  = B by ok', 'qed', 'theorem c : C = C', 'proof', '  C',
  ].join('\n');
  t.deepEqual(codes(text), ['E0308@1:1', 'E0312@4:6', 'E0314@5:15', 'E0313@6:25', 'E0311@8:1', 'E0315@9:9', 'E0310@14:9']);
  const { file } = read(text);
  t.deepEqual(file.theorems.map((x) => `${x.name.text}:${x.closed}:${x.lines.length}`), ['a:true:0', 'a:true:2', 'c:false:1']);
});

test('a formula error in a step points to its file line and column', (t) => {
  const { diagnostics } = read('t ∈ ℝ\n\ntheorem x : A = B\nproof\n    X \\fracc{1}{2}\nqed');
  t.deepEqual(diagnostics.map((d) => `${d.code}@${at(d)}`), ['E0103@5:7']);
});

const SEED = [
  'use rules/core', 't ∈ ℝ', 'X(t) ∈ ℝ^{n×n} invertible', '',
  'theorem d-inverse-curve : ∂X⁻¹(t)/∂t = −X⁻¹(t) (∂X(t)/∂t) X⁻¹(t)', 'proof',
  '  X⁻¹(t) X(t) = I                      by inverse-left',
  '  ⟹ ∂(X⁻¹(t) X(t))/∂t = ∂I/∂t         by both-sides ∂/∂t',
  '  ⟹ (∂X⁻¹(t)/∂t) X(t) = −X⁻¹(t) ∂X(t)/∂t   by both-sides subtract X⁻¹(t) ∂X(t)/∂t',
  'qed', '',
  'theorem g : ∂(aᵀX⁻¹b)/∂X = −X⁻ᵀabᵀX⁻ᵀ', 'proof entrywise i j', '    (∂(aᵀX⁻¹b)/∂X)_{ij}',
  '  &= -\\left(a^T X^{-1}\\right)_{i}(X^{-1} b)_{j} \\\\ by delta-contract',
  '  = −(X⁻ᵀabᵀX⁻ᵀ)_{ij}   by transpose-of-product, inverse-transpose at 1.0 ←', 'qed',
].join('\n');

/** Every diagnostic has a span inside the text (or none). */
const inside = (text: string, ds: readonly Diagnostic[]): boolean =>
  ds.every((d) => d.span === null || (d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length && d.span.source.text === text));

test('the mutation base file reads without diagnostics', (t) => {
  t.deepEqual(codes(SEED), []);
});

test('random text never throws, and every diagnostic lies inside the text', (t) => {
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.constantFrom('theorem x : A = B', 'proof', 'qed', '= A by r', '⟹ A = B by', 'use', '  ', 'by', 'proof entrywise', 'X(t) ∈ ℝ', '\\\\', '&='), { maxLength: 12 }).map((ls) => ls.join('\n')),
  );
  fc.assert(fc.property(text, (s) => inside(s, read(s).diagnostics)), { numRuns: 400 });
  t.pass();
});

test('random line mutations of a valid proof file never throw, and spans stay inside', (t) => {
  const lines = SEED.split('\n');
  const mutation = fc.tuple(fc.nat(lines.length - 1), fc.nat(90), fc.string({ maxLength: 6 }), fc.nat(8));
  const mutated = fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => {
    const copy = [...lines];
    for (const [line, col, ins, del] of ms) {
      const l = copy[line]!;
      const c = Math.min(col, l.length);
      copy[line] = l.slice(0, c) + ins + l.slice(c + del);
    }
    return copy.join('\n');
  });
  const shuffled = fc.shuffledSubarray(lines).map((ls) => ls.join('\n'));
  fc.assert(fc.property(fc.oneof(mutated, shuffled), (s) => inside(s, read(s).diagnostics)), { numRuns: 400 });
  t.pass();
});
