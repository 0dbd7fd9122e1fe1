/** The library's front door: a rubric once, then any number of submitted files, each to a GradeResult. */
import { compileRubric } from '../engine/compile.js';
import { createLabelMatcher, isLabelConflictError, type LabelMatcher } from '../ingest/labels.js';
import type { IngestLimits } from '../ingest/limits.js';
import { msg } from '../i18n/index.js';
import { problemAt, RubricError } from '../rubric/problems.js';
import { gradeFile } from './grade-file.js';
import { prepareReference, type Reference } from './reference.js';
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
  const { loaded, graph } = compileRubric(rubricText, rubricFile);
  const reference = prepareReference(loaded.rubric, graph);
  let match: LabelMatcher;
  try {
    const loss = graph.steps.find((s) => s.kind === 'loss')?.id;
    match = createLabelMatcher(graph.steps.map((s) => s.id), loaded.rubric.aliases, loss === undefined ? {} : { loss });
  } catch (error) {
    if (!isLabelConflictError(error)) throw error;
    const problems = error.conflicts.map((c) => problemAt(['aliases'], msg('rubric.aliasConflict', { label: c.key, ids: c.ids })));
    throw new RubricError(rubricFile, loaded.locate(problems));
  }
  return { reference, grade: (bytes, fileName, limits) => gradeFile(reference, match, bytes, fileName, limits) };
}
