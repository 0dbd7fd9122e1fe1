/**
 * Follow-through: is a submitted value what the step's own formula gives on the student's own
 * earlier values, each taken as the interval its written precision allows?
 *
 * Indicator factors (max-pool routing, relu's step) that the student's rounded values leave
 * undecided — two pooled candidates whose intervals overlap — are not widened to [0, 1], which
 * would accept anything in between: each choice is evaluated on its own and any of them may
 * explain the value.
 */
import type { Lookup } from '../engine/exact.js';
import { nodesOf, num, substitute, type Expr } from '../engine/expr.js';
import { decideArgmax, evaluateInterval, type Interval } from '../engine/interval.js';

/** More undecided indicators than this in one formula are left as [0, 1] (2^6 variants at most). */
const MAX_BRANCHES = 6;

function isUndecided(node: Expr, lookup: Lookup<Interval>): boolean {
  switch (node.op) {
    case 'argmaxIs':
      return decideArgmax(node.index, node.args.map((arg) => evaluateInterval(arg, lookup))) === 'either';
    case 'step': {
      const x = evaluateInterval(node.arg, lookup);
      return x.lo <= 0 && x.hi > 0;
    }
    default:
      return false;
  }
}

/** The formula once per combination of the indicator values the inputs allow. */
export function indicatorChoices(expr: Expr, lookup: Lookup<Interval>): Expr[] {
  const undecided = nodesOf(expr).filter((node) => isUndecided(node, lookup));
  if (undecided.length === 0 || undecided.length > MAX_BRANCHES) return [expr];
  const variants: Expr[] = [];
  for (let mask = 0; mask < 2 ** undecided.length; mask++) {
    variants.push(substitute(expr, (node) => {
      const k = undecided.indexOf(node);
      return k < 0 ? undefined : num((mask >> k) & 1);
    }));
  }
  return variants;
}

/** Every interval the formula may take on these inputs (one per indicator choice). */
export function possibleIntervals(expr: Expr, lookup: Lookup<Interval>): Interval[] {
  return indicatorChoices(expr, lookup).map((variant) => evaluateInterval(variant, lookup));
}

export const overlaps = (a: Interval, b: Interval): boolean => a.lo <= b.hi && b.lo <= a.hi;

/** Whether some value the formula allows rounds to what the student wrote. */
export function explainedBy(expr: Expr, lookup: Lookup<Interval>, written: Interval): boolean {
  return possibleIntervals(expr, lookup).some((iv) => overlaps(iv, written));
}
