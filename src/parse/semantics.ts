import grammar from '../../grammar/leibniz.ohm-bundle.js';
import type { LeibnizSemantics } from '../../grammar/leibniz.ohm-bundle.js';
import { atomActions } from './actions-atoms.js';
import { declarationActions, dimsActions, shapeActions, targetActions } from './actions-declarations.js';
import { exprActions } from './actions-expr.js';
import { nameActions } from './actions-names.js';
import { postfixTermActions, postOpActions } from './actions-postfix.js';
import { relationActions, statementActions } from './actions-statements.js';

/**
 * The one semantics of the grammar. Operations: `statement` (formulas,
 * statements, declarations), `term`, `postOp`, `name`, `relation`, `targets`,
 * `shape`, `dims`. Built once; the per-parse state lives in `context.ts`.
 */
export const semantics: LeibnizSemantics = grammar
  .createSemantics()
  .addOperation('statement', { ...statementActions, ...declarationActions })
  .addOperation('term', { ...exprActions, ...atomActions, ...postfixTermActions })
  .addOperation('postOp', postOpActions)
  .addOperation('name', nameActions)
  .addOperation('relation', relationActions)
  .addOperation('targets', targetActions)
  .addOperation('shape', shapeActions)
  .addOperation('dims', dimsActions);

export { grammar };
