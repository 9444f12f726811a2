import { hasErrors } from '../diag/index.js';
import { printStatement, printTerm } from '../print/index.js';
import { readProofFile, type BothSidesOp, type Justification, type JustificationItem, type ProofFile, type ProofLine, type Theorem } from '../proof/index.js';
import type { Chain, Declaration, Relation, Signature, Term } from '../term/index.js';
import { readTextFile } from './load-proofs.js';
import { badInput, success, type CommandOutcome } from './outcome.js';

export type ExportFormat = 'latex' | 'markdown';

/**
 * `leibniz export FILE --to latex|markdown`: the proofs of a file typeset as
 * written (not checked — run `leibniz check` for that). For each theorem, its
 * statement, then its lines as one aligned block, each line with the rules
 * its `by` clause names: LaTeX `\begin{align*} … &= … && \text{(rule)} \\ …
 * \end{align*}`; Markdown a `$$\begin{aligned}…\end{aligned}$$` block under a
 * heading. Formulas are printed in LaTeX notation by `src/print`. Exit 2, with
 * the positioned diagnostics, when the file cannot be read or has reading errors.
 */
export function exportCommand(path: string, options: { to: ExportFormat }): CommandOutcome {
  const text = readTextFile(path);
  if (!text.ok) return badInput([text.diagnostic]);
  const { file, diagnostics } = readProofFile(text.text, { sourceName: path });
  if (hasErrors(diagnostics)) return badInput(diagnostics.filter((d) => d.severity === 'error'));
  return success(options.to === 'latex' ? latexDocument(file, path) : markdownDocument(file, path));
}

const math = (t: Term): string => printTerm(t, { notation: 'latex' });

const RELATIONS: Readonly<Record<Relation, string>> = { '=': '=', '≡': '\\equiv', '→': '\\to' };

/** Declarations of the file, each in inline math, joined by commas: `$t \in \mathbb{R}$, $X(t) \in …$`. */
const declarationsText = (file: ProofFile): string => file.declarations.map((d) => declarationText(d.declaration)).join(', ');

/** `$X \\in \\mathbb{R}^{n \\times n}$ invertible`: properties are words, outside the formula. */
function declarationText(d: Declaration | Signature): string {
  if (d.kind === 'signature' || d.properties.length === 0) return `$${printStatement(d, { notation: 'latex' })}$`;
  return `$${printStatement({ ...d, properties: [] }, { notation: 'latex' })}$ ${d.properties.map(escapeText).join(' ')}`;
}

const heading = (keyword: ProofFile['theorems'][number]['keyword']): string =>
  keyword === 'lemma' ? 'Lemma' : keyword === 'definition' ? 'Definition' : 'Theorem';

function latexDocument(file: ProofFile, path: string): string {
  const out = [`% ${path}, typeset by leibniz export`];
  if (file.declarations.length > 0) out.push(`Let ${declarationsText(file)}.`, '');
  for (const theorem of file.theorems) {
    out.push(`\\paragraph{${heading(theorem.keyword)} \\texttt{${escapeText(theorem.name.text)}}.}`);
    out.push('\\[', `  ${printStatement(theorem.statement, { notation: 'latex' })}`, '\\]');
    out.push(...proofIntro(theorem, (s) => s));
    const rows = rowsOf(theorem);
    if (rows.length > 0) out.push('\\begin{align*}', ...alignedRows(rows), '\\end{align*}');
    out.push('');
  }
  return out.join('\n');
}

function markdownDocument(file: ProofFile, path: string): string {
  const out = [`<!-- ${path}, typeset by leibniz export -->`, ''];
  if (file.declarations.length > 0) out.push(`Let ${declarationsText(file)}.`, '');
  for (const theorem of file.theorems) {
    out.push(`### ${heading(theorem.keyword)} \`${theorem.name.text}\``, '');
    out.push('$$', printStatement(theorem.statement, { notation: 'latex' }), '$$', '');
    const intro = proofIntro(theorem, (s) => `*${s}*`);
    if (intro.length > 0) out.push(...intro, '');
    const rows = rowsOf(theorem);
    if (rows.length > 0) out.push('$$', '\\begin{aligned}', ...alignedRows(rows), '\\end{aligned}', '$$', '');
  }
  return out.join('\n');
}

/** "Proof." / "Proof, entry by entry …" / "Stated without proof."; `emphasis` styles it for the target. */
function proofIntro(theorem: Theorem, emphasis: (s: string) => string): string[] {
  if (theorem.keyword === 'definition') return [];
  if (theorem.proofSpan === null) return [emphasis('Stated without proof.')];
  if (theorem.mode === 'entrywise') return [emphasis(`Proof, for the entry $(${theorem.indices.map((i) => i.text).join(', ')})$:`)];
  return [emphasis('Proof.')];
}

/** One line of the aligned block: `left &rel right && \text{(why)}`. */
type Row = { left: string; rel: string; right: string; why: string | null };

/** The proof's lines as rows: a chain's start joins its first rewrite; equations split at their first relation. */
function rowsOf(theorem: Theorem): Row[] {
  const rows: Row[] = [];
  let pending: string | null = null;
  for (const line of theorem.lines) {
    if (line.kind === 'start') {
      if (pending !== null) rows.push({ left: pending, rel: '', right: '', why: null });
      pending = math(line.term);
      continue;
    }
    if (line.kind === 'rewrite') {
      rows.push({ left: pending ?? '', rel: '=', right: math(line.term), why: justificationText(line.by) });
    } else {
      if (pending !== null) rows.push({ left: pending, rel: '', right: '', why: null });
      rows.push(equationRow(line));
    }
    pending = null;
  }
  if (pending !== null) rows.push({ left: pending, rel: '', right: '', why: null });
  return rows;
}

function equationRow(line: Exclude<ProofLine, { kind: 'start' | 'rewrite' }>): Row {
  const { left, rel, right } = splitChain(line.equation);
  const prefix = line.kind === 'implies' ? '\\implies ' : line.kind === 'have' ? `\\text{${escapeText(line.name.text)}: } ` : '';
  return { left: prefix + left, rel, right, why: justificationText(line.by) };
}

/** `a = b = c` as `a`, `=`, `b = c`. */
function splitChain(c: Chain): { left: string; rel: string; right: string } {
  const right = c.terms.slice(1).map((t, i) => (i === 0 ? math(t) : `${RELATIONS[c.relations[i]!]} ${math(t)}`)).join(' ');
  return { left: math(c.terms[0]!), rel: RELATIONS[c.relations[0]!], right };
}

function alignedRows(rows: readonly Row[]): string[] {
  return rows.map((r, i) => {
    const left = r.left === '' ? '' : `${r.left} `;
    const body = r.rel === '' ? `${left}&` : `${left}&${r.rel} ${r.right}`;
    const why = r.why === null ? '' : ` && ${r.why}`;
    return `  ${body}${why}${i < rows.length - 1 ? ' \\\\' : ''}`;
  });
}

/** A piece of a justification: words (set in `\text{}`) or a formula. */
type Part = { readonly kind: 'text' | 'math'; readonly s: string };

const words = (s: string): Part => ({ kind: 'text', s });
const formula = (s: string): Part => ({ kind: 'math', s });

/** `\text{(inverse-left, product-rule)}`; a term inside a both-sides operation stays math: `\text{(both sides: add }X\text{)}`. */
function justificationText(by: Justification): string {
  const parts: Part[] = [words('(')];
  by.items.forEach((item, i) => parts.push(...(i > 0 ? [words(', ')] : []), ...itemParts(item)));
  parts.push(words(')'));
  const merged: Part[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.kind === 'text' && p.kind === 'text') merged[merged.length - 1] = words(last.s + p.s);
    else merged.push(p);
  }
  return merged.map((p) => (p.kind === 'text' ? `\\text{${escapeText(p.s)}}` : p.s)).join('');
}

function itemParts(item: JustificationItem): Part[] {
  switch (item.kind) {
    case 'rule': {
      const extras = [item.backward ? 'right to left' : '', item.at ? `at ${item.at.path.join('.') || 'ε'}` : ''].filter((s) => s !== '');
      return [words([item.id.text, ...extras].join(' '))];
    }
    case 'auto': return [words('auto')];
    case 'hyp': return [words(item.name.text)];
    case 'both-sides': return [words('both sides: '), ...bothSidesParts(item.op)];
    case 'frechet-unique': return [words('uniqueness of the Fréchet derivative')];
    case 'substitute': return [words(`substituting for ${item.variable.text}: `), formula(printTerm(item.term, { notation: 'latex' }))];
  }
}

function bothSidesParts(op: BothSidesOp): Part[] {
  switch (op.kind) {
    case 'partial': return [formula(`\\partial/\\partial ${op.variable}`)];
    case 'differential': return [formula('\\mathrm{d}')];
    case 'trace': return [formula('\\operatorname{tr}')];
    case 'transpose': return [words('transpose')];
    case 'left-multiply': return [words('left-multiply by '), formula(math(op.term))];
    case 'right-multiply': return [words('right-multiply by '), formula(math(op.term))];
    case 'add': return [words('add '), formula(math(op.term))];
    case 'subtract': return [words('subtract '), formula(math(op.term))];
    case 'evaluate': return [words('evaluate at '), formula(`${op.variable} = ${math(op.value)}`)];
  }
}

/** Escapes the characters LaTeX gives a meaning in text mode. */
const escapeText = (s: string): string => s.replace(/[\\{}$&#%_^~]/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '^' || c === '~' ? `\\${c}{}` : `\\${c}`)).replace(/ε/g, '$\\varepsilon$');
