import test from 'ava';
import fc from '../support/fc.js';
import { formatLocation, lineCol, type Diagnostic } from '../../src/diag/index.js';
import { readRuleFile } from '../../src/parse/index.js';
import { termKey, canonicalize, type Term } from '../../src/term/index.js';
import { parseTerm } from '../../src/parse/index.js';

const LIBRARY = [
  '-- rules/inverse.rules',
  'rules inverse                      -- the library name',
  'use rules/core                     -- imports',
  'vars A B : matrix, X : square matrix, c : scalar, i j : index',
  '',
  '-- A matrix times its inverse is the identity.',
  'rule inverse-left : A⁻¹ A = I   if invertible(A)',
  'rule d-inverse [simp] : d(X⁻¹) = −X⁻¹ dX X⁻¹   if invertible(X)',
  '% trace is cyclic',
  '// (two comment styles)',
  'rule trace-cyclic : tr(A B) = tr(B A)',
  'rule long-one [simp, expand] : A B + c A',
  '    = A (B + c I)   if p(A), q(B, t)',
  'rule latex : \\operatorname{tr}(A^T B) = \\mathrm{tr}(B^{T} A)',
].join('\n');

const read = (text: string) => readRuleFile(text, { sourceName: 'rules/t.rules' });
const at = (d: { span: { source: { name: string; text: string }; start: number } | null }): string =>
  d.span ? `${lineCol(d.span.source, d.span.start).line}:${lineCol(d.span.source, d.span.start).col}` : '-';
const key = (t: Term): string => termKey(canonicalize(t));
const termOf = (text: string): string => {
  const r = parseTerm(text);
  return r.ok ? key(r.value) : `?${text}`;
};

test('a whole library: name, uses, vars, rules, tags, docs, conditions', (t) => {
  const { file, diagnostics } = read(LIBRARY);
  t.deepEqual(diagnostics, []);
  t.is(file.name?.text, 'inverse');
  t.deepEqual(file.uses.map((u) => u.text), ['rules/core']);
  t.deepEqual(file.vars.map((v) => `${v.name}:${v.sortText}`), ['A:matrix', 'B:matrix', 'X:square matrix', 'c:scalar', 'i:index', 'j:index']);
  t.deepEqual(file.rules.map((r) => r.id.text), ['inverse-left', 'd-inverse', 'trace-cyclic', 'long-one', 'latex']);
  t.deepEqual(file.rules.map((r) => r.tags.map((x) => x.text)), [[], ['simp'], [], ['simp', 'expand'], []]);
  t.deepEqual(file.rules.map((r) => r.doc), ['A matrix times its inverse is the identity.', null, 'trace is cyclic\n(two comment styles)', null, null]);
  t.deepEqual(file.rules.map((r) => r.conditions.map((c) => `${c.predicate.text}/${c.args.length}`)), [['invertible/1'], ['invertible/1'], [], ['p/1', 'q/2'], []]);
});

test('rule sides are read as the formula parser reads them', (t) => {
  const { file } = read(LIBRARY);
  const sides = file.rules.map((r) => (r.statement.kind === 'chain' ? r.statement.terms.map(key) : []));
  t.deepEqual(sides[0], [termOf('A⁻¹ A'), termOf('I')]);
  t.deepEqual(sides[1], [termOf('d(X⁻¹)'), termOf('−X⁻¹ dX X⁻¹')]);
  t.deepEqual(sides[3], [termOf('A B + c A'), termOf('A (B + c I)')]);
  t.deepEqual(sides[4], [termOf('tr(Aᵀ B)'), termOf('tr(Bᵀ A)')]);
  t.deepEqual(file.rules[0]!.conditions[0]!.args.map(key), [termOf('A')]);
});

test('spans of rules, ids, sides and conditions point into the file', (t) => {
  const { file } = read(LIBRARY);
  const [left, d, , long] = file.rules;
  t.is(formatLocation(left!.id.span), 'rules/t.rules:7:6');
  t.is(formatLocation(left!.span), 'rules/t.rules:7:1');
  const lhs = left!.statement.kind === 'chain' ? left!.statement.terms[0]! : null;
  t.is(formatLocation(file.spans.get(lhs!)!), 'rules/t.rules:7:21');
  t.is(formatLocation(file.spans.get(left!.statement)!), 'rules/t.rules:7:21');
  t.is(formatLocation(left!.conditions[0]!.span), 'rules/t.rules:7:36');
  t.is(formatLocation(file.spans.get(left!.conditions[0]!.args[0]!)!), 'rules/t.rules:7:47');
  t.is(formatLocation(d!.tags[0]!.span), 'rules/t.rules:8:17');
  const rhs = long!.statement.kind === 'chain' ? long!.statement.terms[1]! : null;
  t.is(formatLocation(file.spans.get(rhs!)!), 'rules/t.rules:13:7', 'continuation line');
  t.is(formatLocation(file.vars[2]!.span), 'rules/t.rules:4:20');
});

test('CRLF line ends and trailing comments keep positions', (t) => {
  const { file, diagnostics } = read('rules crlf\r\nrule r-one : A B = B A  -- not true\r\nrule r-two : A = A\r\n');
  t.deepEqual(diagnostics, []);
  t.deepEqual(file.rules.map((r) => r.id.text), ['r-one', 'r-two']);
  t.is(formatLocation(file.rules[1]!.id.span), 'rules/t.rules:3:6');
});

test('a formula error inside a rule points at the file line and column', (t) => {
  const { diagnostics } = read('rules x\n\nrule r : A = B }');
  t.is(diagnostics.length, 1);
  t.is(diagnostics[0]!.code, 'E0102');
  t.is(at(diagnostics[0]!), '3:16');
  const unknown = read('rule r : \\fracc{A}{B} = A').diagnostics[0]!;
  t.is(unknown.code, 'E0103');
  t.is(at(unknown), '1:10');
});

type Case = [text: string, code: string, where: string, found?: string];
const CASES: Case[] = [
  ['what is this', 'E0301', '1:1', '"what is this"'],
  ['rules x\n  continued', 'E0303', '1:7', '"x\n  continued"'],
  ['rule inverse-left A⁻¹ A = I', 'E0302', '1:6', '"inverse-left A⁻¹ A = I"'],
  ['rule Inverse_Left! : A = A', 'E0303', '1:6', '"Inverse_Left!"'],
  ['rule : A = A', 'E0303', '1:5', 'nothing'],
  ['rule x [simp : A = A', 'E0304', '1:8', '"[simp"'],
  ['rule x [] : A = A', 'E0304', '1:8', '"[]"'],
  ['rule x [simp, !] : A = A', 'E0304', '1:15', '"[simp, !]"'],
  ['rule x [simp] junk : A = A', 'E0304', '1:8', '"[simp] junk"'],
  ['rule x : = A', 'E0305', '1:10', 'nothing'],
  ['rule x : A =', 'E0305', '1:10', 'nothing'],
  ['rule x :', 'E0305', '1:6', 'nothing'],
  ['rule x : A = B if', 'E0306', '1:18', 'nothing'],
  ['rule x : A = B if invertible', 'E0306', '1:19', '"invertible"'],
  ['rule x : A = B if invertible(A), ', 'E0306', '1:33', 'nothing'],
  ['rule x : A = B if p(A,)', 'E0306', '1:19', '"p(A,)"'],
  ['rule x : A = B if p(A +)', 'E0101', '1:24', 'end of input'],
  ['rule x : A = B \\quad C = D', 'E0309', '1:10', 'several statements'],
  ['vars A B', 'E0307', '1:6', '"A B"'],
  ['vars A B : ', 'E0307', '1:6', '"A B :"'],
  ['vars : matrix', 'E0307', '1:6', '": matrix"'],
  ['vars AB : matrix', 'E0307', '1:6', '"AB"'],
  ['vars', 'E0307', '1:5', 'nothing'],
  ['use', 'E0308', '1:1', 'nothing'],
  ['use a b', 'E0303', '1:5', '"a b"'],
  ['rules my lib', 'E0303', '1:7', '"my lib"'],
];

for (const [text, code, where, found] of CASES) {
  test(`diagnostic ${code} at ${where}: ${JSON.stringify(text)}`, (t) => {
    const { diagnostics } = read(text);
    const d = diagnostics.find((x) => x.code === code);
    t.truthy(d, JSON.stringify(diagnostics.map((x) => `${x.code} ${x.message}`)));
    if (!d) return;
    t.is(at(d), where);
    if (found !== undefined) t.is(d.found, found);
    t.truthy(d.expected);
  });
}

test('every error in a file is reported, and good rules around bad ones are kept', (t) => {
  const text = ['rule a-1 : A = A', 'rule bad', 'rule a-2 : B = B', 'nonsense here', 'rule a-3 : C = (C', 'rule a-4 : D = D if x'].join('\n');
  const { file, diagnostics } = read(text);
  t.deepEqual(file.rules.map((r) => r.id.text), ['a-1', 'a-2', 'a-4']);
  t.deepEqual(diagnostics.map((d) => `${d.code}@${at(d)}`), ['E0302@2:6', 'E0301@4:1', 'E0102@5:18', 'E0306@6:21']);
});

test('"if" splits the conditions only as a word; "iff" or "if" inside a name does not', (t) => {
  const { file, diagnostics } = read('rule x : A f = B   if p(A)\nrule y : A = B if q(A), r(B)');
  t.deepEqual(diagnostics, []);
  t.is(file.rules[0]!.conditions.length, 1);
  t.deepEqual(file.rules[1]!.conditions.map((c) => c.predicate.text), ['q', 'r']);
});

/** Every diagnostic has a span inside the text (or none). */
const inside = (text: string, ds: readonly Diagnostic[]): boolean =>
  ds.every((d) => d.span === null || (d.span.start >= 0 && d.span.end <= text.length && d.span.start <= d.span.end && d.span.source.text === text));

test('random text never throws, and every diagnostic lies inside the text', (t) => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => inside(text, read(text).diagnostics)), { numRuns: 300 });
  t.pass();
});

test('random line mutations of a valid library never throw', (t) => {
  const lines = LIBRARY.split('\n');
  const mutated = fc.tuple(fc.nat(lines.length - 1), fc.nat(80), fc.string({ maxLength: 6 }), fc.nat(6)).map(([line, col, ins, del]) => {
    const copy = [...lines];
    const l = copy[line]!;
    const c = Math.min(col, l.length);
    copy[line] = l.slice(0, c) + ins + l.slice(c + del);
    return copy.join('\n');
  });
  fc.assert(fc.property(mutated, (text) => inside(text, read(text).diagnostics)), { numRuns: 300 });
  t.pass();
});
