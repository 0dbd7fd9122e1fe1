/**
 * The shipped rubrics of issue 10 end to end, through real spreadsheet bytes: the template filled
 * with a hand-rounded solution is read back (every 2-D and batch id found by its label) and
 * graded 100%; one slip is found and named at its cell.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRubric } from '../../src/engine/compile.js';
import { evaluateGraph } from '../../src/engine/evaluate.js';
import { gradeFile } from '../../src/grade/grade-file.js';
import { prepareReference } from '../../src/grade/reference.js';
import { createLabelMatcher } from '../../src/ingest/labels.js';
import { templateWorkbook } from '../../src/report/template.js';

function load(name: string) {
  const file = `rubrics/${name}.yaml`;
  const { loaded, graph } = compileRubric(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'), file);
  const reference = prepareReference(loaded.rubric, graph);
  const match = createLabelMatcher(graph.steps.map((s) => s.id), loaded.rubric.aliases);
  return { reference, match, rubric: loaded.rubric, decimals: loaded.rubric.grading.decimals };
}

describe.each(['cnn2d', 'cnn2d-channels', 'mlp-batch2', 'mazur-mlp'])('%s through a filled template', (name) => {
  const { reference, match, rubric, decimals } = load(name);
  const hand = evaluateGraph(reference.graph, { round: (x) => Number(x.toFixed(decimals)) });
  const fill = (answers: Map<string, string>) =>
    templateWorkbook(rubric, reference.graph, { filled: { student: { id: '2023000042', name: '张三' }, answers } });

  it('reads every step back and gives a hand-rounded solution 100%', () => {
    const answers = new Map([...hand].map(([id, v]) => [id, v.toFixed(decimals)]));
    const result = gradeFile(reference, match, fill(answers), `${name}.xlsx`);
    expect(result.error).toBeNull();
    expect(result.steps.filter((s) => s.status === 'missing' || s.status === 'unreadable').map((s) => s.id)).toEqual([]);
    expect(result.score).toBe(result.maxScore);
  });

  it('finds one slip, and only that one, at its cell', () => {
    const slip = reference.graph.steps.find((s) => s.kind === 'pre-activation')!.id;
    const answers = new Map([...hand].map(([id, v]) => [id, (id === slip ? v + 0.5 : v).toFixed(decimals)]));
    const result = gradeFile(reference, match, fill(answers), `${name}.xlsx`);
    expect(result.steps.filter((s) => s.status === 'incorrect').map((s) => s.id)).toEqual([slip]);
    expect(result.steps.find((s) => s.id === slip)!.cell).toMatch(/^Answers!C\d+$/);
  });
});
