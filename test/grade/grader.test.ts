import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGrader, isRubricError } from '../../src/index.js';

const rubric = readFileSync(new URL('../../rubrics/seed-cnn.yaml', import.meta.url), 'utf8');

describe('the library API', () => {
  it('grades bytes to a value, with no process, console or files involved', () => {
    const grader = createGrader(rubric, 'seed-cnn.yaml');
    const bytes = readFileSync(new URL('../../submissions/2023000002_李四.xlsx', import.meta.url));
    const result = grader.grade(bytes, '2023000002_李四.xlsx');
    expect(result).toMatchObject({ score: 91, maxScore: 91, error: null, student: { id: '2023000002', name: '李四' } });
    expect(grader.grade(new Uint8Array(), 'x.xlsx').error).toBe('empty file');
  });

  it('throws one RubricError for a broken rubric', () => {
    let caught: unknown;
    try {
      createGrader(rubric.replace('learningRate: 0.7', 'learningRate: fast'), 'broken.yaml');
    } catch (error) {
      caught = error;
    }
    expect(isRubricError(caught)).toBe(true);
    expect(String(caught)).toMatch(/broken\.yaml:\d+:\d+: learningRate: expected number/);
  });
});
