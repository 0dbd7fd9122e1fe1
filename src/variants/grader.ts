/**
 * Grading with per-student numbers: each submission against its own student's variant. The
 * student is found as grading finds them anywhere (the template's id field, else the file name);
 * a file with no id, or an id with no variant, is graded against nothing: every step missing and
 * an error saying why, so that it is listed with the files that could not be read.
 */
import { gradeSubmission, unreadableFile } from '../grade/grade.js';
import type { Grader } from '../grade/grader.js';
import type { Reference } from '../grade/reference.js';
import type { GradeResult } from '../grade/result.js';
import { msg } from '../i18n/index.js';
import { isIngestError } from '../ingest/errors.js';
import { stepLabelMatcher } from '../ingest/rubric-labels.js';
import { ingestProblem } from '../ingest/problems.js';
import { readSubmission } from '../ingest/read.js';
import { studentFromFileName } from '../ingest/student.js';
import { variantKey } from './key.js';
import { variantReference, variantStepValues } from './draw.js';
import type { VariantPlan } from './plan.js';

/** Each student's values, by `variantKey(id)`. */
export type VariantValues = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * A Grader whose `grade` picks the student's variant; `reference` stays the base rubric's (its
 * step ids, sections and points are every variant's). References are prepared once per variant.
 *
 * @example
 * const grader = createVariantGrader(createGrader(text, file), plan, parseVariantsCsv(csv, 'variants.csv', plan).byId);
 * grader.grade(bytes, '2023000001_王晓东.xlsx').steps[0].expected; // that student's in_cc1
 */
export interface VariantGrader extends Grader {
  /** The reference a result of `grade` was graded against (its student's numbers, for their report), in any thread. */
  referenceOf(result: GradeResult): Reference;
  /** Every pinned student's right values, by `variantKey(id)` then step id (for the signals of copied work). */
  expectedByStudent(): ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** With per-student numbers, every student's right values; otherwise undefined. */
export function expectedByStudent(grader: Grader): ReadonlyMap<string, ReadonlyMap<string, number>> | undefined {
  return 'expectedByStudent' in grader ? (grader as VariantGrader).expectedByStudent() : undefined;
}

/** The reference `result` was graded against: its student's variant's, or the rubric's own. */
export function referenceOfResult(grader: Grader, result: GradeResult): Reference {
  return 'referenceOf' in grader ? (grader as VariantGrader).referenceOf(result) : grader.reference;
}

export interface VariantGraderOptions {
  /** Grade every file against this student's numbers, whatever id the file gives (`check --id`, the page's id field). */
  readonly studentId?: string | undefined;
}

/** The base rubric's labels (its loss read from 损失 and the like, as createGrader reads them). */
const matcherOf = (base: Grader) => stepLabelMatcher(base.reference.graph, base.reference.rubric.aliases);

/** The student id a file gives (the template's field, else its name), null when it gives none, undefined when it cannot be read. */
export function studentIdOf(base: Grader, bytes: Uint8Array, file: string, limits = {}): string | null | undefined {
  try {
    return readSubmission(bytes, file, matcherOf(base), limits).student.id;
  } catch (error) {
    if (!isIngestError(error)) throw error;
    return undefined;
  }
}

export function createVariantGrader(base: Grader, plan: VariantPlan, variants: VariantValues, options: VariantGraderOptions = {}): VariantGrader {
  const match = matcherOf(base);
  const references = new Map<string, Reference>();
  const referenceFor = (values: ReadonlyMap<string, number>): Reference => {
    const key = JSON.stringify([...values]);
    let reference = references.get(key);
    if (reference === undefined) references.set(key, (reference = variantReference(plan, values)));
    return reference;
  };
  const grade = (bytes: Uint8Array, file: string, limits = {}): GradeResult => {
    let submission;
    try {
      submission = readSubmission(bytes, file, match, limits);
    } catch (error) {
      if (!isIngestError(error)) throw error;
      return unreadableFile(base.reference, file, studentFromFileName(file), error.detail);
    }
    const id = options.studentId ?? submission.student.id;
    const student = { ...submission.student, id };
    const given = submission.student.id;
    // The score is the asked id's; the student and the TA should still see that the file names someone else.
    const problems = id !== null && given !== null && variantKey(id) !== variantKey(given)
      ? [...submission.problems, ingestProblem('student-mismatch', msg('variants.gradedAsAsked', { id, fileId: given }))]
      : submission.problems;
    const values = id === null ? undefined : variants.get(variantKey(id));
    if (values === undefined) {
      const why = id === null ? msg('variants.noStudentId') : msg('variants.unknownStudent', { id });
      return unreadableFile(base.reference, file, student, why);
    }
    return gradeSubmission(referenceFor(values), { ...submission, student, problems });
  };
  // Found from the result's student (the id it was graded as), not remembered: a result graded in a
  // worker thread is a copy.
  const referenceOf = (result: GradeResult): Reference => {
    const values = result.error !== null || result.student.id === null ? undefined : variants.get(variantKey(result.student.id));
    return values === undefined ? base.reference : referenceFor(values);
  };
  const expectedByStudent = () => new Map([...variants].map(([id, values]) => [id, variantStepValues(plan, values)]));
  return { reference: base.reference, grade, referenceOf, expectedByStudent };
}
