import type { Diagnostic } from '../diag/index.js';
import type { BothSidesOp, DeclarationSource, ProofFile, ProofLine, Theorem } from '../proof/index.js';
import { printTerm } from '../print/index.js';
import { elaborateStatements, type Facts } from '../rules/index.js';
import type { Chain, Statement, Term } from '../term/index.js';

/**
 * A theorem with every formula it mentions — its claim, each line, each term
 * inside a `both-sides` operation — shaped together under the file's
 * declarations and put in canonical form. `canonical` maps each raw term or
 * statement object of the proof file to its canonical counterpart.
 */
export type ElaboratedTheorem = {
  readonly claim: Chain | null;
  readonly facts: Facts;
  readonly canonicalTerm: (raw: Term) => Term;
  readonly canonicalChain: (raw: Chain) => Chain;
  readonly diagnostics: readonly Diagnostic[];
};

/** Every raw statement of a theorem, in a fixed order (claim, then lines, then operation terms). */
function rawStatements(theorem: Theorem): Statement[] {
  const out: Statement[] = [theorem.statement];
  for (const line of theorem.lines) {
    out.push(lineStatement(line));
    for (const item of line.kind === 'start' ? [] : line.by.items) {
      if (item.kind === 'both-sides') out.push(...opTerms(item.op).map((term): Statement => ({ kind: 'term', term })));
      if (item.kind === 'substitute') out.push({ kind: 'term', term: item.term });
    }
  }
  return out;
}

function lineStatement(line: ProofLine): Statement {
  return line.kind === 'start' || line.kind === 'rewrite' ? { kind: 'term', term: line.term } : line.equation;
}

function opTerms(op: BothSidesOp): Term[] {
  if (op.kind === 'evaluate') return [op.value];
  return 'term' in op ? [op.term] : [];
}

/**
 * The pairs of a theorem's raw terms that its proof states equal, following
 * the proof state as `checkLine` moves it: each `=` line and the term it
 * continues (a start term, the line before, the right side of the last
 * equation); in `calc` mode also the claim's sides and where the proof
 * starts and ends. Equal terms have one shape: a line and the claim read
 * with one context, so the same text gets the same canonical form.
 */
export function equalTermPairs(theorem: Theorem): [Term, Term][] {
  const pairs: [Term, Term][] = [];
  let current: Term | null = null;
  let chainStart: Term | null = null;
  for (const line of theorem.lines) {
    if (line.kind === 'start') current = chainStart = line.term;
    else if (line.kind === 'rewrite') {
      if (current !== null) pairs.push([current, line.term]);
      current = line.term;
    } else [chainStart, current] = [line.equation.terms[0]!, line.equation.terms.at(-1)!];
  }
  const claim = theorem.statement;
  if (theorem.mode === 'calc' && claim.kind === 'chain' && chainStart !== null && current !== null) {
    pairs.push([claim.terms[0]!, chainStart], [claim.terms.at(-1)!, current]);
  }
  return pairs;
}

/** Shapes and canonicalises a theorem's formulas under `declarations` (the file's, plus the entry indices). */
export function elaborateTheorem(theorem: Theorem, file: ProofFile, declarations: readonly DeclarationSource[]): ElaboratedTheorem {
  const raw = rawStatements(theorem);
  const decls = declarations.map((d) => d.declaration);
  const indexDecls = theorem.indices.map((i) => ({ kind: 'decl' as const, targets: [{ name: i.text, params: [] }], shape: { kind: 'index' as const, range: null }, properties: [] }));
  const result = elaborateStatements(raw, file.spans, [...decls, ...indexDecls], { describe: (t) => printTerm(t), sameShape: equalTermPairs(theorem) });
  const byRaw = new Map<object, Statement>();
  raw.forEach((s, i) => byRaw.set(s, result.statements[i]!));
  const termOf = new Map<Term, Term>();
  raw.forEach((s, i) => {
    const c = result.statements[i]!;
    if (s.kind === 'term' && c.kind === 'term') termOf.set(s.term, c.term);
  });
  const claim = byRaw.get(theorem.statement);
  return {
    claim: claim?.kind === 'chain' ? claim : null,
    facts: result.facts,
    canonicalTerm: (t) => termOf.get(t) ?? t,
    canonicalChain: (c) => {
      const found = byRaw.get(c);
      return found?.kind === 'chain' ? found : c;
    },
    diagnostics: result.diagnostics,
  };
}
