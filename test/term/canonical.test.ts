import test from 'ava';
import {
  add, apply, canonicalize, delta, equalTerms, identity, inverse, littleO, mul, neg, num, power, rational,
  sub, sym, termKey, transpose, type ScalarTest, type Term,
} from '../../src/term/index.js';

const [X, Y, a, b, t, H] = ['X', 'Y', 'a', 'b', 't', 'H'].map(sym) as [Term, Term, Term, Term, Term, Term];
/** The scalar test shape inference would give: `t` is a scalar, and so is a product `uᵀ … v` of vectors. */
const scalars: ScalarTest = (u) =>
  (u.kind === 'sym' && u.name === 't') || u.kind === 'num' ||
  (u.kind === 'mul' && u.factors[0]?.kind === 'transpose' && u.factors.at(-1)?.kind === 'sym' && /^[a-z]$/.test((u.factors.at(-1) as { name: string }).name));

const same = (name: string, left: Term, right: Term): void => {
  test(`${name}: ${termKey(left)} ≡ ${termKey(right)}`, (tt) => tt.true(equalTerms(left, right)));
};
const differ = (name: string, left: Term, right: Term): void => {
  test(`${name}: ${termKey(left)} ≢ ${termKey(right)}`, (tt) => tt.false(equalTerms(left, right)));
};

same('products are associative', mul([mul([X, Y]), a]), mul([X, mul([Y, a])]));
differ('products keep their order', mul([X, Y]), mul([Y, X]));
same('numeric factors fold into one coefficient', mul([num(2), X, num(3), Y]), mul([num(6), X, Y]));
same('−(−x) is x', neg(neg(X)), X);
same('a coefficient of one disappears', mul([num(1), X]), X);
same('a zero coefficient is zero', mul([num(0), X, Y]), num(0));
same('sums are flattened', add([add([X, Y]), H]), add([X, add([Y, H])]));
same('sums are ordered', add([X, Y]), add([Y, X]));
differ('like terms are not merged', add([X, X]), mul([num(2), X]));
same('numerals in a sum fold', add([num(1), X, num(2)]), add([X, num(3)]));
same('a zero numeral summand disappears', add([X, num(0)]), X);
same('x − x is not simplified', sub(X, X), add([X, neg(X)]));
same('power −1 is the inverse', power(X, num(-1)), inverse(X));
same('power 1 is the base', power(X, num(1)), X);
same('numeral powers fold', power(num(2), num(3)), num(8));
same('inverse of a numeral is its reciprocal', inverse(num(4)), num(rational(1n, 4n)));
same('scalar factors move to the front', mul([Y, t], scalars), mul([t, Y], scalars));
differ('without shape knowledge a symbol is not a scalar', mul([Y, t]), mul([t, Y]));
same('structural scalars move to the front', mul([X, delta(sym('i'), sym('j'))]), mul([delta(sym('i'), sym('j')), X]));

test('a scalar sub-product stays one unit beside a matrix', (tt) => {
  const unit = mul([transpose(a), b]);
  const left = mul([Y, unit], scalars);
  tt.true(equalTerms(left, mul([unit, Y], scalars)));
  tt.is(left.kind === 'mul' ? left.factors.length : 0, 2);
});

test('a scalar run at the head of a chain is a unit: aᵀb X is (aᵀb) X', (tt) => {
  const unit = mul([transpose(a), b]);
  tt.true(equalTerms(mul([transpose(a), b, Y], scalars), mul([unit, Y], scalars)));
});

test('consecutive scalar runs are units: aᵀbcᵀd is (aᵀb)(cᵀd)', (tt) => {
  const c = sym('c');
  const d = sym('d');
  const flat = mul([transpose(a), b, transpose(c), d], scalars);
  const grouped = mul([mul([transpose(a), b]), mul([transpose(c), d])], scalars);
  tt.true(equalTerms(flat, grouped));
  tt.is(flat.kind === 'mul' ? flat.factors.length : 0, 2);
});

test('a lone scalar unit is spliced back into a flat product', (tt) => {
  const unit = mul([transpose(a), b], scalars);
  tt.true(equalTerms(mul([num(2), unit], scalars), mul([num(2), transpose(a), b], scalars)));
});

test('sums read naturally: numerals, identity, the rest, little-o last', (tt) => {
  const s = add([littleO(H), neg(H), identity()]);
  tt.deepEqual(s.kind === 'add' ? s.terms.map((u) => u.kind) : [], ['identity', 'mul', 'o']);
});

test('canonicalize is idempotent and flattens raw nested products', (tt) => {
  const raw: Term = { kind: 'mul', coeff: rational(1n), factors: [{ kind: 'mul', coeff: rational(-1n), factors: [X, Y] }, a] };
  const once = canonicalize(raw);
  tt.true(equalTerms(once, mul([num(-1), X, Y, a])));
  tt.true(equalTerms(canonicalize(once), once));
});

test('canonicalize reports every rebuilt node to onRebuild', (tt) => {
  const raw = apply(sym('f'), [add([X, Y])]);
  const seen: Term[] = [];
  canonicalize(raw, undefined, (before) => seen.push(before));
  tt.is(seen.length, 5); // apply, f, add, X, Y
});

test('keys are memoised and distinguish kinds', (tt) => {
  const k = termKey(mul([X, Y]));
  tt.is(k, termKey(mul([X, Y])));
  tt.not(termKey(transpose(X)), termKey(inverse(X)));
});

test('equalTerms agrees with termKey on random pairs', (tt) => {
  const pool: Term[] = [X, Y, a, b, t, H, mul([X, Y]), mul([Y, X]), add([X, Y]), transpose(X), inverse(X), num(2), num(rational(1n, 2n)),
    mul([num(2), X]), neg(X), delta(sym('i'), sym('j')), delta(sym('j'), sym('i')), littleO(H), identity()];
  for (const p of pool) for (const q of pool) {
    for (const [u, v] of [[p, q], [mul([p, q]), mul([p, q])], [add([p, q]), add([q, p])], [transpose(p), transpose(q)]] as [Term, Term][]) {
      tt.is(equalTerms(u, v), termKey(u) === termKey(v), `${termKey(u)} vs ${termKey(v)}`);
    }
  }
});

test('a transposed numeral is the numeral, so a zero matrix in a product makes it zero', (tt) => {
  tt.true(equalTerms(transpose(num(0)), num(0)));
  tt.true(equalTerms(mul([sym('e'), transpose(num(0))]), num(0)));
  tt.true(equalTerms(transpose(num(3)), num(3)));
});
