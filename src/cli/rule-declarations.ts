import type { Sort } from '../match/index.js';
import type { NumericCondition, NumericDecl, NumericProperty } from '../numeric/index.js';
import { freeIndexNames } from '../numeric/index.js';
import { printTerm } from '../print/index.js';
import type { Rule } from '../rules/index.js';
import { defaultKind, makePatternShaper, type MetaKind, type Shape } from '../shape/index.js';
import { children, type Term } from '../term/index.js';
import { calculusVariables } from './step-declarations.js';

/**
 * What `leibniz rules check` samples for a rule: a numeric declaration for
 * every symbol of the rule, with the most general shapes its sides and
 * conditions allow (inferred as at load time, by `makePatternShaper`), the
 * properties its side conditions promise, and the variables each symbol may
 * depend on; plus the conditions to check on every sample.
 *
 * - Metavariables get their sort's shape; other symbols their default kind
 *   (`t` a scalar, `k ℓ` indices, `f F` functions).
 * - `invertible(A)`, `symmetric(A)`, `positive(c)`, `nonzero(c)` on a bare
 *   metavariable make the sampler draw A or c so; on a compound term
 *   (`positive(det(X))`) they are checked on each sample.
 * - `natural(c)` draws c a whole number from 1 to 4; it and the symbols of
 *   `fixed(A)` get no direction (they do not move under `d`).
 * - The variables are what the rule differentiates by or evaluates at (`t` in
 *   `∂/∂t` and `|_{t=c}`, `X` in `∂/∂X` and `∂/∂X_{ij}`) and the second
 *   arguments of `constant(A, t)`. Every other value symbol depends on each
 *   variable (a curve in t, a function of X) unless `constant` says not.
 * - An index is a summation dummy when `summed(k)` says so, or when it is not
 *   a metavariable and is not free on either side; other indices get values.
 */
export type RuleDeclarations = { readonly decls: NumericDecl[]; readonly conditions: NumericCondition[] };

/** The declarations and conditions for `rule`, or why it cannot be sampled (shapes that do not infer). */
export function ruleDeclarations(rule: Rule): RuleDeclarations | { readonly reason: string } {
  const uses = symbolUses([rule.lhs, rule.rhs, ...rule.conditions.flatMap((c) => c.args)]);
  const kinds = new Map<string, MetaKind>([...uses].map(([name, use]) => [name, kindOf(name, use, rule.vars.get(name))]));
  const shapes = inferShapes(rule, kinds);
  if ('reason' in shapes) return shapes;
  const variables = variablesOf(rule);
  const free = new Set([...freeIndexNames(rule.lhs), ...freeIndexNames(rule.rhs)]);
  const decls: NumericDecl[] = [];
  for (const [name, use] of uses) {
    const shape = shapes.get(name);
    if (shape === undefined) return { reason: `${name} has no shape` };
    const summed = rule.conditions.some((c) => c.predicate === 'summed' && isSym(c.args[0], name)) || (!rule.vars.has(name) && !free.has(name));
    const decl = declarationOf(name, shape, use, { rule, variables, summed });
    if (typeof decl === 'string') return { reason: decl };
    decls.push(decl);
  }
  return { decls, conditions: numericConditions(rule) };
}

type SymbolUse = { asIndex: boolean; applied: boolean };

/** Every symbol of the terms, with whether it is used as an index and whether it is applied (`f(X)`, `f′(X)`). */
function symbolUses(terms: readonly Term[]): Map<string, SymbolUse> {
  const uses = new Map<string, SymbolUse>();
  const note = (t: Term, asIndex: boolean, applied: boolean): void => {
    if (t.kind !== 'sym') return;
    const u = uses.get(t.name) ?? { asIndex: false, applied: false };
    uses.set(t.name, { asIndex: u.asIndex || asIndex, applied: u.applied || applied });
  };
  const walk = (t: Term): void => {
    note(t, false, false);
    if (t.kind === 'entry') t.indices.forEach((i) => note(i, true, false));
    if (t.kind === 'delta') [t.i, t.j].forEach((i) => note(i, true, false));
    if (t.kind === 'basis' || t.kind === 'sum') note(t.index, true, false);
    if (t.kind === 'apply' || t.kind === 'frechet') note(t.fn, false, true);
    children(t).forEach(walk);
  };
  terms.forEach(walk);
  return new Map([...uses].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A metavariable's sort, or the default kind of any other symbol. */
function kindOf(name: string, use: SymbolUse, sort: Sort | undefined): MetaKind {
  if (sort !== undefined) return sort;
  switch (defaultKind(name, { asIndex: use.asIndex, asExponent: false })) {
    case 'index': return 'index';
    case 'scalar': return 'scalar';
    case 'square': return 'square';
    case 'vector': return 'vector';
    default: return 'any';
  }
}

/** The shapes of all symbols, inferred from both sides and the shape-implying conditions. */
function inferShapes(rule: Rule, kinds: ReadonlyMap<string, MetaKind>): Map<string, Shape> | { reason: string } {
  const shaper = makePatternShaper(kinds);
  const left = shaper.infer(rule.lhs);
  for (const c of rule.conditions) {
    const what = c.predicate === 'scalar' || c.predicate === 'positive' ? 'scalar'
      : ['invertible', 'square', 'symmetric'].includes(c.predicate) ? 'square' : undefined;
    const arg = c.args[0];
    if (what === undefined || arg === undefined) continue;
    if (arg.kind === 'sym' && kinds.has(arg.name)) shaper.require(arg.name, what);
    else shaper.requireTerm(arg, what);
  }
  shaper.settle();
  shaper.same(left, shaper.infer(rule.rhs));
  shaper.settle();
  const errors = shaper.diagnostics();
  if (errors.length > 0) return { reason: `its shapes could not be inferred: ${errors[0]!.message}` };
  return new Map(shaper.snapshot());
}

/** What the rule differentiates by or evaluates at, and the second arguments of `constant`. */
function variablesOf(rule: Rule): Set<string> {
  const out = calculusVariables([rule.lhs, rule.rhs]);
  for (const c of rule.conditions) if (c.predicate === 'constant' && c.args[1]?.kind === 'sym') out.add(c.args[1].name);
  return out;
}

type DeclContext = { readonly rule: Rule; readonly variables: ReadonlySet<string>; readonly summed: boolean };

function declarationOf(name: string, shape: Shape, use: SymbolUse, ctx: DeclContext): NumericDecl | string {
  if (shape.kind === 'index') return { kind: 'index', name, range: shape.range, summed: ctx.summed };
  if (shape.kind === 'function' || (shape.kind === 'var' && use.applied)) {
    const [domain, codomain] = shape.kind === 'function' ? [shape.domain, shape.codomain] : [shape, shape];
    return { kind: 'function', name, domain, codomain };
  }
  if (shape.kind === 'tuple' || shape.kind === 'error') return `${name} has no value shape`;
  const constantIn = ctx.rule.conditions.filter((c) => c.predicate === 'constant' && isSym(c.args[0], name) && c.args[1]?.kind === 'sym')
    .map((c) => (c.args[1] as { name: string }).name);
  const dependsOn = ctx.variables.has(name) ? [] : [...ctx.variables].filter((v) => !constantIn.includes(v)).sort();
  const still = fixedByCondition(name, ctx.rule) ? ['d'] : [];
  return { kind: 'value', name, shape, properties: propertiesOf(name, ctx.rule), dependsOn, constantIn: [...constantIn, ...still] };
}

const PROPERTY_OF: Readonly<Record<string, NumericProperty>> = {
  invertible: 'invertible', symmetric: 'symmetric', positive: 'positive', nonzero: 'nonzero', natural: 'natural', 'negative-whole': 'negative-whole',
};

/** `fixed(A)` (or `natural(c)`, an exponent) says the symbol does not move under `d`: it gets no direction. */
function fixedByCondition(name: string, rule: Rule): boolean {
  const mentions = (t: Term): boolean => (t.kind === 'sym' && t.name === name) || children(t).some(mentions);
  return rule.conditions.some((c) => (c.predicate === 'fixed' && c.args.some(mentions)) || ((c.predicate === 'natural' || c.predicate === 'negative-whole') && isSym(c.args[0], name)));
}

function propertiesOf(name: string, rule: Rule): NumericProperty[] {
  return rule.conditions.filter((c) => PROPERTY_OF[c.predicate] !== undefined && isSym(c.args[0], name)).map((c) => PROPERTY_OF[c.predicate]!);
}

/** The conditions to check on every sample: those the sampler cannot guarantee by construction, and the others again. */
function numericConditions(rule: Rule): NumericCondition[] {
  return rule.conditions
    .filter((c) => PROPERTY_OF[c.predicate] !== undefined && c.args.length === 1)
    .map((c) => ({ predicate: c.predicate, term: c.args[0]!, text: `${c.predicate}(${printTerm(c.args[0]!)})` }));
}

const isSym = (t: Term | undefined, name: string): boolean => t?.kind === 'sym' && t.name === name;
