import { badDefinition, type Diagnostic } from '../diag/index.js';
import type { Theorem } from '../proof/index.js';
import type { Facts, Rule, RuleRegistry } from '../rules/index.js';
import { children, type Chain, type Term } from '../term/index.js';

/**
 * `definition NAME : f(Y₁, …) = body` as a rule `f(Y₁, …) = body` whose
 * parameters are metavariables (any term may be put for them; the
 * signature of `f`, which must be declared, keeps the arguments well shaped).
 *
 * A definition is conservative — it cannot prove anything new about the old
 * symbols — exactly when `f` is fresh: declared, used by no earlier theorem
 * of the file and by no rule in scope, not mentioned in its own body, and
 * applied to distinct symbols. Anything else is refused (E0512).
 */
export function definitionRule(theorem: Theorem, claim: Chain, earlier: readonly Theorem[], registry: RuleRegistry, facts: Facts, library: string): Rule | Diagnostic {
  const name = theorem.name;
  const refuse = (reason: string): Diagnostic => badDefinition(name.span, name.text, reason);
  if (theorem.proofSpan !== null) return refuse('a proof (a definition has none)');
  if (claim.terms.length !== 2) return refuse('a chain of several equations');
  const [lhs, rhs] = [claim.terms[0]!, claim.terms[1]!];
  if (lhs.kind !== 'apply' || lhs.fn.kind !== 'sym') return refuse('a left side that is not a function applied to arguments');
  const f = lhs.fn.name;
  const params = lhs.args.map((a) => (a.kind === 'sym' ? a.name : null));
  if (params.some((p) => p === null) || new Set(params).size !== params.length) return refuse('arguments that are not distinct symbols');
  if (!facts.isDeclared(f)) return refuse(`${f} without a signature (declare it, e.g. "${f} : ℝ^{n×n} → ℝ^{n×n}")`);
  if (params.includes(f) || mentionsSymbol(rhs, f)) return refuse(`${f} in its own body`);
  const before = earlier.find((t) => mentionsInStatement(t, f));
  if (before !== undefined) return refuse(`${f} already used by ${before.keyword} "${before.name.text}"`);
  const rule = [...registry].find((r) => mentionsSymbol(r.lhs, f, r.vars) || mentionsSymbol(r.rhs, f, r.vars));
  if (rule !== undefined) return refuse(`${f} already used by rule "${rule.id}"`);
  const vars: Rule['vars'] = new Map(params.map((p) => [p!, 'any' as const]));
  const forwardOnly = params.some((p) => !mentionsSymbol(rhs, p!));
  return { id: name.text, library, lhs, rhs, vars, conditions: [], tags: ['definition'], forwardOnly, doc: null, span: name.span };
}

/** Does the symbol `name` occur in `t` (as a constant: not when it is one of the metavariables `vars`)? */
function mentionsSymbol(t: Term, name: string, vars?: Rule['vars']): boolean {
  if (t.kind === 'sym') return t.name === name && !vars?.has(name);
  return children(t).some((k) => mentionsSymbol(k, name, vars));
}

function mentionsInStatement(theorem: Theorem, name: string): boolean {
  const st = theorem.statement;
  return st.kind === 'chain' ? st.terms.some((t) => mentionsSymbol(t, name)) : st.kind === 'term' && mentionsSymbol(st.term, name);
}
