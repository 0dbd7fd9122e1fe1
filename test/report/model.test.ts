import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGrader } from '../../src/grade/grader.js';
import { formatNumber } from '../../src/engine/text.js';
import { gradeSubmission } from '../../src/grade/grade.js';
import type { Status } from '../../src/grade/result.js';
import { reportModel } from '../../src/report/model.js';
import { MARKS } from '../../src/report/terminal.js';
import { submissionOf } from '../support/submissions.js';
import { GRADED_AT, gradeExample, reference } from './example.js';

const { graph } = reference;
const result = gradeExample();
const hidden = reportModel(result, graph, { revealExpected: false, gradedAt: GRADED_AT });
const revealed = reportModel(result, graph, { revealExpected: true, gradedAt: GRADED_AT });
const row = (model: typeof hidden, id: string) => model.steps.find((s) => s.id === id)!;

describe('the report model of the transcribed handwritten solution', () => {
  it('has every step in graph order, with the raw text the student wrote', () => {
    expect(hidden.steps.map((s) => s.id)).toEqual(graph.steps.map((s) => s.id));
    expect(row(hidden, 'in_cc6').submitted).toBe('-0.16');
    expect(row(hidden, 'in_cc1').submitted).toBe('');
  });

  it('hides every expected value unless they are revealed', () => {
    expect(hidden.steps.every((s) => s.expected === null)).toBe(true);
    for (const step of revealed.steps) {
      expect(step.expected).toBe(formatNumber(result.steps.find((s) => s.id === step.id)!.expected, 5));
    }
    expect(row(revealed, 'out_c6').expected).toBe('0.7039');
  });

  it('marks each step by its status: ✓ ↻ ✗ –', () => {
    for (const step of hidden.steps) expect(step.mark).toBe(MARKS[step.status]);
    expect([row(hidden, 'out_cc1').mark, row(hidden, 'out_pp1').mark, row(hidden, 'out_c6').mark, row(hidden, 'in_cc1').mark])
      .toEqual(['✓', '↻', '✗', '–']);
    expect(row(hidden, 'k22_new').message).toContain('right value of coef_c4');
  });

  it("substitutes the student's own numbers into each formula", () => {
    // in_cc6 was written −0.16 (the exact value is −0.3): out_cc6's formula shows what the student used.
    expect(row(hidden, 'out_cc6').symbolic).toBe('σ(in_cc6)');
    expect(row(hidden, 'out_cc6').substituted).toBe('σ(−0.16)');
    // coef_o1 was written −0.17 (exactly −0.1768) and w1 is a given 0.1.
    expect(row(hidden, 'w1_new').substituted).toBe('0.1 − 0.7 · (−0.17) · 0.588');
  });

  it('never shows an expected value through a formula that reads a step the student left out', () => {
    expect(row(hidden, 'out_cc1')).toMatchObject({ substituted: null, notGiven: ['in_cc1'] });
    // Revealed, the missing in_cc1 reads as its exact value, 0.6.
    expect(row(revealed, 'out_cc1')).toMatchObject({ substituted: 'σ(0.6)', notGiven: ['in_cc1'] });
  });

  it('gives every section its subtotal and counts', () => {
    expect(hidden.sections.map((s) => s.id)).toEqual(graph.sections.map((s) => s.id));
    for (const section of hidden.sections) {
      const steps = result.steps.filter((s) => graph.sections.find((g) => g.id === section.id)!.stepIds.includes(s.id));
      const score = steps.reduce((total, s) => total + s.points, 0);
      expect(section.score).toBe(formatNumber(score, 6));
      expect(section.maxScore).toBe(formatNumber(steps.length, 6));
      expect(section.fraction).toBeCloseTo(score / steps.length, 12);
      expect(section.counts.reduce((total, c) => total + c.count, 0)).toBe(steps.length);
    }
    expect(hidden.sections.find((s) => s.id === 'CC · forward')).toMatchObject({ score: '10', maxScore: '16' });
  });

  it('heads the report with the student, the file, the date and the score', () => {
    expect(hidden.header).toMatchObject({
      title: graph.title, subtitle: null, studentId: '2023000001', studentName: '王晓东', student: '2023000001  王晓东',
      file: 'submissions/2023000001_王晓东.xlsx', date: '2024-06-01', score: formatNumber(result.score, 6), maxScore: '91',
      percent: `${((100 * result.score) / 91).toFixed(1)}%`,
    });
    expect(hidden.header.counts.reduce((total, c) => total + c.count, 0)).toBe(91);
    const course = reportModel(result, graph, { revealExpected: false, gradedAt: GRADED_AT, courseTitle: '神经网络与深度学习' });
    expect(course.header).toMatchObject({ title: '神经网络与深度学习', subtitle: graph.title });
  });

  it('draws every step once in the picture, layers left to right, kinds as columns', () => {
    expect(hidden.network.map((l) => l.name)).toEqual(['CC', 'PP', 'C', 'Pm', 'FC', 'Loss']);
    const nodes = hidden.network.flatMap((l) => [...l.forward, ...l.backward]).flatMap((c) => c.nodes);
    expect(nodes.map((n) => n.id).sort()).toEqual(graph.steps.map((s) => s.id).sort());
    expect(hidden.network[0]!.forward.map((c) => c.label)).toEqual(['in_cc', 'out_cc']);
    expect(hidden.network[4]!.backward.map((c) => c.label)).toEqual(['coef_o', 'updated']);
    expect(nodes.find((n) => n.id === 'out_c6')).toEqual({ id: 'out_c6', status: 'incorrect', mark: '✗' });
  });

  it('names a batch’s columns by their stem, without the sample suffix (in_o, not in_o1_s)', () => {
    const batch = createGrader(readFileSync('rubrics/mlp-batch2.yaml', 'utf8'), 'rubrics/mlp-batch2.yaml').reference;
    const model = reportModel(gradeSubmission(batch, submissionOf(batch.values, 4)), batch.graph, { revealExpected: false, gradedAt: GRADED_AT });
    const output = model.network.find((l) => l.name === 'Output')!;
    expect(output.forward.map((c) => c.label)).toEqual(['in_o', 'out_o']);
    expect(output.backward.map((c) => c.label)).toContain('coef_o');
    expect(model.network.flatMap((l) => [...l.forward, ...l.backward]).map((c) => c.label).join(' ')).not.toMatch(/_s\b/);
  });

  it('marks an unreadable answer ?', () => {
    const submission = submissionOf(reference.values, 4);
    const answer = submission.answers.get('out_cc1')!;
    submission.answers.set('out_cc1', { ...answer, value: { kind: 'unreadable', raw: '0.64S', reason: 'not a number' } });
    const model = reportModel(gradeSubmission(reference, submission), graph, { revealExpected: false, gradedAt: GRADED_AT });
    expect(row(model, 'out_cc1')).toMatchObject({ status: 'unreadable' satisfies Status, mark: '?', submitted: '0.64S' });
    expect(row(model, 'out_pp1')).toMatchObject({ substituted: null, notGiven: ['out_cc1'] });
  });

  it('is plain data, the same for the same input, and refuses a date that is not ISO', () => {
    expect(JSON.parse(JSON.stringify(hidden))).toEqual(hidden);
    expect(reportModel(result, graph, { revealExpected: false, gradedAt: GRADED_AT })).toEqual(hidden);
    expect(() => reportModel(result, graph, { revealExpected: false, gradedAt: 'June 1st' })).toThrow(/ISO date/);
  });
});
