/** The Chinese template reads back like the English one: its headings, id and name fields are the reader's. */
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { evaluateGraph } from '../../src/engine/evaluate.js';
import { createGrader } from '../../src/grade/grader.js';
import { templateRows, templateWorkbook } from '../../src/report/template.js';
import { englishWords } from './english-words.js';
import { seedText, SEED_FILE } from '../rubric/seed.js';

describe('the template in Chinese', () => {
  const grader = createGrader(seedText, SEED_FILE);
  const { graph, rubric } = grader.reference;
  const voice = { language: 'zh-CN' as const, terms: { coef: 'coef' } };

  it('says its title, fields, instructions, givens, headings and step descriptions in Chinese; ids and formulas stay', () => {
    const rows = templateRows(rubric, graph, { voice, formulas: true });
    expect(rows[0]).toEqual(['作业 1 · 一维卷积神经网络：正向传播与一步反向传播']);
    expect(rows[1]).toEqual(['学号', null]);
    expect(rows[2]).toEqual(['姓名', null]);
    const text = rows.flat().filter((cell): cell is string => typeof cell === 'string');
    expect(text).toContain('每个数值都四舍五入（不要截断）保留 3 位小数，如 0.410。');
    expect(text).toContain('CC 层：一维卷积，步长 1，激活函数 sigmoid。');
    // The seed's flatten layer has no name: it is said by what it does, not as 这一层.
    expect(text).toContain('展平（把各特征图依次连成一个序列）。');
    expect(text.join(' ')).not.toContain('这一层');
    expect(text).toContain('CC 层 · 反向传播');
    expect(rows).toContainEqual(['步骤', '说明及计算方法', '你的值']);
    expect(text).toContain('CC 层净输入，第 1 个卷积核，第 2 个窗口\nin_cc2 = i2 · KK13 + i3 · KK12 + i4 · KK11 + bb1');
    expect(englishWords(text.join('\n').replace(/(?:^|\n)\S+ = [^\n]*/g, '\n'))).toEqual([]);
  });

  it.each(['xlsx', 'ods'] as const)('filled in (%s), grades every step and reads the student', (format) => {
    const exact = evaluateGraph(graph);
    const answers = new Map(graph.steps.map((s) => [s.id, Number(exact.get(s.id)!.toFixed(3))]));
    const bytes = templateWorkbook(rubric, graph, { format, voice, filled: { student: { id: '2023000007', name: '欧阳娜娜' }, answers } });
    expect(XLSX.read(bytes).SheetNames).toEqual(['答题']);
    const result = grader.grade(bytes, `hw.${format}`);
    expect(result.student).toEqual({ id: '2023000007', name: '欧阳娜娜' });
    expect(result.problems).toEqual([]);
    expect(result.steps.filter((s) => s.status === 'missing')).toEqual([]);
    expect(result.score).toBeGreaterThan(0.9 * result.maxScore);
  });
});

describe('the template’s givens of a padded 2-D convolution', () => {
  it('say the padding, in both languages (the student cannot compute the map without it)', () => {
    const grader = createGrader(readFileSync('rubrics/cnn2d.yaml', 'utf8'), 'rubrics/cnn2d.yaml');
    const { graph, rubric } = grader.reference;
    const said = (language: 'zh-CN' | 'en') => templateRows(rubric, graph, { voice: { language, terms: {} } }).flat().filter((c): c is string => typeof c === 'string');
    expect(said('zh-CN')).toContain('C 层：二维互相关，步长 1，补零 1，激活函数 ReLU。');
    expect(said('en').some((line) => line.includes('zero padding 1'))).toBe(true);
    // The seed's convolutions pad nothing, and say nothing of it.
    expect(templateRows(seedGrader().reference.rubric, seedGrader().reference.graph, { voice: { language: 'zh-CN', terms: {} } }).flat().join(' ')).not.toContain('补零');
  });
});

const seedGrader = () => createGrader(seedText, SEED_FILE);
