/** Submissions built in memory (no spreadsheet), for grading tests. */
import { readFileSync } from 'node:fs';
import { compileRubric } from '../../src/engine/compile.js';
import { evaluateGraph } from '../../src/engine/evaluate.js';
import type { Graph } from '../../src/engine/graph.js';
import { prepareReference, type Reference } from '../../src/grade/reference.js';
import type { Answer, Submission } from '../../src/ingest/types.js';
import type { Rubric } from '../../src/rubric/schema.js';

export const roundTo = (decimals: number) => (x: number) => Number(x.toFixed(decimals));

export function referenceFor(rubric: Rubric, graph: Graph): Reference {
  return prepareReference(rubric, graph);
}

export function seedReference(): Reference {
  const text = readFileSync(new URL('../../rubrics/seed-cnn.yaml', import.meta.url), 'utf8');
  const { loaded, graph } = compileRubric(text, 'rubrics/seed-cnn.yaml');
  return referenceFor(loaded.rubric, graph);
}

/** Every value written with `decimals` decimals (as toFixed writes it). */
export function submissionOf(values: ReadonlyMap<string, number>, decimals: number, file = 'memory.xlsx'): Submission {
  const answers = new Map<string, Answer>();
  let row = 1;
  for (const [id, value] of values) {
    row++;
    const raw = value.toFixed(decimals);
    answers.set(id, {
      stepId: id, label: id, sheet: 'Answers', labelCell: `A${row}`, valueCell: `C${row}`,
      value: { kind: 'number', value: Number(raw), decimals, raw },
    });
  }
  return { file, format: 'xlsx', student: { id: null, name: null }, answers, problems: [] };
}

/** Replaces one answer by `raw` as the student wrote it (its decimals as written). */
export function writeAs(submission: Submission, id: string, raw: string): void {
  const answer = submission.answers.get(id);
  if (answer === undefined) throw new Error(`no answer for ${id}`);
  const decimals = raw.split('.')[1]?.length ?? 0;
  submission.answers.set(id, { ...answer, value: { kind: 'number', value: Number(raw), decimals, raw } });
}

/** A hand solution: each step computed from the earlier steps' rounded values, then rounded. */
export function handRounded(
  graph: Graph,
  decimals: number,
  params: Record<string, number> = {},
  given: ReadonlyMap<string, number> = new Map(),
): Map<string, number> {
  return evaluateGraph(graph, { round: roundTo(decimals), params, given });
}
