import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeFile } from '../../src/grade/grade-file.js';
import type { GradeResult } from '../../src/grade/result.js';
import { createLabelMatcher } from '../../src/ingest/labels.js';
import { seedReference } from '../support/submissions.js';

const reference = seedReference();
const match = createLabelMatcher(reference.graph.steps.map((s) => s.id), reference.rubric.aliases);
const grade = (name: string) => {
  const path = `submissions/${name}`;
  return gradeFile(reference, match, readFileSync(new URL(`../../${path}`, import.meta.url)), path);
};
const ids = (result: GradeResult, status: string) => result.steps.filter((s) => s.status === status).map((s) => s.id);

describe('the bundled example submissions', () => {
  it('gives the perfect one full marks', () => {
    const result = grade('2023000002_李四.xlsx');
    expect(result.student).toEqual({ id: '2023000002', name: '李四' });
    expect(ids(result, 'correct')).toHaveLength(91);
  });

  it('gives the one rounded by hand at every step full marks', () => {
    const result = grade('2023000003_王五.xlsx');
    expect(result.score).toBe(result.maxScore);
    expect(ids(result, 'follow-through').length).toBeGreaterThan(0);
  });

  describe('the transcribed handwritten solution', () => {
    const result = grade('2023000001_王晓东.xlsx');

    it('marks its slips incorrect', () => {
      // See submissions/sources/hand-solution.md for each slip.
      const slips = ['out_c6', 'out_p1', 'out_p2', 'out_o1', 'coef_o1', 'w1_new', 'w2_new', 'w5_new', 'coef_c4'];
      for (const id of slips) expect(ids(result, 'incorrect')).toContain(id);
    });

    it('accepts its correct-but-rounded steps', () => {
      for (const id of ['out_pp1', 'out_pp2', 'out_pp3', 'KK13_new']) expect(ids(result, 'follow-through')).toContain(id);
      expect(result.steps.find((s) => s.id === 'out_pp1')!.message).toBe('within rounding of your own earlier values');
    });

    it('accepts steps computed from the right value where the written one was a slip', () => {
      const k22 = result.steps.find((s) => s.id === 'k22_new')!;
      expect(k22.status).toBe('follow-through');
      expect(k22.from).toEqual(['coef_c4']);
      expect(k22.message).toContain('right value of coef_c4');
    });

    it('marks what it never wrote missing', () => {
      expect(ids(result, 'missing')).toEqual(expect.arrayContaining(['in_cc1', 'in_c1', 'bo1_new', 'bo2_new']));
    });
  });
});
