/** One submission against the reference graph: a verdict, points and a message for every step. */
import type { Lookup } from '../engine/exact.js';
import { refsOf } from '../engine/expr.js';
import type { Step } from '../engine/graph.js';
import { point, type Interval } from '../engine/interval.js';
import { english, msg, type Said } from '../i18n/index.js';
import { problemNote } from '../ingest/problems.js';
import type { Answer, Submission } from '../ingest/types.js';
import { diagnose } from './diagnose.js';
import { explainedBy } from './follow-through.js';
import type { Reference } from './reference.js';
import type { GradeResult, SectionScore, Status, StepResult } from './result.js';
import { isCorrect, writtenInterval } from './tolerance.js';

export { prepareReference, type Reference } from './reference.js';

/** What grading reads of a submission (its format does not matter here). */
export type Graded = Pick<Submission, 'file' | 'student' | 'answers' | 'problems'>;

export function gradeSubmission(reference: Reference, submission: Graded): GradeResult {
  const { graph } = reference;
  const own = ownValues(reference, submission);
  const statuses = new Map<string, Status>();
  const steps = graph.steps.map((step) => {
    const result = gradeStep(reference, step, submission.answers.get(step.id), own, statuses);
    statuses.set(step.id, result.status);
    return result;
  });
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

/** A file that could not be read at all: every step missing, and why. */
export function unreadableFile(reference: Reference, file: string, student: GradeResult['student'], error: Said | string): GradeResult {
  const result = gradeSubmission(reference, { file, student, answers: new Map(), problems: [] });
  return { ...result, error: english(error), notes: { problems: [], error } };
}

function totals(steps: readonly StepResult[]): Pick<SectionScore, 'score' | 'maxScore'> {
  return { score: steps.reduce((a, s) => a + s.points, 0), maxScore: steps.reduce((a, s) => a + s.maxPoints, 0) };
}

/** The student's values as intervals; a step they did not give reads as its exact value. */
function ownValues(reference: Reference, submission: Graded): Lookup<Interval> {
  const intervals = new Map<string, Interval>();
  for (const [id, answer] of submission.answers) {
    const settings = reference.settings.get(id);
    if (answer.value.kind === 'number' && settings) intervals.set(id, writtenInterval(answer.value, settings.grading));
  }
  return {
    param: (name) => point(reference.graph.params.get(name)!),
    ref: (id) => intervals.get(id) ?? point(reference.values.get(id)!),
  };
}

function gradeStep(reference: Reference, step: Step, answer: Answer | undefined, own: Lookup<Interval>, statuses: ReadonlyMap<string, Status>): StepResult {
  const { grading, maxPoints } = reference.settings.get(step.id)!;
  const expected = reference.values.get(step.id)!;
  const base = { id: step.id, expected, maxPoints, diagnosis: null, cell: answer ? `${answer.sheet}!${answer.valueCell}` : null, from: [] };
  const value = answer?.value ?? { kind: 'empty' as const };
  switch (value.kind) {
    case 'empty':
      return { ...base, status: 'missing', submitted: null, raw: '', points: 0, ...noted(msg('grade.missing')) };
    case 'unreadable': {
      const note = msg('grade.unreadable', { raw: value.raw, reason: value.note ?? value.reason });
      return { ...base, status: 'unreadable', submitted: null, raw: value.raw, points: 0, ...noted(note) };
    }
    case 'number':
      break;
  }
  const written = { ...base, submitted: value.value, raw: value.raw };
  if (isCorrect(expected, value, grading)) return { ...written, status: 'correct', points: maxPoints, ...noted(msg('grade.correct')) };
  const claimed = writtenInterval(value, grading);
  const refs = refsOf(step.expr);
  const followThrough = (note: Said, from: string[]): StepResult =>
    ({ ...written, status: 'follow-through', points: maxPoints * grading.followThrough, ...noted(note), from });
  if (explainedBy(step.expr, own, claimed)) {
    const from = refs.filter((id) => statuses.get(id) === 'incorrect' || statuses.get(id) === 'follow-through');
    return followThrough(from.length > 0 ? msg('grade.fromYourValues', { steps: from }) : msg('grade.withinRounding'), from);
  }
  // A slip in writing an earlier value down, while the right one was carried on: the step is right.
  const wrong = refs.filter((id) => statuses.get(id) === 'incorrect');
  if (wrong.length > 0 && explainedBy(step.expr, withCorrected(reference, own, wrong), claimed)) {
    return followThrough(msg('grade.fromRightValues', { steps: wrong }), wrong);
  }
  const diagnosis = diagnose(reference, step, value, own, grading);
  if (diagnosis === null) {
    return { ...written, status: 'incorrect', points: 0, ...noted(msg('grade.incorrect')) };
  }
  // A diagnosis costs nothing by itself; the rubric may give back a share of the points for it.
  const credit = grading.diagnosisCredit[diagnosis.code] ?? 0;
  return { ...written, status: 'incorrect', points: maxPoints * credit, diagnosis: diagnosis.code, ...noted(diagnosis.note) };
}

/** A step's message in English, and the note that says it in any language. */
const noted = (note: Said): Pick<StepResult, 'message' | 'note'> => ({ message: english(note), note });

/** The student's values, with the listed steps replaced by their exact value rounded at the required precision. */
function withCorrected(reference: Reference, own: Lookup<Interval>, corrected: readonly string[]): Lookup<Interval> {
  return {
    param: own.param,
    ref: (id) => {
      if (!corrected.includes(id)) return own.ref(id);
      const half = 0.5 * 10 ** -reference.settings.get(id)!.grading.decimals;
      const exact = reference.values.get(id)!;
      return { lo: exact - half, hi: exact + half };
    },
  };
}
