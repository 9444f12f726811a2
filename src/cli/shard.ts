import { resolve } from 'node:path';

/** `--shard i/n`: the i-th (1-based) of n slices of the files given. */
export type Shard = { readonly index: number; readonly count: number };

/** Parses `i/n` (1 ≤ i ≤ n); the error says what is wrong, for a usage error (exit 2). */
export function parseShard(text: string): Shard | { error: string } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (m === null) return { error: `--shard takes i/n (such as 2/5), not "${text}"` };
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (!Number.isSafeInteger(count) || count < 1) return { error: `--shard ${text}: the number of shards must be at least 1` };
  if (!Number.isSafeInteger(index) || index < 1 || index > count) return { error: `--shard ${text}: the shard must be between 1 and ${count}` };
  return { index, count };
}

/**
 * The absolute paths of the files in `shard`. Files are ranked by absolute
 * path (code units), and shard i of n takes the ranks from ⌊(i−1)·N/n⌋ up to
 * ⌊i·N/n⌋. Invariants: for one set of files, the n shards are disjoint and
 * their union is the set; the slice does not depend on the order or spelling
 * of the paths given, nor on the run; sizes differ by at most one.
 */
export function shardFiles(files: readonly string[], shard: Shard): Set<string> {
  const ranked = [...new Set(files.map((f) => resolve(f)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const from = Math.floor(((shard.index - 1) * ranked.length) / shard.count);
  const to = Math.floor((shard.index * ranked.length) / shard.count);
  return new Set(ranked.slice(from, to));
}
