import test from 'ava';
import { readFileSync } from 'node:fs';
import { formatLocation, lineCol } from '../../src/diag/index.js';
import { parseTerm } from '../../src/parse/index.js';
import { readProofFile, type JustificationItem, type ProofLine } from '../../src/proof/index.js';
import { canonicalize, termKey, type Term } from '../../src/term/index.js';
import { join } from 'node:path';
import { repoRoot } from '../support/repo.js';

const read = (text: string) => readProofFile(text, { sourceName: 'proofs/t.proof' });
const fixture = (name: string): string => readFileSync(join(repoRoot(), 'test/fixtures/proofs', name), 'utf8');
const key = (t: Term): string => termKey(canonicalize(t));
const termOf = (text: string, functions: string[] = ['X']): string => {
  const r = parseTerm(text, { functions });
  return r.ok ? key(r.value) : `?${text}`;
};
const item = (i: JustificationItem): string => {
  switch (i.kind) {
    case 'rule': return `${i.id.text}${i.at ? ` at ${i.at.path.join('.') || 'ε'}` : ''}${i.backward ? ' ←' : ''}`;
    case 'auto': return 'auto';
    case 'hyp': return `hyp ${i.name.text}`;
    case 'both-sides': return `both-sides ${i.op.kind}`;
    case 'frechet-unique': return 'frechet-unique';
    case 'substitute': return `substitute ${i.variable.text} := ${key(i.term)}`;
  }
};
const summary = (l: ProofLine): string => `${l.kind}${'by' in l ? `: ${l.by.items.map(item).join(', ')}` : ''}`;

test('the seed sketch: declarations, two theorems, every line and justification', (t) => {
  const { file, diagnostics } = readProofFile(fixture('inverse-along-curve.proof'), { sourceName: 'p.proof' });
  t.deepEqual(diagnostics, []);
  t.deepEqual(file.uses.map((u) => u.text), ['rules/core']);
  t.is(file.declarations.length, 3);
  t.deepEqual(file.theorems.map((x) => [x.name.text, x.mode, x.indices.map((i) => i.text), x.closed]), [
    ['d-inverse-curve', 'calc', [], true],
    ['grad-aXinvb', 'entrywise', ['i', 'j'], true],
  ]);
  t.deepEqual(file.theorems[0]!.lines.map(summary), [
    'fact: inverse-left',
    'implies: both-sides partial',
    'implies: product-rule, d-constant',
    'implies: both-sides subtract',
    'implies: both-sides right-multiply, inverse-right',
  ]);
  t.deepEqual(file.theorems[1]!.lines.map(summary), [
    'start',
    'rewrite: entry-of-gradient, d-inverse-curve',
    'rewrite: basis-entries',
    'rewrite: delta-contract',
    'rewrite: outer-product-entry',
    'rewrite: transpose-of-product, inverse-transpose at 1.0 ←',
  ]);
});

test('terms of steps read as the formula parser reads them, with X(t) declared', (t) => {
  const { file } = readProofFile(fixture('inverse-along-curve.proof'), { sourceName: 'p.proof' });
  const [first, second] = file.theorems;
  const fact = first!.lines[0]!;
  t.is(fact.kind, 'fact');
  if (fact.kind === 'fact') t.deepEqual(fact.equation.terms.map(key), [termOf('X⁻¹(t) X(t)'), termOf('I')]);
  const sub = first!.lines[3]!;
  if (sub.kind === 'implies') {
    const op = sub.by.items[0]!;
    t.true(op.kind === 'both-sides' && op.op.kind === 'subtract' && key(op.op.term) === termOf('X⁻¹(t) ∂X(t)/∂t'));
  }
  const last = second!.lines[5]!;
  t.true(last.kind === 'rewrite' && key(last.term) === termOf('−(X⁻ᵀabᵀX⁻ᵀ)_{ij}'));
  const start = second!.lines[0]!;
  t.true(start.kind === 'start' && key(start.term) === termOf('(∂(aᵀX⁻¹b)/∂X)_{ij}'));
});

test('spans of theorems, steps and their formulas point to file line:col', (t) => {
  const { file } = readProofFile(fixture('inverse-along-curve.proof'), { sourceName: 'p.proof' });
  const [first, second] = file.theorems;
  t.is(formatLocation(first!.name.span), 'p.proof:7:9');
  t.is(formatLocation(first!.span), 'p.proof:7:1');
  t.is(lineCol(file.source, first!.span.end).line, 14);
  const step = first!.lines[1]!;
  t.is(formatLocation(step.span), 'p.proof:10:3');
  if (step.kind === 'implies') t.is(formatLocation(file.spans.get(step.equation.terms[0]!)!), 'p.proof:10:5');
  const rw = second!.lines[5]!;
  if (rw.kind === 'rewrite') {
    t.is(formatLocation(file.spans.get(rw.term)!), 'p.proof:23:5');
    t.is(formatLocation(rw.by.span), 'p.proof:23:40');
    const inv = rw.by.items[1]!;
    t.is(formatLocation(inv.span), 'p.proof:23:65');
    if (inv.kind === 'rule') t.is(formatLocation(inv.at!.span), 'p.proof:23:86');
  }
  t.is(formatLocation(file.declarations[1]!.span), 'p.proof:4:1');
});

test('LaTeX pasted from the seed: \\begin{align}, &=, \\\\ line ends, \\in declarations', (t) => {
  const { file, diagnostics } = readProofFile(fixture('latex-align.proof'), { sourceName: 'l.proof' });
  t.deepEqual(diagnostics, []);
  t.is(file.declarations.length, 2);
  const [th] = file.theorems;
  t.deepEqual([th!.keyword, th!.mode, th!.indices.map((i) => i.text)], ['lemma', 'entrywise', ['i', 'j']]);
  t.deepEqual(th!.lines.map(summary), [
    'fact: entry-of-gradient, basis-entries', 'rewrite: delta-contract', 'rewrite: outer-product-entry', 'rewrite: auto',
  ]);
  const second = th!.lines[1]!;
  t.true(second.kind === 'rewrite' && key(second.term) === termOf('−(aᵀX⁻¹)_i (X⁻¹b)_j'));
});

type LineCase = [line: string, summary: string];
const LINES: LineCase[] = [
  ['X⁻¹(t) X(t)', 'start'],
  ['= X by r', 'rewrite: r'],
  ['&= -\\left(a^T X^{-1}\\right)_{i}(X^{-1} b)_{j} \\\\ by delta-contract', 'rewrite: delta-contract'],
  ['= A by r ←', 'rewrite: r ←'],
  ['= A by r←', 'rewrite: r ←'],
  ['= A by r <-', 'rewrite: r ←'],
  ['= A by r at 1.0', 'rewrite: r at 1.0'],
  ['= A by r at ε', 'rewrite: r at ε'],
  ['= A by r ← at 0.2.1', 'rewrite: r at 0.2.1 ←'],
  ['= A by auto', 'rewrite: auto'],
  ['= A by hyp h1', 'rewrite: hyp h1'],
  ['A = B by inverse-left', 'fact: inverse-left'],
  ['⟹ A = B by both-sides ∂/∂t', 'implies: both-sides partial'],
  ['⇒ A = B by both-sides \\partial/\\partial X', 'implies: both-sides partial'],
  ['=> A = B by both-sides d/dt', 'implies: both-sides partial'],
  ['\\implies A = B by both-sides d', 'implies: both-sides differential'],
  ['\\Rightarrow A = B by both-sides tr', 'implies: both-sides trace'],
  ['\\quad\\Rightarrow\\quad A = B by both-sides transpose', 'implies: both-sides transpose'],
  ['⟹ A = B by both-sides left-multiply X⁻¹', 'implies: both-sides left-multiply'],
  ['⟹ A = B by both-sides right-multiply f(X, Y), r', 'implies: both-sides right-multiply, r'],
  ['⟹ A = B by both-sides add C', 'implies: both-sides add'],
  ['⟹ A = B by both-sides evaluate t=0', 'implies: both-sides evaluate'],
  ['⟹ A = B by both-sides evaluate t = 0', 'implies: both-sides evaluate'],
  ['⟹ A = B by d-inverse-curve', 'implies: d-inverse-curve'],
  ['have h1 : X⁻¹(t) X(t) = I by inverse-left', 'have: inverse-left'],
  ['= a by y by r', 'rewrite: r'],
  ['= x by both-sides subtract by', 'rewrite: both-sides subtract'],
  ['= A by r -- a comment', 'rewrite: r'],
];

for (const [line, want] of LINES) {
  test(`step line ${JSON.stringify(line)}`, (t) => {
    const { file, diagnostics } = read(`theorem x : A = B\nproof\n  ${line}\nqed`);
    t.deepEqual(diagnostics.map((d) => `${d.code} ${d.message}`), []);
    t.deepEqual(file.theorems[0]?.lines.map(summary), [want]);
  });
}

test('the `by` split takes the last `by` with a valid clause: "a by y" keeps b y in the term', (t) => {
  const { file } = read('theorem x : A = B\nproof\n  = a by y by r\n  = x by both-sides subtract by\nqed');
  const [first, second] = file.theorems[0]!.lines;
  t.true(first!.kind === 'rewrite' && key(first!.term) === termOf('a b y y'));
  const op = second!.kind === 'rewrite' ? second!.by.items[0] : undefined;
  t.true(op?.kind === 'both-sides' && op.op.kind === 'subtract' && key(op.op.term) === termOf('b y'));
});

test('the evaluate and partial operations keep their variable and value', (t) => {
  const { file } = read('theorem x : A = B\nproof\n  ⟹ A = B by both-sides evaluate t=0, both-sides ∂/∂s\nqed');
  const l = file.theorems[0]!.lines[0]!;
  const ops = l.kind === 'implies' ? l.by.items.map((i) => (i.kind === 'both-sides' ? i.op : null)) : [];
  t.deepEqual(ops.map((o) => (o?.kind === 'evaluate' ? `${o.variable}=${key(o.value)}` : o?.kind === 'partial' ? `∂${o.variable}` : '?')), [`t=${termOf('0')}`, '∂s']);
});

test('declarations in any notation; X(t) makes X a function for later lines', (t) => {
  const { file, diagnostics } = read('a b : n\nX : n x n\nt : scalar\nY(s) ∈ ℝ^{n×n}\nF : ℝ^{m×m} → ℝ\ntheorem x : Y(s) = Y(s)\n');
  t.deepEqual(diagnostics, []);
  t.is(file.declarations.length, 5);
  t.deepEqual(file.theorems.map((x) => [x.name.text, x.closed, x.proofSpan]), [['x', false, null]]);
});
