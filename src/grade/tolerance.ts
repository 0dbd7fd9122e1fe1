/**
 * What a written number stands for, and how far from the exact value it may be.
 *
 * A student who writes 0.419 claims a value in [0.4185, 0.4195]: half a unit in the last decimal
 * written. A value is never read as coarser than the decimals the rubric asks for: a bare `0` or
 * `0.5` means ± half a unit at the required precision, so a value with too few decimals is only
 * correct when it is right at that precision.
 */
import { assertNever } from '../engine/expr.js';
import type { Interval } from '../engine/interval.js';
import type { Rubric } from '../rubric/schema.js';

export type Grading = Rubric['grading'];

export interface WrittenNumber {
  readonly value: number;
  /** Decimals the student wrote, or null when that means nothing (a fraction). */
  readonly decimals: number | null;
}

export function effectiveDecimals(written: WrittenNumber, grading: Grading): number {
  return Math.max(written.decimals ?? grading.decimals, grading.decimals);
}

/** Half a unit in the last decimal that counts. */
export function roundingHalfWidth(written: WrittenNumber, grading: Grading): number {
  return 0.5 * 10 ** -effectiveDecimals(written, grading);
}

/** The values the student may have had before rounding what they wrote. */
export function writtenInterval(written: WrittenNumber, grading: Grading): Interval {
  const half = roundingHalfWidth(written, grading) + grading.tolerance.atol;
  return { lo: written.value - half, hi: written.value + half };
}

/** How far from `expected` a written value may be and still be correct. */
export function allowedError(expected: number, written: WrittenNumber, grading: Grading): number {
  const { mode, atol, rtol, sigfigs } = grading.tolerance;
  const relative = rtol * Math.abs(expected);
  switch (mode) {
    case 'decimals':
      return roundingHalfWidth(written, grading) + atol + relative;
    case 'relabs':
      return atol + relative;
    case 'sigfig': {
      const figures = sigfigs ?? grading.decimals;
      if (expected === 0) return roundingHalfWidth(written, grading) + atol;
      const leading = Math.floor(Math.log10(Math.abs(expected)));
      return 0.5 * 10 ** (leading - figures + 1) + atol;
    }
    default:
      return assertNever(mode);
  }
}

/** Float noise in the tolerance itself (0.0005 is not exactly representable) never decides a verdict. */
const SLACK = 1e-12;

export function isCorrect(expected: number, written: WrittenNumber, grading: Grading): boolean {
  return Math.abs(written.value - expected) <= allowedError(expected, written, grading) + SLACK;
}

/** Float noise when scaling a written value to units of a decimal (0.6455 · 1000 = 645.4999…). */
const UNIT_NOISE = 1e-9;

/**
 * The ways a written value is read: as written and, where more decimals were written than the
 * rubric asks, rounded at the decimals asked (both neighbours at a tie). Writing more decimals
 * than asked never lowers a score: 0.6459 is right when 0.646 is.
 */
export function readings(written: WrittenNumber, grading: Grading): WrittenNumber[] {
  const asked = grading.decimals;
  if (grading.tolerance.mode !== 'decimals' || written.decimals === null || written.decimals <= asked) return [written];
  const scale = 10 ** asked;
  const units = new Set([Math.round(written.value * scale - UNIT_NOISE), Math.round(written.value * scale + UNIT_NOISE)]);
  return [written, ...[...units].map((u) => ({ value: u / scale, decimals: asked }))];
}

/** Correct as written, or rounded at the decimals asked. */
export const isCorrectRead = (expected: number, written: WrittenNumber, grading: Grading): boolean =>
  readings(written, grading).some((reading) => isCorrect(expected, reading, grading));

/**
 * What the student may have carried on to later steps: the value as written, or rounded at the
 * decimals asked (a student may carry 0.673 and write 0.6726): the hull of both intervals.
 */
export function carriedInterval(written: WrittenNumber, grading: Grading): Interval {
  return readings(written, grading).map((r) => writtenInterval(r, grading)).reduce((a, b) => ({ lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) }));
}
