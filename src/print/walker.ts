import { getAt, type Path, type Term } from '../term/index.js';
import { markIf, type Piece } from './piece.js';
import { needsParens, type Context } from './precedence.js';
import { renderProduct, renderSum } from './product.js';
import type { RenderKid, Style } from './style.js';

/**
 * The one walker behind all three notations: it routes the highlight path,
 * brackets children as their context needs, and hands each node to the
 * style's template for its kind.
 *
 * `highlight` is relative to `t` (`null`: nothing below is highlighted).
 * Invariant: when `highlight` names a position of `t`, the result's mark
 * covers the text of that subterm — or, for a node printed only as part of a
 * combined form (the `⁻¹` inside `X⁻ᵀ`), the smallest text that contains it.
 */
export function renderTerm(t: Term, style: Style, highlight: Path | null): Piece {
  const kid: RenderKid = (path, context, as) =>
    renderChild(t, typeof path === 'number' ? [path] : path, context, style, highlight, as);
  const piece = renderNode(t, style, kid, highlight);
  return markIf(piece, highlight !== null && (highlight.length === 0 || piece.mark === null));
}

function renderNode(t: Term, style: Style, kid: RenderKid, highlight: Path | null): Piece {
  switch (t.kind) {
    case 'add': return renderSum(t, style, kid, highlight);
    case 'mul': return renderProduct(t, style, kid);
    default: {
      const print = style.printers[t.kind] as (u: Term, k: RenderKid) => Piece;
      return print(t, kid);
    }
  }
}

function renderChild(
  t: Term, path: Path, context: Context, style: Style, highlight: Path | null, as: Term | undefined,
): Piece {
  const child = as ?? getAt(t, path);
  if (child === undefined) throw new Error(`print: no subterm at ${path.join('.')}`);
  const below = highlight !== null && isPrefix(path, highlight) ? highlight.slice(path.length) : null;
  const piece = renderTerm(child, style, below);
  return needsParens(child, style.formOf(child), context) ? style.paren(piece) : piece;
}

const isPrefix = (prefix: Path, path: Path): boolean =>
  prefix.length <= path.length && prefix.every((x, i) => path[i] === x);
