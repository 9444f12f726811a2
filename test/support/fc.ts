import fc from 'fast-check';

/**
 * fast-check, configured for `npm test`: a fixed seed, so a CI run is
 * reproducible and a failure can be replayed. Set `FC_SEED=<n>` to explore
 * other inputs; a failing run prints its seed and shrunk counterexample.
 */
const seed = process.env['FC_SEED'] !== undefined ? Number(process.env['FC_SEED']) : 20261123;
fc.configureGlobal({ seed });

export default fc;
