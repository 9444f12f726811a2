import type { ProverLimits } from './prover-limits.js';
import { equationExpected, hasErrors, makeSource, span, type Diagnostic } from '../diag/index.js';
import { parseFormula } from '../parse/index.js';
import { printTerm } from '../print/index.js';
import { elaborateStatements, type Rule } from '../rules/index.js';
import type { Declaration, Signature } from '../term/index.js';
import { isGradient } from './auto-complete.js';
import { elaborateGoal, makeProverContext, type ProverContext } from './prover-context.js';
import { theoremShape, theoremText } from './render-proof.js';
import { lastLine, type Goal, type InputMode, type ProofDoc, type Session, type TranscriptEntry } from './session.js';

/** A session ready to run, with its context; or why the goal could not be read. */
export type Opened = { readonly ok: true; readonly ctx: ProverContext; readonly session: Session } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Terminal size assumed until the view reports one. */
export const DEFAULT_SIZE = { columns: 80, rows: 24 } as const;

/** What a new theorem needs: its name, the goal as typed, and the file around it. */
export type NewGoalInput = {
  readonly name: string;
  /** `lhs = rhs`, `lhs = ?` or `lhs` alone (the right side is then what the proof reaches). */
  readonly goal: string;
  /** Every declaration in scope (the file's and the new ones), parsed, and as proof-file lines. */
  readonly declarations: readonly (Declaration | Signature)[];
  readonly declarationLines: readonly string[];
  readonly rules: readonly Rule[];
  /** The file's text before and after the new theorem. */
  readonly before: string;
  readonly after: string;
  readonly path: string | null;
  readonly limits?: ProverLimits;
};

const UNKNOWN = /=\s*\?\s*$/;

/**
 * Opens a session on a new theorem. The goal is read with the declarations;
 * a chain `lhs = rhs` is a goal with a known right side (stated as typed), a
 * term or `lhs = ?` one whose right side the proof will find.
 */
export function openNewGoal(input: NewGoalInput): Opened {
  const text = input.goal.replace(UNKNOWN, '').trim();
  const functions = input.declarations.flatMap((d) => (d.kind === 'decl' ? d.targets.filter((t) => t.params.length > 0).map((t) => t.name) : []));
  const parsed = parseFormula(text, { sourceName: '<goal>', functions });
  if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics };
  const e = elaborateStatements(parsed.value.statements, parsed.spans, input.declarations, { describe: (t) => printTerm(t) });
  if (hasErrors(e.diagnostics)) return { ok: false, diagnostics: e.diagnostics.filter((d) => d.severity === 'error') };
  const statement = e.statements.length === 1 ? e.statements[0]! : undefined;
  if (statement?.kind !== 'term' && !(statement?.kind === 'chain' && statement.terms.length === 2)) {
    const found = statement === undefined ? 'several statements' : statement.kind === 'chain' ? 'a chain of several equations' : `a ${statement.kind}`;
    return { ok: false, diagnostics: [equationExpected(span(makeSource('<goal>', text), 0, text.length), 'the goal (or a term, for "= ?")', found)] };
  }
  const goal: Goal = statement.kind === 'term'
    ? { name: input.name, keyword: 'theorem', lhs: statement.term, rhs: null, statement: null }
    : { name: input.name, keyword: 'theorem', lhs: statement.terms[0]!, rhs: statement.terms[1]!, statement: text };
  const ctx = makeProverContext(input);
  const doc: ProofDoc = { style: 'chain', indices: [], start: goal.lhs, startLine: null, steps: [], pending: [], selection: [] };
  const session = makeSession(goal, doc, input.path, { kind: 'normal' });
  if (!isGradient(goal, elaborateGoal(ctx, goal, []))) return { ok: true, ctx, session };
  const hint = 'a gradient: e proves it entry by entry (the rules differentiate entries), a auto-completes';
  return { ok: true, ctx, session: { ...session, message: { text: hint, tone: 'info' } } };
}

/** A fresh session on `doc`: nothing to undo, clean (as if just saved), the transcript opened with the goal and the proof so far. */
export function makeSession(goal: Goal, doc: ProofDoc, path: string | null, mode: InputMode): Session {
  return {
    goal, doc, path,
    savedText: theoremText(goal, doc),
    filter: '', highlight: 0, mode, help: false, message: null, busy: null, request: null, quitAfterSave: false,
    transcript: openingTranscript(goal, doc),
    size: DEFAULT_SIZE,
    history: { undo: [], redo: [] },
    journal: null,
  };
}

function openingTranscript(goal: Goal, doc: ProofDoc): TranscriptEntry[] {
  const claim = goal.rhs === null ? `${printTerm(goal.lhs)} = ?` : theoremShape(goal, doc).statement;
  const lines = [
    { text: `${goal.keyword} ${goal.name} : ${claim}`, tone: 'goal' as const },
    ...(doc.style === 'equations' ? [] : [{ text: `  ${doc.indices.length > 0 ? `entry (${doc.indices.join(', ')}): ` : ''}${printTerm(doc.start)}`, tone: 'step' as const }]),
    ...doc.steps.map((s) => ({ text: `  ${lastLine(s.line).trim()}`, tone: 'step' as const })),
  ];
  return lines.map((l, id) => ({ id, ...l }));
}
