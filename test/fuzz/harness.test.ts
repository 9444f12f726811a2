import test from 'ava';
import { makeSource, span } from '../../src/diag/index.js';
import { commandProblems, diagnosticProblems, locationProblem, timed } from '../support/fuzz-targets.js';
import { fuzzChunk, runInput } from '../support/fuzz.js';
import { CONFUSABLES, mutationOf } from '../support/fuzz-mutations.js';
import fc from '../support/fc.js';

/** The fuzz harness itself: it must notice each kind of failure it is meant to catch, and draw the same inputs for a seed. */
const input = { target: 'formula' as const, origin: 'test', text: 'A B' };

test('a span outside the input, or into another text of the same name, is a problem', (t) => {
  const own = makeSource('<arg>', 'A B');
  const d = (start: number, end: number, source = own) => ({ code: 'E0101' as const, severity: 'error' as const, message: 'm', span: span(source, start, end), notes: [] });
  const inputs = new Map([['<arg>', 'A B']]);
  t.deepEqual(diagnosticProblems('x', [d(0, 3)], inputs), []);
  t.is(diagnosticProblems('x', [d(2, 4)], inputs).length, 1);
  t.is(diagnosticProblems('x', [d(2, 1)], inputs).length, 1);
  t.is(diagnosticProblems('x', [d(0, 1, makeSource('<arg>', 'other'))], inputs).length, 1);
  t.is(diagnosticProblems('x', [{ ...d(0, 1), code: 'E0199' }], inputs).length, 1);
});

test('a printed position past the end of its line or file is a problem', (t) => {
  const inputs = new Map([['f.proof', 'ab\ncdé\n']]);
  t.is(locationProblem('f.proof', 2, 4, inputs), null);
  t.regex(locationProblem('f.proof', 2, 5, inputs) ?? '', /no column 5/);
  t.regex(locationProblem('f.proof', 4, 1, inputs) ?? '', /no line 4/);
});

test('an exit code not allowed, an internal error or a stack trace is a problem', (t) => {
  t.deepEqual(commandProblems('c', { stdout: 'ok\n', stderr: '', exitCode: 0 }, [0], new Map()), []);
  t.is(commandProblems('c', { stdout: '', stderr: 'x', exitCode: 3 }, [0, 2], new Map()).length, 1);
  t.is(commandProblems('c', { stdout: '    at f (file.js:1:2)\n', stderr: '', exitCode: 2 }, [2], new Map()).length, 1);
  t.is(commandProblems('c', { stdout: 'f.proof:9:1: error E0101: x', stderr: '', exitCode: 2 }, [2], new Map([['f.proof', 'a\n']])).length, 1);
});

test('an input that throws, or a call past the time limit, is a failure', (t) => {
  const threw = runInput(input, () => { throw new RangeError('Maximum call stack size exceeded'); });
  t.regex('problems' in threw ? threw.problems.join('\n') : '', /^threw RangeError: Maximum call stack/);
  const failed = runInput(input, () => ['a problem']);
  t.true('problems' in failed);
  // The guards with a small limit, and calls that surely pass it (they wait twice as long).
  const busy = (ms: number) => () => { const until = performance.now() + ms; while (performance.now() < until); return []; };
  const problems: string[] = [];
  timed('slow', problems, busy(40), 20);
  t.regex(problems.join('\n'), /^slow: took \d+ ms \(the hang guard is 20 ms a call\)$/);
  const slow = runInput(input, busy(40), 20);
  t.regex('problems' in slow ? slow.problems.join('\n') : '', /^took \d+ ms \(the hang guard is 20 ms\)$/);
});

test('inputs are the same for a seed, different for another', (t) => {
  const a = fuzzChunk('proof', 5, 0, 30).map((i) => i.text);
  t.deepEqual(fuzzChunk('proof', 5, 0, 30).map((i) => i.text), a);
  t.notDeepEqual(fuzzChunk('proof', 6, 0, 30).map((i) => i.text), a);
});

test('every mutation keeps to its text: applied to any text it returns a string, and confusables come in pairs', (t) => {
  fc.assert(fc.property(mutationOf, fc.string({ maxLength: 30 }), (m, text) => typeof m.apply(text) === 'string'), { numRuns: 300 });
  t.true(CONFUSABLES.every(([a, b]) => a !== b));
});
