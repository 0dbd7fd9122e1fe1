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
export function diagnose(reference: Reference, step: Step, written: WrittenNumber, own: Lookup<Interval>, grading: Grading): Diagnosis | null {
  const ctx = contextFor(reference, step, written, own, grading);
  for (const code of RULE_ORDER) {
    const note = applyRule(code, ctx);
    if (note !== null) return { code, note, message: english(note) };
  }
  return null;
}

function contextFor(reference: Reference, step: Step, written: WrittenNumber, own: Lookup<Interval>, grading: Grading): DiagnosisContext {
  const { graph, values } = reference;
  const exact: Lookup<Interval> = {
    param: (name) => point(graph.params.get(name)!),
    ref: (id) => point(values.get(id)!),
  };
  return {
    reference,
    step,
    written,
    grading,
    claimed: writtenInterval(written, grading),
    unit: 10 ** -effectiveDecimals(written, grading),
    sources: [exact, own].map((lookup) => ({ lookup, right: possibleIntervals(step.expr, lookup) })),
    rightValues: [values.get(step.id)!, evaluateExact(step.expr, { param: (name) => graph.params.get(name)!, ref: (id) => middle(own.ref(id)) })],
  };
}

/** A written value's interval is centred on what was written. */
const middle = (iv: Interval): number => (iv.lo + iv.hi) / 2;
