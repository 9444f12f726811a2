import test from 'ava';
import { parseCommand } from '../../src/cli/parse-command.js';

/** `leibniz parse … --eval`: values on one random sample, advisory, reproducible by seed. */
const LET = 'a, b ∈ ℝⁿ; X ∈ ℝ^{n×n} invertible';

test('the seed identity agrees on a sample, and every symbol and side is shown', (t) => {
  const out = parseCommand('∂(aᵀX⁻¹b)/∂X = −X⁻ᵀabᵀX⁻ᵀ', { let: LET, eval: true });
  t.is(out.exitCode, 0);
  t.regex(out.stdout, /^on a random sample \(--seed 1\):$/m);
  t.regex(out.stdout, /^ {2}X = \[/m);
  t.regex(out.stdout, /^ {2}∂\(aᵀX⁻¹b\)\/∂X = \[/m);
  t.regex(out.stdout, /the two sides agree on this sample/);
});

test('a wrong hand derivation differs on the sample', (t) => {
  const out = parseCommand('∂(aᵀX⁻¹b)/∂X = −X⁻¹abᵀX⁻¹', { let: LET, eval: true });
  t.regex(out.stdout, /the two sides DIFFER on this sample: max \|difference\| \d/);
});

test('the same seed gives the same sample; another seed another one', (t) => {
  const run = (seed: string) => parseCommand('Xᵀ X', { let: LET, eval: true, seed }).stdout;
  t.is(run('5'), run('5'));
  t.not(run('5'), run('6'));
});

test('a bad seed is a usage error', (t) => {
  const out = parseCommand('X', { eval: true, seed: '-3' });
  t.is(out.exitCode, 2);
  t.regex(out.stderr, /E0902: --seed must be a non-negative integer, not "-3"/);
});

test('without --eval nothing is evaluated', (t) => {
  t.notRegex(parseCommand('Xᵀ X', { let: LET }).stdout, /random sample/);
});
