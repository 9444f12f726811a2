import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProofFile } from '../../src/check/index.js';
import { readProofFile } from '../../src/proof/index.js';
import { printTerm } from '../../src/print/index.js';
import { RuleRegistry } from '../../src/rules/index.js';
import { visibleRules } from '../../src/tui/edits.js';
import { currentSides, equationText, reachesClaim } from '../../src/tui/focus.js';
import { openFileTheorem } from '../../src/tui/open-theorem.js';
import { fileText } from '../../src/tui/render-proof.js';
import type { Session } from '../../src/tui/session.js';
import { repoRoot } from '../support/repo.js';
import { coreRules, openText, run } from './support.js';

/** Theorems proved in equation steps (a first equation, then `⟹` lines): opened, continued, undone and saved through the reducer. */

const HEAD = 'use rules/core\nX ∈ ℝ^{n×n} invertible\n\n';
const CLAIM = 'theorem d-inverse : d(X⁻¹) = −X⁻¹ dX X⁻¹\nproof\n';
const TWO_LINES = '  X⁻¹X = I                    by inverse-left\n  ⟹ d(X⁻¹X) = dI             by both-sides d\n';
const started = () => openText(`${HEAD}${CLAIM}${TWO_LINES}qed\n`);

const equation = (s: Session): string => {
  const sides = currentSides(s.doc);
  return sides === null ? '' : equationText(sides);
};
const ids = (ctx: Parameters<typeof visibleRules>[0], s: Session) => visibleRules(ctx, s).map((e) => `${e.direction === 'forward' ? '→' : '←'}${e.ruleId}`);
const typed = (text: string) => [{ type: 'manual-open' }, { type: 'manual-edit', text }, { type: 'manual-submit' }] as const;

function proves(text: string): boolean {
  const { file, diagnostics } = readProofFile(text, { sourceName: 'saved.proof' });
  const registry = new RuleRegistry();
  coreRules().forEach((r) => registry.add(r));
  return diagnostics.length === 0 && checkProofFile(file, { registry }).report.theorems.every((t) => t.status === 'proved');
}

test('an equation-style theorem opens: its lines are steps, the goal is the last equation, the left side selected', (t) => {
  const { ctx, session } = started();
  t.is(session.doc.style, 'equations');
  t.is(session.mode.kind, 'normal');
  t.deepEqual(session.doc.steps.map((s) => s.rules), [['inverse-left'], ['both-sides d']]);
  t.is(equation(session), 'd(X⁻¹X) = d(I)');
  t.deepEqual(session.doc.selection, [0]);
  t.deepEqual(session.transcript.map((e) => e.text), ['theorem d-inverse : d(X⁻¹) = −X⁻¹ dX X⁻¹', '  X⁻¹X = I                    by inverse-left', '  ⟹ d(X⁻¹X) = dI             by both-sides d']);
  t.is(fileText(ctx, session.goal, session.doc), `${HEAD}${CLAIM}${TWO_LINES}qed\n`, 'saved unchanged, byte for byte');
});

test('the first failing ⟹ line is offered for editing with its error at its column; the lines after it are kept', (t) => {
  const failing = '  ⟹ d(X⁻¹) X + X⁻¹ dX = 0    by d-product';
  const { session } = openText(`${HEAD}${CLAIM}${TWO_LINES}${failing}\n  -- kept\nqed\n`);
  t.is(session.doc.steps.length, 2);
  t.is(session.mode.kind, 'manual');
  if (session.mode.kind !== 'manual') return;
  t.is(session.mode.text, failing.trim());
  t.regex(session.mode.error!.message, /d-product.*expected d\(X⁻¹\) X \+ X⁻¹ dX = 0; found d\(X⁻¹\) X \+ X⁻¹ dX = d\(I\)/);
  t.is(session.mode.error!.column, 2, 'under the equation, after "⟹ "');
  t.deepEqual(session.doc.pending, [failing, '  -- kept']);
});

test('a typed line is checked by the kernel: ⟹ may be left out, an error points into the typed text, the fixed line replaces the kept one', (t) => {
  const { ctx, session } = openText(`${HEAD}${CLAIM}${TWO_LINES}  ⟹ d(X⁻¹) X + X⁻¹ dX = 0    by d-product\nqed\n`);
  const wrong = run(ctx, session, { type: 'manual-edit', text: 'd(X⁻¹) X + X⁻¹ dX = 0 by d-product, d-identiti' }, { type: 'manual-submit' });
  t.is(wrong.mode.kind, 'manual');
  if (wrong.mode.kind !== 'manual') return;
  t.regex(wrong.mode.error!.message, /rule "d-identiti" is not defined/);
  t.is(wrong.mode.error!.column, [...'d(X⁻¹) X + X⁻¹ dX = 0 by d-product, '].length);
  t.is(wrong.doc.steps.length, 2, 'nothing recorded');
  const fixed = run(ctx, wrong, { type: 'manual-edit', text: 'd(X⁻¹) X + X⁻¹ dX = 0 by d-product, d-identity' }, { type: 'manual-submit' });
  t.is(fixed.mode.kind, 'normal');
  t.is(fixed.doc.steps.at(-1)!.line, '  ⟹ d(X⁻¹) X + X⁻¹ dX = 0 by d-product, d-identity');
  t.deepEqual(fixed.doc.steps.at(-1)!.rules, ['d-product', 'd-identity']);
  t.is(equation(fixed), 'd(X⁻¹) X + X⁻¹ dX = 0');
  t.deepEqual(fixed.doc.pending, []);
  t.is(fixed.message!.text, 'checked: d-product, d-identity');
});

test('a typed chain line or a line of the wrong kind is refused with what to type instead', (t) => {
  const { ctx, session } = started();
  const chain = run(ctx, session, ...typed('= d(X⁻¹) X + X⁻¹ dX by d-product'));
  t.regex(chain.message!.text, /this proof goes by equation steps, not a chain: type an equation step: ⟹ EQUATION by/);
  const missing = run(ctx, session, ...typed('⟹ d(X⁻¹) X + X⁻¹ dX = 0'));
  t.is(missing.mode.kind, 'manual');
  t.regex(missing.message!.text, /by/);
});

test('move: the selection runs over both sides of the equation; the panel follows it', (t) => {
  const { ctx, session } = started();
  t.true(ids(ctx, session).includes('→d-product'), 'the left side d(X⁻¹X)');
  const right = run(ctx, session, { type: 'move', move: 'next' });
  t.deepEqual(right.doc.selection, [1]);
  t.true(ids(ctx, right).includes('→d-identity'), 'the right side d(I)');
  t.false(ids(ctx, right).includes('→d-product'));
  const whole = run(ctx, session, { type: 'move', move: 'parent' });
  t.deepEqual(whole.doc.selection, []);
  t.deepEqual(ids(ctx, whole), [], 'no rule rewrites a whole equation');
  t.deepEqual(run(ctx, whole, { type: 'move', move: 'child' }).doc.selection, [0]);
  t.deepEqual(run(ctx, session, { type: 'move', move: 'child' }, { type: 'move', move: 'child' }).doc.selection, [0, 0, 0], 'into the left side');
});

test('apply: a rule at a side becomes a ⟹ line the checker accepts, at its position in that side', (t) => {
  const { ctx, session } = started();
  const rows = visibleRules(ctx, session);
  const applied = run(ctx, session, { type: 'select-rule', delta: rows.findIndex((e) => e.ruleId === 'd-product' && e.direction === 'forward') }, { type: 'apply' });
  t.is(applied.doc.steps.length, 3);
  t.is(applied.doc.steps.at(-1)!.line, '  ⟹ d(X⁻¹) X + X⁻¹ dX = d(I)   by d-product at ε');
  t.deepEqual(applied.doc.steps.at(-1)!.rules, ['d-product']);
  t.is(applied.doc.steps.at(-1)!.origin, 'rule');
  t.is(equation(applied), 'd(X⁻¹) X + X⁻¹ dX = d(I)');
  t.regex(applied.message!.text, /^applied d-product at ε$/);
  t.is(applied.transcript.at(-1)!.text, '  ⟹ d(X⁻¹) X + X⁻¹ dX = d(I)   by d-product at ε');
  const right = run(ctx, applied, { type: 'move', move: 'next' }, { type: 'filter-open' }, { type: 'filter', text: 'd-identity' }, { type: 'filter-close', keep: true }, { type: 'apply' });
  t.is(equation(right), 'd(X⁻¹) X + X⁻¹ dX = 0', 'the right side rewritten');
  t.deepEqual(right.doc.selection, [1]);
});

test('undo and redo take back and restore equation steps, with the selection', (t) => {
  const { ctx, session } = started();
  const applied = run(ctx, session, { type: 'move', move: 'next' }, { type: 'apply' });
  t.is(applied.doc.steps.length, 3);
  const undone = run(ctx, applied, { type: 'undo' });
  t.is(undone.doc.steps.length, 2);
  t.is(equation(undone), 'd(X⁻¹X) = d(I)');
  t.regex(undone.transcript.at(-1)!.text, /^↶ undo to line 2: d\(X⁻¹X\) = d\(I\)$/);
  const redone = run(ctx, undone, { type: 'redo' });
  t.deepEqual(redone.doc, applied.doc);
  t.regex(redone.transcript.at(-1)!.text, /^↷ ⟹ d\(X⁻¹X\) = 0 {3}by d-identity at ε$/);
});

test('the proof is finished when the equation is the claim; the saved file checks', (t) => {
  const { ctx, session } = started();
  const steps = [
    'd(X⁻¹) X + X⁻¹ dX = 0 by d-product, d-identity',
    '⟹ d(X⁻¹) X = −X⁻¹ dX by both-sides subtract X⁻¹ dX',
    'd(X⁻¹) X X⁻¹ = −X⁻¹ dX X⁻¹ by both-sides right-multiply X⁻¹',
  ];
  const typedAll = run(ctx, session, ...steps.flatMap((line) => typed(line)));
  t.is(typedAll.doc.steps.length, 5);
  t.false(reachesClaim(typedAll.goal, currentSides(typedAll.doc)));
  const inverse = visibleRules(ctx, typedAll).findIndex((e) => e.ruleId === 'inverse-right');
  const cancelled = run(ctx, typedAll, { type: 'select-rule', delta: inverse }, { type: 'apply' });
  t.is(equation(cancelled), 'd(X⁻¹) I = −X⁻¹ dX X⁻¹');
  const done = run(ctx, cancelled, { type: 'select-rule', delta: visibleRules(ctx, cancelled).findIndex((e) => e.ruleId === 'identity-right') }, { type: 'apply' });
  t.is(equation(done), 'd(X⁻¹) = −X⁻¹ dX X⁻¹');
  t.true(reachesClaim(done.goal, currentSides(done.doc)));
  t.regex(done.message!.text, /the equation is the claim: proved/);
  const saved = run(ctx, done, { type: 'save-request' });
  t.is(saved.request?.kind, 'save');
  if (saved.request?.kind !== 'save') return;
  t.true(proves(saved.request.text), saved.request.text);
  t.regex(run(ctx, saved, { type: 'save-done', path: 't.proof' }).message!.text, /leibniz check: proved \(7 steps\)/);
});

test('s simplifies the selected side as ⟹ lines, one per step', (t) => {
  const { ctx, session } = openText(`${HEAD}${CLAIM}  X⁻¹X = I   by inverse-left\n  ⟹ X⁻¹X X⁻¹ = I X⁻¹   by both-sides right-multiply X⁻¹\nqed\n`);
  const simpRules = coreRules().map((r) => ({ ...r, tags: ['inverse-right', 'identity-right', 'identity-left'].includes(r.id) ? ['simp'] : [] }));
  const simpCtx = { ...ctx, simpRules };
  const right = run(simpCtx, session, { type: 'move', move: 'next' }, { type: 'simplify' });
  t.is(equation(right), 'X⁻¹XX⁻¹ = X⁻¹');
  t.regex(right.doc.steps.at(-1)!.line, /^ {2}⟹ X⁻¹XX⁻¹ = X⁻¹ {3}by identity-left at ε$/);
  const left = run(simpCtx, right, { type: 'move', move: 'prev' }, { type: 'simplify' });
  t.is(equation(left), 'X⁻¹ = X⁻¹');
  t.is(left.doc.steps.length, right.doc.steps.length + 2, 'inverse-right, then identity-right');
  t.is(run(simpCtx, left, { type: 'undo' }).doc.steps.length, right.doc.steps.length, 'one undo takes a whole simp back');
});

test('a takes both sides to the claim with checked ⟹ lines, one undo takes them back, and the saved proof checks', (t) => {
  const claim = 'theorem t : Xᵀ X⁻ᵀ = I\nproof\n  X⁻¹X = I   by inverse-left\n  ⟹ (X⁻¹X)ᵀ = Iᵀ   by both-sides transpose\nqed\n';
  const { ctx, session } = openText(`${HEAD}${claim}`);
  const done = run(ctx, session, { type: 'auto-request' });
  t.is(done.busy, null);
  t.regex(done.message!.text, /^auto: \d+ steps? take both sides to the claim's — the equation is the claim: proved/);
  t.is(equation(done), 'XᵀX⁻ᵀ = I');
  t.true(done.doc.steps.slice(2).every((s) => s.origin === 'auto' && /^ {2}⟹ .* by [a-z-]+ at /.test(s.line)), done.doc.steps.map((s) => s.line).join('\n'));
  t.true(proves(fileText(ctx, done.goal, done.doc)));
  t.is(run(ctx, done, { type: 'undo' }).doc.steps.length, 2);
  t.regex(run(ctx, done, { type: 'auto-request' }).message!.text, /^a: the equation is the claim already/);
});

test('a says which side it cannot take to the claim and changes nothing; e is refused in equation steps', (t) => {
  const { ctx, session } = started();
  const auto = run(ctx, session, { type: 'auto-request' });
  t.is(auto.busy, null);
  t.regex(auto.message!.text, /^auto: the left side does not reach the claim's \(.* after \d+ terms.*both-sides/);
  t.deepEqual(auto.doc, session.doc);
  t.regex(run(ctx, session, { type: 'entrywise' }).message!.text, /^e: entry by entry is for calculation chains/);
});

test('a failing first equation leaves no equation; the typed first equation (no ⟹) starts the proof', (t) => {
  const { ctx, session } = openText(`${HEAD}${CLAIM}  X⁻¹X = I   by inverse-right\n  ⟹ d(X⁻¹X) = dI   by both-sides d\nqed\n`);
  t.is(session.doc.steps.length, 0);
  t.deepEqual(session.doc.selection, []);
  t.deepEqual(visibleRules(ctx, session), []);
  t.is(session.mode.kind, 'manual');
  const fixed = run(ctx, session, { type: 'manual-edit', text: 'X⁻¹X = I   by inverse-left' }, { type: 'manual-submit' });
  t.is(equation(fixed), 'X⁻¹X = I');
  t.deepEqual(fixed.doc.selection, [0]);
  t.deepEqual(fixed.doc.pending, ['  ⟹ d(X⁻¹X) = dI   by both-sides d']);
});

test('the shipped d-inverse-curve proof opens by name, proved, every line a step, and saves unchanged', (t) => {
  const text = readFileSync(join(repoRoot(), 'proofs', 'seed', 'inverse-along-curve.proof'), 'utf8');
  const { ctx, session } = openText(text, 'd-inverse-curve');
  t.is(session.mode.kind, 'normal');
  t.is(session.doc.steps.length, 5);
  t.true(reachesClaim(session.goal, currentSides(session.doc)));
  t.is(printTerm(session.goal.lhs), '∂X(t)⁻¹/∂t');
  t.is(fileText(ctx, session.goal, session.doc), text);
});

test('by default the first unproved theorem opens, in equation steps too; a proof with "have" is refused', (t) => {
  const proved = 'theorem first : ((X)ᵀ)ᵀ = X\nproof\n  ((X)ᵀ)ᵀ\n  = X   by transpose-involution\nqed\n\n';
  t.is(openText(`${HEAD}${proved}${CLAIM}${TWO_LINES}qed\n`).session.goal.name, 'd-inverse');
  const text = `${HEAD}theorem h : X⁻¹X = I\nproof\n  have e : X⁻¹X = I by inverse-left\n  X⁻¹X = I by hyp e\nqed\n`;
  const { file } = readProofFile(text, { sourceName: 't.proof' });
  const registry = new RuleRegistry();
  coreRules().forEach((r) => registry.add(r));
  const { report, proved: rules } = checkProofFile(file, { registry });
  const opened = openFileTheorem({ text, file, report, library: coreRules(), proved: rules, path: 't.proof' });
  t.false(opened.ok);
  if (opened.ok) return;
  t.regex(opened.diagnostics[0]!.message, /has a "have" line; the interactive prover continues calculation chains and equation steps/);
});
