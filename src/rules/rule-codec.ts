import type { Source } from '../diag/index.js';
import type { Rule } from './rule.js';

/**
 * Compiled rules as text and back, so the shipped library can be read
 * without parsing and compiling it again (`src/cli/precompiled-rules.ts`).
 * Rules are plain data but for exact rationals (`bigint`), the sorts of
 * their metavariables (`Map`) and the sources their spans point into, which
 * are written once each. Invariant: `decodeRules(encodeRules(rs))` is
 * structurally equal to `rs`, with spans pointing into equal sources.
 */
const FORMAT = 1;

export function encodeRules(rules: readonly Rule[]): string {
  const sources: Source[] = [];
  const index = new Map<Source, number>();
  const replacer = function (this: unknown, key: string, value: unknown): unknown {
    if (typeof value === 'bigint') return { $bigint: value.toString() };
    if (value instanceof Map) return { $map: [...value] };
    if (key === 'source' && isSource(value)) {
      if (!index.has(value)) (index.set(value, sources.length), sources.push(value));
      return { $source: index.get(value) };
    }
    return value;
  };
  const body = JSON.stringify(rules, replacer);
  return JSON.stringify({ format: FORMAT, sources, rules: JSON.parse(body) as unknown });
}

/** The rules of `text`, or null when it is not what `encodeRules` writes (another format, or damaged). */
export function decodeRules(text: string): Rule[] | null {
  try {
    const outer = JSON.parse(text) as { format?: unknown; sources?: Source[]; rules?: unknown };
    if (outer.format !== FORMAT || !Array.isArray(outer.sources) || !Array.isArray(outer.rules)) return null;
    const sources = outer.sources;
    const revive = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(revive);
      if (value === null || typeof value !== 'object') return value;
      const o = value as Record<string, unknown>;
      if (typeof o['$bigint'] === 'string') return BigInt(o['$bigint']);
      if (Array.isArray(o['$map'])) return new Map((o['$map'] as [string, unknown][]).map(([k, v]) => [k, revive(v)]));
      if (typeof o['$source'] === 'number') return sources[o['$source']] ?? null;
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, revive(v)]));
    };
    return revive(outer.rules) as Rule[];
  } catch {
    return null;
  }
}

const isSource = (v: unknown): v is Source =>
  typeof v === 'object' && v !== null && typeof (v as Source).name === 'string' && typeof (v as Source).text === 'string';
