/** Bytes of one submitted file -> its GradeResult; a file that cannot be read still gives a result. */
import { isIngestError } from '../ingest/errors.js';
import type { LabelMatcher } from '../ingest/labels.js';
import type { IngestLimits } from '../ingest/limits.js';
import { readSubmission } from '../ingest/read.js';
import { stepLabelMatcher } from '../ingest/rubric-labels.js';
import { studentFromFileName } from '../ingest/student.js';
import { gradeSubmission, unreadableFile, type Reference } from './grade.js';
import type { Grader } from './grader.js';
import type { GradeResult } from './result.js';

/**
 * Grades one file's bytes.
 *
 * @example
 * const result = gradeFile(reference, match, bytes, '2023123456_张三.xlsx');
 * result.score; result.steps.find((s) => s.id === 'coef_c5')?.status; // 'follow-through'
 */
export function gradeFile(
  reference: Reference,
  match: LabelMatcher,
  bytes: Uint8Array,
  file: string,
  limits: Partial<IngestLimits> = {},
): GradeResult {
  try {
    return gradeSubmission(reference, readSubmission(bytes, file, match, limits));
  } catch (error) {
    if (!isIngestError(error)) throw error;
    return unreadableFile(reference, file, studentFromFileName(file), error.note);
  }
}

/**
 * The grader of a prepared reference. Without `match`, the reference's own labels (checked when its
 * rubric was compiled, maybe in another thread: a reading worker gets the main thread's reference).
 */
export function graderOf(reference: Reference, match: LabelMatcher = stepLabelMatcher(reference.graph, reference.rubric.aliases)): Grader {
  return { reference, grade: (bytes, fileName, limits) => gradeFile(reference, match, bytes, fileName, limits) };
}
