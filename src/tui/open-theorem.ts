import type { ProverLimits } from './prover-limits.js';
import { equalTermPairs, type FileReport } from '../check/index.js';
import { badUsage, type Diagnostic, type Span } from '../diag/index.js';
import { readProofFile, type ProofFile, type ProofLine, type Theorem } from '../proof/index.js';
import { printTerm } from '../print/index.js';
import { elaborateStatements, type Rule } from '../rules/index.js';
import * as c from '../term/index.js';
import type { Declaration, Statement, Term } from '../term/index.js';
import { focusTerm } from './focus.js';
import { describeDiagnostic } from './manual-line.js';
import { nearestPosition } from './navigate.js';
import { equationDocument, equationTerms, proofChunks, proofStyle } from './open-equations.js';
import { makeSession, type Opened } from './open-session.js';
import { checkInContext, makeProverContext, type ProverContext } from './prover-context.js';
import { checkText } from './render-proof.js';
import type { Goal, InputMode, LineError, ProofDoc, SessionStep } from './session.js';

/** A proof file as read and checked, and which theorem to open (default: the first that is not proved). */
export type FileTheoremInput = {
  readonly text: string;
  readonly file: ProofFile;
  readonly report: FileReport;
  /** Rules of the libraries the file uses (its own theorems come from `proved`). */
  readonly library: readonly Rule[];
  /** The file's theorems that proved (or definitions accepted), as rules. */
  readonly proved: readonly Rule[];
  readonly theorem?: string;
  readonly path: string | null;
  readonly limits?: ProverLimits;
};

/** The first line that does not check: its text as written and the error, with its column. */
type Failing = { readonly text: string; readonly error: LineError };

/**
 * Opens a theorem of a proof file at its first unfinished or failing step
 * (by default the first theorem the prover continues that is not proved,
 * else the first calculation chain).
 * The lines that check become the session's steps, kept as written (comment
 * lines above them included); the first failing line and everything after it
 * are kept, unchecked, and the failing line is offered for editing with its
 * error. Calculation chains (a start term, then `= …` lines) and equation
 * steps (a first equation, then `⟹ …` lines; see `open-equations.ts`) can
 * be continued.
 */
export function openFileTheorem(input: FileTheoremInput): Opened {
  const chosen = chooseTheorem(input);
  if ('diagnostic' in chosen) return { ok: false, diagnostics: [chosen.diagnostic] };
  const { theorem, report } = chosen;
  const style = proofStyle(theorem);
  if (style === null) return { ok: false, diagnostics: [notContinued(theorem)] };
  const written = style === 'chain' ? chainDocument(input, theorem) : equationsWritten(input, theorem);
  if (written === null) return { ok: false, diagnostics: [unreadable(theorem, report)] };
  const earlier = new Set(input.file.theorems.slice(0, input.file.theorems.indexOf(theorem)).map((t) => t.name.text));
  const ctx = makeProverContext({
    rules: [...input.library, ...input.proved.filter((r) => earlier.has(r.id))],
    declarations: input.file.declarations.map((d) => d.declaration), declarationLines: declarationLines(input),
    before: input.text.slice(0, theorem.span.start), after: input.text.slice(theorem.span.end),
    ...(input.limits ? { limits: input.limits } : {}),
  });
  const goal: Goal = {
    name: theorem.name.text, keyword: theorem.keyword === 'lemma' ? 'lemma' : 'theorem',
    lhs: written.lhs, rhs: written.rhs, statement: statementText(input, theorem),
    ...(theorem.mode === 'differential' && theorem.variable !== null ? { variable: theorem.variable.text } : {}),
  };
  const { doc, failing } = verify(ctx, goal, written.doc);
  const unreadLine = theorem.lines[written.shaped];
  const unread = written.error === null || unreadLine === undefined ? null : { text: lineText(input.text, unreadLine.span), error: errorAt(input.text, unreadLine.span, written.error) };
  const first = failing ?? unread;
  const mode: InputMode = first === null ? { kind: 'normal' } : { kind: 'manual', text: first.text, error: first.error, replacesPending: true };
  const session = makeSession(goal, doc, input.path, mode);
  return { ok: true, ctx, session: first === null ? session : { ...session, message: { text: first.error.message, tone: 'error' } } };
}

/** A theorem's proof as written, before checking: the claim's sides, the document, how many lines shaped, and why the next did not. */
type Written = { readonly lhs: Term; readonly rhs: Term; readonly doc: ProofDoc; readonly shaped: number; readonly error: Diagnostic | null };

function chainDocument(input: FileTheoremInput, theorem: Theorem): Written | null {
  const terms = canonicalTerms(input.file, theorem);
  if (terms === null) return null;
  return { lhs: terms.lhs, rhs: terms.rhs, doc: documentOf(input.text, theorem, terms), shaped: terms.lines.length, error: terms.error };
}

function equationsWritten(input: FileTheoremInput, theorem: Theorem): Written | null {
  const terms = equationTerms(input.file, theorem);
  if (terms === null) return null;
  return { lhs: terms.lhs, rhs: terms.rhs, doc: equationDocument(input.text, theorem, terms), shaped: terms.lines.length, error: terms.error };
}

function chooseTheorem(input: FileTheoremInput): { theorem: Theorem; report: FileReport['theorems'][number] } | { diagnostic: Diagnostic } {
  const candidates = input.file.theorems.map((theorem, i) => ({ theorem, report: input.report.theorems[i]! })).filter((t) => t.theorem.keyword !== 'definition');
  const named = input.theorem;
  const continued = candidates.filter((t) => proofStyle(t.theorem) !== null);
  const chains = continued.filter((t) => proofStyle(t.theorem) === 'chain');
  const found = named !== undefined
    ? candidates.find((t) => t.theorem.name.text === named)
    : continued.find((t) => t.report.status !== 'proved') ?? chains[0] ?? candidates[0];
  if (found !== undefined) return found;
  const names = candidates.map((t) => t.theorem.name.text);
  const message = named !== undefined ? `there is no theorem "${named}" in ${input.file.source.name}` : `${input.file.source.name} has no theorem to prove`;
  return { diagnostic: badUsage(message, names.length > 0 ? `its theorems: ${names.join(', ')}` : 'start one with --goal "EQUATION"') };
}

/** Why a proof is not continued: its first line that fits neither a chain nor equation steps. */
function notContinued(theorem: Theorem): Diagnostic {
  const kinds = theorem.lines.map((l) => l.kind);
  const odd = kinds.find((k, i) => k === 'have' || (i > 0 && k === 'fact') || (k === 'implies' && theorem.mode !== 'calc')) ?? kinds.find((k) => k !== 'start' && k !== 'rewrite');
  const where = theorem.mode !== 'calc' && odd === 'implies' ? ` in "proof ${theorem.mode}"` : '';
  return badUsage(
    `the proof of "${theorem.name.text}" has a "${odd ?? 'mixed'}" line${where}; the interactive prover continues calculation chains and equation steps`,
    'a chain is a start term, then lines "= TERM by RULE"; equation steps are a first equation "EQ by RULE", then lines "⟹ EQ by …"; check this file with leibniz check',
  );
}

const unreadable = (theorem: Theorem, report: FileReport['theorems'][number]): Diagnostic =>
  report.diagnostics[0] ?? badUsage(`the statement of "${theorem.name.text}" could not be read as an equation`, 'leibniz check shows why');

/**
 * The claim's sides and the lines' terms, canonical, shaped together as the
 * checker shapes the theorem — as many lines as shape without error
 * (`error`: why the next one does not). Null when the claim itself does not.
 */
function canonicalTerms(file: ProofFile, theorem: Theorem): { lhs: Term; rhs: Term; lines: Term[]; error: Diagnostic | null } | null {
  const indexDecls: Declaration[] = theorem.indices.map((i) => ({ kind: 'decl', targets: [{ name: i.text, params: [] }], shape: { kind: 'index', range: null }, properties: [] }));
  const declarations = [...file.declarations.map((d) => d.declaration), ...indexDecls];
  const lineTerms = theorem.lines.map((l) => (l as Extract<ProofLine, { term: Term }>).term);
  let error: Diagnostic | null = null;
  for (let k = lineTerms.length; k >= 0; k--) {
    const statements: Statement[] = [theorem.statement, ...lineTerms.slice(0, k).map((term): Statement => ({ kind: 'term', term }))];
    const e = elaborateStatements(statements, file.spans, declarations, { describe: (t) => printTerm(t), sameShape: equalTermPairs(theorem) });
    const firstError = e.diagnostics.find((d) => d.severity === 'error');
    const claim = e.statements[0];
    if (firstError === undefined && claim?.kind === 'chain') {
      const lines = e.statements.slice(1).map((s) => (s.kind === 'term' ? s.term : claim.terms[0]!));
      return { lhs: claim.terms[0]!, rhs: claim.terms.at(-1)!, lines, error };
    }
    error = firstError ?? error;
  }
  return null;
}

/**
 * The proof document as written: the start line, then every shaped line as a
 * step (checked by `verify`), the rest kept. Each line's text runs from the
 * end of the line before, so comment lines above it stay with it; comments
 * before `qed` are kept at the end.
 */
function documentOf(text: string, theorem: Theorem, terms: { lhs: Term; lines: Term[] }): ProofDoc {
  const lines = theorem.lines;
  const { chunk, trailing } = proofChunks(text, theorem);
  const shaped = terms.lines.length;
  const hasStart = lines[0]?.kind === 'start' && shaped > 0;
  const steps: SessionStep[] = [];
  for (let i = hasStart ? 1 : 0; i < shaped; i++) steps.push({ term: terms.lines[i]!, line: chunk(i), rules: [], origin: 'file' });
  const rest = lines.map((_, i) => i).filter((i) => i >= shaped && i >= (hasStart ? 1 : 0)).map(chunk);
  const pending = [...rest, ...(trailing === '' ? [] : [trailing])];
  const start = hasStart ? terms.lines[0]! : theorem.indices.length > 0 ? c.entry(terms.lhs, theorem.indices.map((i) => c.sym(i.text))) : terms.lhs;
  return { style: 'chain', indices: theorem.indices.map((i) => i.text), start, startLine: hasStart ? chunk(0) : null, steps, pending, selection: [] };
}

/**
 * Checks the document's steps as the session will (its theorem alone, with
 * the context's rules) and keeps them up to the first that fails; that one
 * and the rest go back to the kept lines.
 */
function verify(ctx: ProverContext, goal: Goal, doc: ProofDoc): { doc: ProofDoc; failing: Failing | null } {
  const text = checkText(ctx, goal, doc).text;
  const read = readProofFile(text, { sourceName: '<theorem>' });
  const lines = read.file.theorems[0]?.lines ?? [];
  const reports = checkInContext(ctx, read.file).report.theorems[0]?.steps ?? [];
  const offset = lines.length - doc.steps.length;
  const failed = doc.steps.findIndex((_, j) => reports[j + offset]?.status !== 'ok');
  const cited = (j: number): readonly string[] => reports[j + offset]?.cited ?? [];
  if (failed < 0) return { doc: { ...doc, steps: doc.steps.map((s, j) => ({ ...s, rules: cited(j) })) }, failing: null };
  const line = lines[failed + offset]!;
  const d = reports[failed + offset]?.diagnostics[0];
  const steps = doc.steps.slice(0, failed).map((s, j) => ({ ...s, rules: cited(j) }));
  const pending = [...doc.steps.slice(failed).map((s) => s.line), ...doc.pending];
  const shorter = { ...doc, steps, pending };
  const kept = { ...shorter, selection: [...nearestPosition(focusTerm(shorter), doc.selection)] };
  const error = d === undefined ? { message: 'this line does not check', column: 0 } : errorAt(text, line.span, d);
  return { doc: kept, failing: { text: lineText(text, line.span), error } };
}

const lineText = (text: string, span: Span): string => text.slice(span.start, span.end);

/** A diagnostic as a line error: its column counted from the line's start (0 when it points elsewhere). */
function errorAt(text: string, line: Span, d: Diagnostic): LineError {
  const inLine = d.span !== null && d.span.start >= line.start && d.span.start <= line.end && d.span.source.text === text;
  return { message: describeDiagnostic(d), column: inLine ? [...text.slice(line.start, d.span!.start)].length : 0 };
}

/** The statement as written in the file (after `theorem NAME :`). */
function statementText(input: FileTheoremInput, theorem: Theorem): string {
  const span = input.file.spans.get(theorem.statement);
  if (span !== undefined) return input.text.slice(span.start, span.end).trim();
  return theorem.statement.kind === 'chain' ? theorem.statement.terms.map((t) => printTerm(t)).join(' = ') : '';
}

/** Each declaration of the file as written (one line may declare several symbols: its text is kept once). */
function declarationLines(input: FileTheoremInput): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const d of input.file.declarations) {
    const key = `${d.span.start}:${d.span.end}`;
    if (!seen.has(key)) (seen.add(key), out.push(input.text.slice(d.span.start, d.span.end)));
  }
  return out;
}
