import { sidesDiffer, type Diagnostic, type Span, type SpanTable } from '../diag/index.js';
import {
  canonicalize, children, isStructuralScalar, withChildren, type Declaration, type Formula, type ScalarTest, type Signature, type Statement, type Term,
} from '../term/index.js';
import { makeEnv, type ShapeEnv } from './env.js';
import { infer } from './infer.js';
import { runJobs } from './jobs.js';
import { collectSymbolUses, makeSession, show, spanOf, type Session } from './session.js';
import { isScalarShape, type Dim, type Shape } from './shape.js';
import { unify } from './unify.js';
import { shapeLookup } from './lookup.js';

/** The result of elaborating a formula: canonical terms, their shapes, and every shape error. */
export type Elaboration = {
  /** The formula with every term canonicalised under the shape-aware scalar test; spans carried over. */
  readonly formula: Formula;
  /** Declarations given in the options and those made inside the formula (which hold for the whole formula). */
  readonly env: ShapeEnv;
  /** The resolved shape of any subterm of `formula` (or of a term built from its symbols); memoised. */
  readonly shapeOf: (t: Term) => Shape | undefined;
  /** Whether `shapeOf(t)` is known for this very object already (it costs no inference). */
  readonly shapeKnown: (t: Term) => boolean;
  /**
   * `made`, a term a rewrite built from `old`, read as a line written in
   * place of `old` would be: shaped with `old`'s shape (a rewrite keeps
   * shapes), its polymorphic parts (`0`, `o(H)`, `I`) in that context, and
   * canonicalised by those shapes, which are remembered for later questions.
   * So a rewrite and the line that states its result agree on what is a
   * scalar (`M (∂H/∂t)|ₜ₌₀ = M (0)|ₜ₌₀` by `d-constant` gives what the line
   * reads).
   */
  readonly readInPlace: (made: Term, old: Term) => Term;
  /** Shape-aware scalar test: `t`, `aᵀb`, `tr(X)` are scalars, `X`, `a` are not. */
  readonly isScalar: ScalarTest;
  /**
   * A cheap sufficient test for "not a scalar", without inference: a product
   * whose first factor has a known row count other than 1, or whose last
   * factor a known column count other than 1 (its shape, if it has one, is
   * `rows(first)×cols(last)`). When it says true, `isScalar` says false.
   */
  readonly clearlyNotScalar: (t: Term) => boolean;
  /**
   * The scalar test answered cheaply, without inference, when it can be: a
   * term whose shape is known by its object answers by it; a sum is scalar
   * when a summand surely is, and not when one surely is not (summands share
   * one shape); a product of factors whose shapes are known is
   * `rows(first matrix factor) × cols(last matrix factor)`. Undefined when it cannot tell. Rewriting asks
   * about many new sums and products; inferring each anew costs its size.
   */
  readonly quickScalar: (t: Term) => boolean | undefined;
  readonly diagnostics: Diagnostic[];
};

export type ElaborateOptions = {
  readonly declarations?: readonly (Declaration | Signature)[];
  /** Spans of `declarations` (they usually come from another text, like `--let`), for E0207 positions. */
  readonly declarationSpans?: SpanTable;
  /** Prints a term inside messages; defaults to a small built-in Unicode printer. */
  readonly describe?: (t: Term) => string;
  /**
   * Pairs of terms of the formula meant to be equal (consecutive lines of one
   * proof chain): each pair's shapes are unified, quietly, before any check
   * is forced. A pair that cannot be is left as it is (its step will fail).
   */
  readonly sameShape?: readonly (readonly [Term, Term])[];
};

/**
 * Infers shapes on the raw formula (as parsed: nested sub-products, sums in
 * source order), then canonicalises it with the resulting scalar test, so
 * `(aᵀb) Y` keeps its scalar unit and `Y t` becomes `t Y`. Diagnostics are
 * sorted by position; declaration conflicts (E0207) come first among equals.
 */
export function elaborate(formula: Formula, spans: SpanTable, options: ElaborateOptions = {}): Elaboration {
  const declarations = [...(options.declarations ?? []), ...formula.statements.flatMap(declarationsIn)];
  const tables = options.declarationSpans ? [spans, options.declarationSpans] : [spans];
  const { env, diagnostics: envDiagnostics } = makeEnv(declarations, tables);
  const s = makeSession(env, spans, options.describe);
  for (const t of formula.statements.flatMap(termsIn)) collectSymbolUses(s, t);
  for (const st of formula.statements) inferStatement(s, st, spans.get(formula) ?? null);
  for (const [a, b] of options.sameShape ?? []) {
    const [x, y] = [s.shapes.get(a), s.shapes.get(b)];
    if (x !== undefined && y !== undefined) unify(s.store, x, y);
  }
  runJobs(s);
  const { shapeOf, shapeKnown, shapeInPlace, carry } = shapeLookup(s);
  const clearlyNotScalar = (t: Term): boolean => t.kind === 'mul' && endsRuleOutScalar(t.factors, shapeOf);
  const quickScalar = (t: Term): boolean | undefined => {
    if (shapeKnown(t)) return isScalarShape(shapeOf(t)!);
    if (t.kind === 'add') return sumIsScalar(t.terms, quickScalar, shapeOf);
    if (t.kind !== 'mul') return undefined;
    return productIsScalar(t.factors.map((f) => shapeOf(f)));
  };
  const isScalar: ScalarTest = (t) => {
    if (clearlyNotScalar(t)) return false;
    const quick = quickScalar(t);
    if (quick !== undefined) return quick;
    const shape = shapeOf(t);
    return shape === undefined ? isStructuralScalar(t) : isScalarShape(shape);
  };
  const onRebuild = (before: Term, after: Term): void => {
    if (before === after) return;
    const span = spans.get(before);
    if (span !== undefined && !spans.has(after)) spans.set(after, span);
    carry(before, after);
  };
  const rebuild = (t: Term): Term => canonicalize(t, isScalar, onRebuild);
  const readInPlace = (made: Term, old: Term): Term => {
    const fresh = shapeInPlace(made, shapeOf(old));
    return fresh.size === 0 ? made : recanonicalize(made, fresh, isScalar, carry);
  };
  const statements = formula.statements.map((st) => mapStatement(st, rebuild, spans));
  const result: Formula = { statements };
  copySpan(spans, formula, result);
  return { formula: result, env, shapeOf, shapeKnown, readInPlace, isScalar, clearlyNotScalar, quickScalar, diagnostics: sortDiagnostics([...envDiagnostics, ...s.diagnostics]) };
}

/** See `Elaboration.clearlyNotScalar`; only the end factors' already known shapes are looked up. */
function endsRuleOutScalar(factors: readonly Term[], shapeOf: (t: Term) => Shape | undefined): boolean {
  if (factors.length < 2) return false;
  const first = shapeOf(factors[0]!);
  if (first?.kind === 'matrix' && isKnownNotOne(first.rows)) return true;
  const last = shapeOf(factors[factors.length - 1]!);
  return last?.kind === 'matrix' && isKnownNotOne(last.cols);
}

/**
 * Summands share one shape: a sum is a scalar when one summand surely is,
 * and not when one surely is not. A summand whose shape is still open (`I` of
 * no fixed size, in `I + xᵢ`) or only a default (`o(H)`) tells nothing;
 * undefined when no summand tells.
 */
function sumIsScalar(summands: readonly Term[], quick: (t: Term) => boolean | undefined, shapeOf: (t: Term) => Shape | undefined): boolean | undefined {
  for (const u of summands) {
    if (u.kind === 'o') continue;
    const known = u.kind === 'add' || u.kind === 'mul' ? quick(u) : definiteScalar(shapeOf(u));
    if (known !== undefined) return known;
  }
  return undefined;
}

/** True for a scalar shape, false for a matrix with a dimension that cannot be 1, else undefined. */
function definiteScalar(shape: Shape | undefined): boolean | undefined {
  if (shape === undefined) return undefined;
  if (shape.kind === 'scalar') return true;
  return shape.kind === 'matrix' && (isKnownNotOne(shape.rows) || isKnownNotOne(shape.cols)) ? false : undefined;
}

/** A well-shaped product of factors of these shapes is a scalar: all scalars, or the outer dimensions are both 1. Undefined if a shape is missing. */
function productIsScalar(shapes: readonly (Shape | undefined)[]): boolean | undefined {
  if (shapes.some((x) => x === undefined || (x.kind !== 'scalar' && x.kind !== 'matrix'))) return undefined;
  const matrices = shapes.filter((x): x is Extract<Shape, { kind: 'matrix' }> => x!.kind === 'matrix');
  if (matrices.length === 0) return true;
  const [rows, cols] = [matrices[0]!.rows, matrices.at(-1)!.cols];
  if (rows.kind === 'dim-var' || cols.kind === 'dim-var') return undefined;
  return isOne(rows) && isOne(cols);
}

const isOne = (d: Dim): boolean => d.kind === 'dim-num' && d.value === 1;

/** A resolved dimension that cannot be 1: a symbol, a numeral other than 1, or a product of those. */
function isKnownNotOne(d: Dim): boolean {
  switch (d.kind) {
    case 'dim-num': return d.value !== 1;
    case 'dim-sym': return true;
    case 'dim-mul': return d.factors.every((f) => f.kind !== 'dim-var');
    case 'dim-var': return false;
  }
}

/**
 * `canonicalize` of the nodes in `fresh` (and their ancestors), which are new
 * to `t`; the other nodes are canonical already and stay as they are.
 */
function recanonicalize(t: Term, fresh: ReadonlySet<Term>, isScalar: ScalarTest, carry: (before: Term, after: Term) => void): Term {
  if (!fresh.has(t)) return t;
  const kids = children(t);
  const again = kids.map((k) => recanonicalize(k, fresh, isScalar, carry));
  const rebuilt = withChildren(t, again, isScalar);
  carry(t, rebuilt);
  return rebuilt;
}

function declarationsIn(st: Statement): (Declaration | Signature)[] {
  if (st.kind === 'decl' || st.kind === 'signature') return [st];
  return st.kind === 'implies' ? st.parts.flatMap(declarationsIn) : [];
}

function termsIn(st: Statement): Term[] {
  switch (st.kind) {
    case 'term': return [st.term];
    case 'chain': return [...st.terms];
    case 'implies': return st.parts.flatMap(termsIn);
    default: return [];
  }
}

function inferStatement(s: Session, st: Statement, parentAt: Span | null): void {
  const at = spanOf(s, st, parentAt);
  if (st.kind === 'term') infer(s, st.term, at);
  else if (st.kind === 'implies') st.parts.forEach((p) => inferStatement(s, p, at));
  else if (st.kind === 'chain') {
    const shapes = st.terms.map((t) => infer(s, t, at));
    st.relations.forEach((rel, i) => {
      const [l, r] = [st.terms[i]!, st.terms[i + 1]!];
      if (unify(s.store, shapes[i]!, shapes[i + 1]!)) return;
      const where = relationSpan(s, l, r) ?? at;
      s.diagnostics.push(sidesDiffer(where, rel, show(s, shapes[i]!), show(s, shapes[i + 1]!), s.describe(l), s.describe(r)));
    });
  }
}

/** From the start of the left side to the end of the right side, when both have spans. */
function relationSpan(s: Session, l: Term, r: Term): Span | null {
  const [a, b] = [s.spans?.get(l), s.spans?.get(r)];
  return a && b && a.source === b.source ? { source: a.source, start: a.start, end: b.end } : null;
}

function mapStatement(st: Statement, rebuild: (t: Term) => Term, spans: SpanTable): Statement {
  let out: Statement;
  switch (st.kind) {
    case 'term': out = { kind: 'term', term: rebuild(st.term) }; break;
    case 'chain': out = { kind: 'chain', terms: st.terms.map(rebuild), relations: st.relations }; break;
    case 'implies': out = { kind: 'implies', parts: st.parts.map((p) => mapStatement(p, rebuild, spans)) }; break;
    default: return st;
  }
  copySpan(spans, st, out);
  return out;
}

function copySpan(spans: SpanTable, from: object, to: object): void {
  const span = spans.get(from);
  if (span !== undefined) spans.set(to, span);
}

/** By position (unpositioned last), stable. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return ds
    .map((d, i) => ({ d, i }))
    .sort((x, y) => (x.d.span?.start ?? Infinity) - (y.d.span?.start ?? Infinity) || x.i - y.i)
    .map(({ d }) => d);
}
