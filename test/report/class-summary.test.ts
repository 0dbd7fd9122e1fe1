import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeFile } from '../../src/grade/grade-file.js';
import type { GradeReport, GradeResult, Status, StepResult } from '../../src/grade/result.js';
import { createLabelMatcher } from '../../src/ingest/labels.js';
import { classSummary } from '../../src/report/class-summary.js';
import { seedReference } from '../support/submissions.js';

/** A result by hand: each step worth one point, credited when correct or follow-through. */
function resultOf(file: string, steps: readonly (readonly [string, Status, StepResult['diagnosis']?])[], error: string | null = null): GradeResult {
  const stepResults = steps.map(([id, status, diagnosis]): StepResult => ({
    id, status, diagnosis: diagnosis ?? null,
    submitted: null, raw: '', expected: 0, message: '', cell: null, from: [],
    points: status === 'correct' || status === 'follow-through' ? 1 : 0, maxPoints: 1,
  }));
  const score = stepResults.reduce((sum, s) => sum + s.points, 0);
  return {
    file, student: { id: null, name: null }, score, maxScore: steps.length, steps: stepResults,
    sections: [{ id: 'L · forward', stepIds: steps.map(([id]) => id), score, maxScore: steps.length }],
    problems: [], error,
  };
}

/** A result with `score` of `max`, for the histogram. */
const scored = (score: number, max: number): GradeResult => ({ ...resultOf('s.xlsx', []), score, maxScore: max });

describe('classSummary', () => {
  it('bins scores by tenths of the maximum, exact tenths into the bin they start', () => {
    const report: GradeReport = { rubric: 'r', results: [scored(0, 91), scored(9.1, 91), scored(81.9, 91), scored(90.9, 91), scored(91, 91), scored(45.5, 91), scored(9, 91)] };
    const { histogram } = classSummary(report);
    expect(histogram.map((bin) => [bin.from, bin.to])).toEqual(Array.from({ length: 10 }, (_, i) => [10 * i, 10 * (i + 1)]));
    expect(histogram.map((bin) => bin.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 3]);
  });

  it('gives each step’s shares, hardest first, leaving out files that could not be read', () => {
    const report: GradeReport = {
      rubric: 'r',
      results: [
        resultOf('a.xlsx', [['s1', 'correct'], ['s2', 'incorrect'], ['s3', 'follow-through'], ['s4', 'correct']]),
        resultOf('b.xlsx', [['s1', 'correct'], ['s2', 'missing'], ['s3', 'correct'], ['s4', 'unreadable']]),
        resultOf('c.xlsx', [['s1', 'correct'], ['s2', 'correct'], ['s3', 'incorrect'], ['s4', 'correct']]),
        resultOf('d.xlsx', [['s1', 'correct'], ['s2', 'correct'], ['s3', 'follow-through'], ['s4', 'correct']]),
        resultOf('broken.xlsx', [['s1', 'missing'], ['s2', 'missing'], ['s3', 'missing'], ['s4', 'missing']], 'damaged'),
      ],
    };
    const summary = classSummary(report);
    expect(summary).toMatchObject({ rubric: 'r', files: 5, unreadableFiles: 1 });
    expect(summary.steps.map((s) => s.id)).toEqual(['s2', 's3', 's4', 's1']);
    const [s2, s3] = summary.steps;
    expect(s2!.counts).toEqual({ correct: 2, 'follow-through': 0, incorrect: 1, missing: 1, unreadable: 0 });
    expect(s2!.shares).toEqual({ correct: 0.5, 'follow-through': 0, incorrect: 0.25, missing: 0.25, unreadable: 0 });
    expect(s2!.total).toBe(4);
    // s3 and s4 are both credited 3 of 4 times; s3 has fewer outright correct, so it is harder.
    expect(s3!.shares).toMatchObject({ correct: 0.25, 'follow-through': 0.5 });
    expect(summary.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(4);
    expect(summary.meanPercent).toBeCloseTo((75 + 50 + 75 + 100) / 4, 12);
    expect(summary.medianPercent).toBe(75);
  });

  it('keeps graph order between steps equally hard', () => {
    const report: GradeReport = { rubric: 'r', results: [resultOf('a.xlsx', [['b', 'correct'], ['a', 'correct'], ['c', 'incorrect']])] };
    expect(classSummary(report).steps.map((s) => s.id)).toEqual(['c', 'b', 'a']);
  });

  it('lists the most frequent diagnoses with the steps they occur on', () => {
    const report: GradeReport = {
      rubric: 'r',
      results: [
        resultOf('a.xlsx', [['s1', 'incorrect', 'sign-flip'], ['s2', 'incorrect', 'sign-flip'], ['s3', 'incorrect', 'convention']]),
        resultOf('b.xlsx', [['s1', 'incorrect', 'sign-flip'], ['s2', 'correct'], ['s3', 'incorrect', 'convention']]),
        resultOf('c.xlsx', [['s1', 'incorrect', 'sign-flip'], ['s2', 'incorrect', 'rounding'], ['s3', 'correct']]),
      ],
    };
    const { diagnoses } = classSummary(report);
    expect(diagnoses).toEqual([
      { diagnosis: 'sign-flip', count: 4, steps: [{ id: 's1', count: 3 }, { id: 's2', count: 1 }] },
      { diagnosis: 'convention', count: 2, steps: [{ id: 's3', count: 2 }] },
      { diagnosis: 'rounding', count: 1, steps: [{ id: 's2', count: 1 }] },
    ]);
    expect(classSummary(report, { topDiagnoses: 1 }).diagnoses.map((d) => d.diagnosis)).toEqual(['sign-flip']);
  });

  it('has nothing to say about an empty class', () => {
    const summary = classSummary({ rubric: 'r', results: [] });
    expect(summary).toMatchObject({ files: 0, unreadableFiles: 0, meanPercent: null, medianPercent: null, steps: [], diagnoses: [] });
    expect(summary.histogram.every((bin) => bin.count === 0)).toBe(true);
  });

  it('summarises the bundled example submissions', () => {
    const reference = seedReference();
    const match = createLabelMatcher(reference.graph.steps.map((s) => s.id), reference.rubric.aliases);
    const results = ['2023000001_王晓东.xlsx', '2023000002_李四.xlsx', '2023000003_王五.xlsx'].map((name) =>
      gradeFile(reference, match, readFileSync(new URL(`../../submissions/${name}`, import.meta.url)), `submissions/${name}`));
    const summary = classSummary({ rubric: reference.rubric.id, results });
    expect(summary.histogram[9]!.count).toBeGreaterThanOrEqual(2);
    expect(summary.steps).toHaveLength(reference.graph.steps.length);
    expect(summary.steps.every((s) => s.total === 3)).toBe(true);
    // The handwritten solution's slips are the only steps not everyone got: they come first.
    const hardest = summary.steps.filter((s) => s.shares.correct + s.shares['follow-through'] < 1).map((s) => s.id);
    expect(summary.steps.slice(0, hardest.length).map((s) => s.id)).toEqual(hardest);
    expect(hardest).toEqual(expect.arrayContaining(['coef_c4', 'w1_new', 'in_cc1']));
    // Each diagnosis listed is found on the steps it names, most frequent first.
    const found = results.flatMap((r) => r.steps).filter((s) => s.diagnosis !== null);
    if (summary.diagnoses.length < 10) expect(summary.diagnoses.reduce((sum, d) => sum + d.count, 0)).toBe(found.length);
    for (const d of summary.diagnoses) {
      for (const step of d.steps) expect(found.filter((s) => s.id === step.id && s.diagnosis === d.diagnosis)).toHaveLength(step.count);
    }
    expect(summary.diagnoses.map((d) => d.count)).toEqual([...summary.diagnoses.map((d) => d.count)].sort((a, b) => b - a));
  });
});
