import { dependsOn, hasProperty, lookupSymbol, type Elaboration, type Shape } from '../shape/index.js';
import { children, type Term } from '../term/index.js';
import type { Facts } from './facts.js';

/**
 * The facts side conditions may ask about the terms of an elaborated goal:
 * scalar and square from its inferred shapes, properties and dependencies from
 * its declarations. Terms built later from the goal's symbols (rewritten
 * terms) are shaped on demand by the elaboration.
 */
export function factsOf(elaboration: Elaboration): Facts {
  const env = elaboration.env;
  return {
    isScalar: elaboration.isScalar,
    isSquare: (t) => isSquareShape(elaboration.shapeOf(t)),
    isVector: (t) => isVectorShape(elaboration.shapeOf(t)),
    hasProperty: (t, property) => {
      const name = headName(t);
      return name !== undefined && hasProperty(env, name, property);
    },
    isDeclared: (name) => lookupSymbol(env, name) !== undefined,
    sameShape: (a, b) => {
      const [x, y] = [elaboration.shapeOf(a), elaboration.shapeOf(b)];
      return x !== undefined && y !== undefined && isKnownShape(x) && JSON.stringify(x) === JSON.stringify(y);
    },
    dependsOn: (t, p) => mentions(t, p, (name) => name === p || dependsOn(env, name, p)),
    readInPlace: elaboration.readInPlace,
  };
}

/** A symbol, or the symbol of an application `X(t)`. */
function headName(t: Term): string | undefined {
  if (t.kind === 'sym') return t.name;
  if (t.kind === 'apply' && t.fn.kind === 'sym') return t.fn.name;
  return undefined;
}

/** A scalar, or a matrix whose dimensions resolved to no unknowns. */
function isKnownShape(shape: Shape): boolean {
  return shape.kind === 'scalar' || (shape.kind === 'matrix' && !JSON.stringify(shape).includes('dim-var'));
}

/** Scalars count as vectors; a matrix is one when its column count resolved to 1. */
function isVectorShape(shape: Shape | undefined): boolean {
  if (shape === undefined) return false;
  if (shape.kind === 'scalar') return true;
  return shape.kind === 'matrix' && shape.cols.kind === 'dim-num' && shape.cols.value === 1;
}

/** Scalars are square; a matrix is when its rows and columns resolved to the same dimension. */
function isSquareShape(shape: Shape | undefined): boolean {
  if (shape === undefined) return false;
  if (shape.kind === 'scalar') return true;
  return shape.kind === 'matrix' && JSON.stringify(shape.rows) === JSON.stringify(shape.cols);
}

/**
 * Whether `t` mentions parameter `p`: a symbol for which `depends(name)` holds
 * occurs free in it. `body|_{p=v}` and `Σ_p body` bind `p`: only the value
 * (of an evaluation) can still depend on it.
 */
function mentions(t: Term, p: string, depends: (name: string) => boolean): boolean {
  if (t.kind === 'sym') return depends(t.name);
  if (t.kind === 'at' && t.variable.kind === 'sym' && t.variable.name === p) return mentions(t.value, p, depends);
  if (t.kind === 'sum' && t.index.kind === 'sym' && t.index.name === p) return false;
  return children(t).some((c) => mentions(c, p, depends));
}
