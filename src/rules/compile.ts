import { duplicateRuleId, type Diagnostic, type SpanTable } from '../diag/index.js';
import type { Sort } from '../match/sort.js';
import type { RuleFileSource, RuleSource } from '../parse/rule-source.js';
import { canonicalize, type ScalarTest, type Term } from '../term/index.js';
import { RuleRegistry } from './registry.js';
import type { Rule, SideCondition } from './rule.js';
import { checkBound, checkConditions, checkId, checkShapes, metavariablesOf, readVars, sidesOf } from './validate.js';

export type CompileOptions = {
  /** Rules already known (libraries used before, earlier files): new rules are added to it, and duplicates of its ids rejected. */
  readonly registry?: RuleRegistry;
};

export type CompileResult = { rules: Rule[]; diagnostics: Diagnostic[] };

/**
 * Turns a rule file as read into validated `Rule`s ("loose at the boundary,
 * strict inside"). Every problem becomes a positioned diagnostic; a rule with
 * any error is left out, the others are kept, so one bad rule does not hide
 * the rest. A rule is forward-only when its left side has metavariables the
 * right lacks, or when tagged `forward` (little-o equations are inclusions). Invariant: every returned rule satisfies `Rule`'s guarantees and
 * was added to the registry (the given one, or a fresh one for this file).
 */
export function compileRuleFile(file: RuleFileSource, options: CompileOptions = {}): CompileResult {
  const registry = options.registry ?? new RuleRegistry();
  const library = file.name?.text ?? libraryName(file.source.name);
  const { vars, diagnostics } = readVars(file.vars);
  const rules: Rule[] = [];
  for (const source of file.rules) {
    const built = compileRule(source, { vars, library, spans: file.spans });
    if ('diagnostics' in built) {
      diagnostics.push(...built.diagnostics);
      continue;
    }
    const added = registry.add(built.rule);
    if (added.ok) rules.push(built.rule);
    else diagnostics.push(duplicateRuleId(source.id.span, source.id.text, added.first.span, added.first.library));
  }
  return { rules, diagnostics };
}

type RuleContext = { readonly vars: ReadonlyMap<string, Sort>; readonly library: string; readonly spans: SpanTable };

/** Validates one rule source: its id, its equation, bound variables, predicates and shapes. */
export function compileRule(source: RuleSource, ctx: RuleContext): { rule: Rule } | { diagnostics: Diagnostic[] } {
  const sides = sidesOf(source);
  const early = [...checkId(source), ...('lhs' in sides ? [] : [sides])];
  if (!('lhs' in sides)) return { diagnostics: early };
  const { lhs, rhs } = sides;
  const structural = [...early, ...checkBound(source, lhs, rhs, ctx.vars, ctx.spans), ...checkConditions(source.conditions)];
  if (structural.length > 0) return { diagnostics: structural };
  const forwardOnly = source.tags.some((t) => t.text === 'forward') ||
    [...metavariablesOf(lhs, ctx.vars).keys()].some((n) => !metavariablesOf(rhs, ctx.vars).has(n));
  const shapes = checkShapes(source, lhs, rhs, ctx.vars, ctx.spans, forwardOnly);
  if (shapes.diagnostics.length > 0) return { diagnostics: shapes.diagnostics };
  return { rule: buildRule(source, ctx, lhs, rhs, forwardOnly, shapes.isScalar) };
}

function buildRule(source: RuleSource, ctx: RuleContext, lhs: Term, rhs: Term, forwardOnly: boolean, isScalar: ScalarTest): Rule {
  const used = metavariablesOf(rhs, ctx.vars, metavariablesOf(lhs, ctx.vars));
  const conditions: SideCondition[] = source.conditions.map((c) => ({
    predicate: c.predicate.text,
    args: c.args.map((a) => canonicalize(a, isScalar)),
    span: c.span,
  }));
  return {
    id: source.id.text,
    library: ctx.library,
    lhs: canonicalize(lhs, isScalar),
    rhs: canonicalize(rhs, isScalar),
    vars: new Map([...ctx.vars].filter(([name]) => used.has(name))),
    conditions,
    tags: source.tags.map((t) => t.text),
    forwardOnly,
    doc: source.doc,
    span: source.span,
  };
}

/** `rules/inverse.rules` → `inverse`. */
export function libraryName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.rules$/, '');
}
