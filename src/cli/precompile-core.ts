import { hasErrors } from '../diag/index.js';
import { writePrecompiledCore } from './precompiled-rules.js';
import { compileCoreRules } from './prover-files.js';

/**
 * The last step of `npm run build`: compiles the shipped core library and
 * writes it to `dist/rules-core.json` for a fast start (`precompiled-rules.ts`).
 * A library with errors is not written (the prover then reports them).
 */
const { library, files } = compileCoreRules();
if (hasErrors(library.diagnostics)) {
  process.stderr.write(`precompile: rules/core has errors; not precompiled\n`);
} else {
  writePrecompiledCore(library.rules, files);
  process.stdout.write(`precompiled ${library.rules.length} rules of rules/core\n`);
}
