import { freeIndexNames, NUMERIC_PROPERTIES, type NumericDecl, type NumericProperty } from '../numeric/index.js';
import type { ProofFile, Theorem } from '../proof/index.js';
import { elaborateStatements, type Facts } from '../rules/index.js';
import type { Shape } from '../shape/index.js';
import * as c from '../term/index.js';
import { children, type Declaration, type Signature, type Term } from '../term/index.js';

/**
 * What `check --numeric` samples for one step `before = after` of a proof:
 * every symbol with the shape the file's declarations give it (elaborated
 * as the checker does), its declared properties, and its declared
 * dependencies. Unlike a rule's symbols, a proof's symbols are constants
 * unless declared otherwise (`X(t) ∈ …` depends on t); what the step
 * differentiates by or evaluates at is a variable. An index is a summation
 * dummy when it is free on neither side. In a `proof differential X`, `d`
 * moves X alone (the others are marked constant in `d`).
 */
export function stepDeclarations(before: Term, after: Term, theorem: Theorem, file: ProofFile): NumericDecl[] | { readonly reason: string } {
  const declarations: (Declaration | Signature)[] = [
    ...file.declarations.map((d) => d.declaration),
    ...theorem.indices.map((i): Declaration => ({ kind: 'decl', targets: [{ name: i.text, params: [] }], shape: { kind: 'index', range: null }, properties: [] })),
  ];
  const { elaboration, facts, diagnostics } = elaborateStatements([{ kind: 'chain', terms: [before, after], relations: ['='] }], new WeakMap(), declarations);
  if (diagnostics.some((d) => d.severity === 'error')) return { reason: `its shapes do not infer: ${diagnostics[0]!.message}` };
  const decls = symbolDeclarations([before, after], elaboration.shapeOf, facts);
  return theorem.variable === null || !Array.isArray(decls) ? decls : fixedUnderD(decls, theorem.variable.text);
}

/** In a `proof differential X`, `d` moves X alone: every other value gets no direction. */
export function fixedUnderD(decls: NumericDecl[], variable: string): NumericDecl[] {
  return decls.map((d) => (d.kind === 'value' && d.name !== variable ? { ...d, constantIn: [...d.constantIn, 'd'] } : d));
}

/**
 * The numeric declarations of every symbol of `terms`, from their elaborated
 * shapes and the facts of their declarations (see `stepDeclarations`). An
 * index is a summation dummy when it is free in none of the terms.
 */
export function symbolDeclarations(terms: readonly Term[], shapeOf: (t: Term) => Shape | undefined, facts: Facts): NumericDecl[] | { readonly reason: string } {
  const names = symbolsOf(terms);
  const variables = variablesOf(terms, names, facts);
  const free = new Set(terms.flatMap((t) => [...freeIndexNames(t)]));
  const decls: NumericDecl[] = [];
  for (const name of names) {
    const symbol = c.sym(name);
    const shape = shapeOf(symbol);
    if (shape === undefined || shape.kind === 'error' || shape.kind === 'tuple' || shape.kind === 'var') return { reason: `${name} has no definite shape` };
    if (shape.kind === 'index') decls.push({ kind: 'index', name, range: shape.range, summed: !free.has(name) });
    else if (shape.kind === 'function') decls.push({ kind: 'function', name, domain: shape.domain, codomain: shape.codomain });
    else {
      const dependsOn = [...variables].filter((v) => v !== name && facts.dependsOn(symbol, v)).sort();
      const constantIn = [...variables].filter((v) => v !== name && !dependsOn.includes(v)).sort();
      decls.push({ kind: 'value', name, shape, properties: propertiesOf(symbol, facts.hasProperty), dependsOn, constantIn });
    }
  }
  return decls;
}

/** `spd` and `positive-definite` are one property to the sampler. */
function propertiesOf(symbol: Term, has: (t: Term, p: string) => boolean): NumericProperty[] {
  const out = NUMERIC_PROPERTIES.filter((p) => has(symbol, p));
  return has(symbol, 'spd') && !out.includes('positive-definite') ? [...out, 'positive-definite'] : out;
}

/** Every symbol of the terms (function symbols included), sorted. */
function symbolsOf(terms: readonly Term[]): string[] {
  const names = new Set<string>();
  const walk = (t: Term): void => {
    if (t.kind === 'sym') names.add(t.name);
    children(t).forEach(walk);
  };
  terms.forEach(walk);
  return [...names].sort();
}

/** What the terms differentiate by or evaluate at, and the parameters other symbols are declared to depend on (`t` in `X(t) ∈ …`). */
function variablesOf(terms: readonly Term[], names: readonly string[], facts: Facts): Set<string> {
  const out = calculusVariables(terms);
  for (const p of names) if (names.some((other) => other !== p && facts.dependsOn(c.sym(other), p))) out.add(p);
  return out;
}

/** What the terms differentiate by (`t` in `∂/∂t`, `X` in `∂/∂X_{ij}`) or evaluate at (`t` in `|_{t=0}`). */
export function calculusVariables(terms: readonly Term[]): Set<string> {
  const out = new Set<string>();
  const walk = (t: Term): void => {
    if (t.kind === 'partial' && t.wrt.kind === 'sym') out.add(t.wrt.name);
    if (t.kind === 'partial' && t.wrt.kind === 'entry' && t.wrt.body.kind === 'sym') out.add(t.wrt.body.name);
    if (t.kind === 'at' && t.variable.kind === 'sym') out.add(t.variable.name);
    children(t).forEach(walk);
  };
  terms.forEach(walk);
  return out;
}
