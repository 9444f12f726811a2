import { FULL_SIZE } from '../support/mutate.js';
import { runMutants, runWithoutProperties, soundnessCorpus } from '../support/soundness.js';

/**
 * `npm run soundness`: the soundness harness at full size — every position
 * of every line of every shipped proof mutated, and every rule a line cites
 * replaced by every other rule that cannot justify the step by accident
 * (`npm test` mutates the first 32 positions of a line and replaces its first
 * rule by two others) — then the declared-property check. Prints mutants
 * tried and rejected; exit 1 if the checker accepted any wrong step.
 */
const started = performance.now();
const corpus = soundnessCorpus();
const tty = process.stderr.isTTY === true;
const mutants = runMutants(corpus, FULL_SIZE, (n) => {
  if (tty && n % 250 === 0) process.stderr.write(`\rsoundness: ${n} mutants checked`);
});
if (tty) process.stderr.write('\r\u001b[K');
const properties = runWithoutProperties(corpus);
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`soundness: ${corpus.length} proof files, ${corpus.reduce((n, c) => n + c.file.theorems.length, 0)} theorems (${seconds} s)`);
console.log(`  ${mutants.tried} mutants tried, ${mutants.tried - mutants.accepted.length} rejected, ${mutants.accepted.length} accepted; ${mutants.equivalent} equal to the original skipped`);
console.log(`  ${properties.tried} theorems rely on declared properties: ${properties.tried - properties.stillProved.length} fail without them, ${properties.stillProved.length} still prove`);
for (const a of [...mutants.accepted, ...properties.stillProved.map((s) => `${s} proves without its declared properties`)]) console.log(`  ACCEPTED: ${a}`);
if (mutants.accepted.length > 0 || properties.stillProved.length > 0) process.exitCode = 1;
