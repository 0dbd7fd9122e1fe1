/**
 * Signals of copied work, for a TA to look at; they never change a score.
 *
 * - `fits-another-variant`: with per-student numbers, a submission whose values are right for
 *   another student's numbers at clearly more steps than for its own.
 * - `shared-wrong-values`: two submissions that write the same wrong value at several steps.
 *   Values that say little are left out: 0, a value with a single significant digit, a value a
 *   crowd shares (a common mistake, not a copy), and, where the two students have the same
 *   numbers, a value a diagnosis explains (honest students make the common mistakes alike).
 */
import type { StepSettings } from '../grade/settings.js';
import type { GradeResult } from '../grade/result.js';
import { allowedError } from '../grade/tolerance.js';
import { english, msg, type Message } from '../i18n/index.js';
import { variantKey } from './key.js';

const noted = (note: Message) => ({ detail: english(note), note });

export const SIGNAL_KINDS = ['fits-another-variant', 'shared-wrong-values'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export interface IntegritySignal {
  readonly kind: SignalKind;
  readonly file: string;
  readonly student: GradeResult['student'];
  /** The other student: whose numbers the file fits, or who shares its wrong values. */
  readonly other: { readonly id: string | null; readonly name: string | null; readonly file: string | null };
  /** The steps the signal rests on. */
  readonly steps: readonly string[];
  /** One sentence for the TA, in English (results.json); `note` says it in any language. */
  readonly detail: string;
  readonly note: Message;
}

/** A file fits another student's numbers when it is right for them at this many more steps than for its own... */
export const FIT_LEAD = 5;
/** ...and at this share of the steps at least. */
export const FIT_SHARE = 0.25;
/** Two files share wrong values when they write the same wrong value at this many steps. */
export const SHARED_STEPS = 3;
/** A wrong value written by more files than this is a common mistake, not a copy. */
export const CROWD = 4;

export interface IntegrityInput {
  readonly results: readonly GradeResult[];
  readonly settings: ReadonlyMap<string, StepSettings>;
  /** With per-student numbers: each student's right values (by `variantKey(id)`, then step id). */
  readonly expected?: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export function integritySignals(input: IntegrityInput): IntegritySignal[] {
  const read = input.results.filter((r) => r.error === null);
  return [...(input.expected ? fitSignals(read, input.expected, input.settings) : []), ...sharedSignals(read, input.expected !== undefined)];
}

/** Float noise in a tolerance never decides (as in isCorrect). */
const SLACK = 1e-12;

/**
 * Each student's right values and how far from each a value may be, in step order, as flat
 * arrays: the fit of every file to every student's numbers is N² × steps comparisons (500
 * students: 23 million), so the inner loop only subtracts and compares.
 */
function targets(stepIds: readonly string[], expected: ReadonlyMap<string, ReadonlyMap<string, number>>, settings: ReadonlyMap<string, StepSettings>) {
  return [...expected].map(([id, values]) => {
    const value = Float64Array.from(stepIds, (step) => values.get(step) ?? Number.NaN);
    const allowed = Float64Array.from(stepIds, (step, k) => {
      const grading = settings.get(step)?.grading;
      return grading === undefined ? -1 : allowedError(value[k]!, { value: value[k]!, decimals: null }, grading) + SLACK;
    });
    return { id, value, allowed };
  });
}

/** The steps (by index) where `submitted` is right for `target`, counted. */
function fitCount(submitted: Float64Array, target: { value: Float64Array; allowed: Float64Array }): number {
  let count = 0;
  for (let k = 0; k < submitted.length; k++) if (Math.abs(submitted[k]! - target.value[k]!) <= target.allowed[k]!) count++;
  return count;
}

function fitSignals(
  results: readonly GradeResult[],
  expected: ReadonlyMap<string, ReadonlyMap<string, number>>,
  settings: ReadonlyMap<string, StepSettings>,
): IntegritySignal[] {
  // The student whose numbers a file fits, named and pointed to where they handed in a file too.
  const handedIn = new Map(results.flatMap((r) => (r.student.id === null ? [] : [[variantKey(r.student.id), r] as const])));
  const stepIds = results[0]?.steps.map((s) => s.id) ?? [];
  const all = targets(stepIds, expected, settings);
  const signals: IntegritySignal[] = [];
  for (const result of results) {
    const own = result.student.id === null ? undefined : variantKey(result.student.id);
    const mine = all.find((t) => t.id === own);
    if (mine === undefined) continue;
    const bySteps = new Map(result.steps.map((s) => [s.id, s.submitted]));
    const submitted = Float64Array.from(stepIds, (id) => bySteps.get(id) ?? Number.NaN);
    const ownFit = fitCount(submitted, mine);
    let best: { target: (typeof all)[number]; count: number } | null = null;
    for (const target of all) {
      if (target === mine) continue;
      const count = fitCount(submitted, target);
      if (best === null || count > best.count) best = { target, count };
    }
    if (best === null || best.count < ownFit + FIT_LEAD || best.count < FIT_SHARE * stepIds.length) continue;
    const other = handedIn.get(best.target.id);
    signals.push({
      kind: 'fits-another-variant',
      file: result.file,
      student: result.student,
      other: { id: other?.student.id ?? best.target.id, name: other?.student.name ?? null, file: other?.file ?? null },
      steps: stepIds.filter((_, k) => Math.abs(submitted[k]! - best.target.value[k]!) <= best.target.allowed[k]!),
      ...noted(msg('variants.integrity.fits', { other: other?.student.id ?? best.target.id, count: best.count, own: ownFit })),
    });
  }
  return signals;
}

/** Significant digits of a written number (0.0450 -> 3 as written; here from the number: 0.045 -> 2). */
const significantDigits = (x: number): number => x.toExponential().split('e')[0]!.replace(/[-.]/g, '').replace(/0+$/, '').length;

function sharedSignals(results: readonly GradeResult[], ownNumbers: boolean): IntegritySignal[] {
  const writers = new Map<string, number[]>();
  results.forEach((result, k) => {
    for (const step of result.steps) {
      if (step.status !== 'incorrect' || step.submitted === null) continue;
      if (step.submitted === 0 || significantDigits(step.submitted) < 2) continue;
      // With the same numbers for everyone, a diagnosed mistake is one many make alike.
      if (!ownNumbers && step.diagnosis !== null) continue;
      const key = `${step.id}=${step.submitted}`;
      writers.set(key, [...(writers.get(key) ?? []), k]);
    }
  });
  const pairs = new Map<string, string[]>();
  for (const [key, who] of writers) {
    if (who.length < 2 || who.length > CROWD) continue;
    for (let a = 0; a < who.length; a++) {
      for (let b = a + 1; b < who.length; b++) {
        const pair = `${who[a]},${who[b]}`;
        pairs.set(pair, [...(pairs.get(pair) ?? []), key.slice(0, key.indexOf('='))]);
      }
    }
  }
  const signals: IntegritySignal[] = [];
  for (const [pair, steps] of pairs) {
    if (steps.length < SHARED_STEPS) continue;
    const [a, b] = pair.split(',').map((k) => results[Number(k)]!);
    signals.push({
      kind: 'shared-wrong-values',
      file: a!.file,
      student: a!.student,
      other: { id: b!.student.id, name: b!.student.name, file: b!.file },
      steps,
      ...noted(msg('variants.integrity.shared', { steps })),
    });
  }
  return signals;
}
