/**
 * The labels a rubric's steps are found by in a student's sheet, checked once for every command
 * (reference, template, grade, check, gradescope): generated step ids that read the same as
 * labels (`in_d1_11` and `in_d11_1` both read `ind111`) make a rubric no student could fill in,
 * so it is refused with exit 2 wherever it is first used, not only when grading.
 */
import type { Graph } from '../engine/graph.js';
import type { LoadedRubric } from '../rubric/load.js';
import type { Rubric } from '../rubric/schema.js';
import { msg } from '../i18n/index.js';
import { problemAt, RubricError } from '../rubric/problems.js';
import { createLabelMatcher, isLabelConflictError, type LabelMatcher } from './labels.js';

export function rubricLabelMatcher(loaded: LoadedRubric, graph: Graph): LabelMatcher {
  try {
    return stepLabelMatcher(graph, loaded.rubric.aliases);
  } catch (error) {
    if (!isLabelConflictError(error)) throw error;
    const problems = error.conflicts.map((c) =>
      problemAt(
        c.ids.some((id) => (loaded.rubric.aliases[id] ?? []).length > 0) ? ['aliases'] : ['layers'],
        msg('rubric.labelConflict', { label: c.key, ids: c.ids }),
      ),
    );
    throw new RubricError(loaded.file, loaded.locate(problems));
  }
}

/** The labels of `graph`'s steps and the rubric's aliases (throws a LabelConflictError). */
export function stepLabelMatcher(graph: Graph, aliases: Rubric['aliases']): LabelMatcher {
  const loss = graph.steps.find((s) => s.kind === 'loss')?.id;
  return createLabelMatcher(graph.steps.map((s) => s.id), aliases, loss === undefined ? {} : { loss });
}
