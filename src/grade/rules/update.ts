/**
 * `update-direction` and `learning-rate`: an update `p − α·gradient` with the gradient added, or
 * with α left out or applied twice.
 */
import { add, mul, num, param, substitute, type Expr } from '../../engine/expr.js';
import { LEARNING_RATE } from '../../engine/graph.js';
import { msg } from '../../i18n/index.js';
import type { Alternative, DiagnosisContext } from './context.js';

export function directionAlternatives(ctx: DiagnosisContext): Alternative[] {
  const { expr, kind } = ctx.step;
  if (kind !== 'update' || expr.op !== 'sub') return [];
  return [{ expr: add(expr.left, expr.right), message: msg('diagnosis.updateDirection') }];
}

export function learningRateAlternatives(ctx: DiagnosisContext): Alternative[] {
  const { expr, kind } = ctx.step;
  if (kind !== 'update') return [];
  const replaced = (by: Expr) => substitute(expr, (node) => (node.op === 'param' && node.name === LEARNING_RATE ? by : undefined));
  return [
    // Apart by a share of the update: a forgotten α moves a weight by little, but its update by (1 − α)/α.
    { expr: replaced(num(1)), message: msg('diagnosis.learningRate.missing', { rate: LEARNING_RATE }), share: 'update' },
    // α² for α moves the update by only (1 − α) of itself (10% at α = 0.9): apart by a share of the value.
    { expr: replaced(mul(param(LEARNING_RATE), param(LEARNING_RATE))), message: msg('diagnosis.learningRate.twice', { rate: LEARNING_RATE }) },
  ];
}
