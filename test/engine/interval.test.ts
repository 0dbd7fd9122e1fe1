import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateExact, softmaxValue, type Lookup } from '../../src/engine/exact.js';
import * as E from '../../src/engine/expr.js';
import { children, type Expr, type Op } from '../../src/engine/expr.js';
import {
  contains,
  decideArgmax,
  evaluateInterval,
  hull,
  interval,
  nextDown,
  nextUp,
  point,
  width,
  type Interval,
} from '../../src/engine/interval.js';

const EPS = Number.EPSILON;
/** Leaves p0..p3 and r0..r3 read slot i of the box. */
const SLOTS = 4;

function lookupOf<T>(values: readonly T[]): Lookup<T> {
  const at = (name: string): T => {
    const found = values[Number(name.slice(1))];
    if (found === undefined) throw new Error(`no value for ${name}`);
    return found;
  };
  return { param: at, ref: at };
}

const leaves = (count: number): Expr[] =>
  Array.from({ length: count }, (_, i) => (i % 2 === 0 ? E.param(`p${i}`) : E.ref(`r${i}`)));
const arg = (args: readonly Expr[], k: number): Expr => {
  const found = args[k];
  if (found === undefined) throw new Error(`missing arg ${k}`);
  return found;
};
const stepUp = (x: number, k: number): number => (k === 0 ? x : stepUp(nextUp(x), k - 1));
const sorted = ([a, b]: [number, number]): Interval => interval(Math.min(a, b), Math.max(a, b));

const value = fc.double({ min: -50, max: 50, noNaN: true });
const positive = fc.double({ min: Number.MIN_VALUE, max: 50, noNaN: true });
const intervalsOf = (values: fc.Arbitrary<number>): fc.Arbitrary<Interval> =>
  fc.oneof(
    values.map(point),
    fc.tuple(values, fc.integer({ min: 1, max: 8 })).map(([x, k]) => interval(x, stepUp(x, k))),
    fc.tuple(values, fc.double({ min: 0, max: 1e-6, noNaN: true })).map(([x, w]) => interval(x, x + w)),
    fc.tuple(values, values).map(sorted),
  );
const anyInterval = fc.oneof(
  intervalsOf(value),
  fc
    .tuple(fc.double({ min: -50, max: -1e-12, noNaN: true }), fc.double({ min: 1e-12, max: 50, noNaN: true }))
    .map(([lo, hi]) => interval(lo, hi)),
  value.map((x) => (x < 0 ? interval(x, 0) : interval(0, x))),
);
const positiveInterval = intervalsOf(positive);

/** Where in an interval a sample point sits: its ends often, anywhere in between otherwise. */
const fraction = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }));
const pointIn = (iv: Interval, t: number): number =>
  t === 0 ? iv.lo : t === 1 ? iv.hi : Math.min(iv.hi, Math.max(iv.lo, iv.lo + t * (iv.hi - iv.lo)));
const boxOf = (domain: fc.Arbitrary<Interval>) => fc.array(domain, { minLength: SLOTS, maxLength: SLOTS });
const show = (iv: Interval): string => `[${iv.lo}, ${iv.hi}]`;
const samples = fc.array(fc.array(fraction, { minLength: SLOTS, maxLength: SLOTS }), {
  minLength: 1,
  maxLength: 6,
});

interface OpCase {
  /** How many sub-expressions the op takes: [min, max]. */
  readonly arity: readonly [number, number];
  readonly values: fc.Arbitrary<number>;
  readonly domain: fc.Arbitrary<Interval>;
  /** `index` picks a leaf or a softmax/argmax index, `constant` a const's value. */
  build(args: readonly Expr[], index: number, constant: number): Expr;
  /** Largest width for point inputs, in units of 2⁻⁵² × |result| (× Σ|inputs| if `cancels`). */
  readonly pointUnits: number;
  readonly cancels?: boolean;
  /** Inputs where evaluateExact's NaN is the operation being genuinely undefined. */
  readonly undefinedAt?: (inputs: readonly number[]) => boolean;
}

const anywhere = { values: value, domain: anyInterval };
const unaryCase = (make: (a: Expr) => Expr, pointUnits: number): OpCase => ({
  ...anywhere,
  arity: [1, 1],
  build: (args) => make(arg(args, 0)),
  pointUnits,
});
const naryCase = (op: 'add' | 'mul' | 'max', pointUnits: number, cancels = false): OpCase => ({
  ...anywhere,
  arity: [2, SLOTS],
  build: (args) => ({ op, args }),
  pointUnits,
  cancels,
});
const pickCase = (make: (index: number, args: readonly Expr[]) => Expr, pointUnits: number): OpCase => ({
  ...anywhere,
  arity: [1, SLOTS],
  build: (args, index) => make(index % args.length, args),
  pointUnits,
});

/** Every op of the Expr union, by construction: a new op without a case fails to compile. */
const cases: { readonly [K in Op]: OpCase } = {
  const: { ...anywhere, arity: [0, 0], build: (_args, _index, constant) => E.num(constant), pointUnits: 0 },
  param: { ...anywhere, arity: [0, 0], build: (_args, index) => E.param(`p${index % SLOTS}`), pointUnits: 0 },
  ref: { ...anywhere, arity: [0, 0], build: (_args, index) => E.ref(`r${index % SLOTS}`), pointUnits: 0 },
  add: naryCase('add', 8, true),
  mul: naryCase('mul', 8),
  max: naryCase('max', 0),
  sub: {
    ...anywhere,
    arity: [2, 2],
    build: (args) => E.sub(arg(args, 0), arg(args, 1)),
    pointUnits: 4,
    cancels: true,
  },
  div: {
    ...anywhere,
    arity: [2, 2],
    build: (args) => E.div(arg(args, 0), arg(args, 1)),
    pointUnits: 4,
    undefinedAt: ([x, y]) => x === 0 && y === 0,
  },
  neg: unaryCase(E.neg, 0),
  exp: unaryCase(E.exp, 12),
  ln: { ...unaryCase(E.ln, 12), values: positive, domain: positiveInterval },
  sigmoid: unaryCase(E.sigmoid, 36),
  tanh: unaryCase(E.tanh, 20),
  relu: unaryCase(E.relu, 0),
  sq: unaryCase(E.sq, 4),
  step: unaryCase(E.step, 0),
  argmaxIs: pickCase(E.argmaxIs, 0),
  // Library functions: 2·units + 2 ulps (see interval.ts); softmax: 8 + 2n + 2·spread units
  // each side, spread = |x_i − max| <= 100 here, n <= 4.
  softmax: pickCase(E.softmax, 440),
};
const ops = Object.keys(cases) as Op[];

const opInput = (c: OpCase) =>
  fc.record({
    box: boxOf(c.domain),
    inputs: fc.array(c.values, { minLength: SLOTS, maxLength: SLOTS }),
    arity: fc.integer({ min: c.arity[0], max: c.arity[1] }),
    index: fc.nat({ max: 1000 }),
    constant: value,
    samples,
  });

describe.each(ops)('%s', (op) => {
  const c = cases[op];

  it('encloses evaluateExact at every sampled point of a random box', () => {
    fc.assert(
      fc.property(opInput(c), ({ box, arity, index, constant, samples: points }) => {
        const expr = c.build(leaves(arity), index, constant);
        const enclosure = evaluateInterval(expr, lookupOf(box));
        const corners = [Array<number>(SLOTS).fill(0), Array<number>(SLOTS).fill(1)];
        for (const fractions of [...corners, ...points]) {
          const inputs = box.map((iv, k) => pointIn(iv, fractions[k] ?? 0));
          const exact = evaluateExact(expr, lookupOf(inputs));
          if (Number.isNaN(exact)) expect(c.undefinedAt?.(inputs) ?? false, `NaN at ${inputs}`).toBe(true);
          else expect(contains(enclosure, exact), `${exact} in ${show(enclosure)}`).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives point inputs a tight interval around the exact value', () => {
    fc.assert(
      fc.property(opInput(c), ({ inputs, arity, index, constant }) => {
        const expr = c.build(leaves(arity), index, constant);
        const enclosure = evaluateInterval(expr, lookupOf(inputs.map(point)));
        const exact = evaluateExact(expr, lookupOf(inputs));
        if (Number.isNaN(exact)) {
          expect(c.undefinedAt?.(inputs) ?? false, `NaN at ${inputs}`).toBe(true);
          return;
        }
        expect(contains(enclosure, exact)).toBe(true);
        if (!Number.isFinite(exact)) return; // a division overflowing to ±∞
        const used = inputs.slice(0, arity).reduce((sum, x) => sum + Math.abs(x), 0);
        const scale = c.cancels ? used : Math.abs(exact);
        const slack = c.pointUnits === 0 ? 0 : 1e-290; // underflow to subnormals
        expect(width(enclosure)).toBeLessThanOrEqual(c.pointUnits * EPS * scale + slack);
      }),
      { numRuns: 300 },
    );
  });
});

/** V8's Math.exp/log/tanh are not correctly rounded: keep the documented 2-ulp margin. */
const libraryRanges = {
  exp: [0, Infinity],
  ln: [-Infinity, Infinity],
  sigmoid: [0, 1],
  tanh: [-1, 1],
  softmax: [0, 1],
} as const satisfies Partial<Record<Op, readonly [number, number]>>;

describe.each(Object.keys(libraryRanges) as (keyof typeof libraryRanges)[])('library function %s', (op) => {
  it('keeps at least 2 ulps either side of the point value, inside its range', () => {
    const c = cases[op];
    const [rangeLo, rangeHi] = libraryRanges[op];
    fc.assert(
      fc.property(opInput(c), ({ inputs, arity, index, constant }) => {
        const expr = c.build(leaves(arity), index, constant);
        const exact = evaluateExact(expr, lookupOf(inputs));
        const result = evaluateInterval(expr, lookupOf(inputs.map(point)));
        expect(result.lo).toBeLessThanOrEqual(Math.max(rangeLo, nextDown(nextDown(exact))));
        expect(result.hi).toBeGreaterThanOrEqual(Math.min(rangeHi, nextUp(nextUp(exact))));
        expect(result.lo >= rangeLo && result.hi <= rangeHi).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/** Random trees of depth up to 4 mixing the given ops, leaves reading the same 4-slot box. */
const treeOf = (allowed: readonly Op[]): fc.Arbitrary<Expr> =>
  fc.letrec<{ expr: Expr }>((tie) => {
    const node = (op: Op): fc.Arbitrary<Expr> => {
      const c = cases[op];
      const args = fc.array(tie('expr'), { minLength: c.arity[0], maxLength: c.arity[1] });
      return fc
        .record({ args, index: fc.nat({ max: 1000 }), constant: value })
        .map(({ args: built, index, constant }) => c.build(built, index, constant));
    };
    const leafOps = allowed.filter((op) => cases[op].arity[1] === 0);
    const innerOps = allowed.filter((op) => cases[op].arity[1] > 0);
    return { expr: fc.oneof({ maxDepth: 4 }, fc.oneof(...leafOps.map(node)), ...innerOps.map(node)) };
  }).expr;

const depth = (expr: Expr): number => 1 + Math.max(0, ...children(expr).map(depth));
/** No sub-expression is NaN: the formula is defined at these inputs. */
const definedAt = (expr: Expr, lookup: Lookup<number>): boolean =>
  !Number.isNaN(evaluateExact(expr, lookup)) && children(expr).every((child) => definedAt(child, lookup));

describe('nested expressions', () => {
  it('enclose evaluateExact wherever the formula is defined', () => {
    let checked = 0;
    let sampled = 0;
    const seenOps = new Set<Op>();
    const visit = (expr: Expr): void => {
      seenOps.add(expr.op);
      children(expr).forEach(visit);
    };
    fc.assert(
      fc.property(treeOf(ops), boxOf(anyInterval), samples, (expr, box, points) => {
        expect(depth(expr)).toBeLessThanOrEqual(5);
        visit(expr);
        const enclosure = evaluateInterval(expr, lookupOf(box));
        for (const fractions of points) {
          const lookup = lookupOf(box.map((iv, k) => pointIn(iv, fractions[k] ?? 0)));
          sampled++;
          if (!definedAt(expr, lookup)) continue;
          checked++;
          const exact = evaluateExact(expr, lookup);
          expect(contains(enclosure, exact), `${exact} in ${show(enclosure)}`).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
    expect(checked).toBeGreaterThan(sampled / 2);
    expect([...seenOps].sort()).toEqual([...ops].sort());
  });
});

/**
 * An independent oracle for the real result: a float64 is a dyadic rational, so + − × ÷ of
 * floats are exact in BigInt rationals. Checks outward rounding, which float sampling cannot.
 */
interface Rational {
  readonly num: bigint;
  readonly den: bigint; // > 0
}
const floatBits = new DataView(new ArrayBuffer(8));
function rational(x: number): Rational {
  floatBits.setFloat64(0, x);
  const bits = floatBits.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fractionPart = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fractionPart : fractionPart | (1n << 52n);
  const power = Math.max(biased, 1) - 1075;
  const signed = x < 0 ? -mantissa : mantissa;
  return power >= 0 ? { num: signed << BigInt(power), den: 1n } : { num: signed, den: 1n << BigInt(-power) };
}
const atMost = (a: Rational, b: Rational): boolean => a.num * b.den <= b.num * a.den;
const plus = (a: Rational, b: Rational): Rational => ({
  num: a.num * b.den + b.num * a.den,
  den: a.den * b.den,
});
const times = (a: Rational, b: Rational): Rational => ({ num: a.num * b.num, den: a.den * b.den });
const negate = (a: Rational): Rational => ({ num: -a.num, den: a.den });
const higher = (a: Rational, b: Rational): Rational => (atMost(a, b) ? b : a);
const quotient = (a: Rational, b: Rational): Rational | undefined => {
  if (b.num === 0n) return undefined;
  const sign = b.num < 0n ? -1n : 1n;
  return { num: a.num * b.den * sign, den: a.den * b.num * sign };
};
const rationalOps = ['const', 'param', 'ref', 'add', 'sub', 'mul', 'div', 'neg', 'sq', 'relu', 'max'] as const;

/** The real value of an expression over rationalOps; undefined where it divides by zero. */
function realValue(expr: Expr, inputs: readonly number[]): Rational | undefined {
  const lookup = lookupOf(inputs);
  const all = (args: readonly Expr[]): Rational[] | undefined => {
    const values = args.map((a) => realValue(a, inputs));
    return values.every((v): v is Rational => v !== undefined) ? values : undefined;
  };
  const fold = (args: readonly Expr[], f: (a: Rational, b: Rational) => Rational) => all(args)?.reduce(f);
  switch (expr.op) {
    case 'const':
      return rational(expr.value);
    case 'param':
      return rational(lookup.param(expr.name));
    case 'ref':
      return rational(lookup.ref(expr.id));
    case 'add':
      return fold(expr.args, plus);
    case 'mul':
      return fold(expr.args, times);
    case 'max':
      return fold(expr.args, higher);
    case 'sub':
      return fold([expr.left, E.neg(expr.right)], plus);
    case 'div': {
      const [left, right] = all([expr.left, expr.right]) ?? [];
      return left && right ? quotient(left, right) : undefined;
    }
    case 'neg':
    case 'sq':
    case 'relu': {
      const x = realValue(expr.arg, inputs);
      if (x === undefined) return undefined;
      return expr.op === 'neg' ? negate(x) : expr.op === 'sq' ? times(x, x) : higher(rational(0), x);
    }
    default:
      throw new Error(`no rational oracle for ${expr.op}`);
  }
}
const holdsReal = (iv: Interval, real: Rational): boolean =>
  (iv.lo === -Infinity || (iv.lo !== Infinity && atMost(rational(iv.lo), real))) &&
  (iv.hi === Infinity || (iv.hi !== -Infinity && atMost(real, rational(iv.hi))));

describe('the exact real result (rational oracle)', () => {
  const check = (expr: Expr, box: readonly Interval[], points: readonly number[][]): number => {
    const enclosure = evaluateInterval(expr, lookupOf(box));
    let checked = 0;
    for (const fractions of points) {
      const real = realValue(expr, box.map((iv, k) => pointIn(iv, fractions[k] ?? 0)));
      if (real === undefined) continue;
      checked++;
      expect(holdsReal(enclosure, real), `real value outside ${show(enclosure)}`).toBe(true);
    }
    return checked;
  };

  it.each(rationalOps)('is enclosed for %s', (op) => {
    const c = cases[op];
    fc.assert(
      fc.property(opInput(c), ({ box, arity, index, constant, samples: points }) => {
        const corners = [Array<number>(SLOTS).fill(0), Array<number>(SLOTS).fill(1)];
        check(c.build(leaves(arity), index, constant), box, [...corners, ...points]);
      }),
      { numRuns: 300 },
    );
  });

  it('is enclosed for nested arithmetic', () => {
    let checked = 0;
    fc.assert(
      fc.property(treeOf(rationalOps), boxOf(anyInterval), samples, (expr, ivs, points) => {
        checked += check(expr, ivs, points);
      }),
      { numRuns: 1000 },
    );
    expect(checked).toBeGreaterThan(1000);
  });
});

const at = (expr: Expr, ...box: Interval[]): Interval => evaluateInterval(expr, lookupOf(box));
const [p0, r1, p2] = leaves(3) as [Expr, Expr, Expr];

describe('tightness', () => {
  it('sq of [-1, 2] starts at 0, not at -2', () => {
    const result = at(E.sq(p0), interval(-1, 2));
    expect(result.lo).toBe(0);
    expect(result.hi).toBeGreaterThanOrEqual(4);
    expect(result.hi).toBeLessThanOrEqual(4 + 8 * EPS);
    const negative = at(E.sq(p0), interval(-3, -2));
    expect(contains(negative, 4) && contains(negative, 9)).toBe(true);
    expect(width(negative)).toBeLessThan(5 + 1e-13);
  });

  it('reads 0·ln(out) as 0 where out may be 0 (a cross-entropy term of target 0), as evaluateExact does', () => {
    const term = E.mul(p0, E.ln(r1));
    expect(at(term, point(0), interval(-0.0005, 0.0005))).toEqual(point(0));
    expect(at(term, point(0), point(0))).toEqual(point(0));
    expect(evaluateExact(term, lookupOf([0, 0]))).toBe(0);
    // Only 0·∞ changes: a zero factor keeps the sign a product gives, and a nonzero one still reaches −∞.
    expect(Object.is(evaluateExact(E.mul(p0, r1), lookupOf([0, -2])), -0)).toBe(true);
    expect(evaluateExact(term, lookupOf([1, 0]))).toBe(-Infinity);
    expect(at(term, point(1), interval(0, 0.5)).lo).toBe(-Infinity);
  });

  it('mul takes the extreme corner products, folding n-ary products', () => {
    const result = at(E.mul(p0, r1, p2), interval(-1, 2), interval(-3, 4), interval(0.5, 1));
    expect(contains(result, -6) && contains(result, 8)).toBe(true);
    expect(width(result)).toBeLessThan(14 + 1e-13);
  });

  it('relu, max and neg are exact', () => {
    expect(at(E.relu(p0), interval(-1, 2))).toEqual({ lo: 0, hi: 2 });
    expect(at(E.max(p0, r1), interval(0, 1), interval(0.5, 0.7))).toEqual({ lo: 0.5, hi: 1 });
    expect(at(E.neg(p0), interval(-1, 2))).toEqual({ lo: -2, hi: 1 });
  });

  it('step decides when the sign is certain', () => {
    expect(at(E.step(p0), interval(1e-300, 1))).toEqual(point(1));
    expect(at(E.step(p0), interval(-1, 0))).toEqual(point(0));
    expect(at(E.step(p0), interval(0, 1))).toEqual(interval(0, 1));
  });

  it('argmaxIs: the first maximum wins ties', () => {
    expect(decideArgmax(0, [point(1), point(1)])).toBe(1);
    expect(decideArgmax(1, [point(1), point(1)])).toBe(0);
    expect(decideArgmax(0, [point(2), interval(0, 2)])).toBe(1);
    expect(decideArgmax(1, [point(2), interval(0, 2)])).toBe(0);
    expect(decideArgmax(1, [interval(0, 1), interval(1, 2)])).toBe('either');
    expect(decideArgmax(2, [interval(0, 1), point(0), interval(1, 3)])).toBe('either');
    expect(decideArgmax(2, [interval(0, 1), point(5), interval(1, 3)])).toBe(0);
    expect(decideArgmax(0, [interval(3, 4), interval(0, 3), interval(1, 2)])).toBe(1);
    expect(decideArgmax(3, [point(1)])).toBe(0);
    expect(at(E.argmaxIs(1, [p0, r1]), interval(0, 1), interval(0.5, 2))).toEqual(interval(0, 1));
    expect(at(E.argmaxIs(1, [p0, r1]), interval(0, 1), interval(1.5, 2))).toEqual(point(1));
  });

  it('softmax is much tighter than exp(x_i) / Σ exp(x_j) with intervals', () => {
    const box = [interval(0, 1), interval(0, 1)];
    const tight = at(E.softmax(0, [p0, r1]), ...box);
    const naive = at(E.div(E.exp(p0), E.add(E.exp(p0), E.exp(r1))), ...box);
    const [lo, hi] = [1 / (1 + Math.E), Math.E / (1 + Math.E)];
    expect(Math.abs(tight.lo - lo) + Math.abs(tight.hi - hi)).toBeLessThan(1e-13);
    expect(naive.lo).toBeLessThan(lo - 0.05);
    expect(naive.hi).toBeGreaterThan(hi + 0.5);
  });

  it('softmax bounds are the corner values, within the naive enclosure', () => {
    const box = fc.array(intervalsOf(value), { minLength: 2, maxLength: SLOTS });
    fc.assert(
      fc.property(box, fc.nat(), (ivs, pick) => {
        const index = pick % ivs.length;
        const args = leaves(ivs.length);
        const tight = at(E.softmax(index, args), ...ivs);
        const naive = at(E.div(E.exp(arg(args, index)), { op: 'add', args: args.map(E.exp) }), ...ivs);
        const cornerLo = softmaxValue(index, ivs.map((iv, j) => (j === index ? iv.lo : iv.hi)));
        const cornerHi = softmaxValue(index, ivs.map((iv, j) => (j === index ? iv.hi : iv.lo)));
        // Up to the widening (< 1e-12 relative): the naive bounds may be closer for point boxes.
        expect(tight.lo).toBeGreaterThanOrEqual(Math.max(naive.lo, cornerLo) * (1 - 1e-12) - 1e-300);
        expect(tight.hi).toBeLessThanOrEqual(Math.min(naive.hi, cornerHi) * (1 + 1e-12) + 1e-300);
      }),
      { numRuns: 500 },
    );
  });

  it('div by an interval holding 0 is unbounded; otherwise it takes corner quotients', () => {
    for (const divisor of [interval(-1, 1), interval(0, 3), interval(-2, -0), point(0)]) {
      expect(at(E.div(p0, r1), interval(1, 2), divisor)).toEqual({ lo: -Infinity, hi: Infinity });
    }
    const quotient = at(E.div(p0, r1), interval(1, 2), interval(4, 8));
    expect(contains(quotient, 0.125) && contains(quotient, 0.5)).toBe(true);
    expect(width(quotient)).toBeLessThan(0.375 + 1e-15);
  });

  it('ln: -∞ below from 0, undefined for wholly negative input, and undefined propagates', () => {
    const straddling = at(E.ln(p0), interval(-1, 2));
    expect(straddling.lo).toBe(-Infinity);
    expect(Math.abs(straddling.hi - Math.LN2)).toBeLessThan(1e-15);
    const atZero = at(E.ln(p0), interval(-1, 0)); // evaluateExact gives ln(0) = -∞
    expect(atZero.lo).toBe(-Infinity);
    expect(atZero.hi).toBeLessThanOrEqual(-Number.MAX_VALUE);
    expect(at(E.ln(p0), interval(-2, -1))).toEqual({ lo: NaN, hi: NaN });
    expect(at(E.step(E.ln(p0)), interval(-2, -1))).toEqual({ lo: NaN, hi: NaN });
    expect(at(E.argmaxIs(0, [E.ln(p0), E.num(1)]), interval(-2, -1))).toEqual({ lo: NaN, hi: NaN });
  });

  it('clamps library functions to their ranges', () => {
    expect(at(E.exp(p0), interval(-1000, -900)).lo).toBe(0);
    expect(at(E.sigmoid(p0), interval(40, 50)).hi).toBe(1);
    expect(at(E.sigmoid(p0), interval(-800, -700)).lo).toBe(0);
    expect(at(E.tanh(p0), interval(-30, 30))).toEqual({ lo: -1, hi: 1 });
    expect(at(E.softmax(0, [p0]), interval(-5, 5)).hi).toBe(1);
  });
});

describe('nextUp and nextDown', () => {
  it('handle ones, zeros, infinities and NaN', () => {
    expect(nextUp(1)).toBe(1 + EPS);
    expect(nextDown(1)).toBe(1 - EPS / 2);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextUp(-0)).toBe(Number.MIN_VALUE);
    expect(nextDown(0)).toBe(-Number.MIN_VALUE);
    expect(nextUp(Infinity)).toBe(Infinity);
    expect(nextDown(-Infinity)).toBe(-Infinity);
    expect(nextUp(-Infinity)).toBe(-Number.MAX_VALUE);
    expect(nextDown(Infinity)).toBe(Number.MAX_VALUE);
    expect(nextUp(Number.MAX_VALUE)).toBe(Infinity);
    expect(nextUp(NaN)).toBeNaN();
    expect(nextDown(NaN)).toBeNaN();
  });

  it('step to the adjacent float', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(nextUp(x)).toBeGreaterThan(x);
        expect(nextDown(x)).toBeLessThan(x);
        expect(nextDown(nextUp(x)) === x && nextUp(nextDown(x)) === x).toBe(true);
        if (Math.abs(x) >= 1 && Math.abs(x) < Number.MAX_VALUE) {
          expect(nextUp(x) - x).toBeLessThanOrEqual(Math.abs(x) * EPS);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('interval helpers', () => {
  it('build, test membership, join and measure', () => {
    expect(() => interval(2, 1)).toThrow(RangeError);
    expect(() => interval(NaN, 1)).toThrow(RangeError);
    expect(interval(-1, 2)).toEqual({ lo: -1, hi: 2 });
    expect(contains(interval(0, 1), 0) && contains(interval(0, 1), 1)).toBe(true);
    expect(contains(interval(0, 1), 1 + EPS) || contains(interval(0, 1), NaN)).toBe(false);
    expect(hull(point(3), interval(-1, 0))).toEqual({ lo: -1, hi: 3 });
    expect(width(interval(1, 3.5))).toBe(2.5);
  });
});
