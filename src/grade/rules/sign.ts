/**
 * `sign-flip`: the negative of the right value (`target − out` for `out − target`), or, in a delta
 * summed over several terms, one term taken with the wrong sign.
 */
import { add, neg, nodesOf, refsOf, substitute, type Expr } from '../../engine/expr.js';
import type { StepKind } from '../../engine/graph.js';
import { msg, type Message } from '../../i18n/index.js';
import type { Alternative, DiagnosisContext } from './context.js';

/** `out − target`: a difference of a step and a given value, as the loss's derivative is written. */
const isOutMinusTarget = (node: Expr): boolean => node.op === 'sub' && node.left.op === 'ref' && node.right.op === 'param';

function wholeMessage(expr: Expr, kind: StepKind): Message {
  if (nodesOf(expr).some(isOutMinusTarget)) return msg('diagnosis.sign.outMinusTarget');
  if (kind === 'coef') return msg('diagnosis.sign.delta');
  return msg('diagnosis.sign.value');
}

export function signAlternatives(ctx: DiagnosisContext): Alternative[] {
  const { expr, kind } = ctx.step;
  const alternatives: Alternative[] = [{ expr: neg(expr), message: wholeMessage(expr, kind) }];
  if (kind !== 'coef') return alternatives;
  for (const node of nodesOf(expr)) {
    if (node.op !== 'add' || node.args.length < 2) continue;
    node.args.forEach((term, k) => {
      const flipped = add(...node.args.map((arg, j) => (j === k ? neg(arg) : arg)));
      alternatives.push({
        expr: substitute(expr, (n) => (n === node ? flipped : undefined)),
        message: msg('diagnosis.sign.oneTerm', { names: refsOf(term) }),
      });
    });
  }
  return alternatives;
}
