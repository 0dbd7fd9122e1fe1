/** Labels as Chinese students write them read as their steps, with no alias in the rubric. */
import { describe, expect, it } from 'vitest';
import { evaluateGraph } from '../../src/engine/evaluate.js';
import { createGrader } from '../../src/grade/grader.js';
import { createLabelMatcher } from '../../src/ingest/index.js';
import { seedText, SEED_FILE, SEED_STEP_IDS } from '../rubric/seed.js';
import { book, sheet, write } from './workbooks.js';

const seed = createLabelMatcher(SEED_STEP_IDS, {}, { loss: 'loss' });

describe('Chinese labels', () => {
  it.each([
    ['输出o1', 'out_o1'],
    ['输出 o1', 'out_o1'],
    ['输出cc3', 'out_cc3'],
    ['输出_pp2', 'out_pp2'],
    ['输入o2', 'in_o2'],
    ['净输入c1', 'in_c1'],
    ['新w4', 'w4_new'],
    ['w4新', 'w4_new'],
    ['w4（更新后）', 'w4_new'],
    ['w5（更新后）', 'w5_new'],
    ['w4 (更新后)', 'w4_new'],
    ['更新后的w4', 'w4_new'],
    ['新KK11', 'KK11_new'],
    ['损失', 'loss'],
    ['总损失', 'loss'],
    ['总损失 E_total', 'loss'],
    ['损失函数', 'loss'],
  ])('%s names %s', (label, id) => {
    expect(seed(label)).toBe(id);
  });

  it.each(['输出', '新', '损失对out_o1的梯度', '输出o9', '说明'])('%s names no step', (label) => {
    expect(seed(label)).toBeNull();
  });

  it('a rubric alias still wins, and ids that would read the same are reported as before', () => {
    expect(createLabelMatcher(['loss', 'out_o1'], { out_o1: ['损失'] }, { loss: 'loss' })('损失')).toBe('out_o1');
    expect(() => createLabelMatcher(['w1_new', 'W1New'])).toThrow(/"w1_new" and "W1New"/);
  });

  it('a submission with only Chinese labels grades as its steps', () => {
    const grader = createGrader(seedText, SEED_FILE);
    const exact = evaluateGraph(grader.reference.graph);
    const value = (id: string) => Number(exact.get(id)!.toFixed(3));
    const rows = [
      ['学号', '2023000009'],
      ['姓名', '张三'],
      ['班级', '计科 2101'],
      ['输出cc1', value('out_cc1')],
      ['输出o1', value('out_o1')],
      ['输入o2', value('in_o2')],
      ['新w4', value('w4_new')],
      ['w5（更新后）', value('w5_new')],
      ['总损失 E_total', value('loss')],
    ];
    const result = grader.grade(write(book({ 作业: sheet(rows) }), 'xlsx'), 'hw.xlsx');
    expect(result.student).toEqual({ id: '2023000009', name: '张三' });
    expect(result.problems).toEqual([]);
    const status = (id: string) => result.steps.find((s) => s.id === id)!.status;
    for (const id of ['out_cc1', 'out_o1', 'in_o2', 'w4_new', 'w5_new', 'loss']) expect(status(id), id).toBe('correct');
    expect(result.steps.filter((s) => s.status === 'correct')).toHaveLength(6);
  });
});
