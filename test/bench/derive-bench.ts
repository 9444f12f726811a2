import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deriveChecked, readDeriveInput, type DeriveInput } from '../../src/cli/derive-command.js';
import { loadCoreRules } from '../../src/cli/prover-files.js';
import { parseDeclarations } from '../../src/parse/index.js';
import { printTerm } from '../../src/print/index.js';
import { elaborateStatements, PREDICATES, type Rule } from '../../src/rules/index.js';
import { derive } from '../../src/search/derive.js';
import * as c from '../../src/term/index.js';
import type { Declaration, Term } from '../../src/term/index.js';
import { repoRoot } from '../support/repo.js';
import { asciiToSympy } from './peer.js';
import { sympyDiffTimes, type DiffRequest } from './derive-peer.js';

/**
 * `derive` figures for `npm run bench`: the corpus (median and p90 per case,
 * in-process after warm-up), the scaling series ∂tr(A₁X A₂X ⋯ A_kX)/∂X and
 * ∂(aᵀX⁻ᵏb)/∂X, and SymPy's `.diff` on the same formulas in the same run.
 */
export type Row = { figure: string; value: string; note?: string };

const UNBOUNDED = { maxSteps: 10_000_000, maxMillis: 600_000 };

type Case = { readonly name: string; readonly input: DeriveInput; readonly sympy?: DiffRequest };

function corpusCases(): Case[] {
  const lines = readFileSync(join(repoRoot(), 'test', 'corpus', 'derivatives.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.map((l) => JSON.parse(l) as { name: string; expr: string; wrt: string; let: string; unsupported?: string })
    .filter((e) => e.unsupported === undefined)
    .map((e) => {
      const input = readDeriveInput(e.expr, e.wrt, e.let) as DeriveInput;
      const sympy = asciiToSympy(printTerm(input.term, { notation: 'ascii' }));
      return { name: e.name, input, ...(sympy === undefined ? {} : { sympy: { expr: sympy, wrt: e.wrt } }) };
    });
}

/** Median milliseconds of `derive` on `input` over `runs` runs (derive only: the kernel check is timed separately). */
function deriveMs(input: DeriveInput, rules: readonly Rule[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const d = derive({ expr: input.term, wrt: input.wrt, facts: input.facts, predicates: PREDICATES, rules, budget: UNBOUNDED });
    times.push(performance.now() - start);
    if (!d.ok) throw new Error(`bench: derive failed on ${printTerm(input.term)}: ${d.problem}`);
  }
  return quantile(times, 0.5);
}

const quantile = (xs: readonly number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};

/** A formula built as a term, with its matrices declared n×n and vectors n×1, read as `derive` reads input. */
function built(term: Term, matrices: readonly string[], vectors: readonly string[], wrt: string): DeriveInput {
  const one = (names: readonly string[], shape: string): Declaration[] => {
    if (names.length === 0) return [];
    const parsed = parseDeclarations(`Q ∈ ${shape}`, { sourceName: '<bench>' });
    if (!parsed.ok) throw new Error('bench: the declaration template does not parse');
    const template = parsed.value[0] as Declaration;
    return [{ ...template, targets: names.map((name) => ({ name, params: [] })) }];
  };
  const declarations = [...one(matrices, 'ℝ^{n×n}'), ...one(vectors, 'ℝⁿ')].map((d) => (d.targets.some((t) => t.name === 'X') ? { ...d, properties: ['invertible'] } : d)) as Declaration[];
  const e = elaborateStatements([{ kind: 'term', term }], new WeakMap(), declarations);
  const statement = e.statements[0]!;
  if (statement.kind !== 'term') throw new Error('bench: not a term');
  return { term: statement.term, wrt, facts: e.facts, declarations, declarationLines: [], at: null as never };
}

/** tr(A1 X A2 X ⋯ Ak X). */
export function traceSeries(k: number): { input: DeriveInput; sympy: DiffRequest } {
  const names = Array.from({ length: k }, (_, i) => `A${i + 1}`);
  const x = c.sym('X');
  const term = c.fn('tr', [c.mul(names.flatMap((n) => [c.sym(n), x]))]);
  return { input: built(term, [...names, 'X'], [], 'X'), sympy: { expr: `Trace(${names.map((n) => `${n}*X`).join('*')})`, wrt: 'X' } };
}

/** aᵀX⁻ᵏb. */
export function inverseSeries(k: number): { input: DeriveInput; sympy: DiffRequest } {
  const term = c.mul([c.transpose(c.sym('a')), c.power(c.sym('X'), c.num(-k)), c.sym('b')]);
  return { input: built(term, ['X'], ['a', 'b'], 'X'), sympy: { expr: `a.T*X**(-${k})*b`, wrt: 'X' } };
}

const ms = (x: number): string => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;

export function deriveRows(): Row[] {
  const loaded = loadCoreRules();
  if (!loaded.ok) throw new Error('bench: rules/core does not load');
  const rules = loaded.rules;
  const rows: Row[] = [];
  const cases = corpusCases();
  for (const k of cases) deriveMs(k.input, rules, 3); // warm-up
  const times = cases.map((k) => deriveMs(k.input, rules, 5));
  rows.push({ figure: `derive the corpus, ${cases.length} cases: median per case`, value: ms(quantile(times, 0.5)), note: `p90 ${ms(quantile(times, 0.9))}, worst ${ms(Math.max(...times))}; in-process after warm-up, derive only` });
  const checked = cases.map((k) => {
    const start = performance.now();
    deriveChecked(k.input);
    return performance.now() - start;
  });
  rows.push({ figure: '  same, with the kernel re-checking the emitted proof', value: ms(quantile(checked, 0.5)), note: `p90 ${ms(quantile(checked, 0.9))}` });
  rows.push(...peerRows(cases, times));
  rows.push(...seriesRows('∂tr(A₁X⋯A_kX)/∂X', [1, 2, 4, 8, 16, 32, 64, 128, 256], traceSeries, rules));
  rows.push(...seriesRows('∂(aᵀX⁻ᵏb)/∂X', [1, 2, 4, 8, 16, 32, 64], inverseSeries, rules));
  return rows;
}

/** The series for SymPy, one point per process in increasing size, until one takes over two minutes (the rest are not run). */
function peerSeries(requests: readonly DiffRequest[]): { ms: (number | null | undefined)[]; reasons: (string | undefined)[] } {
  const ms: (number | null | undefined)[] = [];
  const reasons: (string | undefined)[] = [];
  for (const request of requests) {
    const peer = sympyDiffTimes([request], 120_000);
    ms.push(peer.available ? peer.ms[0] : undefined);
    reasons.push(peer.available ? undefined : peer.reason);
    if (!peer.available) break;
  }
  if (ms.length < requests.length && reasons.at(-1)?.includes('ETIMEDOUT')) reasons[ms.length] = 'not run: the point before took over 2 minutes';
  return { ms, reasons };
}

function peerRows(cases: readonly Case[], times: readonly number[]): Row[] {
  const comparable = cases.map((k, i) => ({ k, ours: times[i]! })).filter((x) => x.k.sympy !== undefined);
  const peer = sympyDiffTimes(comparable.map((x) => x.k.sympy!));
  if (!peer.available) return [{ figure: 'SymPy .diff on the corpus', value: 'not measured', note: peer.reason }];
  const both = comparable.map((x, i) => ({ ours: x.ours, theirs: peer.ms[i] })).filter((x): x is { ours: number; theirs: number } => x.theirs !== null && x.theirs !== undefined);
  if (both.length === 0) return [{ figure: 'SymPy .diff on the corpus', value: 'not measured', note: 'SymPy read none of the formulas' }];
  const [ours, theirs] = [quantile(both.map((x) => x.ours), 0.5), quantile(both.map((x) => x.theirs), 0.5)];
  return [
    { figure: `SymPy ${peer.version} .diff, the ${both.length} corpus cases it reads: median`, value: ms(theirs), note: `Leibniz on the same cases: ${ms(ours)}` },
    { figure: 'ratio SymPy / Leibniz (derive, corpus median)', value: `${(theirs / ours).toFixed(1)}×`, note: 'Leibniz also records every step; SymPy gives the result only' },
  ];
}

/** A series stops before a k whose derivation would take longer than this (the last time, times 8: k³ growth per doubling). */
const SERIES_CAP_MS = 20_000;

function seriesRows(name: string, ks: readonly number[], make: (k: number) => { input: DeriveInput; sympy: DiffRequest }, rules: readonly Rule[]): Row[] {
  const ours: number[] = [];
  for (const k of ks) {
    if (ours.length > 0 && ours.at(-1)! * 8 > SERIES_CAP_MS) break;
    ours.push(deriveMs(make(k).input, rules, ours.length === 0 || ours.at(-1)! < 1000 ? 3 : 1)); // the median of 3 while that is cheap
  }
  const measured = ks.slice(0, ours.length);
  const peer = peerSeries(measured.map((k) => make(k).sympy));
  const rows = measured.map((k, i): Row => {
    const theirs = peer.ms[i];
    const note = theirs === undefined ? `SymPy: ${peer.reasons[i] ?? 'not measured'}`
      : theirs === null ? 'SymPy could not differentiate it' : `SymPy ${ms(theirs)}, ${(theirs / ours[i]!).toFixed(1)}× the time of Leibniz`;
    const growth = i > 0 ? `; growth from k = ${measured[i - 1]}: k^${(Math.log2(ours[i]! / ours[i - 1]!) / Math.log2(k / measured[i - 1]!)).toFixed(2)}` : '';
    return { figure: `${name}, k = ${k}`, value: ms(ours[i]!), note: `${note}${growth}` };
  });
  if (measured.length < ks.length) rows.push({ figure: `${name}, k = ${ks[measured.length]}…${ks.at(-1)}`, value: 'not run', note: `k = ${measured.at(-1)} took ${(ours.at(-1)! / 1000).toFixed(1)} s; the next would pass ${SERIES_CAP_MS / 1000} s` });
  return rows;
}
