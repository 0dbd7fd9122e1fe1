import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeFile } from '../../src/grade/grade-file.js';
import type { GradeReport, GradeResult } from '../../src/grade/result.js';
import { createLabelMatcher } from '../../src/ingest/labels.js';
import { formatNumber } from '../../src/engine/text.js';
import { canvasCsv, gradescopeResults } from '../../src/report/gradebook.js';
import { parseRoster } from '../../src/report/roster.js';
import { seedReference } from '../support/submissions.js';

const reference = seedReference();
const match = createLabelMatcher(reference.graph.steps.map((s) => s.id), reference.rubric.aliases);
const grade = (name: string): GradeResult => {
  const path = `submissions/${name}`;
  return gradeFile(reference, match, readFileSync(new URL(`../../${path}`, import.meta.url)), path);
};

const handwritten = grade('2023000001_王晓东.xlsx');
const perfect = grade('2023000002_李四.xlsx');
const unreadable: GradeResult = { ...perfect, file: 'broken.xlsx', student: { id: '2023000009', name: '赵九' }, score: 0, error: 'damaged' };
const report: GradeReport = { rubric: reference.rubric.id, results: [handwritten, perfect, unreadable] };
const max = perfect.maxScore;

const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').filter((line) => line !== '');

describe('canvasCsv', () => {
  it('has the exact header and Points Possible row Canvas imports', () => {
    const [header, points] = lines(canvasCsv(report, { assignment: 'HW1 CNN', pointsPossible: max }));
    expect(header).toBe('Student,ID,SIS User ID,SIS Login ID,Section,HW1 CNN');
    expect(points).toBe(`Points Possible,,,,,${max}`);
  });

  it('writes one row per student: name as Student, student id as SIS User ID', () => {
    const rows = lines(canvasCsv(report, { assignment: 'HW1', pointsPossible: max })).slice(2);
    expect(rows).toEqual([`王晓东,,2023000001,,,${handwritten.score}`, `李四,,2023000002,,,${max}`, '赵九,,2023000009,,,']);
  });

  it('takes ID, SIS Login ID and Section from the roster, and gives students with no file 0', () => {
    const roster = parseRoster(
      'Student,ID,SIS User ID,SIS Login ID,Section\n"Wang, Xiaodong",101,2023000001,wxd,Sec 1\n"Li, Si",102,2023000002,ls,Sec 2\n"Qian, Shi",110,2023000010,qs,Sec 1\n',
      'canvas.csv',
    ).entries;
    const rows = lines(canvasCsv(report, { assignment: 'HW1', pointsPossible: max }, roster)).slice(2);
    expect(rows).toEqual([
      `"Wang, Xiaodong",101,2023000001,wxd,Sec 1,${handwritten.score}`,
      `"Li, Si",102,2023000002,ls,Sec 2,${max}`,
      '赵九,,2023000009,,,',
      '"Qian, Shi",110,2023000010,qs,Sec 1,0',
    ]);
  });

  it('scales scores to the points the assignment is worth', () => {
    const rows = lines(canvasCsv({ rubric: 'r', results: [perfect] }, { assignment: 'HW1', pointsPossible: 10 }));
    expect(rows[1]).toBe('Points Possible,,,,,10');
    expect(rows[2]).toBe('李四,,2023000002,,,10');
  });

  it('neutralises names and the assignment title', () => {
    const evil: GradeResult = { ...perfect, student: { id: '-2', name: '=HYPERLINK("http://x","y")' } };
    const [header, , row] = lines(canvasCsv({ rubric: 'r', results: [evil] }, { assignment: '@HW', pointsPossible: max }));
    expect(header).toBe("Student,ID,SIS User ID,SIS Login ID,Section,'@HW");
    expect(row).toBe(`"'=HYPERLINK(""http://x"",""y"")",,'-2,,,${max}`);
  });
});

describe('gradescopeResults', () => {
  const results = gradescopeResults(handwritten, { revealExpected: false });

  it('has the keys Gradescope reads', () => {
    expect(Object.keys(results).sort()).toEqual(['output', 'score', 'stdout_visibility', 'tests', 'visibility']);
    expect(results).toMatchObject({ score: handwritten.score, visibility: 'visible', stdout_visibility: 'hidden' });
    for (const test of results.tests) {
      expect(Object.keys(test).sort()).toEqual(['max_score', 'name', 'number', 'output', 'score', 'status', 'visibility']);
      expect(['visible', 'hidden', 'after_due_date', 'after_published']).toContain(test.visibility);
    }
    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
  });

  it('has one test per step, named by step id and status, whose scores sum to the score', () => {
    expect(results.tests.map((t) => t.name)).toEqual(handwritten.steps.map((s) => `${s.id}: ${s.status}`));
    expect(results.tests.reduce((sum, t) => sum + t.score, 0)).toBeCloseTo(results.score, 12);
    expect(results.tests.reduce((sum, t) => sum + t.max_score, 0)).toBeCloseTo(handwritten.maxScore, 12);
    const slip = results.tests.find((t) => t.name === 'coef_c4: incorrect')!;
    expect(slip).toMatchObject({ score: 0, status: 'failed' });
    expect(results.tests.find((t) => t.name.startsWith('k22_new'))).toMatchObject({ status: 'passed' });
    expect(results.tests[0]!.number).toBe('1.1');
    expect(new Set(results.tests.map((t) => t.number)).size).toBe(results.tests.length);
  });

  it('says what the student wrote and where, and the message', () => {
    const step = handwritten.steps.find((s) => s.id === 'coef_c4')!;
    const test = results.tests.find((t) => t.name.startsWith('coef_c4:'))!;
    expect(test.output).toContain(step.message);
    expect(test.output).toContain(`you wrote: ${step.raw} (${step.cell})`);
  });

  it('never shows expected values unless the rubric reveals them', () => {
    const expectedText = (id: string) => formatNumber(handwritten.steps.find((s) => s.id === id)!.expected, 6);
    for (const test of results.tests) expect(test.output).not.toMatch(/expected:/);
    expect(results.tests.find((t) => t.name.startsWith('coef_c4:'))!.output).not.toContain(expectedText('coef_c4'));
    expect(JSON.stringify(results)).not.toContain('expected:');
    const revealed = gradescopeResults(handwritten, { revealExpected: true });
    expect(revealed.tests.find((t) => t.name.startsWith('coef_c4:'))!.output).toContain(`expected: ${expectedText('coef_c4')}`);
  });

  it('passes the visibility options through', () => {
    const later = gradescopeResults(perfect, { revealExpected: false, visibility: 'after_published', stdoutVisibility: 'visible' });
    expect(later.visibility).toBe('after_published');
    expect(later.stdout_visibility).toBe('visible');
    expect(new Set(later.tests.map((t) => t.visibility))).toEqual(new Set(['after_published']));
  });

  it('gives a file that could not be read no tests, and says why', () => {
    const failed = gradescopeResults(unreadable, { revealExpected: true });
    expect(failed.score).toBe(0);
    expect(failed.tests).toEqual([]);
    expect(failed.output).toContain('could not read the file: damaged');
  });

  it('sums the overall output up with the score and the problems', () => {
    expect(results.output.split('\n')[0]).toMatch(/^2023000001 王晓东: /);
    const withProblem = gradescopeResults({ ...perfect, problems: ['duplicate label w1'] }, { revealExpected: false });
    expect(withProblem.output).toContain('problem: duplicate label w1');
  });
});
