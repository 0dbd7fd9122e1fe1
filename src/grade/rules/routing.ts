/**
 * `pool-routing`: how a pooled delta reaches the window's elements. Max pooling sends it only to
 * the element that was the maximum (`argmaxIs`); the alternatives send it to another element, or
 * to every element. Average pooling scales it by 1/size; the alternative forgets the factor.
 */
import { argmaxIs, nodesOf, num, substitute, type Expr } from '../../engine/expr.js';
import { msg } from '../../i18n/index.js';
import type { Alternative, DiagnosisContext } from './context.js';

const MAX_WRONG = msg('diagnosis.routing.maxWrongElement');
const MAX_BOTH = msg('diagnosis.routing.maxEveryElement');

const replacing = (expr: Expr, target: Expr, replacement: Expr): Expr =>
  substitute(expr, (node) => (node === target ? replacement : undefined));

export function routingAlternatives(ctx: DiagnosisContext): Alternative[] {
  const { expr } = ctx.step;
  const alternatives: Alternative[] = [];
  for (const node of nodesOf(expr)) {
    if (node.op === 'argmaxIs') {
      node.args.forEach((_, j) => {
        if (j !== node.index) alternatives.push({ expr: replacing(expr, node, argmaxIs(j, node.args)), message: MAX_WRONG });
      });
      alternatives.push({ expr: replacing(expr, node, num(1)), message: MAX_BOTH });
    }
    if (node.op === 'div' && node.left.op === 'const' && node.left.value === 1 && node.right.op === 'const') {
      const message = msg('diagnosis.routing.averageFactor', { size: node.right.value });
      alternatives.push({ expr: replacing(expr, node, num(1)), message });
    }
  }
  return alternatives;
}
