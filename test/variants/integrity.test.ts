import { describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../src/grade/grade.js';
import type { GradeResult } from '../../src/grade/result.js';
import { integritySignals } from '../../src/variants/integrity.js';
import { classSummary } from '../../src/report/class-summary.js';
import { renderClassSummaryPdf } from '../../src/report/summary-pdf.js';
import { pageTexts } from '../report/pdf-text.js';
import { handRounded, seedReference, submissionOf } from '../support/submissions.js';

const reference = seedReference();
const hand = handRounded(reference.graph, 3);

/** A student's file: the hand solution with `given` values in place (later steps computed from them). */
function student(k: number, given: ReadonlyMap<string, number> = new Map()): GradeResult {
  const submission = submissionOf(handRounded(reference.graph, 3, {}, given), 3, `${2023000000 + k}.xlsx`);
  return gradeSubmission(reference, { ...submission, student: { id: String(2023000000 + k), name: null } });
}

const SLIPS = new Map([['out_pp2', Number((hand.get('out_pp2')! + 0.237).toFixed(3))], ['in_o1', Number((hand.get('in_o1')! - 0.411).toFixed(3))], ['coef_o2', Number((hand.get('coef_o2')! + 0.159).toFixed(3))]]);

describe('signals of copied work, everyone with the same numbers', () => {
  it('lists two files that share the same undiagnosed wrong values, and no one else', () => {
    const results = [student(1), student(2, SLIPS), student(3), student(4, SLIPS), student(5)];
    for (const id of SLIPS.keys()) {
      expect(results[1]!.steps.find((s) => s.id === id)).toMatchObject({ status: 'incorrect', diagnosis: null });
    }
    const signals = integritySignals({ results, settings: reference.settings });
    expect(signals.map((s) => [s.kind, s.student.id, s.other.id, [...s.steps].sort()])).toEqual([
      ['shared-wrong-values', '2023000002', '2023000004', [...SLIPS.keys()].sort()],
    ]);
  });

  it('lists no one for the same diagnosed mistake, which honest students make alike', () => {
    // The sign flipped at three steps: the same values for everyone who does it.
    const given = new Map(['in_cc3', 'in_c2', 'in_o2'].map((id) => [id, -hand.get(id)!]));
    const results = [student(1, given), student(2, given), student(3)];
    expect(results[0]!.steps.filter((s) => s.status === 'incorrect' && s.diagnosis !== null).length).toBeGreaterThanOrEqual(3);
    expect(integritySignals({ results, settings: reference.settings })).toEqual([]);
  });

  it('lists no one for a wrong value a crowd shares', () => {
    const results = Array.from({ length: 6 }, (_, k) => student(k, SLIPS));
    expect(integritySignals({ results, settings: reference.settings })).toEqual([]);
  });

  it('changes nothing in the results it reads', () => {
    const results = [student(1), student(2, SLIPS), student(4, SLIPS)];
    const before = JSON.stringify(results);
    expect(integritySignals({ results, settings: reference.settings }).length).toBe(1);
    expect(JSON.stringify(results)).toBe(before);
  });
});

describe('the summary PDF', () => {
  it('has a section with each signal, and says so when there is none', async () => {
    const results = [student(1), student(2, SLIPS), student(4, SLIPS)];
    const signals = integritySignals({ results, settings: reference.settings });
    const header = { title: 'Homework 1', gradedAt: '2026-11-30', rubricId: 'seed-cnn' };
    const report = { rubric: 'seed-cnn', results };
    const text = pageTexts(await renderClassSummaryPdf(classSummary(report), header, signals)).join('\n');
    expect(text).toContain('Signals of copied work');
    expect(text).toMatch(/2023000002 — shares wrong values with another file: 2023000004/);
    const none = pageTexts(await renderClassSummaryPdf(classSummary(report), header, [])).join('\n');
    expect(none).toContain('No signal of copied work.');
    const without = pageTexts(await renderClassSummaryPdf(classSummary(report), header)).join('\n');
    expect(without).not.toContain('Signals of copied work');
  });
});
