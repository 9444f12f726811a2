import type {
  Declaration, DeclTarget, DimExpr, Formula, Relation, ShapeSpec, Signature, Statement, Term,
} from '../term/index.js';
import type { Notation } from './style.js';
import { superscriptChar, toSuperscript } from './unicode.js';

/**
 * Statements: chains of relations, implications, declarations, signatures.
 * Each notation's spelling of the connectives is one row of `TOKENS`; terms
 * are printed by the caller's `printTerm` (so this file does not depend on
 * the walker). Invariant: the output reads back as the same statement.
 */

type StatementTokens = {
  readonly relations: Readonly<Record<Relation, string>>;
  readonly implies: string;
  readonly separator: string;
  readonly member: string;
  readonly arrow: string;
};

const TOKENS: Readonly<Record<Notation, StatementTokens>> = {
  unicode: { relations: { '=': '=', '≡': '≡', '→': '→' }, implies: '⟹', separator: '; ', member: '∈', arrow: '→' },
  latex: {
    relations: { '=': '=', '≡': '\\equiv', '→': '\\to' }, implies: '\\implies', separator: ' \\quad ', member: '\\in',
    arrow: '\\to',
  },
  ascii: {
    relations: { '=': '=', '≡': '\\equiv', '→': '->' }, implies: '=>', separator: '; ', member: ':', arrow: '->',
  },
};

/** Prints a term in the statement's notation. */
export type TermPrinter = (t: Term) => string;

/** Statements joined by `; ` (Unicode, ASCII) or ` \quad ` (LaTeX). */
export function formatFormula(f: Formula, notation: Notation, term: TermPrinter): string {
  return f.statements.map((s) => formatStatement(s, notation, term)).join(TOKENS[notation].separator);
}

/** One statement: `a = b = c`, `P ⟹ Q`, a declaration or a signature. */
export function formatStatement(s: Statement, notation: Notation, term: TermPrinter): string {
  const tokens = TOKENS[notation];
  switch (s.kind) {
    case 'term': return term(s.term);
    case 'chain':
      return s.terms.map((t, i) => (i === 0 ? term(t) : `${tokens.relations[s.relations[i - 1]!]} ${term(t)}`)).join(' ');
    case 'implies': return s.parts.map((p) => formatStatement(p, notation, term)).join(` ${tokens.implies} `);
    case 'decl': return formatDeclaration(s, notation);
    case 'signature': return formatSignature(s, notation, term);
  }
}

const target = (t: DeclTarget): string => (t.params.length === 0 ? t.name : `${t.name}(${t.params.join(', ')})`);

/**
 * `X ∈ ℝⁿˣⁿ invertible`, `a, b \in \mathbb{R}^{n}`, `a b : n`, `t : scalar`,
 * `i : index`. Properties follow the shape, separated by spaces.
 */
export function formatDeclaration(d: Declaration, notation: Notation): string {
  const names = d.targets.map(target).join(notation === 'ascii' ? ' ' : ', ');
  const relation = d.shape.kind === 'index' || notation === 'ascii' ? ':' : TOKENS[notation].member;
  return [names, relation, formatShape(d.shape, notation), ...d.properties].join(' ');
}

/** `F : ℝᵐˣᵐ → ℝ`; ASCII has no word for a space of matrices, so it borrows `\R^{m x m}`. */
function formatSignature(s: Signature, notation: Notation, term: TermPrinter): string {
  const { arrow } = TOKENS[notation];
  const space = (shape: ShapeSpec): string => (notation === 'ascii' ? asciiSpace(shape) : formatShape(shape, notation));
  return `${term(s.target)} : ${space(s.domain)} ${arrow} ${space(s.codomain)}`;
}

function asciiSpace(shape: ShapeSpec): string {
  if (shape.kind === 'scalar') return '\\R';
  if (shape.kind !== 'matrix') return formatShape(shape, 'ascii');
  return `\\R^{${formatShape(shape, 'ascii')}}`;
}

/** A shape: `ℝ`, `ℝⁿ`, `ℝⁿˣⁿ`, `ℝ^{mn×k}`, `\mathbb{R}^{n \times n}`, `n x n`, `scalar`, `index`, `E`. */
export function formatShape(shape: ShapeSpec, notation: Notation): string {
  switch (shape.kind) {
    case 'scalar': return notation === 'ascii' ? 'scalar' : notation === 'latex' ? '\\mathbb{R}' : 'ℝ';
    case 'space': return shape.name;
    case 'index': return shape.range ? `index ${formatDim(shape.range)}` : 'index';
    case 'matrix': return formatMatrixShape(shape.rows, shape.cols, notation);
  }
}

const isOne = (d: DimExpr): boolean => d.kind === 'dim-num' && d.value === 1;

function formatMatrixShape(rows: DimExpr, cols: DimExpr, notation: Notation): string {
  const dims = isOne(cols) ? [rows] : [rows, cols];
  const texts = dims.map(formatDim);
  if (notation === 'ascii') return texts.join(' x ');
  if (notation === 'latex') return `\\mathbb{R}^{${texts.join(' \\times ')}}`;
  const plain = texts.join('×');
  const glyphs = texts.every((t) => /^[a-cefghijklmnoprstuvwyz0-9]+$/.test(t)) ? toSuperscript(plain) : undefined;
  return glyphs === undefined ? `ℝ^{${plain}}` : `ℝ${Array.from(plain, superscriptChar).join('')}`;
}

/** `n`, `3`, `mn` (a product of dimensions is written as one word in every notation). */
export function formatDim(d: DimExpr): string {
  switch (d.kind) {
    case 'dim-sym': return d.name;
    case 'dim-num': return `${d.value}`;
    case 'dim-mul': return d.factors.map(formatDim).join('');
  }
}
