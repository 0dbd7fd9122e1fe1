/**
 * Rules on the written digits rather than the formula: the right value written with too few
 * decimals or cut off (`rounding`), with one digit wrong or two adjacent digits swapped
 * (`digit-slip`), or off by a power of ten (`decimal-shift`).
 *
 * "The right value" is the right formula's value on the right upstream values, or on the
 * student's own values as written (`DiagnosisContext.rightValues`): a slip in writing a number
 * down is a slip from one number, not from any value an interval allows — with three candidates
 * a random wrong value would match one of them by chance three times as often. Digits are
 * compared as integers in units of the last decimal written.
 */
import type { Interval } from '../../engine/interval.js';
import { msg, type Message } from '../../i18n/index.js';
import { overlaps } from '../follow-through.js';
import { standsApart, type DiagnosisContext, type Source } from './context.js';

/** Float noise when scaling to units (0.169 · 1000 = 168.99999999999997). */
const NOISE = 1e-9;
const writtenUnits = (ctx: DiagnosisContext, decimals: number): number => Math.round(ctx.written.value * 10 ** decimals);
const truncUnits = (x: number, decimals: number): number => Math.trunc(x * 10 ** decimals + NOISE * Math.sign(x));

/** What the right values round to at `decimals`, in units: both neighbours at a tie, which float noise may tip either way. */
function roundedRight(ctx: DiagnosisContext, decimals: number): number[] {
  return [...new Set(ctx.rightValues.flatMap((x) => [Math.round(x * 10 ** decimals - NOISE), Math.round(x * 10 ** decimals + NOISE)]))];
}

export function roundingMessage(ctx: DiagnosisContext): Message | null {
  const decimals = ctx.written.decimals;
  if (decimals === null) return null;
  const written = writtenUnits(ctx, decimals);
  const required = ctx.grading.decimals;
  const fewer = decimals < required;
  if (fewer && roundedRight(ctx, decimals).includes(written)) return msg('diagnosis.rounding.tooFewDecimals', { required });
  for (const right of ctx.rightValues) {
    if (truncUnits(right, decimals) === written) {
      return fewer ? msg('diagnosis.rounding.cutOffEarly', { decimals, required }) : msg('diagnosis.rounding.lastDigitCut');
    }
  }
  return null;
}

type Slip = { readonly kind: 'digit'; readonly power: number } | { readonly kind: 'swap' };

/**
 * One digit differs (not the last one written: a wrong last digit is any small arithmetic error),
 * or two adjacent digits are swapped. `power` is the place of the wrong digit (0: units, −1: the
 * first decimal).
 */
function slipOf(written: string, right: string, decimals: number): Slip | null {
  if (written.length !== right.length) return null;
  const differ = [...written].flatMap((c, k) => (c === right[k] ? [] : [k]));
  const [a, b] = differ;
  if (differ.length === 1 && a! < written.length - 1) return { kind: 'digit', power: written.length - 1 - a! - decimals };
  const swapped = differ.length === 2 && b === a! + 1 && written[a!] === right[b] && written[b] === right[a!];
  return swapped ? { kind: 'swap' } : null;
}

function slipMessage(slip: Slip): Message {
  return slip.kind === 'swap' ? msg('diagnosis.digitSlip.swapped') : msg('diagnosis.digitSlip.oneDigit', { power: slip.power });
}

export function digitSlipMessage(ctx: DiagnosisContext): Message | null {
  const decimals = ctx.written.decimals;
  if (decimals === null) return null;
  const written = writtenUnits(ctx, decimals);
  const digits = (units: number) => String(Math.abs(units)).padStart(decimals + 1, '0');
  for (const right of roundedRight(ctx, decimals)) {
    // Two significant digits at least: a lone digit has no pattern to keep.
    if (Math.abs(right) < 10 || Math.sign(right) * Math.sign(written) < 0) continue;
    const slip = slipOf(digits(written), digits(right), decimals);
    if (slip !== null) return slipMessage(slip);
  }
  return null;
}

const SHIFTS = [-3, -2, -1, 1, 2, 3];

/**
 * The written value shifted back by 10^k: what the student had before the shift, which they had
 * rounded at their own precision too (0.464 · 100 = 46.400 stands for 0.4635…0.4645, not
 * 0.463995…0.464005; and 0.2447 → 0.245 → 0.0245 → 0.025 rounds twice).
 */
function unshifted(ctx: DiagnosisContext, k: number): Interval {
  const centre = ctx.written.value / 10 ** k;
  const half = (ctx.claimed.hi - ctx.claimed.lo) / 2;
  return { lo: centre - half / 10 ** k - half, hi: centre + half / 10 ** k + half };
}

export function decimalShiftMessage(ctx: DiagnosisContext): Message | null {
  // Two significant digits at least, as for digit slips.
  if (Math.abs(ctx.written.value) < 10 * ctx.unit) return null;
  for (const k of SHIFTS) {
    const explaining = ctx.sources.filter((source) => shiftExplains(ctx, k, source));
    if (explaining.some((source) => standsApart(ctx, ctx.claimed, source.right))) return msg('diagnosis.decimalShift', { factor: 10 ** Math.abs(k) });
  }
  return null;
}

/**
 * Whether the written value is a right value shifted by 10^k. A right value with two significant
 * digits or more is compared as an interval (it was rounded before and maybe after the shift). One
 * with a single significant digit at the decimals that count (−0.002) has no digits to compare but
 * that one: the written value must then be exactly it, shifted (−0.200), which a value that is
 * merely near (−0.210) is not.
 */
function shiftExplains(ctx: DiagnosisContext, k: number, source: Source): boolean {
  const before = unshifted(ctx, k);
  if (Math.abs(before.lo + before.hi) / 2 >= 10 * (before.hi - before.lo) / 2) return source.right.some((iv) => overlaps(iv, before));
  if (k <= 0) return false;
  const decimals = Math.round(-Math.log10(ctx.unit));
  const written = writtenUnits(ctx, decimals);
  return roundedRight(ctx, decimals).some((right) => right !== 0 && right * 10 ** k === written);
}
