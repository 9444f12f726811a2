import test from 'ava';
import { decide } from '../../src/rules/index.js';
import { readGoal } from '../rewrite/helpers.js';

/**
 * Side-condition predicates, decided from declarations and shapes only:
 * `holds(predicate, term, declarations)` / `fails(…)`, one line each. The
 * terms are read as a user writes them; extra arguments (for `constant`)
 * follow the first after a `;`.
 */
const DECLS = 'X ∈ ℝ^{n×n} invertible; S ∈ ℝ^{n×n} symmetric; P ∈ ℝ^{n×n} positive definite; A, N ∈ ℝ^{n×n}; B ∈ ℝ^{m×n}; '
  + 'x, y ∈ ℝⁿ; t ∈ ℝ; c ∈ ℝ positive; Y(t) ∈ ℝ^{n×n}; i j : index';

/** The predicate's verdict on the `;`-separated arguments (read together, as statements of one formula). */
function verdict(predicate: string, text: string): boolean {
  const goal = readGoal(text, DECLS);
  const args = goal.elaboration.formula.statements.flatMap((s) => (s.kind === 'term' ? [s.term] : []));
  return decide(predicate, args, goal.facts).holds;
}

const holds = (predicate: string, text: string): void => {
  test(`${predicate}(${text}) holds`, (t) => t.true(verdict(predicate, text)));
};
const fails = (predicate: string, text: string): void => {
  test(`${predicate}(${text}) does not hold`, (t) => t.false(verdict(predicate, text)));
};

holds('invertible', 'X');
holds('invertible', 'X⁻¹');
holds('invertible', 'Xᵀ X');
holds('invertible', 'I');
holds('invertible', 'P');
holds('invertible', '2');
fails('invertible', 'A');
fails('invertible', 'A X');
fails('invertible', '0');
fails('invertible', 'B');
holds('invertible', 'X³');
holds('invertible', 'X^{-2}');
fails('invertible', 'A²');

holds('square', 'A');
holds('square', 'xᵀ y');
holds('square', 'B Bᵀ');
fails('square', 'B');
fails('square', 'x');

holds('symmetric', 'S');
holds('symmetric', 'P');
holds('symmetric', 'A Aᵀ');
holds('symmetric', 'S + Sᵀ');
holds('symmetric', 'S⁻¹');
holds('symmetric', 'xᵀ A y');
fails('symmetric', 'A');
fails('symmetric', 'A S');

holds('scalar', 'xᵀ y');
holds('scalar', 'tr(A)');
fails('scalar', 'x yᵀ');

holds('nonzero', '3');
holds('nonzero', 'X');
holds('nonzero', 'c');
holds('nonzero', 'X X');
fails('nonzero', '0');
fails('nonzero', 'A');
fails('nonzero', 'N N');

holds('positive', 'c');
holds('positive', '2c');
holds('positive', 'exp(t)');
holds('positive', 'det(P)');
fails('positive', '−2c');
fails('positive', 't');
fails('positive', 'det(A)');
fails('positive', 'X');

holds('constant', 'A; t');
holds('constant', 'x; t');
fails('constant', 'Y(t); t');
fails('constant', 't x; t');

holds('summed', 'k');
fails('summed', 'i');
