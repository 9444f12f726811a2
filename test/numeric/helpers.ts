import { Matrix } from 'ml-matrix';
import { makeEnv, type Binding, type Env, type EnvInit, type Result, type Value } from '../../src/numeric/index.js';
import { readFormula } from '../../src/rules/index.js';
import type { Term } from '../../src/term/index.js';

/** A term read as a user would type it (any notation), shaped under `decls` and canonical. */
export function term(text: string, decls = ''): Term {
  const read = readFormula(text, { declarations: decls });
  if (!read.ok) throw new Error(`cannot read ${text}: ${read.diagnostics.map((d) => d.message).join('; ')}`);
  const st = read.elaboration.formula.statements[0]!;
  if (st.kind !== 'term') throw new Error(`${text} is not a term`);
  return st.term;
}

/** A value written as a number, or as rows (`[[1, 2], [3, 4]]`; a column vector is `[[1], [2]]`). */
export type Plain = number | number[][];

export const toValue = (v: Plain): Value => (typeof v === 'number' ? v : new Matrix(v));

/** An environment whose leaves are the given plain values; `extra` adds indices, ranges, directions, … */
export function envOf(values: Record<string, Plain>, extra: EnvInit = {}): Env {
  const bindings = new Map<string, Binding>(Object.entries(values).map(([k, v]) => [k, { kind: 'value', value: toValue(v) }]));
  for (const [k, b] of extra.bindings ?? []) bindings.set(k, b);
  return makeEnv({ ...extra, bindings });
}

/** The value of a successful result as plain data (a matrix as rows), or the failure kind in brackets. */
export function plain(r: Result<Value>): number | number[][] | string {
  if (!r.ok) return `[${r.failure.kind}]`;
  const v = r.value;
  if (typeof v === 'number') return v;
  return v instanceof Matrix ? v.to2DArray() : `I×${v.scale}`;
}

/** Rounds every number to 9 decimals, so hand-computed values compare exactly. */
export function rounded(x: number | number[][] | string): number | number[][] | string {
  const r = (n: number): number => Math.round(n * 1e9) / 1e9 + 0;
  if (typeof x === 'number') return r(x);
  return typeof x === 'string' ? x : x.map((row) => row.map(r));
}
