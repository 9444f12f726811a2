import test from 'ava';
import { children, equalTerms, termKey, type Formula, type Term } from '../../src/term/index.js';
import { printTerm } from '../../src/print/index.js';
import { elaborate, formatShape, type Elaboration } from '../../src/shape/index.js';
import { loadReader } from './reader.js';

/** Reads `declarations` (may be empty) and `text`, and elaborates the formula. */
async function read(declarations: string, text: string): Promise<Elaboration> {
  const { parseFormula, parseDeclarations } = await loadReader();
  const decls = declarations === '' ? undefined : parseDeclarations(declarations);
  if (decls && !decls.ok) throw new Error(`declarations do not parse: ${decls.diagnostics[0]?.message}`);
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(`${text} does not parse: ${parsed.diagnostics[0]?.message}`);
  return elaborate(parsed.value, parsed.spans, decls ? { declarations: decls.value, declarationSpans: decls.spans } : {});
}

const firstTerm = (f: Formula): Term => {
  const st = f.statements[0]!;
  if (st.kind === 'term') return st.term;
  if (st.kind === 'chain') return st.terms[0]!;
  throw new Error(`no term in ${st.kind}`);
};

/** `shapeIs(decls, text, shape)`: no diagnostic, and the first term has that shape. */
const shapeIs = (declarations: string, text: string, expected: string): void => {
  test(`${declarations ? `${declarations} ⊢ ` : ''}${text} : ${expected}`, async (tt) => {
    const e = await read(declarations, text);
    tt.deepEqual(e.diagnostics.map((d) => `${d.code} ${d.message}`), []);
    tt.is(formatShape(e.shapeOf(firstTerm(e.formula))!), expected);
  });
};

/** `fails(decls, text, codes, message)`: exactly these diagnostic codes; the first message matches. */
const fails = (declarations: string, text: string, codes: string[], message?: RegExp): void => {
  test(`${declarations ? `${declarations} ⊢ ` : ''}${text} fails with ${codes.join(', ')}`, async (tt) => {
    const e = await read(declarations, text);
    tt.deepEqual(e.diagnostics.map((d) => d.code), codes);
    if (message) tt.regex(e.diagnostics[0]!.message, message);
  });
};

/** `sameTerm(decls, left, right)`: the two texts elaborate to the same canonical term. */
const sameTerm = (declarations: string, left: string, right: string): void => {
  test(`${declarations ? `${declarations} ⊢ ` : ''}${left} ≡ ${right}`, async (tt) => {
    const [l, r] = [firstTerm((await read(declarations, left)).formula), firstTerm((await read(declarations, right)).formula)];
    tt.true(equalTerms(l, r), `${termKey(l)} vs ${termKey(r)}`);
  });
};

const seed = 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n}';
const rect = 'A ∈ ℝ^{m×n}; B ∈ ℝ^{n×m}';

shapeIs(seed, '∂(aᵀX⁻¹b)/∂X', 'n×n');
shapeIs(seed, '−X⁻ᵀabᵀX⁻ᵀ', 'n×n');
shapeIs('', '\\frac{\\partial}{\\partial X} (a^TX^{-1}b) = -X^{-T}ab^TX^{-T} \\quad a, b \\in \\mathbb{R}^n', 'n×n');
shapeIs(seed, 'aᵀb', 'scalar');
shapeIs(seed, 'a bᵀ', 'n×n');
shapeIs(seed, 'aᵀ', '1×n');
shapeIs(seed, '∂(aᵀXb)/∂X', 'n×n');
shapeIs('', '∂ tr(AX)/∂X', 'n×n');
shapeIs(seed, 'd(X⁻¹)', 'n×n');
shapeIs(seed, 'd(X⁻¹) = −X⁻¹ dX X⁻¹', 'n×n');
shapeIs(rect, 'A ⊗ B', '(mn)×(nm)');
shapeIs('A ∈ ℝ^{m×n}; C ∈ ℝ^{p×q}', 'A ⊗ C', '(mp)×(nq)');
shapeIs('A ∈ ℝ^{m×n}; C ∈ ℝ^{p×q}', 'kron(A, C)ᵀ', '(nq)×(mp)');
shapeIs(rect, 'A B', 'm×m');
shapeIs(rect, 'tr(A B)', 'scalar');
shapeIs(rect, 'vec(A)', '(mn)×1');
shapeIs('t ∈ ℝ', 't Y', 'n×n');
shapeIs('', '(aᵀX⁻¹)_k δ_{ik}', 'scalar');
shapeIs('', 'f′(X)·H = −X⁻¹HX⁻¹', 'n×n');
shapeIs('', '(I+H)^{-1} = I - H + o(H)', 'n×n');
shapeIs('', '\\|H\\| \\to 0', 'scalar');
shapeIs('X(t) ∈ ℝ^{n×n} invertible', '∂X⁻¹(t)/∂t', 'n×n');
shapeIs('A ∈ ℝ^{m×m}', '∂F(A)/∂A \\quad F: ℝ^{m×m} → ℝ', 'm×m');
fails('A ∈ ℝ^{n×n}', 'F(A) \\quad F: ℝ^{m×m} → ℝ', ['E0202'], /^F takes a m×m argument, not A \(n×n\)$/);

fails(seed, 'a X', ['E0201'], /^cannot multiply a \(n×1\) by X \(n×n\)$/);
fails(seed, 'X aᵀ + X', ['E0201']);
fails('A ∈ ℝ^{m×n}', 'A⁻¹', ['E0203'], /A needs a square matrix/);
fails('A ∈ ℝ^{m×n}', 'tr(A)', ['E0203']);
fails('A ∈ ℝ^{m×n}', 'det(A)', ['E0203']);
fails(rect, 'A + B', ['E0202'], /^cannot add A \(m×n\) and B \(n×m\)$/);
fails(rect, 'A_{ij} B_{ij}', ['E0204', 'E0204'], /index i ranges over n here but over m elsewhere/);
fails('A ∈ ℝ^{m×n}; a ∈ ℝⁿ', 'a_i A_{ij}', ['E0204'], /^index i ranges over m here but over n elsewhere$/);
fails('A ∈ ℝ^{m×n}', 'δ_{ij} A_{ij}', ['E0204'], /^index j ranges over n here but over m elsewhere$/);
fails(seed, 'X = a', ['E0205']);
fails(seed, '∂X/∂X', ['E0208']);
fails('X ∈ ℝ^{n×n}; X ∈ ℝ^{m×m}', 'X', ['E0207']);
fails(seed, 'a X + X aᵀ', ['E0201', 'E0201']);
fails(seed, 'X + I a', ['E0202'], /^I ?a is n×1 but its context needs n×n$/);
fails('X ∈ ℝ^{n×n}', 'X \\quad X ∈ ℝ^{m×m}', ['E0207'], /^X is declared twice with different shapes$/);
fails('A ∈ ℝ^{m×n} invertible', 'A', ['E0203']);

test('a conflicting declaration points at the second declaration', async (tt) => {
  const e = await read('X ∈ ℝ^{n×n}', 'X \\quad X ∈ ℝ^{m×m}');
  const span = e.diagnostics[0]!.span!;
  tt.is(span.source.text.slice(span.start, span.end), 'X ∈ ℝ^{m×m}');
});

sameTerm('t ∈ ℝ', 't Y', 'Y t');
sameTerm(seed, 'Y (aᵀb)', '(aᵀb) Y');
sameTerm(seed, '2 (aᵀb) Y', 'Y (aᵀb) 2');

test('Y (aᵀb) keeps aᵀb as one unit', async (tt) => {
  const e = await read(seed, 'Y (aᵀb)');
  const t = firstTerm(e.formula);
  tt.is(termKey(t), '(* #1 (* #1 (T a) b) Y)');
});

test('a shape error points into the source', async (tt) => {
  const e = await read(seed, 'Y + a X');
  const span = e.diagnostics[0]!.span!;
  tt.is(span.source.text.slice(span.start, span.end), 'a X');
});

// A bracket that is a factor, not a call, is juxtaposition: `bᵀ (a)` is no
// unit of its own, so the printed product reads back as it was printed.
sameTerm(seed, 'a bᵀ (a) bᵀ', 'a bᵀ a bᵀ');
sameTerm('', 'c eₖᵀ (cᵀ)ᵀ eₖᵀ', "c * e(k)' * (c')' * e(k)'");
sameTerm(seed, '(bᵀ a) a bᵀ', 'a (bᵀ a) bᵀ');

// The defaults of `0` (scalar) and `o(H)` (the shape of H) come last and
// yield to every check; a default that fits is still taken.
shapeIs('', '0 ⊘ ((∂G/∂s) dA dG)', 'n×n');
shapeIs('', '−(∂B/∂s).^2 = −0.^2', 'n×n');
shapeIs('', 'tr(u xᵀ) ∂0/∂s + ∂H/∂t', 'n×n');
shapeIs('', 'o(M) xᵀ = M', 'n×n');
shapeIs('', 'a o(X) = a bᵀ', 'n×n');
shapeIs('', '∂(o(Y) c)/∂M', 'n×n');
shapeIs('', '∂o(Y)/∂M', 'n×n');
shapeIs('', 'o(t) X', 'n×n');
shapeIs('', 'X o(t)', 'n×n');
shapeIs('', '0.^2', 'scalar');
shapeIs('', 'o(H)', 'n×n');

/** `notScalar(text, sub)`: `text` shapes without error, and its subterm printed `sub` is not a scalar. */
const notScalar = (text: string, sub: string): void => {
  test(`a default does not decide ${sub} in ${text}`, async (tt) => {
    const e = await read('', text);
    tt.deepEqual(e.diagnostics.map((d) => d.message), []);
    const found = subterms(firstTerm(e.formula)).filter((u) => printTerm(u) === sub);
    tt.true(found.length > 0, `no subterm ${sub}`);
    for (const u of found) tt.false(e.isScalar(u), `${sub} is a scalar`);
  });
};
const subterms = (t: Term): Term[] => [t, ...children(t).flatMap(subterms)];

// A default never decides the shape of a symbol or an identity: `= 0` makes
// neither `G` nor `I` a scalar (the lines of a proof before it read the same).
notScalar('∂(−G)/∂s = 0', 'G');
notScalar('δ_{iℓ} d(I) = 0', 'd(I)');
notScalar('(−4 ∂G/∂t)|ₜ₌₀ = −4 (0|ₜ₌₀)', '∂G/∂t');
