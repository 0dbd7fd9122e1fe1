/** One submission against the reference graph: a verdict, points and a message for every step. */
import { english, msg, type Said } from '../i18n/index.js';
import { problemNote } from '../ingest/problems.js';
import type { Lookup } from '../engine/exact.js';
import { refsOf, type Expr } from '../engine/expr.js';
import type { Step } from '../engine/graph.js';
import { hull, point, type Interval } from '../engine/interval.js';
import type { Answer, Submission } from '../ingest/types.js';
import { diagnose } from './diagnose.js';
import { explainedBy, possibleIntervals } from './follow-through.js';
import { namePatterns } from './patterns.js';
import type { Reference } from './reference.js';
import type { GradeResult, SectionScore, Status, StepResult } from './result.js';
import { carriedInterval, isCorrectRead, readings, writtenInterval, type Grading, type WrittenNumber } from './tolerance.js';
import { chooseWinners, departsFromExact, underWinners, type Winners } from './windows.js';

export type { Reference } from './reference.js';

/** What grading reads of a submission (its format does not matter here). */
export type Graded = Pick<Submission, 'file' | 'student' | 'answers' | 'problems'>;

export function gradeSubmission(reference: Reference, submission: Graded): GradeResult {
  const { graph } = reference;
  const own = ownValues(reference, submission);
  const winners = chooseWinners(graph, own, reference.exactWinners, (step, expr, exactWinner) =>
    acceptedUnder(reference, step, submission.answers.get(step.id), expr, own, exactWinner));
  const marking: Marking = { reference, own, points: ownPoints(reference, submission), winners, statuses: new Map() };
  const graded = graph.steps.map((step) => {
    const result = gradeStep(marking, step, submission.answers.get(step.id));
    marking.statuses.set(step.id, result.status);
    return result;
  });
  const written = (id: string) => {
    const value = submission.answers.get(id)?.value;
    return value?.kind === 'number' ? value : { value: NaN, decimals: null };
  };
  const steps = namePatterns(reference, graded, written, marking);
  const byId = new Map(steps.map((s) => [s.id, s]));
  return {
    file: submission.file,
    student: submission.student,
    ...totals(steps),
    steps,
    sections: graph.sections.map((section) => ({
      id: section.id,
      stepIds: section.stepIds,
      ...totals(section.stepIds.map((id) => byId.get(id)!)),
    })),
    problems: submission.problems.map((p) => p.message),
    error: null,
    notes: { problems: submission.problems.map(problemNote), error: null },
  };
}

/** What grading one submission's steps reads: the student's values, the windows' winners, the verdicts so far. */
interface Marking {
  readonly reference: Reference;
  readonly own: Lookup<Interval>;
  readonly points: Lookup<number>;
  readonly winners: Winners;
  readonly statuses: Map<string, Status>;
}

/** A file that could not be read at all: every step missing, and why. */
export function unreadableFile(reference: Reference, file: string, student: GradeResult['student'], error: Said | string): GradeResult {
  const result = gradeSubmission(reference, { file, student, answers: new Map(), problems: [] });
  return { ...result, error: english(error), notes: { problems: [], error } };
}

function totals(steps: readonly StepResult[]): Pick<SectionScore, 'score' | 'maxScore'> {
  return { score: steps.reduce((a, s) => a + s.points, 0), maxScore: steps.reduce((a, s) => a + s.maxPoints, 0) };
}

/** The student's values as intervals (as written, or carried at the decimals asked); a step they did not give reads as its exact value. */
function ownValues(reference: Reference, submission: Graded): Lookup<Interval> {
  const intervals = new Map<string, Interval>();
  for (const [id, answer] of submission.answers) {
    const settings = reference.settings.get(id);
    if (answer.value.kind === 'number' && settings) intervals.set(id, carriedInterval(answer.value, settings.grading));
  }
  return {
    param: (name) => point(reference.graph.params.get(name)!),
    ref: (id) => intervals.get(id) ?? point(reference.values.get(id)!),
  };
}

/** The student's values as points, as written (what a slip in writing a value down is a slip from). */
function ownPoints(reference: Reference, submission: Graded): Lookup<number> {
  return {
    param: (name) => reference.graph.params.get(name)!,
    ref: (id) => {
      const value = submission.answers.get(id)?.value;
      return value?.kind === 'number' && reference.settings.has(id) ? value.value : reference.values.get(id)!;
    },
  };
}

/** Whether the written value is accepted (correct or follow-through) when the step's formula reads `expr`. */
function acceptedUnder(reference: Reference, step: Step, answer: Answer | undefined, expr: Expr, own: Lookup<Interval>, exactWinner: boolean): boolean {
  if (answer?.value.kind !== 'number') return false;
  const { grading } = reference.settings.get(step.id)!;
  if (exactWinner && isCorrectRead(reference.values.get(step.id)!, answer.value, grading)) return true;
  return claimedIntervals(answer.value, grading).some((claimed) => explainedBy(expr, own, claimed));
}

const claimedIntervals = (written: WrittenNumber, grading: Grading): Interval[] => readings(written, grading).map((r) => writtenInterval(r, grading));

function gradeStep(marking: Marking, step: Step, answer: Answer | undefined): StepResult {
  const { reference, own, points, winners, statuses } = marking;
  const { grading, maxPoints } = reference.settings.get(step.id)!;
  const expected = reference.values.get(step.id)!;
  // How the value was found, where a person should know, said after the message.
  const noted = (message: Said): Pick<StepResult, 'message' | 'note'> => {
    const note = answer?.note === undefined ? message : msg('grade.withReadingNote', { message, note: answer.note });
    return { message: english(note), note };
  };
  const base = { id: step.id, expected, maxPoints, diagnosis: null, cell: answer ? `${answer.sheet}!${answer.valueCell}` : null, from: [] };
  const value = answer?.value ?? { kind: 'empty' as const };
  switch (value.kind) {
    case 'empty':
      return { ...base, status: 'missing', submitted: null, raw: '', points: 0, ...noted(msg('grade.missing')) };
    case 'unreadable':
      return { ...base, status: 'unreadable', submitted: null, raw: value.raw, points: 0, ...noted(msg('grade.unreadable', { raw: value.raw, reason: value.note ?? value.reason })) };
    case 'number':
      break;
  }
  const written = { ...base, submitted: value.value, raw: value.raw };
  const expr = underWinners(step.expr, winners);
  // Under a winner other than the exact one, the exact value is not this submission's right value.
  const exactHolds = !departsFromExact(step.expr, winners, reference.exactWinners);
  if (exactHolds && isCorrectRead(expected, value, grading)) return { ...written, status: 'correct', points: maxPoints, ...noted(msg('grade.correct')) };
  const claimed = claimedIntervals(value, grading);
  const refs = refsOf(step.expr);
  const followThrough = (message: Said, from: string[]): StepResult =>
    ({ ...written, status: 'follow-through', points: maxPoints * grading.followThrough, ...noted(message), from });
  if (claimed.some((c) => explainedBy(expr, own, c))) {
    const from = refs.filter((id) => statuses.get(id) === 'incorrect' || statuses.get(id) === 'follow-through');
    return followThrough(from.length > 0 ? msg('grade.fromYourValues', { steps: from }) : msg('grade.withinRounding'), from);
  }
  // A slip in writing an earlier value down, while the right one (on the exact values, or on the
  // student's own) was carried on: the step is right.
  const wrong = refs.filter((id) => statuses.get(id) === 'incorrect');
  const corrected = wrong.length === 0 ? [] : [correctedExactly(reference, own, wrong), correctedOnOwn(marking, wrong)];
  if (corrected.some((lookup) => claimed.some((c) => explainedBy(expr, lookup, c)))) {
    return followThrough(msg('grade.fromRightValues', { steps: wrong }), wrong);
  }
  const diagnosis = diagnose(reference, step, value, { own, points, winners }, grading);
  if (diagnosis === null) {
    return { ...written, status: 'incorrect', points: 0, ...noted(msg('grade.incorrect')) };
  }
  // A diagnosis costs nothing by itself; the rubric may give back a share of the points for it.
  const credit = grading.diagnosisCredit[diagnosis.code] ?? 0;
  return { ...written, status: 'incorrect', points: maxPoints * credit, diagnosis: diagnosis.code, ...noted(diagnosis.note) };
}

/** Half a unit at the decimals asked for a step: how a right value carried on may have been rounded. */
const carriedHalf = (reference: Reference, id: string): number => 0.5 * 10 ** -reference.settings.get(id)!.grading.decimals;

/** The student's values, with the listed steps replaced by their exact value rounded at the required precision. */
function correctedExactly(reference: Reference, own: Lookup<Interval>, corrected: readonly string[]): Lookup<Interval> {
  return {
    param: own.param,
    ref: (id) => {
      if (!corrected.includes(id)) return own.ref(id);
      const half = carriedHalf(reference, id);
      const exact = reference.values.get(id)!;
      return { lo: exact - half, hi: exact + half };
    },
  };
}

/** The student's values, with the listed steps replaced by what their formula gives on the student's own earlier values, rounded. */
function correctedOnOwn({ reference, own, winners }: Marking, corrected: readonly string[]): Lookup<Interval> {
  return {
    param: own.param,
    ref: (id) => {
      if (!corrected.includes(id)) return own.ref(id);
      const half = carriedHalf(reference, id);
      const right = possibleIntervals(underWinners(reference.graph.byId.get(id)!.expr, winners), own).reduce(hull);
      return { lo: right.lo - half, hi: right.hi + half };
    },
  };
}
