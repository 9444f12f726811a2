import fc from 'fast-check';

/**
 * Mutations of a text, as the fuzzer applies them to shipped files and seed
 * formulas: the ways text gets damaged when typed, pasted or generated —
 * lines deleted, duplicated or swapped, tokens swapped, truncation, huge
 * numbers, deep nesting (brackets, and operators that nest without them),
 * Unicode look-alikes, invisible characters and other line endings. Each is
 * a named pure function of the text, with its parameters drawn by fast-check;
 * positions are taken modulo the text's size, so any mutation fits any text.
 */
export type Mutation = { readonly name: string; readonly apply: (text: string) => string };

const lines = (t: string): string[] => t.split('\n');
const at = (n: number, size: number): number => (size === 0 ? 0 : n % size);

/** Pairs of look-alikes: the fuzzer swaps one for the other (both ways). */
export const CONFUSABLES: readonly [string, string][] = [
  ['−', '-'], ['ᵀ', 'T'], ['⁻¹', '^-1'], ['⁻¹', '⁻'], ['×', 'x'], ['′', "'"], ['∂', 'd'], ['ℝ', 'R'], ['A', 'А'], ['X', 'Χ'],
  ['=', '＝'], [' ', '\u00A0'], ['(', '（'], ['1', 'l'], ['⟹', '=>'], ['∈', 'ε'], ['·', '.'], ['ε', 'є'], ['by', 'bу'], ['-', '‐'],
];

const OPENERS = [['(', ')'], ['{', '}'], ['\\left(', '\\right)'], ['‖', '‖']] as const;
const NESTERS = ['ᵀ', "'", '⁻¹', '^{-1}', '^T'] as const;
const PREFIXES = ['log ', 'det ', 'tr ', 'd', '-', '∂/∂t ', '\\sqrt '] as const;

const deleteLine = fc.nat().map((i): Mutation => ({ name: `delete line ${i}`, apply: (t) => lines(t).filter((_, k, ls) => k !== at(i, ls.length)).join('\n') }));
const duplicateLine = fc.nat().map((i): Mutation => ({
  name: `duplicate line ${i}`,
  apply: (t) => lines(t).flatMap((l, k, ls) => (k === at(i, ls.length) ? [l, l] : [l])).join('\n'),
}));
const swapLines = fc.tuple(fc.nat(), fc.nat()).map(([i, j]): Mutation => ({
  name: `swap lines ${i} and ${j}`,
  apply: (t) => {
    const ls = lines(t);
    const [a, b] = [at(i, ls.length), at(j, ls.length)];
    [ls[a], ls[b]] = [ls[b]!, ls[a]!];
    return ls.join('\n');
  },
}));
const truncate = fc.nat().map((i): Mutation => ({ name: `truncate at ${i}`, apply: (t) => t.slice(0, at(i, t.length + 1)) }));

/** Splits into words and the space between them, swaps two words. */
const swapTokens = fc.tuple(fc.nat(), fc.nat()).map(([i, j]): Mutation => ({
  name: `swap tokens ${i} and ${j}`,
  apply: (t) => {
    const parts = t.split(/(\s+)/);
    const words = parts.flatMap((p, k) => (/^\s*$/.test(p) ? [] : [k]));
    if (words.length < 2) return t;
    const [a, b] = [words[at(i, words.length)]!, words[at(j, words.length)]!];
    [parts[a], parts[b]] = [parts[b]!, parts[a]!];
    return parts.join('');
  },
}));

const insertAt = (t: string, i: number, s: string): string => {
  const k = at(i, t.length + 1);
  return t.slice(0, k) + s + t.slice(k);
};

const hugeNumber = fc.tuple(fc.nat(), fc.constantFrom(20, 400, 5000), fc.constantFrom('9', '1', '0.5', '3/')).map(([i, n, d]): Mutation => ({
  name: `insert a ${n}-digit number at ${i}`,
  apply: (t) => insertAt(t, i, ` ${d}${'7'.repeat(n)} `),
}));

/** Wraps the text from position i in `depth` brackets, appends `depth` postfix operators, or puts `depth` prefix operators before it. */
const deepNesting = fc.tuple(fc.nat(), fc.constantFrom(10, 70, 300, 3000, 10_000), fc.nat({ max: 2 }), fc.nat()).map(([i, depth, how, which]): Mutation => {
  if (how === 0) {
    const [open, close] = OPENERS[which % OPENERS.length]!;
    return { name: `${depth} brackets ${open}${close} at ${i}`, apply: (t) => insertAt(t, i, `${open.repeat(depth)}X${close.repeat(depth)}`) };
  }
  const op = how === 1 ? NESTERS[which % NESTERS.length]! : PREFIXES[which % PREFIXES.length]!;
  return { name: `${depth} × "${op}" at ${i}`, apply: (t) => insertAt(t, i, how === 1 ? `X${op.repeat(depth)}` : `${op.repeat(depth)}X`) };
});

const confusable = fc.tuple(fc.nat(), fc.boolean(), fc.boolean()).map(([k, everywhere, backwards]): Mutation => {
  const [a, b] = CONFUSABLES[k % CONFUSABLES.length]!;
  const [from, to] = backwards ? [b, a] : [a, b];
  return { name: `"${from}" → "${to}"${everywhere ? ' everywhere' : ''}`, apply: (t) => (everywhere ? t.split(from).join(to) : t.replace(from, to)) };
});

const invisible = fc.tuple(fc.nat(), fc.constantFrom('\u200B', '\uFEFF', '\u00AD', '\u202E', '\r', '\t', '\u0000', '\u2028')).map(([i, c]): Mutation => ({
  name: `insert U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${i}`,
  apply: (t) => insertAt(t, i, c),
}));

const lineEndings = fc.constantFrom<Mutation>(
  { name: 'CRLF line endings', apply: (t) => t.replace(/\n/g, '\r\n') },
  { name: 'CR line endings', apply: (t) => t.replace(/\n/g, '\r') },
);

/** A line repeated on itself (kept under a million characters). */
const repeatLine = fc.tuple(fc.nat(), fc.constantFrom(20, 5000)).map(([i, n]): Mutation => ({
  name: `line ${i} repeated ${n} times on one line`,
  apply: (t) => lines(t).map((l, k, ls) => (k === at(i, ls.length) ? l.repeat(Math.min(n, Math.floor(1_000_000 / (l.length + 1)))) : l)).join('\n'),
}));

const insertChar = fc.tuple(fc.nat(), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })).map(([i, s]): Mutation => ({
  name: `insert ${JSON.stringify(s)} at ${i}`,
  apply: (t) => insertAt(t, i, s),
}));

/** One mutation, the common ones more often than the costly ones. */
export const mutationOf: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: deleteLine, weight: 3 },
  { arbitrary: duplicateLine, weight: 2 },
  { arbitrary: swapLines, weight: 2 },
  { arbitrary: truncate, weight: 2 },
  { arbitrary: swapTokens, weight: 4 },
  { arbitrary: hugeNumber, weight: 1 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: confusable, weight: 4 },
  { arbitrary: invisible, weight: 1 },
  { arbitrary: lineEndings, weight: 1 },
  { arbitrary: repeatLine, weight: 1 },
  { arbitrary: insertChar, weight: 3 },
);
