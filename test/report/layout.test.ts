import { describe, expect, it } from 'vitest';
import { horizontal } from './helpers.js';
import { STATUSES } from '../../src/grade/result.js';
import { A4, extent, paginate, titleWrap, wrap, type Block, type Item, type Measure, type Page, type TextItem } from '../../src/report/layout.js';
import { reportModel, type ReportModel, type StepRow } from '../../src/report/model.js';
import { layoutReport } from '../../src/report/pdf-layout.js';
import { MARKS } from '../../src/report/terminal.js';
import { GRADED_AT, gradeExample, reference } from './example.js';

/** A monospaced stand-in for real fonts: Chinese characters twice as wide as the rest. */
const measure: Measure = (text, font, size) =>
  [...text].reduce((width, char) => width + (/\p{Script=Han}/u.test(char) ? 1 : 0.55), 0) * size * (font === 'bold' ? 1.1 : 1);

const texts = (pages: readonly Page[]) => pages.flatMap((p) => p.items).filter((i): i is TextItem => i.kind === 'text');

function expectOnPage(pages: readonly Page[]) {
  const { width, height, margin } = A4;
  for (const item of pages.flatMap((p) => p.items)) {
    const { top, bottom } = extent(item);
    const [left, right] = horizontal(item, measure);
    expect(left, JSON.stringify(item)).toBeGreaterThanOrEqual(margin - 0.01);
    expect(right, JSON.stringify(item)).toBeLessThanOrEqual(width - margin + 0.01);
    expect(top, JSON.stringify(item)).toBeGreaterThanOrEqual(margin / 2);
    expect(bottom, JSON.stringify(item)).toBeLessThanOrEqual(height - margin / 2);
  }
}


/** A made-up report of `count` steps in one section: the model is plain data, so tests can write one. */
function modelOf(count: number, formula = (k: number) => `w${k} − α · coef_o${k} · out_p${k}`): ReportModel {
  const steps: StepRow[] = Array.from({ length: count }, (_, k) => {
    const status = STATUSES[k % STATUSES.length]!;
    return {
      id: `s${k}`, section: 'L · forward', description: `step ${k} of layer L`, symbolic: formula(k), substituted: '0.1 · 0.2',
      notGiven: [], submitted: '0.123', expected: '0.12345', status, mark: MARKS[status], points: '1', maxPoints: '1',
      message: 'does not match the expected value, nor what your own earlier values give', cell: `Answers!C${k + 2}`,
    };
  });
  const counts = STATUSES.map((status) => ({ status, mark: MARKS[status], count: 0 }));
  return {
    header: {
      title: '神经网络 Homework', subtitle: null, studentId: '2023000001', studentName: '王晓东', student: '2023000001  王晓东', file: 'x.xlsx',
      gradedAt: GRADED_AT, date: '2024-06-01', score: '1', maxScore: String(count), percent: '1%', counts,
    },
    revealExpected: true, error: null, problems: ['duplicate label w1 in Answers!A9'],
    sections: [{ id: 'L · forward', layer: 'L', phase: 'forward', score: '1', maxScore: String(count), fraction: 0.5, counts }],
    network: [{ name: 'L', forward: [{ label: 's', nodes: steps.map(({ id, status, mark }) => ({ id, status, mark })) }], backward: [] }],
    steps,
  };
}

describe('wrapping', () => {
  it('keeps every line within the width and loses no word', () => {
    const formula = Array.from({ length: 30 }, (_, k) => `coef_c${k} · k${k}_new`).join(' + ');
    const lines = wrap(formula, 200, 'regular', 8.5, measure, 10);
    expect(lines.length).toBeGreaterThan(3);
    lines.forEach((l, k) => expect(measure(l, 'regular', 8.5)).toBeLessThanOrEqual(k === 0 ? 200 : 190));
    expect(lines.join(' ')).toBe(formula);
  });

  it('breaks a formula before an operator, never after one', () => {
    const lines = wrap('a_long_name · b + c_long_name · d − e_long_name', 60, 'regular', 8, measure);
    for (const l of lines.slice(1)) expect(l).toMatch(/^[+−·] /);
    for (const l of lines) expect(l).not.toMatch(/[+−·]$/);
  });

  it('cuts text without spaces (Chinese) between characters', () => {
    const lines = wrap('这一步的数值与期望值不符，也不能由你之前写下的数值得到', 60, 'regular', 8, measure);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('这一步的数值与期望值不符，也不能由你之前写下的数值得到');
    for (const l of lines) expect(measure(l, 'regular', 8)).toBeLessThanOrEqual(60);
  });
});

describe('pagination', () => {
  const head: Block = { height: 10, items: [] };
  const lineBlock = (n: number): Block => ({
    height: n * 12,
    items: Array.from({ length: n }, (_, k) => ({ kind: 'text', x: 0, y: k * 12 + 10, text: `line ${k}`, font: 'regular', size: 10, color: '#000' })),
  });

  it('cuts a block taller than a page between its lines', () => {
    const pages = paginate([lineBlock(200)], A4, head);
    expect(pages.length).toBe(Math.ceil((200 * 12) / (A4.height - 2 * A4.margin - 10)));
    expect(pages.flat().filter((i) => i.kind === 'text')).toHaveLength(200);
    for (const item of pages.flat()) expect(extent(item).bottom).toBeLessThanOrEqual(A4.height - A4.margin);
  });

  it('never leaves a heading last on a page', () => {
    const heading: Block = { ...lineBlock(1), keepWithNext: true };
    const pages = paginate([lineBlock(60), heading, { ...lineBlock(2), keepWithNext: true }, lineBlock(3)], A4, head);
    expect(pages).toHaveLength(2);
    expect(pages[1]!.filter((i) => i.kind === 'text')).toHaveLength(6);
  });
});

describe('the report layout', () => {
  it('lays out the graded example with every item on the page and every step id shown', () => {
    const model = reportModel(gradeExample(), reference.graph, { revealExpected: false, gradedAt: GRADED_AT });
    const pages = layoutReport(model, measure);
    expectOnPage(pages);
    const shown = new Set(texts(pages).map((t) => t.text));
    for (const step of model.steps) expect(shown, step.id).toContain(step.id);
    expect(texts(pages).filter((t) => t.text.startsWith('page '))).toHaveLength(pages.length);
  });

  it('wraps long formulas within the page, and adds pages as steps grow', () => {
    const long = modelOf(12, (k) => Array.from({ length: 40 }, (_, j) => `coef_cc${j} · i${j + k}`).join(' + '));
    const pages = layoutReport(long, measure);
    expectOnPage(pages);
    expect(texts(pages).filter((t) => t.text.includes('coef_cc39')).length).toBeGreaterThanOrEqual(12);
    const counts = [10, 100, 400].map((n) => layoutReport(modelOf(n), measure).length);
    expect(counts[0]).toBeLessThan(counts[1]!);
    expect(counts[1]).toBeLessThan(counts[2]!);
    expectOnPage(layoutReport(modelOf(400), measure));
  });

  it('shows the expected column only when expected values are revealed', () => {
    const shown = (model: ReportModel) => texts(layoutReport(model, measure)).some((t) => t.text === 'expected');
    expect(shown(modelOf(3))).toBe(true);
    expect(shown({ ...modelOf(3), revealExpected: false })).toBe(false);
  });
});

describe('a title on two lines', () => {
  const SEED_ZH = '作业 1 · 一维卷积神经网络：正向传播与一步反向传播';
  const fits = (lines: string[], width: number, size: number) => lines.every((l) => measure(l, 'bold', size) <= width);

  it('breaks after the clause mark, not leaving one character alone', () => {
    // As in the report's title column: plain wrapping leaves `播` alone on the second line.
    const width = measure(SEED_ZH.slice(0, -1), 'bold', 15);
    expect(wrap(SEED_ZH, width, 'bold', 15, measure).at(-1)).toBe('播');
    const lines = titleWrap(SEED_ZH, width, 'bold', 15, measure);
    expect(lines).toEqual(['作业 1 · 一维卷积神经网络：', '正向传播与一步反向传播']);
    expect(fits(lines, width, 15)).toBe(true);
  });

  it('evens out an English title at its spaces, and leaves a title of one line alone', () => {
    const title = 'Homework 1 · 1-D CNN: forward pass and one step of backpropagation';
    for (const width of [200, 260, 320, 380]) {
      const plain = wrap(title, width, 'bold', 15, measure);
      const lines = titleWrap(title, width, 'bold', 15, measure);
      expect(lines.join(' ')).toBe(title);
      expect(lines).toHaveLength(plain.length);
      expect(fits(lines, width, 15)).toBe(true);
      if (lines.length === 2) {
        const [a, b] = lines.map((l) => measure(l, 'bold', 15)) as [number, number];
        expect(Math.min(a, b) / Math.max(a, b)).toBeGreaterThanOrEqual(0.4);
      }
    }
    expect(titleWrap('短标题', 300, 'bold', 15, measure)).toEqual(['短标题']);
  });

  it('is how the report sets its title', () => {
    const model = reportModel(gradeExample('2023000001_王晓东.xlsx'), reference.graph, { revealExpected: false, gradedAt: GRADED_AT });
    const zh = { ...model, header: { ...model.header, title: SEED_ZH } };
    const first = texts(layoutReport(zh, measure).slice(0, 1)).filter((t) => t.size === 15).map((t) => t.text);
    expect(first).toEqual(['作业 1 · 一维卷积神经网络：', '正向传播与一步反向传播']);
  });
});

describe('a step’s message on two lines', () => {
  it('continues under its first word, clear of the mark', () => {
    const long = 'does not match the expected value, nor what your own earlier values give, and a few more words to wrap it twice over';
    const model = modelOf(5);
    const wrapped = { ...model, steps: model.steps.map((s) => ({ ...s, message: long })) };
    const items = texts(layoutReport(wrapped, measure));
    const first = items.findIndex((t) => t.text.startsWith(`${MARKS.incorrect} does not match`));
    expect(first).toBeGreaterThanOrEqual(0);
    const [head, next] = [items[first]!, items[first + 1]!];
    expect(next.size).toBe(head.size);
    expect(next.y).toBeGreaterThan(head.y);
    expect(next.x).toBeCloseTo(head.x + measure(`${MARKS.incorrect} `, 'regular', head.size), 6);
  });
});
