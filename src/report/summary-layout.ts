/**
 * The class summary laid out (pure, like pdf-layout.ts): the class in numbers, the score
 * histogram, every step's shares as one stacked bar (hardest first), then the most frequent
 * diagnoses and the steps they were found on.
 */
import type { Status } from '../grade/result.js';
import { msg, sayWith, type Message, type Say, type Voice } from '../i18n/index.js';
import type { DiagnosisCode } from '../rubric/schema.js';
import type { ClassSummary, DiagnosisSummary, HistogramBin, StepSummary } from './class-summary.js';
import {
  A4, box, fitSize, INK, line, MUTED, paginateReport, paragraph, RULE, runningHead, shift, STATUS_STYLE, text,
  type Block, type FontStyle, type Item, type Measure, type Page, type PageSize,
} from './layout.js';
import { MARKS } from './terminal.js';
import type { IntegritySignal } from '../variants/integrity.js';
import { integrityBlocks } from './integrity-section.js';

export interface SummaryHeader {
  /** The course title, or the rubric's. */
  readonly title: string;
  /** ISO date of the grading: printed, and the PDF's dates. */
  readonly gradedAt: string;
  readonly rubricId: string;
  /** The language and the course's words (English when absent). */
  readonly voice?: Voice;
}

export const HISTOGRAM_BAR = '#546e7a';
const DIAGNOSIS_BAR_FILL = '#b0bec5';

/** The four parts of a step's bar, in the order drawn: a file that gave no readable value counts once, as missing. */
export const BAR_PARTS: readonly { readonly status: Status; readonly word: Message; readonly share: (step: StepSummary) => number }[] = [
  { status: 'correct', word: msg('summary.part.correct'), share: (s) => s.shares.correct },
  { status: 'follow-through', word: msg('summary.part.follow-through'), share: (s) => s.shares['follow-through'] },
  { status: 'incorrect', word: msg('summary.part.incorrect'), share: (s) => s.shares.incorrect },
  { status: 'missing', word: msg('summary.part.missing'), share: (s) => s.shares.missing + s.shares.unreadable },
];

/** Each diagnosis by name (English: its code), and one line for a TA on what it means (src/grade/rules say how each is found). */
const DIAGNOSIS_WORDS: Record<DiagnosisCode, { readonly name: Message; readonly meaning: Message }> = {
  'sign-flip': { name: msg('diagnosisName.sign-flip'), meaning: msg('diagnosisMeaning.sign-flip') },
  convention: { name: msg('diagnosisName.convention'), meaning: msg('diagnosisMeaning.convention') },
  'kernel-not-flipped': { name: msg('diagnosisName.kernel-not-flipped'), meaning: msg('diagnosisMeaning.kernel-not-flipped') },
  'pool-routing': { name: msg('diagnosisName.pool-routing'), meaning: msg('diagnosisMeaning.pool-routing') },
  'activation-derivative': { name: msg('diagnosisName.activation-derivative'), meaning: msg('diagnosisMeaning.activation-derivative') },
  'update-direction': { name: msg('diagnosisName.update-direction'), meaning: msg('diagnosisMeaning.update-direction') },
  'learning-rate': { name: msg('diagnosisName.learning-rate'), meaning: msg('diagnosisMeaning.learning-rate') },
  'wrong-input': { name: msg('diagnosisName.wrong-input'), meaning: msg('diagnosisMeaning.wrong-input') },
  rounding: { name: msg('diagnosisName.rounding'), meaning: msg('diagnosisMeaning.rounding') },
  'digit-slip': { name: msg('diagnosisName.digit-slip'), meaning: msg('diagnosisMeaning.digit-slip') },
  'decimal-shift': { name: msg('diagnosisName.decimal-shift'), meaning: msg('diagnosisMeaning.decimal-shift') },
  padding: { name: msg('diagnosisName.padding'), meaning: msg('diagnosisMeaning.padding') },
  'wrong-row': { name: msg('diagnosisName.wrong-row'), meaning: msg('diagnosisMeaning.wrong-row') },
};

/**
 * The class summary on pages of `size` (A4 by default).
 *
 * @example
 * const pages = layoutClassSummary(classSummary(report), { title: 'CNN homework', gradedAt: '2024-06-01', rubricId: 'cnn-hw' }, measure);
 */
export function layoutClassSummary(summary: ClassSummary, header: SummaryHeader, measure: Measure, size: PageSize = A4, integrity?: readonly IntegritySignal[]): Page[] {
  const say = sayWith(header.voice);
  const width = size.width - 2 * size.margin;
  const blocks: Block[] = [
    headerBlock(summary, header, width, measure, say),
    heading(say(msg('summary.spread')), width, measure),
    histogramBlock(summary.histogram, width, measure, say),
    heading(say(msg('summary.hardest')), width, measure),
    ...stepTable(summary, width, measure, say),
    heading(say(msg('summary.diagnoses')), width, measure),
    ...diagnosisTable(summary.diagnoses, width, measure, say),
    ...(integrity === undefined ? [] : [heading(say(msg('summary.integrity')), width, measure), ...integrityBlocks(integrity, width, measure, say)]),
  ];
  const rubric = header.rubricId;
  const head = runningHead(header.title, say(msg('summary.runningHead', { rubric })), width, measure);
  const footer = say(msg('summary.footer', { files: summary.files, rubric, date: header.gradedAt.slice(0, 10) }));
  return paginateReport(blocks, size, head, footer, measure, (page, pages) => say(msg('report.page', { page, pages })));
}

const note = (content: string): Block => ({ height: 14, items: [text(0, 0, content, 'regular', 8.5, MUTED)] });
const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);

function heading(title: string, width: number, measure: Measure): Block {
  const { items, height } = paragraph(0, 10, width, title, { font: 'bold', size: 11 }, measure);
  return { height: height + 14, items, keepWithNext: true };
}

/** The title, then four tiles: files handed in, files not read, mean and median. */
function headerBlock(summary: ClassSummary, header: SummaryHeader, width: number, measure: Measure, say: Say): Block {
  const title = paragraph(0, 0, width, header.title, { font: 'bold', size: 15, balance: true }, measure);
  const subtitle = say(msg('summary.subtitle', { rubric: header.rubricId, date: header.gradedAt.slice(0, 10) }));
  const sub = paragraph(0, title.height, width, subtitle, { font: 'regular', size: 9.5, color: MUTED }, measure);
  const top = title.height + sub.height + 10;
  const read = summary.files - summary.unreadableFiles;
  const tiles: readonly [string, string, string][] = [
    [say(msg('summary.filesGraded')), String(summary.files), INK],
    [say(msg('summary.unreadable')), String(summary.unreadableFiles), summary.unreadableFiles > 0 ? STATUS_STYLE.incorrect.ink : INK],
    [say(msg('summary.mean')), percent(summary.meanPercent), INK],
    [say(msg('summary.median')), percent(summary.medianPercent), INK],
  ];
  const gap = 10;
  const tileWidth = (width - gap * (tiles.length - 1)) / tiles.length;
  const items: Item[] = [...title.items, ...sub.items];
  tiles.forEach(([label, value, color], k) => {
    const x = k * (tileWidth + gap);
    items.push(box(x, top, tileWidth, 46, { stroke: RULE, radius: 4 }), text(x + 8, top + 7, label, 'regular', 7.5, MUTED));
    items.push(text(x + 8, top + 19, value, 'bold', fitSize(value, 'bold', 18, tileWidth - 16, measure), color));
  });
  const note = say(msg('summary.meanNote', { files: read }));
  const notes = paragraph(0, top + 52, width, note, { font: 'regular', size: 7.5, color: MUTED }, measure);
  items.push(...notes.items);
  return { height: top + 52 + notes.height, items };
}

const PLOT_HEIGHT = 130;

/** Ticks of 1, 2 or 5 times a power of ten, at most five above zero. */
function tickStep(most: number): number {
  for (let scale = 1; ; scale *= 10) for (const m of [1, 2, 5]) if (most / (m * scale) <= 5) return m * scale;
}

/** One bar per bin, its count above it; the count axis on the left, the bins' ranges below. */
function histogramBlock(bins: readonly HistogramBin[], width: number, measure: Measure, say: Say): Block {
  const gutter = 28;
  const slot = (width - gutter) / Math.max(1, bins.length);
  const step = tickStep(Math.max(1, ...bins.map((b) => b.count)));
  const axisTop = Math.ceil(Math.max(1, ...bins.map((b) => b.count)) / step) * step;
  const base = 16 + PLOT_HEIGHT;
  const perFile = PLOT_HEIGHT / axisTop;
  const centered = (content: string, center: number, top: number, font: FontStyle, size: number, color: string) =>
    text(center - measure(content, font, size) / 2, top, content, font, size, color);
  const items: Item[] = [text(0, 0, say(msg('summary.files')), 'regular', 7, MUTED)];
  for (let tick = 0; tick <= axisTop; tick += step) {
    const y = base - tick * perFile;
    items.push(line(gutter, y, width, y, tick === 0 ? MUTED : RULE, tick === 0 ? 0.8 : 0.4));
    items.push(text(gutter - 5 - measure(String(tick), 'regular', 7), y - 4.5, String(tick), 'regular', 7, MUTED));
  }
  bins.forEach((bin, k) => {
    const center = gutter + (k + 0.5) * slot;
    const height = bin.count * perFile;
    if (bin.count > 0) items.push(box(center - slot * 0.35, base - height, slot * 0.7, height, { fill: HISTOGRAM_BAR }));
    items.push(centered(String(bin.count), center, base - height - 11, bin.count > 0 ? 'bold' : 'regular', 8, bin.count > 0 ? INK : MUTED));
    items.push(centered(`${bin.from}–${bin.to}%`, center, base + 4, 'regular', 7, MUTED));
  });
  items.push(centered(say(msg('summary.scoreAxis')), gutter + (width - gutter) / 2, base + 17, 'regular', 7.5, MUTED));
  return { height: base + 32, items };
}

const ROW = 14;
const PERCENT_COLUMN = 36;

interface StepColumns {
  readonly idWidth: number;
  readonly bar: number;
  readonly barWidth: number;
  /** The right edge of part k's percentage. */
  readonly percent: (k: number) => number;
}

function stepColumns(width: number): StepColumns {
  const bar = 92;
  const percents = width - BAR_PARTS.length * PERCENT_COLUMN;
  return { idWidth: bar - 8, bar, barWidth: percents - bar - 10, percent: (k) => percents + (k + 1) * PERCENT_COLUMN };
}

/** A swatch per part of the bar, drawn as the bar draws it, with its word; a second row if the first is full. */
function legend(width: number, measure: Measure, say: Say): Block {
  const items: Item[] = [];
  let [x, top] = [0, 0];
  for (const part of BAR_PARTS) {
    const word = say(part.word);
    const needed = 22 + measure(word, 'regular', 7.5);
    if (x > 0 && x + needed > width) [x, top] = [0, top + 14];
    items.push(...segment(part.status, x, top, 18, 10, measure), text(x + 22, top + 1, word, 'regular', 7.5, INK));
    x += needed + 16;
  }
  return { height: top + 18, items };
}

/** A part of a step's bar: the status's fill, border and dash, and its mark where there is room for it. */
function segment(status: Status, x: number, y: number, width: number, height: number, measure: Measure): Item[] {
  const style = STATUS_STYLE[status];
  const items: Item[] = [box(x, y, width, height, { fill: style.fill, stroke: style.stroke, dashed: style.dashed })];
  const mark = MARKS[status];
  const markWidth = measure(mark, 'regular', 6.5);
  if (width >= markWidth + 4) items.push({ kind: 'text', x: x + (width - markWidth) / 2, y: y + height / 2 + 2.3, text: mark, font: 'regular', size: 6.5, color: style.onFill });
  return items;
}

function stepHeadBlock(summary: ClassSummary, width: number, measure: Measure, say: Say): Block {
  const columns = stepColumns(width);
  const read = summary.files - summary.unreadableFiles;
  const items: Item[] = [
    text(0, 0, say(msg('summary.step')), 'regular', 7, MUTED),
    text(columns.bar, 0, say(msg('summary.share', { files: read })), 'regular', 7, MUTED),
    line(0, 12, width, 12, MUTED, 0.5),
  ];
  BAR_PARTS.forEach((part, k) => {
    const mark = MARKS[part.status];
    items.push(text(columns.percent(k) - measure(mark, 'bold', 8.5), -1, mark, 'bold', 8.5, STATUS_STYLE[part.status].ink));
  });
  return { height: 14, items };
}

/** `67%`; a share that rounds to 0 or 100 without being either says so. */
function shareText(share: number): string {
  if (share === 0) return '';
  if (share < 0.005) return '<1%';
  if (share > 0.995 && share < 1) return '>99%';
  return `${Math.round(share * 100)}%`;
}

function stepTable(summary: ClassSummary, width: number, measure: Measure, say: Say): Block[] {
  if (summary.steps.length === 0) return [note(say(msg('summary.noSteps')))];
  const head = stepHeadBlock(summary, width, measure, say);
  return [{ ...legend(width, measure, say), keepWithNext: true }, { ...head, keepWithNext: true }, ...summary.steps.map((step) => stepBlock(step, head, width, measure))];
}

function stepBlock(step: StepSummary, stepHead: Block, width: number, measure: Measure): Block {
  const columns = stepColumns(width);
  const items: Item[] = [text(0, 2.3, step.id, 'regular', fitSize(step.id, 'regular', 8.5, columns.idWidth, measure), INK)];
  let x = columns.bar;
  BAR_PARTS.forEach((part, k) => {
    const share = part.share(step);
    if (share === 0) return;
    items.push(...segment(part.status, x, 3.5, share * columns.barWidth, 8, measure));
    x += share * columns.barWidth;
    const label = shareText(share);
    items.push(text(columns.percent(k) - measure(label, 'regular', 8), 2.8, label, 'regular', 8, INK));
  });
  items.push(line(0, ROW, width, ROW, RULE, 0.4));
  return { height: ROW, items, repeatHead: stepHead };
}

/** The right edge of the counts; the bars follow them. */
const DIAGNOSIS_COUNT = 234;
const DIAGNOSIS_BAR = { x: 240, width: 30 };
const DIAGNOSIS_STEPS = 284;

function diagnosisTable(diagnoses: readonly DiagnosisSummary[], width: number, measure: Measure, say: Say): Block[] {
  const most = diagnoses[0]?.count;
  if (most === undefined) return [note(say(msg('summary.noDiagnoses')))];
  const head = diagnosisHeadBlock(width, measure, say);
  return [{ ...head, keepWithNext: true }, ...diagnoses.map((d) => diagnosisBlock(d, most, head, width, measure, say))];
}

function diagnosisHeadBlock(width: number, measure: Measure, say: Say): Block {
  const times = say(msg('summary.timesFound'));
  const items: Item[] = [
    text(0, 0, say(msg('summary.diagnosis')), 'regular', 7, MUTED),
    text(DIAGNOSIS_BAR.x + DIAGNOSIS_BAR.width - measure(times, 'regular', 7), 0, times, 'regular', 7, MUTED),
    text(DIAGNOSIS_STEPS, 0, say(msg('summary.onSteps')), 'regular', 7, MUTED),
    line(0, 12, width, 12, MUTED, 0.5),
  ];
  return { height: 14, items };
}

/** The code and what it means; how often, with a bar against the most frequent; the steps, wrapped. */
function diagnosisBlock(diagnosis: DiagnosisSummary, most: number, head: Block, width: number, measure: Measure, say: Say): Block {
  const pad = 4;
  const { name, meaning } = DIAGNOSIS_WORDS[diagnosis.diagnosis];
  const code = paragraph(0, pad, DIAGNOSIS_COUNT - 30, say(name), { font: 'bold', size: 9 }, measure);
  const words = paragraph(0, pad + code.height, DIAGNOSIS_COUNT - 30, say(meaning), { font: 'regular', size: 7, color: MUTED }, measure);
  const onSteps = diagnosis.steps.map((s) => (s.count > 1 ? `${s.id}\u00a0×${s.count}` : s.id)).join(', ');
  const steps = paragraph(DIAGNOSIS_STEPS, pad + 0.5, width - DIAGNOSIS_STEPS, onSteps, { font: 'regular', size: 8.5 }, measure);
  const count = String(diagnosis.count);
  const items: Item[] = [
    ...code.items, ...words.items, ...steps.items,
    box(DIAGNOSIS_BAR.x, pad + 2, DIAGNOSIS_BAR.width * (diagnosis.count / most), 8, { fill: DIAGNOSIS_BAR_FILL }),
    text(DIAGNOSIS_COUNT - measure(count, 'bold', 9), pad + 0.5, count, 'bold', 9, INK),
  ];
  const height = Math.max(pad + code.height + words.height, pad + steps.height) + pad;
  items.push(line(0, height, width, height, RULE, 0.4));
  return { height, items, repeatHead: head };
}
