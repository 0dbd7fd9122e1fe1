/**
 * Interval evaluation of an expression: an enclosure of every value a step can take when each
 * given quantity and each earlier step may be anywhere inside its interval.
 *
 * Soundness: for every choice of inputs inside their intervals, both the exact real result and
 * the float64 result of `evaluateExact` lie inside the returned interval. Intervals are sets of
 * reals, so an infinite bound just means "unbounded". [NaN, NaN] means the formula is undefined
 * for every choice (ln of a negative number); it propagates through every operation.
 */
import { sigmoidValue, softmaxValue, type Lookup } from './exact.js';
import { assertNever, children, type Expr, type UnaryOp } from './expr.js';

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** The interval holding only `x`. @example point(2) // { lo: 2, hi: 2 } */
export const point = (x: number): Interval => ({ lo: x, hi: x });

/** @example interval(-1, 2) // { lo: -1, hi: 2 }; interval(2, 1) throws a RangeError */
export function interval(lo: number, hi: number): Interval {
  if (!(lo <= hi)) throw new RangeError(`interval: lower bound ${lo} is not <= upper bound ${hi}`);
  return { lo, hi };
}

/** @example contains(interval(0, 1), 0.5) // true */
export const contains = (iv: Interval, x: number): boolean => iv.lo <= x && x <= iv.hi;

/** The smallest interval holding both. @example hull(point(1), point(3)) // { lo: 1, hi: 3 } */
export const hull = (a: Interval, b: Interval): Interval => ({
  lo: Math.min(a.lo, b.lo),
  hi: Math.max(a.hi, b.hi),
});

/** hi − lo, rounded to nearest. @example width(interval(1, 3)) // 2 */
export const width = (iv: Interval): number => iv.hi - iv.lo;

const UNDEFINED: Interval = { lo: NaN, hi: NaN };
const ENTIRE: Interval = { lo: -Infinity, hi: Infinity };
const NONNEGATIVE: Interval = { lo: 0, hi: Infinity };
const UNIT: Interval = { lo: 0, hi: 1 };
const SYMMETRIC: Interval = { lo: -1, hi: 1 };

const isUndefined = (iv: Interval): boolean => Number.isNaN(iv.lo) || Number.isNaN(iv.hi);

const bits = new DataView(new ArrayBuffer(8));

/**
 * The next float64 above `x`: step the bit pattern by one (away from zero for positive numbers,
 * towards zero for negative ones). Both zeros step to the smallest subnormal; +∞ and NaN stay.
 * @example nextUp(1) === 1 + Number.EPSILON
 */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  bits.setFloat64(0, x);
  bits.setBigInt64(0, bits.getBigInt64(0) + (x > 0 ? 1n : -1n));
  return bits.getFloat64(0);
}

/** The next float64 below `x`. @example nextDown(0) === -Number.MIN_VALUE */
export const nextDown = (x: number): number => -nextUp(-x);

/**
 * Outward rounding.
 *
 * + − × ÷ are correctly rounded, so a computed bound is within half an ulp of the real one and
 * one step outwards (`roundOut`) covers it. Rounding is monotone, so evaluateExact's float result
 * at any inner point also lies between the rounded bounds.
 *
 * Math.exp, Math.log and Math.tanh (fdlibm ports in V8) are neither correctly rounded nor exactly
 * monotone. With an error of e ulps a bound must move 2e: e to reach the real value at the bound,
 * e more for the library's result at an inner point. `widen` moves a bound b by `units` × |b|·2⁻⁵²
 * (at least an ulp of b per unit, cheap for large counts) plus a subnormal per unit for underflow.
 *  - exp, ln: fdlibm's error is below 1 ulp → 2 needed, 4 taken.
 *  - tanh: expm1 and a division, a couple of ulps → 8.
 *  - sigmoid: exp, then 1 + e and a division: at most 5·2⁻⁵³ relative; ×2 → 16.
 *  - softmax over n args: rounding x_j − top errs by |x_j − top|·2⁻⁵³, which exp turns into a
 *    relative error; the own term errs by (|x_i − top| + 2)·2⁻⁵³, the sum by (2n + 2)·2⁻⁵³ (a term
 *    far below top adds x·e⁻ˣ ≤ 1/e), the division by 2⁻⁵³; ×2 → 8 + 2n + 2·spread units, where
 *    spread bounds |x_i − top| over the whole box.
 * The result is then clamped to the function's range, which is exact.
 */
const EXP_LN_UNITS = 4;
const TANH_UNITS = 8;
const SIGMOID_UNITS = 16;
const softmaxUnits = (n: number, spread: number): number => 8 + 2 * n + 2 * spread;

const roundOut = (lo: number, hi: number): Interval => ({ lo: nextDown(lo), hi: nextUp(hi) });

function widen(iv: Interval, units: number): Interval {
  const slack = (b: number): number => units * (Math.abs(b) * Number.EPSILON + Number.MIN_VALUE);
  const lo = Number.isFinite(iv.lo) ? iv.lo - slack(iv.lo) : iv.lo;
  const hi = Number.isFinite(iv.hi) ? iv.hi + slack(iv.hi) : iv.hi;
  return roundOut(lo, hi);
}

const clamp = (iv: Interval, range: Interval): Interval => ({
  lo: Math.max(iv.lo, range.lo),
  hi: Math.min(iv.hi, range.hi),
});

/** An increasing library function: bounds map to bounds, then widen and clamp. */
function increasing(f: (x: number) => number, x: Interval, units: number, range: Interval): Interval {
  return clamp(widen({ lo: f(x.lo), hi: f(x.hi) }, units), range);
}

const add2 = (a: Interval, b: Interval): Interval => roundOut(a.lo + b.lo, a.hi + b.hi);
const sub2 = (a: Interval, b: Interval): Interval => roundOut(a.lo - b.hi, a.hi - b.lo);

/**
 * × and ÷ of intervals not straddling a pole reach their extremes at corners. A NaN corner is
 * 0·∞ or ∞/∞, a limit the other corners already bound because intervals hold reals only.
 */
function corners(f: (x: number, y: number) => number, a: Interval, b: Interval): Interval {
  const all = [f(a.lo, b.lo), f(a.lo, b.hi), f(a.hi, b.lo), f(a.hi, b.hi)];
  const values = all.filter((v) => !Number.isNaN(v));
  return values.length === 0 ? ENTIRE : roundOut(Math.min(...values), Math.max(...values));
}

const isZero = (x: Interval): boolean => x.lo === 0 && x.hi === 0;
/** As in evaluateExact, 0·∞ is 0: a cross-entropy term t·ln(out) is 0 for t = 0 whatever out is. */
const mul2 = (a: Interval, b: Interval): Interval => (isZero(a) || isZero(b) ? point(0) : corners((x, y) => x * y, a, b));
const div2 = (a: Interval, b: Interval): Interval =>
  b.lo <= 0 && b.hi >= 0 ? ENTIRE : corners((x, y) => x / y, a, b);

/** x·x: 0 is the lower bound when x may be 0 (not −|lo|·hi as a plain product would say). */
function square(x: Interval): Interval {
  const far = Math.max(Math.abs(x.lo), Math.abs(x.hi));
  if (x.lo <= 0 && x.hi >= 0) return { lo: 0, hi: nextUp(far * far) };
  const near = Math.min(Math.abs(x.lo), Math.abs(x.hi));
  return { lo: Math.max(0, nextDown(near * near)), hi: nextUp(far * far) };
}

function unary(op: UnaryOp, x: Interval): Interval {
  switch (op) {
    case 'neg':
      return { lo: -x.hi, hi: -x.lo };
    case 'exp':
      return increasing(Math.exp, x, EXP_LN_UNITS, NONNEGATIVE);
    case 'ln':
      // Math.log(0) is −∞ in evaluateExact too, so only a wholly negative interval is undefined.
      if (x.hi < 0) return UNDEFINED;
      return increasing(Math.log, { lo: Math.max(x.lo, 0), hi: x.hi }, EXP_LN_UNITS, ENTIRE);
    case 'sigmoid':
      return increasing(sigmoidValue, x, SIGMOID_UNITS, UNIT);
    case 'tanh':
      return increasing(Math.tanh, x, TANH_UNITS, SYMMETRIC);
    case 'relu':
      return { lo: Math.max(0, x.lo), hi: Math.max(0, x.hi) };
    case 'sq':
      return square(x);
    case 'step':
      return x.lo > 0 ? point(1) : x.hi <= 0 ? point(0) : UNIT;
    default:
      return assertNever(op);
  }
}

/**
 * Whether args[index] is the first maximum (strictly above every earlier arg, at least every
 * later one) for all choices inside the intervals (1), for none (0), or for some but not others.
 * @example decideArgmax(0, [point(2), interval(0, 2)]) // 1: a later tie loses
 * @example decideArgmax(1, [point(2), interval(0, 2)]) // 0: an earlier tie wins
 */
export function decideArgmax(index: number, args: readonly Interval[]): 0 | 1 | 'either' {
  const own = args[index];
  if (own === undefined) return 0;
  let certain = true;
  for (const [j, other] of args.entries()) {
    if (j === index) continue;
    const earlier = j < index;
    if (earlier ? other.lo >= own.hi : other.lo > own.hi) return 0;
    if (earlier ? other.hi >= own.lo : other.hi > own.lo) certain = false;
  }
  return certain ? 1 : 'either';
}

/**
 * softmax_i rises with x_i and falls with every other x_j, so its bounds sit at two corners of
 * the box: own arg low with the others high, and the reverse. This is the exact range, far
 * tighter than exp(x_i) / Σ exp(x_j) evaluated with intervals.
 */
function softmaxInterval(index: number, args: readonly Interval[]): Interval {
  const own = args[index];
  if (own === undefined) return UNDEFINED;
  const lowest = args.map((iv, j) => (j === index ? own.lo : iv.hi));
  const highest = args.map((iv, j) => (j === index ? own.hi : iv.lo));
  // ∞ − ∞ inside softmaxValue at an infinite corner: fall back to the range's own bound.
  const lo = softmaxValue(index, lowest);
  const hi = softmaxValue(index, highest);
  const spread = Math.max(...lowest) - own.lo;
  const units = softmaxUnits(args.length, Number.isNaN(spread) ? Infinity : spread);
  return clamp(widen({ lo: Number.isNaN(lo) ? 0 : lo, hi: Number.isNaN(hi) ? 1 : hi }, units), UNIT);
}

const fold = (
  args: readonly Interval[],
  f: (a: Interval, b: Interval) => Interval,
  empty: Interval,
): Interval => (args.length === 0 ? empty : args.reduce((a, b) => f(a, b)));

type Compound = Exclude<Expr, { op: 'const' | 'param' | 'ref' }>;

function applyOp(expr: Compound, args: readonly Interval[]): Interval {
  const [first = UNDEFINED, second = UNDEFINED] = args;
  switch (expr.op) {
    case 'add':
      return fold(args, add2, point(0));
    case 'mul':
      return fold(args, mul2, point(1));
    case 'sub':
      return sub2(first, second);
    case 'div':
      return div2(first, second);
    case 'neg':
    case 'exp':
    case 'ln':
    case 'sigmoid':
    case 'tanh':
    case 'relu':
    case 'sq':
    case 'step':
      return unary(expr.op, first);
    case 'max':
      return {
        lo: Math.max(...args.map((iv) => iv.lo)),
        hi: Math.max(...args.map((iv) => iv.hi)),
      };
    case 'argmaxIs': {
      const decision = decideArgmax(expr.index, args);
      return decision === 'either' ? UNIT : point(decision);
    }
    case 'softmax':
      return softmaxInterval(expr.index, args);
    default:
      return assertNever(expr);
  }
}

/**
 * An interval holding every value of `expr` when each parameter and step ranges over the
 * interval `lookup` gives for it (see the soundness note at the top of this file).
 * @example
 * evaluateInterval(sq(param('x')), { param: () => interval(-1, 2), ref: () => point(0) })
 * // { lo: 0, hi: 4.000000000000001 }
 */
export function evaluateInterval(expr: Expr, lookup: Lookup<Interval>): Interval {
  switch (expr.op) {
    case 'const':
      return point(expr.value);
    case 'param':
      return lookup.param(expr.name);
    case 'ref':
      return lookup.ref(expr.id);
    default: {
      const args = children(expr).map((child) => evaluateInterval(child, lookup));
      return args.some(isUndefined) ? UNDEFINED : applyOp(expr, args);
    }
  }
}
