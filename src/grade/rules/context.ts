/**
 * What every diagnosis rule sees, and the one test a rewritten formula must pass to name a mistake.
 *
 * A rule explains a submitted value when an alternative of the step's formula, evaluated on the
 * right upstream values (points) or on the student's own (intervals, as follow-through does),
 * may round to what the student wrote (its interval overlaps the written one) — and that
 * alternative stands apart from the right formula's value on the same inputs.
 *
 * Standing apart: more than `MARGIN_UNITS` units in the last decimal that counts, and more than
 * `MARGIN_RELATIVE` of the right value's size. An alternative closer than that explains nothing
 * an ordinary arithmetic slip or compounded hand rounding would not explain as well, and the
 * wrong values a student writes are densest right there: without the margin, rules such as
 * "α applied twice" with α = 0.9, or a neighbouring input of nearly the same value, name a
 * mistake for many arbitrary wrong values (bench/diagnose.js measures how many).
 */
import type { Lookup } from '../../engine/exact.js';
import type { Expr } from '../../engine/expr.js';
import type { Step } from '../../engine/graph.js';
import type { Message } from '../../i18n/index.js';
import { hull, type Interval } from '../../engine/interval.js';
import { overlaps, possibleIntervals } from '../follow-through.js';
import type { Reference } from '../reference.js';
import type { Grading, WrittenNumber } from '../tolerance.js';

/** How far (in units of the last decimal that counts) an alternative must be from the right value. */
export const MARGIN_UNITS = 2;
/** How far, as a share of the right value's size, an alternative must be from it. */
export const MARGIN_RELATIVE = 0.05;


/** One way of computing the step's values: the right upstream values, or the student's own. */
export interface Source {
  readonly lookup: Lookup<Interval>;
  /** What the right formula gives on these inputs (one interval per undecided indicator choice). */
  readonly right: readonly Interval[];
}

export interface DiagnosisContext {
  readonly reference: Reference;
  readonly step: Step;
  readonly written: WrittenNumber;
  /** The settings that hold for this step (the rubric's, with its group's overrides). */
  readonly grading: Grading;
  /** The values the student may have had before rounding what they wrote. */
  readonly claimed: Interval;
  /** One unit in the last decimal that counts (10^−decimals). */
  readonly unit: number;
  /** The right upstream values first, then the student's own as written (points), then as intervals (the last). */
  readonly sources: readonly Source[];
  /**
   * The right formula's value on the right upstream values, and on the student's own values taken
   * as written (points): what a student doing the step right would have had before writing it.
   */
  readonly rightValues: readonly number[];
  /** The student's values as written (a step they did not give reads as its exact value). */
  readonly writtenValues: Lookup<number>;
  /** A formula under the submission's max-pool winners. */
  readonly underWinners: (expr: Expr) => Expr;
  /**
   * Looking for a mistake already named on a sibling step (patterns.ts): the margin is waived, and
   * an alternative need only explain the value where the right formula does not.
   */
  readonly pattern: boolean;
}

/** A rewritten formula and what it says to the student when it explains their value. */
export interface Alternative {
  readonly expr: Expr;
  readonly message: Message;
  /** What the margin's share is of (default: the right value). */
  readonly share?: MarginShare;
}

const distance = (a: Interval, b: Interval): number => Math.max(0, a.lo - b.hi, b.lo - a.hi);

/**
 * What the margin's share is taken of: the right value (`value`); for an alternative that rescales
 * an update `p_new = p − α·g` (α forgotten, the gradient added), the update p_new − p (`update`):
 * a forgotten α moves a weight of 1 by far less than 5% of it; or nothing (`none`, units only).
 */
export type MarginShare = 'value' | 'update' | 'none';

/** Whether `candidate` is further from every right value than the margin. */
export function standsApart(ctx: DiagnosisContext, candidate: Interval, right: readonly Interval[], share: MarginShare = 'value'): boolean {
  if (right.length === 0) return false;
  const span = right.reduce(hull);
  if (ctx.pattern) return distance(ctx.claimed, span) > 0;
  const base = share === 'update' ? updatedFrom(ctx) : 0;
  const lo = span.lo - base;
  const hi = span.hi - base;
  const size = share === 'none' ? 0 : lo > 0 ? lo : hi < 0 ? -hi : 0;
  return distance(candidate, span) > Math.max(MARGIN_UNITS * ctx.unit, MARGIN_RELATIVE * size);
}

/** The parameter's value before the update, for an update step (`p − α·g`); else 0. */
function updatedFrom(ctx: DiagnosisContext): number {
  const { expr, kind } = ctx.step;
  if (kind !== 'update' || expr.op !== 'sub' || expr.left.op !== 'param') return 0;
  return ctx.reference.graph.params.get(expr.left.name) ?? 0;
}

/** Whether `candidate` may round to the written value while standing apart from the right value. */
const explainsApart = (ctx: DiagnosisContext, candidate: Interval, right: readonly Interval[], share: MarginShare): boolean =>
  overlaps(candidate, ctx.claimed) && standsApart(ctx, candidate, right, share);

/** The message of the first alternative that explains the written value, or null. */
export function firstExplaining(ctx: DiagnosisContext, alternatives: readonly Alternative[]): Message | null {
  for (const alternative of alternatives) {
    for (const source of ctx.sources) {
      const values = possibleIntervals(alternative.expr, source.lookup);
      if (values.some((iv) => explainsApart(ctx, iv, source.right, alternative.share ?? 'value'))) return alternative.message;
    }
  }
  return null;
}
