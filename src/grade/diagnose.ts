/**
 * Names the mistake in a wrong step: tries the rules of `rules/` in their documented order on the
 * step's own formula, and returns the first that explains the written value.
 */
import { evaluateExact, type Lookup } from '../engine/exact.js';
import type { Step } from '../engine/graph.js';
import { point, type Interval } from '../engine/interval.js';
import { english, type Message } from '../i18n/index.js';
import type { DiagnosisCode } from '../rubric/schema.js';
import { possibleIntervals } from './follow-through.js';
import type { Reference } from './reference.js';
import { applyRule, RULE_ORDER, type DiagnosisContext } from './rules/index.js';
import { underWinners, type Winners } from './windows.js';
import { effectiveDecimals, writtenInterval, type Grading, type WrittenNumber } from './tolerance.js';

export interface Diagnosis {
  readonly code: DiagnosisCode;
  /** One line for the student (a catalog key and parameters); never holds the expected value. */
  readonly note: Message;
  /** The note in English. */
  readonly message: string;
}

/**
 * The mistake that explains `written` for a step that is neither correct nor follow-through, or
 * null. `own` reads the student's values as intervals (missing ones as the exact value).
 */
export function diagnose(reference: Reference, step: Step, written: WrittenNumber, student: StudentValues, grading: Grading): Diagnosis | null {
  const ctx = contextFor(reference, step, written, student, grading, false);
  for (const code of RULE_ORDER) {
    const note = applyRule(code, ctx);
    if (note !== null) return { code, note, message: english(note) };
  }
  return null;
}

/**
 * The message of the mistake `code`, named on a sibling of this step, where it explains `written`
 * better than the right formula does (no margin: see patterns.ts), or null.
 */
export function diagnoseAsPattern(code: DiagnosisCode, reference: Reference, step: Step, written: WrittenNumber, student: StudentValues, grading: Grading): Message | null {
  return applyRule(code, contextFor(reference, step, written, student, grading, true));
}

/** The student's values: as intervals (as follow-through reads them), as points, and the submission's max-pool winners. */
export interface StudentValues {
  readonly own: Lookup<Interval>;
  /** As written; missing ones read as their exact value. */
  readonly points: Lookup<number>;
  readonly winners: Winners;
}

function contextFor(reference: Reference, step: Step, written: WrittenNumber, { own, points, winners }: StudentValues, grading: Grading, pattern: boolean): DiagnosisContext {
  const { graph, values } = reference;
  // The right formula under the submission's max-pool winners (alternatives rewrite the step's own).
  const right = underWinners(step.expr, winners);
  const exact: Lookup<Interval> = {
    param: (name) => point(graph.params.get(name)!),
    ref: (id) => point(values.get(id)!),
  };
  // The student's values taken exactly as written: where the step's terms nearly cancel, the
  // intervals of `own` (which also allow carrying the asked decimals) can hide a mistake the
  // written values show plainly.
  const asWritten: Lookup<Interval> = { param: exact.param, ref: (id) => point(points.ref(id)) };
  return {
    reference,
    step,
    written,
    grading,
    claimed: writtenInterval(written, grading),
    unit: 10 ** -effectiveDecimals(written, grading),
    sources: [exact, asWritten, own].map((lookup) => ({ lookup, right: possibleIntervals(right, lookup) })),
    rightValues: [values.get(step.id)!, evaluateExact(right, points)],
    writtenValues: points,
    underWinners: (expr) => underWinners(expr, winners),
    pattern,
  };
}
