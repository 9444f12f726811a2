/**
 * What an interactive session loads: Ink, React and the prover's app. At
 * build time `esbuild` bundles this module with its dependencies into
 * `dist/ui.js` (one file instead of some hundreds of modules: the start-up
 * of `leibniz`); `run-prover.ts` falls back to this module when the bundle
 * is missing.
 */
export { render } from 'ink';
export { createElement } from 'react';
export { ProverApp } from './app.js';
