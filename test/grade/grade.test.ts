import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRubric } from '../../src/engine/compile.js';
import { refsOf } from '../../src/engine/expr.js';
import type { Graph } from '../../src/engine/graph.js';
import { buildNetwork } from '../../src/engine/network.js';
import { gradeSubmission } from '../../src/grade/grade.js';
import type { GradeResult } from '../../src/grade/result.js';
import { allowedError } from '../../src/grade/tolerance.js';
import { arbNetwork } from '../support/networks.js';
import { handRounded, referenceFor, seedReference, submissionOf } from '../support/submissions.js';

const statusOf = (result: GradeResult, id: string) => result.steps.find((s) => s.id === id)!.status;
const leaves = (graph: Graph) => {
  const read = new Set(graph.steps.flatMap((s) => refsOf(s.expr)));
  return graph.steps.filter((s) => !read.has(s.id)).map((s) => s.id);
};

describe('grading the seed homework', () => {
  const reference = seedReference();

  it.each([3, 4, 6, 10])('gives full marks to the exact values written with %i decimals', (decimals) => {
    const result = gradeSubmission(reference, submissionOf(reference.values, decimals));
    expect(result.score).toBe(result.maxScore);
    expect(result.steps.every((s) => s.status === 'correct')).toBe(true);
  });

  it('gives full marks to a solution rounded by hand at every step, naming the drift follow-through', () => {
    const result = gradeSubmission(reference, submissionOf(handRounded(reference.graph, 3), 3));
    expect(result.score).toBe(result.maxScore);
    expect(result.steps.every((s) => s.status === 'correct' || s.status === 'follow-through')).toBe(true);
    // out_pp1 = (0.646 + 0.659)/2 = 0.6525 -> 0.653 by hand, 0.652 exactly: honest drift.
    expect(statusOf(result, 'out_pp1')).toBe('follow-through');
    expect(result.steps.find((s) => s.id === 'out_pp1')!.message).toMatch(/rounding/);
  });

  it('keeps the steps after one wrong value as follow-through, naming it', () => {
    // The student averages out_cc1 and out_cc2 wrongly (0.700); every later step is computed from it.
    const forced = handRounded(reference.graph, 3, {}, new Map([['out_pp1', 0.7]]));
    const result = gradeSubmission(reference, submissionOf(forced, 3));
    expect(statusOf(result, 'out_pp1')).toBe('incorrect');
    for (const id of ['in_c1', 'in_c3', 'out_c1', 'out_p1', 'in_o1', 'out_o1', 'loss', 'coef_o1', 'w1_new', 'KK11_new']) {
      expect(statusOf(result, id)).toBe('follow-through');
    }
    expect(result.steps.find((s) => s.id === 'in_c1')!.message).toBe('correct from your value of out_pp1');
    expect(result.steps.filter((s) => s.status === 'incorrect').map((s) => s.id)).toEqual(['out_pp1']);
  });

  it('marks a missing step missing and an unreadable one unreadable, and the rest still grade', () => {
    const submission = submissionOf(reference.values, 4);
    submission.answers.delete('loss');
    const answer = submission.answers.get('coef_c5')!;
    submission.answers.set('coef_c5', { ...answer, value: { kind: 'unreadable', raw: 'abc', reason: 'not a number' } });
    const result = gradeSubmission(reference, submission);
    expect(statusOf(result, 'loss')).toBe('missing');
    expect(statusOf(result, 'coef_c5')).toBe('unreadable');
    expect(result.steps.find((s) => s.id === 'coef_c5')!.message).toContain('abc');
    expect(result.score).toBe(result.maxScore - 2);
    // Steps after a missing or unreadable value are graded on the exact value in its place.
    expect(statusOf(result, 'k31_new')).toBe('correct');
  });

  it('reads a value with too few decimals at the required precision', () => {
    const submission = submissionOf(reference.values, 6);
    const set = (id: string, raw: string) => {
      const a = submission.answers.get(id)!;
      submission.answers.set(id, { ...a, value: { kind: 'number', value: Number(raw), decimals: raw.split('.')[1]?.length ?? 0, raw } });
    };
    set('coef_c2', '0'); // exactly 0: right at any precision
    set('out_c5', '0.75'); // 0.74977: right at 3 decimals (0.750)
    set('out_o1', '0.8'); // 0.82324: wrong at 3 decimals
    const result = gradeSubmission(reference, submission);
    expect(statusOf(result, 'coef_c2')).toBe('correct');
    expect(statusOf(result, 'out_c5')).toBe('correct');
    expect(statusOf(result, 'out_o1')).not.toBe('correct');
  });
});

describe('grading random networks', () => {
  const build = (rubric: Parameters<typeof buildNetwork>[0]) => {
    const built = buildNetwork(rubric);
    if (!built.ok) throw new Error('generator made an invalid network');
    return referenceFor(rubric, built.graph);
  };

  it('gives 100% to the exact answers rounded to any d ≥ the required decimals', () => {
    fc.assert(
      fc.property(arbNetwork({ values: 'homework' }), fc.integer({ min: 3, max: 8 }), (rubric, decimals) => {
        const reference = build(rubric);
        const result = gradeSubmission(reference, submissionOf(reference.values, decimals));
        expect(result.steps.filter((s) => s.status !== 'correct')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('gives 100% to a hand-rounded solution, every step correct or follow-through', () => {
    fc.assert(
      fc.property(arbNetwork({ values: 'homework' }), fc.integer({ min: 3, max: 5 }), (rubric, decimals) => {
        const reference = build(rubric);
        const result = gradeSubmission(reference, submissionOf(handRounded(reference.graph, decimals), decimals));
        expect(result.steps.filter((s) => s.status !== 'correct' && s.status !== 'follow-through').map((s) => s.id)).toEqual([]);
        expect(result.score).toBe(result.maxScore);
      }),
      { numRuns: 150 },
    );
  });

  it('gives 100% where an output of target 0 rounds to 0: its term t·ln(out) is 0, not 0·(−∞)', () => {
    // fast-check seed 106493347: softmax outputs 0.999, 0.001, 0.000 for targets 1, 0, 0.
    const rubric = JSON.parse(readFileSync(new URL('../fixtures/zero-output.json', import.meta.url), 'utf8'));
    const reference = build(rubric);
    const hand = handRounded(reference.graph, 3);
    expect(hand.get('out_d2_3')).toBe(0);
    expect(hand.get('loss')).toBe(0.001);
    const result = gradeSubmission(reference, submissionOf(hand, 3));
    expect(result.steps.filter((s) => s.status !== 'correct' && s.status !== 'follow-through').map((s) => s.id)).toEqual([]);
    expect(result.score).toBe(result.maxScore);
  });

  it('marks a value just outside the tolerance incorrect and one just inside correct', () => {
    fc.assert(
      fc.property(arbNetwork({ values: 'homework' }), fc.nat(), fc.boolean(), (rubric, pick, up) => {
        const reference = build(rubric);
        const ids = leaves(reference.graph);
        const id = ids[pick % ids.length]!;
        const expected = reference.values.get(id)!;
        // Only this step answered: every earlier value reads as its exact value (earlier values
        // written with more decimals than asked may have been carried at the decimals asked).
        const submission = submissionOf(new Map([[id, expected]]), 12);
        const written = { value: 0, decimals: 3 };
        const tolerance = allowedError(expected, written, rubric.grading);
        const set = (value: number) => {
          const a = submission.answers.get(id)!;
          submission.answers.set(id, { ...a, value: { kind: 'number', value, decimals: 3, raw: String(value) } });
          return statusOf(gradeSubmission(reference, submission), id);
        };
        const sign = up ? 1 : -1;
        expect(set(expected + sign * tolerance * 0.98)).toBe('correct');
        expect(set(expected + sign * (tolerance * 1.02 + 1e-9) + sign * 1e-6 * Math.abs(expected))).toBe('incorrect');
      }),
      { numRuns: 200 },
    );
  });
});

describe('settings per group of steps', () => {
  it('lets a section ask for more decimals, a wider tolerance, and more points', () => {
    const text = readFileSync(new URL('../../rubrics/seed-cnn.yaml', import.meta.url), 'utf8').replace(
      '  followThrough: 1 ',
      '  groups:\n    "CC · backward": { decimals: 5, points: 2 }\n    FC: { tolerance: { atol: 0.01 } }\n  followThrough: 1 ',
    );
    const { loaded, graph } = compileRubric(text, 'groups.yaml');
    const reference = referenceFor(loaded.rubric, graph);
    const submission = submissionOf(reference.values, 3);
    const result = gradeSubmission(reference, submission);
    const step = (id: string) => result.steps.find((s) => s.id === id)!;
    // 3 decimals where 5 are asked for: read at 5, so a value rounded to 3 is no longer correct.
    expect(step('coef_cc1').status).not.toBe('correct');
    expect(step('coef_cc1').maxPoints).toBe(2);
    expect(step('coef_pp1').maxPoints).toBe(1);
    // FC (both phases) accepts ±0.01 more.
    const shifted = submissionOf(new Map([...reference.values].map(([id, v]) => [id, id === 'w1_new' || id === 'coef_p1' ? v + 0.008 : v])), 4);
    const graded = gradeSubmission(reference, shifted);
    expect(graded.steps.find((s) => s.id === 'w1_new')!.status).toBe('correct');
    expect(graded.steps.find((s) => s.id === 'coef_p1')!.status).not.toBe('correct');
  });

  it('rejects a group that names no layer or section', () => {
    const text = readFileSync(new URL('../../rubrics/seed-cnn.yaml', import.meta.url), 'utf8').replace(
      '  followThrough: 1 ',
      '  groups:\n    "CC backward": { decimals: 5 }\n  followThrough: 1 ',
    );
    expect(() => compileRubric(text, 'groups.yaml')).toThrow(/grading\.groups\.CC backward: no layer or section is called "CC backward"/);
  });
});
