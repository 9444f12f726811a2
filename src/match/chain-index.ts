import { termKey, type Term } from '../term/index.js';

/**
 * What the chain matcher asks of a product's factors over and over, computed
 * once per factor array (memoised by identity: terms are immutable):
 * - `ids`: equal factors have equal ids (by `termKey`, which is faithful to
 *   `equalTerms`), so `A A` compares runs by integers;
 * - `byKind`: the ascending positions of the factors of each kind, so a
 *   segment followed by a rigid factor (`A (B + C)`, `A Aᵏ`) tries only the
 *   ends where that factor's kind stands;
 * - `byPair`: the ascending positions of each pair of adjacent ids, so `A A`
 *   starting at `pos` tries, besides `end = pos + 1`, only the ends where the
 *   pair at `pos` recurs (in `A₁XA₂X⋯` none does, though X recurs often).
 * Without it a free segment tries every end at every start: Θ(n²) candidates
 * per product of n factors, and a product of 2k factors is tried again after
 * every step that rebuilds it.
 */
export type ChainIndex = {
  readonly byKind: ReadonlyMap<Term['kind'], readonly number[]>;
  /** Built on first use (only `A A` patterns ask): most products matched never need it, and rewriting keeps many alive. */
  readonly runs: () => RunIndex;
};

/** `ids` and `byPair` (see `ChainIndex`). */
export type RunIndex = { readonly ids: Int32Array; readonly byPair: ReadonlyMap<number, readonly number[]> };

const indexes = new WeakMap<readonly Term[], ChainIndex>();

export function chainIndex(fs: readonly Term[]): ChainIndex {
  let index = indexes.get(fs);
  if (index === undefined) indexes.set(fs, (index = buildIndex(fs)));
  return index;
}

function buildIndex(fs: readonly Term[]): ChainIndex {
  const byKind = new Map<Term['kind'], number[]>();
  fs.forEach((f, i) => {
    let at = byKind.get(f.kind);
    if (at === undefined) byKind.set(f.kind, (at = []));
    at.push(i);
  });
  let runs: RunIndex | undefined;
  return { byKind, runs: () => (runs ??= buildRuns(fs)) };
}

function buildRuns(fs: readonly Term[]): RunIndex {
  const idOf = new Map<string, number>();
  const ids = new Int32Array(fs.length);
  fs.forEach((f, i) => {
    const key = termKey(f);
    let id = idOf.get(key);
    if (id === undefined) idOf.set(key, (id = idOf.size));
    ids[i] = id;
  });
  const byPair = new Map<number, number[]>();
  for (let i = 0; i + 1 < fs.length; i++) {
    const pair = pairKey(ids, i);
    let at = byPair.get(pair);
    if (at === undefined) byPair.set(pair, (at = []));
    at.push(i);
  }
  return { ids, byPair };
}

/** The pair of ids at `i`, `i + 1` as one number (ids are below the factor count). */
const pairKey = (ids: Int32Array, i: number): number => ids[i]! * ids.length + ids[i + 1]!;

/**
 * The ends in `[from, to]` where a copy of the run starting at `pos` may
 * start (`A A`): `pos + 1` when the factor repeats at once, and the later
 * positions where the pair of factors at `pos` recurs. A necessary condition.
 */
export function squareEnds(index: ChainIndex, pos: number, from: number, to: number): number[] {
  const { ids, byPair } = index.runs();
  const out: number[] = [];
  if (from <= pos + 1 && pos + 1 <= to && ids[pos + 1] === ids[pos]) out.push(pos + 1);
  if (pos + 1 >= ids.length) return out;
  for (const end of byPair.get(pairKey(ids, pos)) ?? []) if (end > pos + 1 && end >= from && end <= to) out.push(end);
  return out;
}

/** Whether `fs[pos..end)` is followed by a copy of itself. */
export function isSquareRun(index: ChainIndex, pos: number, end: number): boolean {
  const { ids } = index.runs();
  const len = end - pos;
  if (end + len > ids.length) return false;
  for (let k = 0; k < len; k++) if (ids[pos + k] !== ids[end + k]) return false;
  return true;
}

/** The first index in ascending `sorted` whose value is at least `min` (binary search). */
export function firstAtLeast(sorted: readonly number[], min: number): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
