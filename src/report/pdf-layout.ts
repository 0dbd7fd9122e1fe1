/**
 * The student's report laid out (pure, like layout.ts): the header with the score, a summary per
 * section, the network picture, then the marking of every step, one table row each.
 */
import {
  A4, box, fitSize, INK, line, MUTED, paginateReport, paragraph, RULE, RUNNING_HEAD, runningHead, STATUS_STYLE, text,
  type Block, type FontStyle, type Item, type Measure, type Page, type PageSize,
} from './layout.js';
import { msg, sayWith, type Say } from '../i18n/index.js';
import type { ReportModel, SectionRow, StepRow } from './model.js';
import { legend, networkBlock, nodeItems } from './pdf-network.js';

/** A line of a table cell: text, font, size, color, and the hanging indent of its wrapped lines. */
type CellLine = readonly [string, FontStyle, number, string, number?];

const BAR = '#546e7a';
const BAR_TRACK = '#eceff1';
const WARNING = '#b45309';

/**
 * The report on pages of `size` (A4 by default).
 *
 * @example
 * const pages = layoutReport(model, measure);
 * pages.length; // 7 for the seed homework's 91 steps
 */
export function layoutReport(model: ReportModel, measure: Measure, size: PageSize = A4): Page[] {
  const say = sayWith(model.voice);
  const width = size.width - 2 * size.margin;
  const body = size.height - 2 * size.margin - RUNNING_HEAD;
  const columns = stepColumns(width, model.revealExpected);
  const tableHead = tableHeadBlock(columns, measure, say);
  const blocks: Block[] = [
    headerBlock(model, width, measure, say),
    ...summaryBlocks(model.sections, width, measure, say),
    heading(say(msg('report.network')), width, measure),
    { ...legend(width, measure, say), keepWithNext: true },
    networkBlock(model.network, width, body - 60, measure, say),
    heading(say(msg('report.everyStep')), width, measure),
    { ...tableHead, keepWithNext: true },
    ...stepBlocks(model, columns, tableHead, width, measure, say),
  ];
  const head = runningHead(model.header.title, model.header.student || model.header.file, width, measure);
  const footer = say(msg('report.footer', { file: model.header.file, date: model.header.date }));
  return paginateReport(blocks, size, head, footer, measure, (page, pages) => say(msg('report.page', { page, pages })));
}

function heading(title: string, width: number, measure: Measure): Block {
  const { items, height } = paragraph(0, 8, width, title, { font: 'bold', size: 11 }, measure);
  return { height: height + 12, items, keepWithNext: true };
}

/** Title, student, file and date on the left; the score on the right; then any problem reading the file. */
function headerBlock(model: ReportModel, width: number, measure: Measure, say: Say): Block {
  const h = model.header;
  const scoreWidth = 150;
  const left = width - scoreWidth - 14;
  const items: Item[] = [];
  let y = 0;
  const add = (content: string, font: FontStyle, size: number, color = INK, gap = 0, balance = false) => {
    const p = paragraph(0, y + gap, left, content, { font, size, color, balance }, measure);
    items.push(...p.items);
    y += gap + p.height;
  };
  add(h.title, 'bold', 15, INK, 0, true);
  if (h.subtitle) add(h.subtitle, 'regular', 9.5, MUTED);
  add(h.student || say(msg('report.noStudent')), 'bold', 12, INK, 8);
  add(say(msg('report.file', { file: h.file })), 'regular', 8, MUTED, 2);
  add(say(msg('report.graded', { date: h.date })), 'regular', 8, MUTED);
  const score = scoreBox(model, width - scoreWidth, scoreWidth, measure, say);
  items.push(...score.items);
  y = Math.max(y, score.height);
  if (model.error !== null) add(say(msg('report.couldNotRead', { error: model.error })), 'bold', 9, STATUS_STYLE.incorrect.ink, 8);
  for (const problem of model.problems) add(`! ${problem}`, 'regular', 8, WARNING, 4);
  return { height: y + 10, items };
}

function scoreBox(model: ReportModel, x: number, width: number, measure: Measure, say: Say): { items: Item[]; height: number } {
  const h = model.header;
  const right = (content: string, top: number, font: FontStyle, size: number, color = INK) => {
    const fitted = fitSize(content, font, size, width - 16, measure);
    return text(x + width - 8 - measure(content, font, fitted), top, content, font, fitted, color);
  };
  const counts = h.counts.filter((c) => c.count > 0).map((c) => `${c.count} ${c.mark}`).join('   ');
  return {
    height: 76,
    items: [
      box(x, 0, width, 76, { stroke: RULE, radius: 4 }),
      text(x + 8, 6, say(msg('report.score')), 'regular', 7.5, MUTED),
      right(`${h.score} / ${h.maxScore}`, 14, 'bold', 20),
      right(h.percent, 40, 'bold', 11),
      right(counts, 58, 'regular', 8.5, MUTED),
    ],
  };
}

const COUNT_X = 150;
const COUNT_STEP = 26;

function summaryBlocks(sections: readonly SectionRow[], width: number, measure: Measure, say: Say): Block[] {
  const barX = COUNT_X + 5 * COUNT_STEP + 12;
  const barWidth = width - barX - 64;
  const head: Item[] = (sections[0]?.counts ?? []).map((c, k) =>
    cell(COUNT_X + k * COUNT_STEP, 0, c.mark, STATUS_STYLE[c.status].ink, 'bold', measure));
  const subtotalWord = say(msg('report.subtotal'));
  head.push(text(width - measure(subtotalWord, 'regular', 7), 2, subtotalWord, 'regular', 7, MUTED), line(0, 14, width, 14, MUTED, 0.5));
  const headBlock: Block = { height: 16, items: head, keepWithNext: true };
  const rows = sections.map((section): Block => {
    const name = section.heading ?? section.id;
    const items: Item[] = [text(0, 3, name, 'regular', fitSize(name, 'regular', 8.5, COUNT_X - 8, measure), INK)];
    section.counts.forEach((c, k) => {
      if (c.count > 0) items.push(cell(COUNT_X + k * COUNT_STEP, 3, String(c.count), INK, 'regular', measure));
    });
    items.push(box(barX, 6, barWidth, 6, { fill: BAR_TRACK }), box(barX, 6, barWidth * section.fraction, 6, { fill: BAR }));
    const subtotal = `${section.score} / ${section.maxScore}`;
    items.push(text(width - measure(subtotal, 'bold', 8.5), 3, subtotal, 'bold', 8.5, INK), line(0, 17, width, 17, RULE, 0.4));
    return { height: 17, items, repeatHead: headBlock };
  });
  return [heading(say(msg('report.scoreBySection')), width, measure), headBlock, ...rows];
}

/** A count (or mark) centered in its column of the section table. */
function cell(x: number, top: number, content: string, color: string, font: FontStyle, measure: Measure): Item {
  return text(x + (COUNT_STEP - measure(content, font, 8.5)) / 2, top, content, font, 8.5, color);
}

interface Columns {
  readonly id: number;
  readonly formula: number;
  readonly formulaWidth: number;
  readonly written: number;
  readonly expected: number | null;
  readonly valueWidth: number;
  /** The right edge of the points. */
  readonly right: number;
}

function stepColumns(width: number, reveal: boolean): Columns {
  const valueWidth = 62;
  const points = width - 36;
  const expected = reveal ? points - valueWidth - 6 : null;
  const written = (expected ?? points) - valueWidth - 6;
  return { id: 19, formula: 122, formulaWidth: written - 122 - 10, written, expected, valueWidth, right: width };
}

function tableHeadBlock(columns: Columns, measure: Measure, say: Say): Block {
  const label = (x: number, content: string) => text(x, 0, content, 'regular', 7, MUTED);
  const points = say(msg('report.column.points'));
  const items: Item[] = [
    label(columns.id, say(msg('report.column.step'))),
    label(columns.formula, say(msg('report.column.formula'))),
    label(columns.written, say(msg('report.column.written'))),
    text(columns.right - measure(points, 'regular', 7), 0, points, 'regular', 7, MUTED),
    line(0, 12, columns.right, 12, MUTED, 0.5),
  ];
  if (columns.expected !== null) items.push(label(columns.expected, say(msg('report.column.expected'))));
  return { height: 14, items };
}

function stepBlocks(model: ReportModel, columns: Columns, tableHead: Block, width: number, measure: Measure, say: Say): Block[] {
  const blocks: Block[] = [];
  for (const section of model.sections) {
    const subtotal = `${section.score} / ${section.maxScore}`;
    blocks.push({
      height: 20,
      keepWithNext: true,
      repeatHead: tableHead,
      items: [
        box(0, 3, width, 15, { fill: '#f1f3f4' }),
        text(4, 5, section.heading ?? section.id, 'bold', 9, INK),
        text(width - 4 - measure(subtotal, 'bold', 9), 5, subtotal, 'bold', 9, INK),
      ],
    });
    for (const step of model.steps.filter((s) => s.section === section.id)) blocks.push(stepBlock(step, columns, tableHead, measure, say));
  }
  return blocks;
}

/** One step: mark, id and description, formula lines and the message, what was written and where, points. */
function stepBlock(step: StepRow, columns: Columns, tableHead: Block, measure: Measure, say: Say): Block {
  const pad = 3.5;
  const ink = STATUS_STYLE[step.status].ink;
  const items: Item[] = nodeItems({ id: '', status: step.status, mark: step.mark }, 0, pad, 13, 13, measure, 9);
  const column = (x: number, width: number, parts: readonly CellLine[]) => {
    let y = pad;
    for (const [content, font, size, color, indent] of parts) {
      const p = paragraph(x, y, width, content, { font, size, color, indent: indent ?? 0 }, measure);
      items.push(...p.items);
      y += p.height;
    }
    return y;
  };
  const written: CellLine[] = [[step.submitted === '' ? '—' : step.submitted, 'regular', 8.5, step.submitted === '' ? MUTED : INK]];
  if (step.cell) written.push([step.cell, 'regular', 6, MUTED]);
  const heights = [
    column(columns.id, columns.formula - columns.id - 8, [[step.id, 'bold', 8.5, INK], [step.description, 'regular', 6.5, MUTED]]),
    column(columns.formula, columns.formulaWidth, formulaLines(step, ink, say, measure)),
    column(columns.written, columns.valueWidth, written),
    columns.expected === null ? 0 : column(columns.expected, columns.valueWidth, [[step.expected ?? '', 'regular', 8.5, MUTED]]),
  ];
  const points = `${step.points} / ${step.maxPoints}`;
  items.push(text(columns.right - measure(points, 'bold', 8.5), pad, points, 'bold', 8.5, ink));
  const height = Math.max(pad + 13, ...heights) + pad;
  items.push(line(0, height, columns.right, height, RULE, 0.4));
  return { height, items, repeatHead: tableHead };
}

function formulaLines(step: StepRow, ink: string, say: Say, measure: Measure): CellLine[] {
  const lines: CellLine[] = [[`= ${step.symbolic}`, 'regular', 8.5, INK, 9]];
  const steps = step.notGiven;
  if (step.substituted === null) lines.push([say(msg('report.numbersHidden', { steps })), 'regular', 7, MUTED]);
  else {
    lines.push([`= ${step.substituted}`, 'regular', 8.5, INK, 9]);
    if (steps.length > 0) lines.push([say(msg('report.referenceUsed', { steps })), 'regular', 7, MUTED]);
  }
  // A message that wraps continues under its first word, clear of the mark.
  if (step.status !== 'correct') lines.push([`${step.mark} ${step.message}`, 'regular', 7.5, ink, measure(`${step.mark} `, 'regular', 7.5)]);
  return lines;
}

