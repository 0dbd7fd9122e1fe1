/**
 * The template as plain data: its rows (the student's fields first, the instructions, the
 * givens, then one row per step grouped by section), where the header row is, where pages
 * break, and which cells the student fills in. Writing it as xlsx or ods is template.ts's job.
 */
import type { Graph } from '../engine/graph.js';
import { renderSymbolic } from '../engine/text.js';
import { settingsFor } from '../grade/settings.js';
import { english, type Say } from '../i18n/index.js';
import type { Rubric } from '../rubric/schema.js';
import { sectionHeading as sectionName } from './sections.js';
import { givensBlock } from './template-givens.js';
import { FIELDS, HEADINGS, instructionLines, sectionHeading, valueHeadingNote, type RoundingFacts } from './template-text.js';

/** A cell the student fills in (written as a text cell); `value` fills it for examples and tests. */
export interface FieldCell {
  readonly field: string | number | null;
}

export type TemplateCell = string | number | null | FieldCell;

/** Answers to put in a template: for example submissions and tests. */
export interface Filled {
  readonly student: { readonly id: string; readonly name: string };
  readonly answers: ReadonlyMap<string, string | number | null>;
}

/** A run of value cells in one section, asking for `decimals` decimals (rows inclusive). */
export interface ValueRun {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly decimals: number;
}

export interface TemplateLayout {
  readonly title: string;
  readonly rows: readonly (readonly TemplateCell[])[];
  /** The row of column headings, repeated on every printed page. */
  readonly headerRow: number;
  /** Rows that start a new printed page. */
  readonly breaks: readonly number[];
  /** Column widths, in characters. */
  readonly widths: readonly number[];
  readonly valueColumn: number;
  readonly valueRuns: readonly ValueRun[];
  /** The note on the value column's heading. */
  readonly valueNote: string;
  /** Rows of more than one line of text (a description with its formula), wrapped in `DESCRIPTION_COLUMN`. */
  readonly tallRows: ReadonlyMap<number, number>;
}

export const DESCRIPTION_COLUMN = 1;
export const VALUE_COLUMN = 2;
const WIDTHS = { label: 14, description: 40, value: 12, gridMin: 5 };
/** Characters of a wrapped formula line: a column holds about 15% more of them than its width. */
const LINE_CHARACTERS = WIDTHS.description;

/**
 * A printed A4 page at full scale, as Excel and WPS measure it (Calibri 12, 0.6" margins): rows it
 * holds, and the width of its printable area in characters. Fitting the sheet to the page's width
 * shrinks rows by as much as it shrinks columns. LibreOffice draws columns wider and rows lower,
 * so its pages hold more rows: a section that fits here fits there.
 */
const LINES_PER_PAGE = 47;
const PAGE_WIDTH = 87;

export const isField = (cell: TemplateCell): cell is FieldCell => typeof cell === 'object' && cell !== null;

export interface LayoutOptions {
  readonly formulas: boolean;
  readonly filled?: Filled | undefined;
  /** The language of every word (English by default); step ids, names and formulas are never translated. */
  readonly say?: Say | undefined;
  /** The title in that language (the graph's by default). */
  readonly title?: string | undefined;
}

export function templateLayout(rubric: Rubric, graph: Graph, options: LayoutOptions): TemplateLayout {
  const { filled } = options;
  const say = options.say ?? english;
  const title = options.title ?? graph.title;
  const givens = givensBlock(rubric, graph, say);
  const rows: TemplateCell[][] = [
    [title],
    [say(FIELDS.id), { field: filled?.student.id ?? null }],
    [say(FIELDS.name), { field: filled?.student.name ?? null }],
    [],
    ...instructionLines(roundingFacts(rubric, graph), say).map((line) => [line]),
    [],
    ...givens.rows,
    [],
  ];
  const headerRow = rows.length;
  const table = stepTable(rubric, graph, headerRow, options.formulas, filled, say);
  rows.push(...table.rows);
  const widths = columnWidths(givens.rows);
  const tallRows = new Map<number, number>();
  rows.forEach((row, r) => {
    const description = row[DESCRIPTION_COLUMN];
    const lines = typeof description === 'string' && r > headerRow ? wrappedLines(description) : 1;
    if (lines > 1) tallRows.set(r, lines);
  });
  return {
    title,
    rows,
    headerRow,
    breaks: pageBreaks(headerRow, table.sectionStarts, rows.length, widths, tallRows),
    widths,
    valueColumn: VALUE_COLUMN,
    valueRuns: table.valueRuns,
    valueNote: valueHeadingNote(rubric.grading.decimals, say),
    tallRows,
  };
}

/**
 * Lines a description takes in its column: one for the description itself (descriptions fit a
 * line), then each further paragraph (the formula) wrapped.
 */
function wrappedLines(text: string): number {
  const [, ...more] = text.split('\n');
  return more.reduce((sum, paragraph) => sum + Math.max(1, Math.ceil(paragraph.length / LINE_CHARACTERS)), 1);
}

/**
 * The header row, then each section: its heading row and a row per step, from row `start` on.
 * With `formulas`, each step's formula goes under its description, in the same cell.
 */
function stepTable(rubric: Rubric, graph: Graph, start: number, formulas: boolean, filled: Filled | undefined, say: Say) {
  const description = formulas ? HEADINGS.descriptionAndFormula : HEADINGS.description;
  const rows: TemplateCell[][] = [[say(HEADINGS.step), say(description), say(HEADINGS.value)]];
  const sectionStarts: number[] = [];
  const valueRuns: ValueRun[] = [];
  for (const section of graph.sections) {
    const decimals = settingsFor(rubric, section).grading.decimals;
    sectionStarts.push(start + rows.length);
    rows.push([null, sectionHeading(say(sectionName(graph, section)), decimals === rubric.grading.decimals ? null : decimals, say)]);
    valueRuns.push({ firstRow: start + rows.length, lastRow: start + rows.length + section.stepIds.length - 1, decimals });
    for (const id of section.stepIds) {
      const step = graph.byId.get(id)!;
      const text = formulas ? `${say(step.descriptionNote)}\n${id} = ${renderSymbolic(step.expr)}` : say(step.descriptionNote);
      rows.push([id, text, { field: filled?.answers.get(id) ?? null }]);
    }
  }
  return { rows, sectionStarts, valueRuns };
}

function roundingFacts(rubric: Rubric, graph: Graph): RoundingFacts {
  const { decimals, tolerance, followThrough } = rubric.grading;
  const sectionDecimals = graph.sections.some((s) => settingsFor(rubric, s).grading.decimals !== decimals);
  return { decimals, mode: tolerance.mode, sigfigs: tolerance.sigfigs, followThrough, sectionDecimals };
}

/** Label, description and value columns of fixed width; grid columns as wide as their numbers. */
function columnWidths(givens: readonly (readonly TemplateCell[])[]): number[] {
  const widths = [WIDTHS.label, WIDTHS.description, WIDTHS.value];
  for (const row of givens) {
    row.forEach((cell, c) => {
      if (c > VALUE_COLUMN && typeof cell === 'number') widths[c] = Math.max(widths[c] ?? WIDTHS.gridMin, String(cell).length + 2);
    });
  }
  return Array.from(widths, (w) => w ?? WIDTHS.gridMin);
}

/**
 * A section never splits across pages unless it is longer than a page: a break goes before a
 * section that does not fit in what is left of the page, and before the header row (with the
 * first section) when that does not fit under the givens.
 */
function pageBreaks(
  headerRow: number,
  sectionStarts: readonly number[],
  rowCount: number,
  widths: readonly number[],
  tallRows: ReadonlyMap<number, number>,
): number[] {
  const total = widths.reduce((sum, w) => sum + w, 0);
  const capacity = Math.floor(LINES_PER_PAGE * Math.max(1, total / PAGE_WIDTH));
  const lines = (from: number, to: number) => {
    let sum = 0;
    for (let r = from; r < to; r++) sum += tallRows.get(r) ?? 1;
    return sum;
  };
  const blockStarts = [headerRow, ...sectionStarts.slice(1)];
  const breaks: number[] = [];
  let used = lines(0, headerRow) % capacity;
  blockStarts.forEach((start, i) => {
    const length = lines(start, blockStarts[i + 1] ?? rowCount);
    if (used + length > capacity && used > 1) {
      breaks.push(start);
      // Every page after a break starts with the repeated header row (the first one is the header).
      used = i === 0 ? 0 : 1;
    }
    used = (used + length) % capacity;
  });
  return breaks;
}
