/** Diagnostics: spans, the error-code table, named error constructors and their formatting. */
export * from './source.js';
export * from './codes.js';
export * from './diagnostic.js';
export * from './errors.js';
export * from './file-errors.js';
export * from './rule-errors.js';
export * from './cli-errors.js';
export * from './check-errors.js';
export * from './format.js';
export * from './suggest.js';
