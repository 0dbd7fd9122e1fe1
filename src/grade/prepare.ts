/**
 * Rubric text -> what grading needs that does not depend on a submission, its labels checked. No
 * reading code here: a thread that only prepares (the CLI's main thread) never loads SheetJS.
 */
import { compileRubric } from '../engine/compile.js';
import type { LabelMatcher } from '../ingest/labels.js';
import { rubricLabelMatcher } from '../ingest/rubric-labels.js';
import { prepareReference, type Reference } from './reference.js';

export interface PreparedRubric {
  readonly reference: Reference;
  readonly match: LabelMatcher;
}

/** Compiles a rubric (throws a RubricError listing every problem, label collisions included). */
export function prepareRubric(rubricText: string, rubricFile: string): PreparedRubric {
  const { loaded, graph } = compileRubric(rubricText, rubricFile);
  const reference = prepareReference(loaded.rubric, graph);
  return { reference, match: rubricLabelMatcher(loaded, graph) };
}
