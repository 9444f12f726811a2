import { sidesOf } from '../rewrite/index.js';
import * as c from '../term/index.js';
import { children, type Path, type Term } from '../term/index.js';
import { decide } from '../rules/index.js';
import { hasDifferential, Settled, type Admits, type Run, type RuleUse } from './run.js';

/** The rules of `derive`'s first two steps, by role. */
export type DifferentiateRules = {
  /** Split one factor off a whole-number matrix power: `Aᵏ = A Aᵏ⁻¹`, `A⁻ᵏ = A⁻¹ A⁻ᵏ⁺¹`. */
  readonly split: readonly RuleUse[];
  /** The `d` rules, in the order tried at each position. */
  readonly differentiate: readonly RuleUse[];
  /** Distribution and the like: bring the differentials out to summands. */
  readonly expand: readonly RuleUse[];
};

/**
 * Pushes `d` inward until it sits only on the variable, expanding as it goes
 * (`derive`, steps 1 and 2). The `d` rules that split a differential into a
 * sum (the product rules, whose right side is a sum) are taken one step at a
 * time; before each, every other `d` rule is applied (so `d` of a constant is
 * 0 before anything is distributed over it), then the expansion. So a product
 * rule's sum is distributed while it has two summands: `d(A₁⋯Aₙ)` takes O(n)
 * steps rather than O(n²); and a power `d(Xᵏ)` is split one factor at a time,
 * only where it is differentiated (the rest stays a power). Stops when no rule
 * applies or the run's budget is spent; what is left undifferentiated is for
 * the caller to report.
 */
export function differentiate(run: Run, rules: DifferentiateRules): void {
  const splitsIntoSum = (use: RuleUse): boolean => sidesOf(use.rule, use.direction).to.kind === 'add';
  const splitting = rules.differentiate.filter(splitsIntoSum);
  const other = rules.differentiate.filter((use) => !splitsIntoSum(use));
  const settled = { expand: new Settled(), other: new Settled(), splitting: new Settled() };
  do {
    while (splitPowerUnderDifferential(run, rules.split) || run.takeFirst(other, undefined, undefined, settled.other, fixedEndAdmits(run)));
    while (run.takeFirst(rules.expand, hasDifferential, undefined, settled.expand));
  } while (run.takeFirst(splitting, undefined, undefined, settled.splitting));
}

/**
 * The rules `d(A B) = A dB if fixed(A)` and `d(A B) = dA B if fixed(B)`, and
 * which end of the product their fixed part starts at. `fixed` is hereditary
 * (a product containing a factor that depends on X depends on X), so when
 * that end's factor is not fixed no split can be: trying each of a long
 * product's splits, and failing each, is skipped.
 */
const FIXED_END: ReadonlyMap<string, 'first' | 'last'> = new Map([['d-fixed-left', 'first'], ['d-fixed-right', 'last']]);

function fixedEndAdmits(run: Run): Admits {
  return (use, t) => {
    const end = FIXED_END.get(use.rule.id);
    if (end === undefined || t.kind !== 'd' || t.arg.kind !== 'mul') return true;
    const factor = end === 'first' ? t.arg.factors[0]! : t.arg.factors.at(-1)!;
    return decide('fixed', [factor], run.options.facts).holds;
  };
}

/** Splits the first matrix power that is the argument of a `d`; false when there is none (or no split applies). */
function splitPowerUnderDifferential(run: Run, split: readonly RuleUse[]): boolean {
  const path = firstPowerUnderDifferential(run.term, run.options.facts.isScalar);
  return path !== null && split.some((use) => run.tryAt(path, use));
}

/** The path of the first `Aᵏ` (A not a scalar) in `d(Aᵏ)`, searching only subterms that hold a differential. */
function firstPowerUnderDifferential(t: Term, isScalar: c.ScalarTest): Path | null {
  const stack: { term: Term; path: Path }[] = [{ term: t, path: [] }];
  while (stack.length > 0) {
    const { term, path } = stack.pop()!;
    if (term.kind === 'd' && term.arg.kind === 'power' && !isScalar(term.arg.base)) return [...path, 0];
    const kids = children(term);
    for (let i = kids.length - 1; i >= 0; i--) if (hasDifferential(kids[i]!)) stack.push({ term: kids[i]!, path: [...path, i] });
  }
  return null;
}
