import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { horizontal, hasPdftotext } from './helpers.js';
import { gradeFile } from '../../src/grade/grade-file.js';
import { STATUSES, type Status } from '../../src/grade/result.js';
import { createLabelMatcher } from '../../src/ingest/labels.js';
import { classSummary, type ClassSummary, type StepSummary } from '../../src/report/class-summary.js';
import { A4, extent, STATUS_STYLE, type BoxItem, type Item, type Measure, type Page, type TextItem } from '../../src/report/layout.js';
import { BAR_PARTS, HISTOGRAM_BAR, layoutClassSummary } from '../../src/report/summary-layout.js';
import { renderClassSummaryPdf } from '../../src/report/summary-pdf.js';
import { seedReference } from '../support/submissions.js';
import { pageTexts, pdfObjects } from './pdf-text.js';

/** A monospaced stand-in for real fonts: Chinese characters twice as wide as the rest. */
const measure: Measure = (text, font, size) =>
  [...text].reduce((width, char) => width + (/\p{Script=Han}/u.test(char) ? 1 : 0.55), 0) * size * (font === 'bold' ? 1.1 : 1);

const HEADER = { title: '神经网络 Homework 1 · a 1-D CNN, forward and backward', gradedAt: '2024-06-01T09:00:00+08:00', rubricId: 'seed-cnn' };

/** A made-up class of `count` steps, hardest first, with a long diagnosis step list to wrap: the summary is plain data. */
function summaryOf(count: number, histogram = [0, 1, 2, 3, 5, 8, 13, 21, 34, 55]): ClassSummary {
  const steps = Array.from({ length: count }, (_, k): StepSummary => {
    const counts: Record<Status, number> = { correct: k, 'follow-through': k % 3, incorrect: count - k, missing: k % 2, unreadable: k % 5 === 0 ? 1 : 0 };
    const total = STATUSES.reduce((sum, s) => sum + counts[s], 0);
    const shares = Object.fromEntries(STATUSES.map((s) => [s, counts[s] / total])) as Record<Status, number>;
    return { id: `step_${k}`, counts, shares, total };
  });
  return {
    rubric: 'r', files: 140, unreadableFiles: 2, meanPercent: 71.23, medianPercent: 80,
    histogram: histogram.map((c, i) => ({ from: 10 * i, to: 10 * (i + 1), count: c })),
    steps,
    diagnoses: [
      { diagnosis: 'sign-flip', count: 120, steps: steps.slice(0, 60).map((s, k) => ({ id: s.id, count: 60 - k })) },
      { diagnosis: 'rounding', count: 7, steps: [{ id: 'step_3', count: 7 }] },
    ],
  };
}

const items = (pages: readonly Page[]) => pages.flatMap((p) => p.items);
const texts = (pages: readonly Page[]) => items(pages).filter((i): i is TextItem => i.kind === 'text');
const fills = new Set(BAR_PARTS.map((part) => STATUS_STYLE[part.status].fill));


/** Inside the margins, but for the footer, in the lower margin and nowhere else. */
function expectOnPage(pages: readonly Page[]) {
  const { width, height, margin } = A4;
  for (const item of items(pages)) {
    const { top, bottom } = extent(item);
    const [left, right] = horizontal(item, measure);
    const where = JSON.stringify(item);
    expect(left, where).toBeGreaterThanOrEqual(margin - 0.01);
    expect(right, where).toBeLessThanOrEqual(width - margin + 0.01);
    expect(top, where).toBeGreaterThanOrEqual(margin - 0.01);
    expect(bottom, where).toBeLessThanOrEqual(top >= height - margin ? height - margin / 2 : height - margin + 0.01);
  }
}

/** Each step's row: its id in the first column, the bar's segments and the percentages beside it. */
function stepRows(pages: readonly Page[], ids: ReadonlySet<string>) {
  return pages.flatMap((page) => {
    const segments = page.items.filter((i): i is BoxItem => i.kind === 'box' && i.fill !== null && fills.has(i.fill) && i.x > A4.margin + 60);
    const percents = texts([page]).filter((t) => t.text.endsWith('%'));
    return texts([page])
      .filter((t) => t.x === A4.margin && ids.has(t.text))
      .map((id) => ({
        id: id.text,
        segments: segments.filter((s) => Math.abs(s.y + s.height / 2 - (id.y - 3)) < 4).sort((a, b) => a.x - b.x),
        percents: percents.filter((t) => Math.abs(t.y - id.y) < 1).sort((a, b) => a.x - b.x).map((t) => t.text),
      }));
  });
}

describe('layoutClassSummary', () => {
  const summary = summaryOf(40);
  const pages = layoutClassSummary(summary, HEADER, measure);

  it('counts the files handed in, then those not read: the first tile never says they were all graded', () => {
    for (const [language, handedIn, notRead] of [['en', 'files handed in', 'could not be read'], ['zh-CN', '收到的作业', '无法读取']] as const) {
      const texts = layoutClassSummary(summary, { ...HEADER, voice: { language, terms: {} } }, measure)[0]!.items
        .flatMap((item) => (item.kind === 'text' ? [item.text] : []));
      // 140 handed in, 2 of them not read: the terminal says 138 of 140 were graded.
      expect(texts.slice(texts.indexOf(handedIn), texts.indexOf(handedIn) + 2)).toEqual([handedIn, '140']);
      expect(texts.slice(texts.indexOf(notRead), texts.indexOf(notRead) + 2)).toEqual([notRead, '2']);
      expect(texts.join(' ')).not.toMatch(/files graded|已评作业/);
    }
  });

  it('keeps every item inside the margins, the footer in the lower margin', () => {
    expectOnPage(pages);
    expectOnPage(layoutClassSummary(summaryOf(300), HEADER, measure));
    expectOnPage(layoutClassSummary(classSummary({ rubric: 'r', results: [] }), HEADER, measure));
  });

  it('draws one stacked bar per step, hardest first, its parts as long as their shares', () => {
    const rows = stepRows(pages, new Set(summary.steps.map((s) => s.id)));
    expect(rows.map((r) => r.id)).toEqual(summary.steps.map((s) => s.id));
    const barWidth = rows[0]!.segments.reduce((sum, s) => sum + s.width, 0);
    rows.forEach((row, k) => {
      const step = summary.steps[k]!;
      const parts = BAR_PARTS.filter((part) => part.share(step) > 0);
      expect(row.segments.map((s) => s.fill), row.id).toEqual(parts.map((part) => STATUS_STYLE[part.status].fill));
      row.segments.forEach((segment, j) => {
        expect(segment.width).toBeCloseTo(parts[j]!.share(step) * barWidth, 6);
        expect(segment.x).toBeCloseTo(j === 0 ? row.segments[0]!.x : row.segments[j - 1]!.x + row.segments[j - 1]!.width, 6);
      });
      // Missing and unreadable are one part, dashed like a missing step.
      expect(row.segments.at(-1)!.dashed).toBe(parts.at(-1)!.status === 'missing');
      expect(row.percents, row.id).toEqual(parts.map((part) => `${Math.round(100 * part.share(step))}%`));
    });
  });

  it('draws the histogram with bar heights proportional to the counts, each count written above its bar', () => {
    const bars = pages[0]!.items.filter((i): i is BoxItem => i.kind === 'box' && i.fill === HISTOGRAM_BAR).sort((a, b) => a.x - b.x);
    const counts = summary.histogram.map((bin) => bin.count).filter((c) => c > 0);
    expect(bars).toHaveLength(counts.length);
    const perFile = bars[0]!.height / counts[0]!;
    bars.forEach((bar, k) => {
      expect(bar.height).toBeCloseTo(counts[k]! * perFile, 6);
      expect(bar.y + bar.height).toBeCloseTo(bars[0]!.y + bars[0]!.height, 6);
      const label = texts([pages[0]!]).find((t) => t.text === String(counts[k]) && t.x >= bar.x && t.x <= bar.x + bar.width);
      expect(label, `count ${counts[k]}`).toBeDefined();
      expect(label!.y).toBeLessThan(bar.y);
    });
    for (const axis of ['0–10%', '90–100%', '0', '20', '40', '60']) expect(texts([pages[0]!]).map((t) => t.text)).toContain(axis);
  });

  it('paginates 300 steps: every row once and in order, each page under the running head and the table head', () => {
    const big = summaryOf(300);
    const bigPages = layoutClassSummary(big, HEADER, measure);
    expect(bigPages.length).toBeGreaterThanOrEqual(6);
    const rows = stepRows(bigPages, new Set(big.steps.map((s) => s.id)));
    expect(rows.map((r) => r.id)).toEqual(big.steps.map((s) => s.id));
    for (const row of rows) expect(row.segments.length, row.id).toBeGreaterThan(0);
    bigPages.slice(1).forEach((page, k) => {
      const lines = texts([page]).map((t) => t.text);
      expect(lines[0], `page ${k + 2}`).toBe(HEADER.title);
      expect(lines.at(-1)).toBe(`page ${k + 2} of ${bigPages.length}`);
      const firstRow = lines.findIndex((t) => big.steps.some((s) => s.id === t));
      if (firstRow >= 0) expect(lines.indexOf('step'), `page ${k + 2}`).toBeGreaterThan(0);
      if (firstRow >= 0) expect(lines.indexOf('step'), `page ${k + 2}`).toBeLessThan(firstRow);
    });
    // The diagnoses come after the last step, their long step list wrapped over several lines.
    const all = texts(bigPages);
    expect(all.findIndex((t) => t.text === 'sign-flip')).toBeGreaterThan(all.findIndex((t) => t.text === 'step_299'));
    const listed = all.filter((t) => t.x > A4.margin + 200 && /^step_\d+/.test(t.text));
    expect(listed.length).toBeGreaterThan(3);
    expect(listed.map((t) => t.text).join(' ').split(/[,\s]+/).filter((w) => w.startsWith('step_'))).toHaveLength(60 + 1);
  });

  it('says so when no file could be read and nothing was diagnosed', () => {
    const empty = layoutClassSummary(classSummary({ rubric: 'r', results: [] }), HEADER, measure);
    const lines = texts(empty).map((t) => t.text);
    expect(empty).toHaveLength(1);
    expect(lines).toEqual(expect.arrayContaining(['No step was graded: no file was read.', 'No wrong value was explained by a diagnosis.', '—']));
  });
});


function pdftotext(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'stepmark-summary-'));
  try {
    writeFileSync(join(dir, 'summary.pdf'), bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'summary.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the class summary PDF of the bundled example submissions', async () => {
  const reference = seedReference();
  const match = createLabelMatcher(reference.graph.steps.map((s) => s.id), reference.rubric.aliases);
  const results = ['2023000001_王晓东.xlsx', '2023000002_李四.xlsx', '2023000003_王五.xlsx'].map((name) =>
    gradeFile(reference, match, readFileSync(new URL(`../../submissions/${name}`, import.meta.url)), `submissions/${name}`));
  const summary = classSummary({ rubric: reference.rubric.id, results });
  const header = { title: reference.rubric.title, gradedAt: HEADER.gradedAt, rubricId: reference.rubric.id };
  const bytes = await renderClassSummaryPdf(summary, header);
  const text = pageTexts(bytes);
  const hardest = summary.steps.slice(0, 5).map((s) => s.id);

  it('is the same bytes every time, dated by the grading', async () => {
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(Buffer.compare(await renderClassSummaryPdf(summary, header), bytes)).toBe(0);
    const pdf = Buffer.from(bytes).toString('latin1');
    const info = pdfObjects(bytes).get(Number(/\/Info (\d+) 0 R/.exec(pdf)![1]))!.dict;
    const value = (key: string) => pdfObjects(bytes).get(Number(new RegExp(`/${key} (\\d+) 0 R`).exec(info)![1]))!.dict;
    expect(['CreationDate', 'ModDate'].map(value)).toEqual(['(D:20240601010000Z)', '(D:20240601010000Z)']);
    expect(value('Producer')).toBe('(stepmark)');
    expect(Buffer.compare(await renderClassSummaryPdf(summary, { ...header, gradedAt: '2024-06-02T09:00:00+08:00' }), bytes)).not.toBe(0);
    await expect(renderClassSummaryPdf(summary, { ...header, gradedAt: 'yesterday' })).rejects.toThrow(RangeError);
  });

  it('reads back the title, the hardest steps and every diagnosis found (decoded through the fonts)', () => {
    expect(summary.diagnoses.length).toBeGreaterThan(0);
    expect(text.length).toBeGreaterThanOrEqual(2);
    expect(text.length).toBeLessThanOrEqual(4);
    const lines = text.join('\n').split('\n');
    expect(text[0]).toContain(reference.rubric.title.split(' ')[0]);
    for (const id of [...hardest, 'coef_c4', 'w1_new', 'in_cc1']) expect(lines, id).toContain(id);
    for (const d of summary.diagnoses) expect(lines, d.diagnosis).toContain(d.diagnosis);
    expect(lines).toContain(`${summary.meanPercent!.toFixed(1)}%`);
  });

  it('reads back the same through poppler, where pdftotext is installed (else: as decoded above)', () => {
    const all = hasPdftotext() ? pdftotext(bytes) : text.join('\n');
    const words = new Set(all.split(/[\s,]+/));
    expect(all.replace(/\s+/g, ' ')).toContain(reference.rubric.title);
    for (const id of summary.steps.map((s) => s.id)) expect(words, id).toContain(id);
    for (const d of summary.diagnoses) expect(words, d.diagnosis).toContain(d.diagnosis);
  });
});
