import { printTerm } from '../print/index.js';
import type { Direction } from '../rules/index.js';
import * as c from '../term/index.js';
import { formatPath, type Path, type Term } from '../term/index.js';
import type { ProverContext } from './prover-context.js';
import { currentTerm, type Goal, type ProofDoc } from './session.js';

/**
 * A session as proof-file text that `leibniz check` reads: one theorem, its
 * start line, one `= TERM  by …` line per step, the lines kept from the file,
 * `qed`. A goal with a known right side keeps its statement as written; a goal
 * `lhs = ?` is stated with the term the proof has reached (so a saved proof
 * always proves what it says). Entry by entry (`proof entrywise i j`), the
 * right side is read off the last term `(M)ᵢⱼ` or `c (M)ᵢⱼ`; until the proof
 * reaches that form, the theorem states the entry itself, `(lhs)ᵢⱼ = …`.
 */

/** `rule-id at 1.0 ←`: a rule cited at a position (`ε` for the root), `←` when used right to left. */
export function ruleClause(ruleId: string, direction: Direction, path: Path): string {
  return `${ruleId} at ${formatPath(path)}${direction === 'backward' ? ' ←' : ''}`;
}

/** `  = TERM   by CLAUSE`: a rewrite line of a chain, indented as in a proof file. */
export const rewriteLine = (term: Term, clause: string): string => `  = ${printTerm(term)}   by ${clause}`;

/** How the theorem is stated and proved for this session. */
export type TheoremShape = { readonly statement: string; readonly entrywise: boolean; readonly start: string };

export function theoremShape(goal: Goal, doc: ProofDoc): TheoremShape {
  const start = printTerm(doc.start);
  const entrywise = doc.indices.length > 0;
  if (goal.statement !== null) return { statement: goal.statement, entrywise, start };
  if (doc.style === 'equations') return { statement: `${printTerm(goal.lhs)} = ${goal.rhs === null ? '?' : printTerm(goal.rhs)}`, entrywise: false, start };
  const last = currentTerm(doc);
  if (!entrywise) return { statement: `${printTerm(goal.lhs)} = ${printTerm(last)}`, entrywise, start };
  const rhs = entryBody(last, doc.indices);
  if (rhs === undefined) return { statement: `${printTerm(doc.start)} = ${printTerm(last)}`, entrywise: false, start };
  return { statement: `${printTerm(goal.lhs)} = ${printTerm(rhs)}`, entrywise, start };
}

/**
 * `M` when `t` is `(M)ᵢⱼ`, `c M` when it is `c (M)ᵢⱼ`, for the given indices
 * and an `M` that does not mention them; else `undefined`.
 */
export function entryBody(t: Term, indices: readonly string[]): Term | undefined {
  const inner = t.kind === 'mul' && t.factors.length === 1 ? t.factors[0]! : t;
  if (inner.kind !== 'entry' || inner.indices.length !== indices.length) return undefined;
  if (!inner.indices.every((i, k) => i.kind === 'sym' && i.name === indices[k])) return undefined;
  if (mentionsAny(inner.body, new Set(indices))) return undefined;
  return inner === t ? inner.body : c.scale((t as c.TermOf<'mul'>).coeff, inner.body);
}

/** Does `t` contain a symbol named in `names`? */
export function mentionsAny(t: Term, names: ReadonlySet<string>): boolean {
  const stack: Term[] = [t];
  while (stack.length > 0) {
    const u = stack.pop()!;
    if (u.kind === 'sym' && names.has(u.name)) return true;
    stack.push(...c.children(u));
  }
  return false;
}

/**
 * The theorem's lines, from `theorem` to `qed`; `extra` lines go after the
 * steps (before the kept ones unless `pending` is false). A chain has its
 * start line; equation steps have none (their first step states the first
 * equation).
 */
export function theoremLines(goal: Goal, doc: ProofDoc, options: { pending?: boolean; extra?: readonly string[] } = {}): string[] {
  const shape = theoremShape(goal, doc);
  return [
    `${goal.keyword} ${goal.name} : ${shape.statement}`,
    goal.variable !== undefined ? `proof differential ${goal.variable}` : shape.entrywise ? `proof entrywise ${doc.indices.join(' ')}` : 'proof',
    ...(doc.style === 'equations' ? [] : [doc.startLine ?? `    ${shape.start}`]),
    ...doc.steps.map((s) => s.line),
    ...(options.extra ?? []).map((l) => `  ${l}`),
    ...(options.pending === false ? [] : doc.pending),
    'qed',
  ];
}

/** The theorem as text (no trailing newline): what the session changes in its file. */
export const theoremText = (goal: Goal, doc: ProofDoc): string => theoremLines(goal, doc).join('\n');

/** The whole file as it will be saved: the text around the theorem kept as it was. */
export const fileText = (ctx: ProverContext, goal: Goal, doc: ProofDoc): string => ctx.before + theoremText(goal, doc) + ctx.after;

/**
 * What the checker is given to judge the proof, with `extra` (a typed line)
 * after its steps: the file's declarations and the theorem alone (the rules of
 * the libraries and earlier theorems come in the registry), without the kept
 * lines. `extraStart` is the offset of `extra` in `text` (-1 without it).
 */
export function checkText(ctx: ProverContext, goal: Goal, doc: ProofDoc, extra?: string): { text: string; extraStart: number } {
  const { text, starts } = checkTextWith(ctx, goal, doc, extra === undefined ? [] : [extra]);
  return { text, extraStart: starts[0] ?? -1 };
}

/** `checkText` with several lines after the steps; `starts[i]` is the offset of `extras[i]` in `text`. */
export function checkTextWith(ctx: ProverContext, goal: Goal, doc: ProofDoc, extras: readonly string[]): { text: string; starts: number[] } {
  const head = ctx.declarationLines.length > 0 ? ctx.declarationLines.join('\n') + '\n\n' : '';
  const lines = theoremLines(goal, doc, { pending: false, extra: extras });
  const text = head + lines.join('\n') + '\n';
  const starts: number[] = [];
  let at = (head + lines.slice(0, lines.length - 1 - extras.length).join('\n')).length;
  for (const extra of extras) {
    starts.push(at + 3);
    at += 3 + extra.length;
  }
  return { text, starts };
}
