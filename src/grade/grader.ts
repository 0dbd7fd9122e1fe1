/** The library's front door: a rubric once, then any number of submitted files, each to a GradeResult. */
import type { IngestLimits } from '../ingest/limits.js';
import { graderOf } from './grade-file.js';
import { prepareRubric } from './prepare.js';
import type { Reference } from './reference.js';
import type { GradeResult } from './result.js';

export interface Grader {
  readonly reference: Reference;
  /** Grades one file's bytes; a file that cannot be read gives a result whose `error` says why. */
  grade(bytes: Uint8Array, fileName: string, limits?: Partial<IngestLimits>): GradeResult;
}

/**
 * Compiles a rubric (throws a RubricError listing every problem) and returns its grader.
 *
 * @example
 * const grader = createGrader(readFileSync('rubrics/seed-cnn.yaml', 'utf8'), 'seed-cnn.yaml');
 * const result = grader.grade(readFileSync('2023123456_张三.xlsx'), '2023123456_张三.xlsx');
 * result.score; // 85
 */
export function createGrader(rubricText: string, rubricFile: string): Grader {
  const { reference, match } = prepareRubric(rubricText, rubricFile);
  return graderOf(reference, match);
}
