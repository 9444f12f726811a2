import test from 'ava';
import { parseDeclarations, parseFormula } from '../../src/parse/index.js';
import { elaborate, type Elaboration } from '../../src/shape/index.js';
import { factsOf } from '../../src/rules/index.js';
import type { Facts, Predicate } from '../../src/rules/facts.js';
import type { Rule, SideCondition } from '../../src/rules/rule.js';
import type { Sort } from '../../src/match/index.js';
import { applyRule, type RewriteOutcome } from '../../src/rewrite/index.js';
import { children, equalTerms, termKey, type Declaration, type Path, type Term } from '../../src/term/index.js';

/** A term read like a goal: parsed, shaped under `decls` (`a, b ∈ ℝⁿ; t ∈ ℝ`), canonical. */
export type Goal = { term: Term; facts: Facts; elaboration: Elaboration };

function declarations(text: string): Declaration[] {
  if (text.trim() === '') return [];
  const parsed = parseDeclarations(text);
  if (!parsed.ok) throw new Error(`bad declarations ${text}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.value;
}

/** Parses and elaborates `text`; returns its terms (a chain gives several). */
export function readTerms(text: string, decls = ''): { terms: Term[]; elaboration: Elaboration } {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(`cannot parse ${text}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  const elaboration = elaborate(parsed.value, parsed.spans, { declarations: declarations(decls) });
  const errors = elaboration.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`shape errors in ${text}: ${errors.map((d) => d.message).join('; ')}`);
  const st = elaboration.formula.statements[0]!;
  const terms = st.kind === 'term' ? [st.term] : st.kind === 'chain' ? [...st.terms] : [];
  return { terms, elaboration };
}

/** Facts answered from an elaboration's shapes and declarations: the library's own `factsOf`. */
export { factsOf };

export function readGoal(text: string, decls = ''): Goal {
  const { terms, elaboration } = readTerms(text, decls);
  return { term: terms[0]!, facts: factsOf(elaboration), elaboration };
}

/** `'A B: matrix; c: scalar'` → the vars map. */
export function parseVars(text: string): Map<string, Sort> {
  const vars = new Map<string, Sort>();
  for (const group of text.split(';').map((g) => g.trim()).filter(Boolean)) {
    const [names, sort] = group.split(':').map((s) => s.trim()) as [string, Sort];
    for (const n of names.split(/\s+/)) vars.set(n, sort);
  }
  return vars;
}

/** Declarations that give metavariables their shapes while a rule is read. */
function varDeclarations(vars: ReadonlyMap<string, Sort>): string {
  const of = (sort: Sort): string[] => [...vars].filter(([, s]) => s === sort).map(([n]) => n);
  const parts: string[] = [];
  if (of('scalar').length) parts.push(`${of('scalar').join(', ')} ∈ ℝ`);
  if (of('vector').length) parts.push(`${of('vector').join(', ')} ∈ ℝⁿ`);
  return parts.join('; ');
}

/** A rule object built the way `compileRule` will: `lhs = rhs [if p(A), q(B)]`. */
export function makeRule(text: string, varsText: string, id = 'test-rule', forwardOnly?: boolean): Rule {
  const vars = parseVars(varsText);
  const [equation, conditionText] = text.split(' if ') as [string, string | undefined];
  const { terms } = readTerms(equation, varDeclarations(vars));
  const conditions: SideCondition[] = (conditionText ?? '').split(/\)\s*,\s*/).filter((c) => c.trim()).map((c) => {
    const m = /^\s*([a-z-]+)\((.*?)\)?\s*$/.exec(c)!;
    const args = m[2]!.split(',').map((a) => readTerms(a.trim(), varDeclarations(vars)).terms[0]!);
    return { predicate: m[1]!, args, span: null };
  });
  const [lhs, rhs] = [terms[0]!, terms[1]!];
  const onlyForward = forwardOnly ?? [...vars.keys()].some((v) => symbolsIn(lhs).has(v) && !symbolsIn(rhs).has(v));
  return { id, library: 'test', lhs, rhs, vars, conditions, tags: [], forwardOnly: onlyForward, doc: null, span: null };
}

/** `invertible(A)` answered from a set of symbol names (and `I`). */
export function predicatesFor(invertible: readonly string[]): ReadonlyMap<string, Predicate> {
  const names = new Set(invertible);
  const predicate: Predicate = {
    name: 'invertible', arity: 1, doc: 'declared invertible (test)',
    decide: ([a]) => (a!.kind === 'identity' || (a!.kind === 'sym' && names.has(a!.name))
      ? { holds: true, by: 'declaration' }
      : { holds: false, reason: `${termKey(a!)} is not known to be invertible` }),
  };
  return new Map([['invertible', predicate]]);
}

export type RewriteCase = {
  decls?: string; path?: Path; direction?: 'forward' | 'backward'; invertible?: readonly string[]; occurrence?: number;
};

/** Applies the rule `ruleText` once to `input` (read under `opts.decls`). */
export function rewrite(ruleText: string, vars: string, input: string, opts: RewriteCase = {}): { outcome: RewriteOutcome; goal: Goal } {
  const rule = makeRule(ruleText, vars);
  const goal = readGoal(input, opts.decls);
  const outcome = applyRule(goal.term, rule, {
    facts: goal.facts, predicates: predicatesFor(opts.invertible ?? ['A', 'B', 'C', 'X', 'Y']),
    ...(opts.path ? { path: opts.path } : {}), ...(opts.direction ? { direction: opts.direction } : {}),
    ...(opts.occurrence !== undefined ? { occurrence: opts.occurrence } : {}),
  });
  return { outcome, goal };
}

/** One-line test: rule `ruleText` (vars `vars`) rewrites `input` to `expected` (canonical forms compared with `equalTerms`). */
export function rewritesTo(ruleText: string, vars: string, input: string, expected: string, opts: RewriteCase = {}): void {
  test(`${ruleText} : ${input} ⟶ ${expected}${opts.direction === 'backward' ? ' (←)' : ''}${opts.path ? ` at ${opts.path.join('.')}` : ''}`, (t) => {
    const { outcome } = rewrite(ruleText, vars, input, opts);
    if (!outcome.ok) return t.fail(`did not rewrite: ${JSON.stringify(outcome, replacer)}`);
    const want = readGoal(expected, opts.decls).term;
    t.true(equalTerms(outcome.step.after, want), `got ${termKey(outcome.step.after)}, want ${termKey(want)}`);
  });
}

/** One-line test: the rule does not rewrite `input`; the failure reason is `reason`. */
export function failsWith(
  ruleText: string, vars: string, input: string, reason: Extract<RewriteOutcome, { ok: false }>['reason'], opts: RewriteCase = {},
): void {
  test(`${ruleText} : ${input} fails (${reason})`, (t) => {
    const { outcome } = rewrite(ruleText, vars, input, opts);
    t.false(outcome.ok, outcome.ok ? `rewrote to ${termKey(outcome.step.after)}` : '');
    if (!outcome.ok) t.is(outcome.reason, reason);
  });
}

/** JSON.stringify replacer for bigints and maps (for failure messages). */
export const replacer = (_: string, v: unknown): unknown =>
  typeof v === 'bigint' ? v.toString() : v instanceof Map ? Object.fromEntries(v) : v;

/** The symbols of a term (for `forwardOnly`). */
function symbolsIn(t: Term, out = new Set<string>()): Set<string> {
  if (t.kind === 'sym') out.add(t.name);
  for (const k of children(t)) symbolsIn(k, out);
  return out;
}
