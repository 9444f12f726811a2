/**
 * What the proof-file reader (`src/proof`) uses to cut a file into lines and
 * read formulas inside it with file positions. Internal to the readers of
 * files; not part of the public API.
 */
export * from './piece.js';
export { NAME, joinLines, splitLines, type SourceLine } from './lines.js';
export * from './file-reader.js';
export { readName } from './rule-file.js';
