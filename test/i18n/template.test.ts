/** The Chinese template reads back like the English one: its headings, id and name fields are the reader's. */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { evaluateGraph } from '../../src/engine/evaluate.js';
import { createGrader } from '../../src/grade/grader.js';
import { createSay } from '../../src/i18n/index.js';
import { templateRows, templateWorkbook } from '../../src/report/template.js';
import { seedText, SEED_FILE } from '../rubric/seed.js';

describe('the template in Chinese', () => {
  const grader = createGrader(seedText, SEED_FILE);
  const { graph } = grader.reference;
  const zh = createSay('zh-CN');

  it('says its headings, instructions and step descriptions in Chinese; ids and formulas stay', () => {
    const rows = templateRows(graph, 3, undefined, zh, '作业 1');
    expect(rows.slice(0, 7)).toEqual([
      ['作业 1'],
      ['每个数值至少保留 3 位小数（四舍五入，不要截断），填写数字。A 列的步骤名称请勿改动。'],
      [],
      ['学号', ''],
      ['姓名', ''],
      [],
      ['步骤', '说明', '你的值', '计算方法'],
    ]);
    expect(rows).toContainEqual(['in_cc2', 'CC 层净输入，第 1 个卷积核，第 2 个窗口', null, 'in_cc2 = i2 · KK13 + i3 · KK12 + i4 · KK11 + bb1']);
    expect(rows).toContainEqual([null, 'CC 层 · 反向传播']);
  });

  it('filled in, grades every step as correct and reads the student', () => {
    const exact = evaluateGraph(graph);
    const answers = new Map(graph.steps.map((s) => [s.id, Number(exact.get(s.id)!.toFixed(3))]));
    const bytes = templateWorkbook(graph, 3, { student: { id: '2023000007', name: '欧阳娜娜' }, answers }, zh);
    expect(XLSX.read(bytes).SheetNames).toEqual(['答题']);
    const result = grader.grade(bytes, 'hw.xlsx');
    expect(result.student).toEqual({ id: '2023000007', name: '欧阳娜娜' });
    expect(result.problems).toEqual([]);
    expect(result.steps.filter((s) => s.status === 'missing')).toEqual([]);
    expect(result.score).toBeGreaterThan(0.9 * result.maxScore);
  });
});
