import { conflictingDeclaration, notSquare, type Diagnostic, type Span, type SpanTable } from '../diag/index.js';
import type { Declaration, DimExpr, ShapeSpec, Signature, Term } from '../term/index.js';

/**
 * The shape environment: what declarations say about symbols — their shape
 * (or function signature), their properties (`invertible`, `symmetric`, …)
 * and the parameters they depend on (`X(t) ∈ ℝ^{n×n}` makes `X` depend on `t`).
 * Undeclared symbols are not in it; they get the defaults of `defaults.ts`.
 *
 * Invariant: each name has at most one entry; a second declaration with the
 * same shape merges properties and parameters, one with another shape is
 * rejected (E0207) and the first one stays.
 */
export type ShapeEnv = { readonly symbols: ReadonlyMap<string, DeclaredSymbol> };

/** A value of a declared shape, or a function with a declared domain and codomain. */
export type DeclaredShape =
  | { readonly kind: 'value'; readonly spec: ShapeSpec }
  | { readonly kind: 'function'; readonly domain: ShapeSpec; readonly codomain: ShapeSpec };

export type DeclaredSymbol = {
  readonly name: string;
  readonly shape: DeclaredShape;
  /** Normalised property names: `symmetric`, `invertible`, `positive-definite`, `diagonal`, `orthogonal`, … */
  readonly properties: readonly string[];
  readonly params: readonly string[];
};

export const emptyEnv: ShapeEnv = { symbols: new Map() };

/**
 * Builds an environment from declarations and signatures, in order; conflicts
 * become diagnostics, positioned by `spans` (one table, or several looked up in turn).
 */
export function makeEnv(
  declarations: readonly (Declaration | Signature)[],
  spans?: SpanTable | readonly SpanTable[],
): { env: ShapeEnv; diagnostics: Diagnostic[] } {
  const tables = spans === undefined ? [] : Array.isArray(spans) ? spans : [spans as SpanTable];
  const symbols = new Map<string, DeclaredSymbol>();
  const diagnostics: Diagnostic[] = [];
  for (const d of declarations) {
    const at = tables.map((t) => t.get(d)).find((x) => x !== undefined) ?? null;
    for (const entry of entriesOf(d)) addEntry(symbols, entry, at, diagnostics);
  }
  return { env: { symbols }, diagnostics };
}

/** The entries a declaration or signature makes (a signature `f′(X): E → F` declares `f`). */
function entriesOf(d: Declaration | Signature): DeclaredSymbol[] {
  if (d.kind === 'decl') {
    const properties = d.properties.map(normaliseProperty);
    return d.targets.map((t) => ({ name: t.name, shape: { kind: 'value', spec: d.shape }, properties, params: t.params }));
  }
  const name = signatureName(d.target);
  if (name === undefined) return [];
  return [{ name, shape: { kind: 'function', domain: d.domain, codomain: d.codomain }, properties: [], params: [] }];
}

function signatureName(t: Term): string | undefined {
  if (t.kind === 'sym') return t.name;
  if (t.kind === 'frechet' || t.kind === 'apply') return signatureName(t.fn);
  return undefined;
}

function addEntry(symbols: Map<string, DeclaredSymbol>, entry: DeclaredSymbol, at: Span | null, out: Diagnostic[]): void {
  checkProperties(entry, at, out);
  const old = symbols.get(entry.name);
  if (old === undefined) {
    symbols.set(entry.name, entry);
    return;
  }
  const [was, now] = [formatDeclaredShape(old.shape), formatDeclaredShape(entry.shape)];
  if (was !== now) {
    out.push(conflictingDeclaration(at, entry.name, was, now));
    return;
  }
  const merge = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];
  symbols.set(entry.name, { ...old, properties: merge(old.properties, entry.properties), params: merge(old.params, entry.params) });
}

const SQUARE_PROPERTIES = new Set(['symmetric', 'invertible', 'positive-definite', 'diagonal', 'orthogonal']);

/** `invertible`, `symmetric`, … on a matrix whose declared rows and columns differ: E0203. */
function checkProperties(entry: DeclaredSymbol, at: Span | null, out: Diagnostic[]): void {
  const s = entry.shape;
  if (s.kind !== 'value' || s.spec.kind !== 'matrix') return;
  if (formatDimExpr(s.spec.rows) === formatDimExpr(s.spec.cols)) return;
  const bad = entry.properties.find((p) => SQUARE_PROPERTIES.has(p));
  if (bad !== undefined) out.push(notSquare(at, `being ${bad}`, entry.name, formatSpec(s.spec)));
}

/** `positive definite`, `Positive-Definite` and `spd` are all `positive-definite`. */
export function normaliseProperty(p: string): string {
  const q = p.trim().toLowerCase().replace(/[\s_-]+/g, '-');
  return q === 'spd' ? 'positive-definite' : q;
}

/** The declaration of `name`, if any. */
export const lookupSymbol = (env: ShapeEnv, name: string): DeclaredSymbol | undefined => env.symbols.get(name);

/** Whether `name` was declared with `property` (`hasProperty(env, 'X', 'invertible')`); names are normalised. */
export const hasProperty = (env: ShapeEnv, name: string, property: string): boolean =>
  env.symbols.get(name)?.properties.includes(normaliseProperty(property)) ?? false;

/** Whether `name` was declared as depending on `param` (`X(t) ∈ …` makes `dependsOn(env, 'X', 't')` true). */
export const dependsOn = (env: ShapeEnv, name: string, param: string): boolean =>
  env.symbols.get(name)?.params.includes(param) ?? false;

export function formatDimExpr(d: DimExpr): string {
  switch (d.kind) {
    case 'dim-sym': return d.name;
    case 'dim-num': return String(d.value);
    case 'dim-mul': return `(${d.factors.map(formatDimExpr).join('')})`;
  }
}

/** `scalar`, `n×n`, `n×1`, `index`, `index over n`, or a space name (`E`). */
export function formatSpec(s: ShapeSpec): string {
  switch (s.kind) {
    case 'scalar': return 'scalar';
    case 'matrix': {
      const [r, c] = [formatDimExpr(s.rows), formatDimExpr(s.cols)];
      return r === '1' && c === '1' ? 'scalar' : `${r}×${c}`;
    }
    case 'index': return s.range ? `index over ${formatDimExpr(s.range)}` : 'index';
    case 'space': return s.name;
  }
}

const formatDeclaredShape = (s: DeclaredShape): string =>
  s.kind === 'value' ? formatSpec(s.spec) : `${formatSpec(s.domain)} → ${formatSpec(s.codomain)}`;
