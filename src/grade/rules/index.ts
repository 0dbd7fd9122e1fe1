/**
 * The diagnosis rules, and the order they are tried in: the first that explains a wrong value
 * names the mistake. Most specific first — a rule that can explain fewer values, or that keeps
 * more of the student's work right, goes before one that explains more:
 *
 *  1. rounding               the right value itself, cut short: at most a value or two, and the
 *                            kindest reading of a value that also fits something else.
 *  2. convention             the whole step as the other backprop convention writes it: one
 *  3. kernel-not-flipped     alternative each, a named choice of the rubric. Before sign-flip:
 *                            an unreversed antisymmetric kernel (−1, 0, 1) gives the negative.
 *  3b. padding               a conv layer's pre-activation with another zero padding (none, one
 *                            less, one more): up to three alternatives, on pre-activations only.
 *  4. pool-routing           one local operator of a layer changed: one to three alternatives
 *  5. activation-derivative  each, only on the steps that hold that operator. update-direction
 *  6. update-direction       goes before sign-flip: for a parameter that starts at 0 (a bias),
 *  7. learning-rate          p + α·g and −(p − α·g) are the same number, and the update is the
 *                            more specific story.
 *  8. sign-flip              the negative of the value, or of one term of a delta's sum.
 *  9. decimal-shift          six scalings of the right value, with its digits kept.
 * 10. digit-slip             about thirty values (one digit other than the last, or a swap).
 * 11. wrong-input            two alternatives for every value the formula reads: the formula rule
 *                            that explains the most, so it comes last of them.
 * 12. wrong-row              another step's value, from the row above or below: where a neighbouring
 *                            input explains the same number (σ(in_c5) is out_c5's value), the
 *                            formula's story is told first.
 */
import { assertNever } from '../../engine/expr.js';
import type { Message } from '../../i18n/index.js';
import type { DiagnosisCode } from '../../rubric/schema.js';
import { firstExplaining, type DiagnosisContext } from './context.js';
import { derivativeAlternatives } from './derivative.js';
import { decimalShiftMessage, digitSlipMessage, roundingMessage } from './digits.js';
import { neighbourAlternatives } from './neighbours.js';
import { routingAlternatives } from './routing.js';
import { wrongRowMessage } from './rows.js';
import { signAlternatives } from './sign.js';
import { conventionAlternatives, flipAlternatives, paddingAlternatives } from './structure.js';
import { directionAlternatives, learningRateAlternatives } from './update.js';

export type { DiagnosisContext, Source } from './context.js';
export { MARGIN_RELATIVE, MARGIN_UNITS } from './context.js';

export const RULE_ORDER: readonly DiagnosisCode[] = [
  'rounding',
  'convention',
  'kernel-not-flipped',
  'padding',
  'pool-routing',
  'activation-derivative',
  'update-direction',
  'learning-rate',
  'sign-flip',
  'decimal-shift',
  'digit-slip',
  'wrong-input',
  'wrong-row',
];

/** The message for the student when the rule for `code` explains the value, else null. */
export function applyRule(code: DiagnosisCode, ctx: DiagnosisContext): Message | null {
  switch (code) {
    case 'rounding':
      return roundingMessage(ctx);
    case 'convention':
      return firstExplaining(ctx, conventionAlternatives(ctx));
    case 'kernel-not-flipped':
      return firstExplaining(ctx, flipAlternatives(ctx));
    case 'padding':
      return firstExplaining(ctx, paddingAlternatives(ctx));
    case 'pool-routing':
      return firstExplaining(ctx, routingAlternatives(ctx));
    case 'activation-derivative':
      return firstExplaining(ctx, derivativeAlternatives(ctx));
    case 'update-direction':
      return firstExplaining(ctx, directionAlternatives(ctx));
    case 'learning-rate':
      return firstExplaining(ctx, learningRateAlternatives(ctx));
    case 'sign-flip':
      return firstExplaining(ctx, signAlternatives(ctx));
    case 'decimal-shift':
      return decimalShiftMessage(ctx);
    case 'digit-slip':
      return digitSlipMessage(ctx);
    case 'wrong-input':
      return firstExplaining(ctx, neighbourAlternatives(ctx));
    case 'wrong-row':
      return wrongRowMessage(ctx);
    default:
      return assertNever(code);
  }
}
