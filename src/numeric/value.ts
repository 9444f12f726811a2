import { Matrix } from 'ml-matrix';

/**
 * Numeric values of terms: a number for a scalar, an ml-matrix `Matrix` for a
 * matrix (a vector is an n×1 matrix, a row vector 1×n), and `Eye` for a
 * multiple of the identity `I` whose size no operand has fixed yet (`I⁻¹`,
 * `Iᵀ`, `2I`): it takes the size of the first matrix it meets.
 *
 * Invariant: a `Matrix` value is never 1×1 — `normalize` turns those into
 * numbers, as shape inference treats a 1×1 matrix as a scalar.
 */
export type Eye = { readonly kind: 'eye'; readonly scale: number };
export type Value = number | Matrix | Eye;

/** Why a term could not be evaluated on a sample. */
export type FailureKind =
  /** A construct without a numeric meaning here (`f′(X)` alone, `I` of unknown size under `tr`, …): no sample helps. */
  | 'unsupported'
  /** A symbol or index without a value in the environment. */
  | 'unbound'
  /** Operands whose sizes do not conform on this sample. */
  | 'shape'
  /** An inverse of a singular or badly conditioned matrix, a division by zero: another sample may do. */
  | 'singular'
  /** A function outside its domain (`log` of a negative number): another sample may do. */
  | 'domain'
  /** NaN or ±Infinity appeared: another sample may do. */
  | 'non-finite'
  /** The evaluation took more steps than the environment allows. */
  | 'budget';

/** A failure: its kind and a sentence for people (`the matrix is singular`). */
export type Failure = { readonly kind: FailureKind; readonly message: string };

/** An outcome: a value, or why there is none. Evaluation never throws. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(kind: FailureKind, message: string): Result<T> => ({ ok: false, failure: { kind, message } });

/** Failures another random draw may avoid (singular samples, domain errors, overflow). */
export const isRetryable = (f: Failure): boolean => f.kind === 'singular' || f.kind === 'domain' || f.kind === 'non-finite';

export const eye = (scale = 1): Eye => ({ kind: 'eye', scale });
export const isEye = (v: Value): v is Eye => typeof v === 'object' && !(v instanceof Matrix);
export const isMatrix = (v: Value): v is Matrix => v instanceof Matrix;

/** A 1×1 matrix becomes a number; anything else is returned as it is. */
export function normalize(v: Value): Value {
  return v instanceof Matrix && v.rows === 1 && v.columns === 1 ? v.get(0, 0) : v;
}

/** `rows×cols`, or `scalar`, or `I` for an identity of unknown size. */
export function describeSize(v: Value): string {
  if (typeof v === 'number') return 'scalar';
  return isEye(v) ? 'I' : `${v.rows}×${v.columns}`;
}

/** The largest absolute entry (for `Eye`, of its scale). */
export function maxAbs(v: Value): number {
  if (typeof v === 'number') return Math.abs(v);
  if (isEye(v)) return Math.abs(v.scale);
  return v.norm('max');
}

/** The Frobenius norm (the Euclidean norm of a vector); for `Eye`, that of its scale. */
export function frobenius(v: Value): number {
  if (typeof v === 'number') return Math.abs(v);
  if (isEye(v)) return Math.abs(v.scale);
  return v.norm('frobenius');
}

/** True when every entry is a finite number. */
export function isFiniteValue(v: Value): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (isEye(v)) return Number.isFinite(v.scale);
  return v.to1DArray().every(Number.isFinite);
}

/** `Eye` (or a number, read as a multiple of `I`) made into an n×n matrix. */
export function eyeMatrix(scale: number, n: number): Matrix {
  return Matrix.mul(Matrix.eye(n, n), scale);
}

/** A value as a matrix of the given size when it can be one: a number is 1×1 (or a zero of any size), `Eye` any square size. */
export function asMatrix(v: Value, rows: number, cols: number): Matrix | undefined {
  if (v instanceof Matrix) return v.rows === rows && v.columns === cols ? v : undefined;
  if (isEye(v)) return rows === cols ? eyeMatrix(v.scale, rows) : undefined;
  if (rows === 1 && cols === 1) return new Matrix([[v]]);
  return v === 0 ? new Matrix(rows, cols) : undefined;
}

/** Rounds to three significant digits for people (`0.123`, `-1.5`, `2.35e-7`). */
export function round3(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const r = Number(x.toPrecision(3));
  return Object.is(r, -0) ? '0' : String(r);
}

/** A value for people, rounded: `0.5`, `[1, 2; 3, 4]` (rows separated by `;`, as in MATLAB), `2·I`; entries at rounding level (below 1e-10 of the largest) print as 0. */
export function formatValue(v: Value): string {
  if (typeof v === 'number') return round3(v);
  if (isEye(v)) return v.scale === 1 ? 'I' : `${round3(v.scale)}·I`;
  const noise = 1e-10 * v.norm('max');
  const rows = v.to2DArray().map((row) => row.map((x) => round3(Math.abs(x) <= noise ? 0 : x)).join(', '));
  return `[${rows.join('; ')}]`;
}
