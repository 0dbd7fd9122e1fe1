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

    it('names the mistake in each slip where one fits', () => {
      const diagnoses = Object.fromEntries(result.steps.filter((s) => s.status === 'incorrect').map((s) => [s.id, s.diagnosis]));
      expect(diagnoses).toEqual({
        in_cc6: null, // OCR-unclear readings, not slips: nothing fits
        in_cc7: null,
        out_c6: 'wrong-input', // out_c5 written twice: σ(in_c5) for σ(in_c6)
        out_p1: 'digit-slip', // 0.588 for 0.558
        out_p2: null, // out_pp4 copied from the same column: no rule fits
        out_o1: 'digit-slip', // 0.813 for 0.823
        coef_o1: 'rounding', // −0.17: −0.177 cut off at 2 decimals
        w1_new: 'digit-slip', // 0.189 for 0.169
        w2_new: 'digit-slip', // 0.235 for 0.255
        w5_new: 'digit-slip', // −0.235 for −0.255
        coef_c4: 'digit-slip', // −0.012 for −0.022
      });
      expect(result.steps.find((s) => s.id === 'out_c6')!.message).toContain('in_c5 in place of in_c6');
      expect(result.steps.find((s) => s.id === 'coef_o1')!.message).toContain('cut off after 2 decimals');
      expect(result.steps.find((s) => s.id === 'w1_new')!.message).toContain('the second decimal');
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
