/** Rubric path -> everything grading needs, built once per run. */
import { compileRubric } from '../engine/compile.js';
import { prepareReference, type Reference } from '../grade/reference.js';
import { createLabelMatcher, isLabelConflictError, type LabelMatcher } from '../ingest/labels.js';
import { RubricError } from '../rubric/problems.js';
import type { Io } from './io.js';
import { readRubricText } from './rubric-file.js';

export interface Prepared {
  readonly reference: Reference;
  readonly match: LabelMatcher;
}

export async function prepare(rubricPath: string, io: Io): Promise<Prepared> {
  const { loaded, graph } = compileRubric(await readRubricText(rubricPath, io), rubricPath);
  const reference = prepareReference(loaded.rubric, graph);
  try {
    return { reference, match: createLabelMatcher(graph.steps.map((s) => s.id), loaded.rubric.aliases) };
  } catch (error) {
    if (!isLabelConflictError(error)) throw error;
    const problems = error.conflicts.map((c) => ({ path: ['aliases'], message: `the label "${c.key}" would name ${c.ids.join(' and ')}` }));
    throw new RubricError(rubricPath, loaded.locate(problems));
  }
}
