/** The term language: data types, canonical constructors, keys and positions. */
export * from './term.js';
export * from './formula.js';
export * from './rational.js';
export * from './construct.js';
export * from './key.js';
export * from './equal.js';
export * from './path.js';
export * from './scalar.js';
export * from './canonical.js';
export * from './functions.js';
