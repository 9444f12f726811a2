import { formatRational, type Rational, type Term } from '../term/index.js';

/** JSON-safe value (numbers are exact rationals written as strings, like `"-1/2"`). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * A term as plain JSON for `--to json`: the same tagged shape as `Term`, with
 * rationals as strings. Stable: scripts may depend on it.
 */
export function termToJson(t: Term): Json {
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(t)) out[key] = fieldToJson(value);
  return out;
}

function fieldToJson(value: unknown): Json {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => termToJson(v as Term));
  if (isRational(value)) return formatRational(value);
  return termToJson(value as Term);
}

function isRational(value: unknown): value is Rational {
  return typeof value === 'object' && value !== null && typeof (value as Rational).n === 'bigint';
}
