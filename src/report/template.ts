/**
 * The sheet students fill in, as xlsx or ods bytes: their id and name, the instructions, the
 * homework's givens, then one row per step grouped by section. A pure function of the rubric
 * (and its graph): variants call it once per student with that student's rubric.
 */
import * as XLSX from 'xlsx';
import type { Graph } from '../engine/graph.js';
import { english, msg, sayWith, titleIn, type Voice } from '../i18n/index.js';
import type { Rubric } from '../rubric/schema.js';
import { DESCRIPTION_COLUMN, isField, templateLayout, type Filled, type TemplateCell, type TemplateLayout } from './template-layout.js';
import { MARGINS, odsPrintSetup, xlsxPrintSetup, type PrintSetup } from './template-print.js';
import { HEADINGS, valuePrompt } from './template-text.js';

export type { Filled } from './template-layout.js';

/** Column headings the reader looks for (see ingest/answers.ts), in English; the reader knows the Chinese ones too. */
export const TEMPLATE_HEADINGS = [HEADINGS.step, HEADINGS.description, HEADINGS.value].map(english);

export const TEMPLATE_FORMATS = ['xlsx', 'ods'] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

export interface TemplateOptions {
  /** Default: xlsx. */
  readonly format?: TemplateFormat;
  /** Each step's formula under its description; default: the rubric's `template.formulas` (off). */
  readonly formulas?: boolean;
  /** Values to fill in (example submissions, tests). */
  readonly filled?: Filled;
  /** The language and the course's words (English by default): headings, instructions, descriptions, the title and the sheet's name. */
  readonly voice?: Voice;
}

/** The sheet's name; the filled template's cells are named `Answers!C41` (`答题!C41`) in reports. */
const SHEET = msg('template.sheet');
/** The height of a line of text: Calibri 12 (xlsx, as SheetJS writes it), Liberation Sans 10 (ods). */
const LINE_POINTS = { xlsx: 16, ods: 13 };
/** Pixels per character of column width in ods (10 pt Liberation Sans, the ods default, with room). */
const ODS_CHARACTER_PX = 7.5;
/** A fixed date, so the same rubric gives the same bytes. */
const CREATED = new Date(Date.UTC(2000, 0, 1));

/**
 * The template as file bytes.
 *
 * @example
 * const { loaded, graph } = compileRubric(yamlText, 'hw1.yaml');
 * writeFileSync('hw1.ods', templateWorkbook(loaded.rubric, graph, { format: 'ods' }));
 */
export function templateWorkbook(rubric: Rubric, graph: Graph, options: TemplateOptions = {}): Uint8Array {
  const format = options.format ?? 'xlsx';
  const say = sayWith(options.voice);
  const layout = templateLayout(rubric, graph, layoutOptions(rubric, options));
  const book = XLSX.utils.book_new();
  const sheet = say(SHEET);
  XLSX.utils.book_append_sheet(book, templateSheet(layout, format), sheet);
  book.Props = { Title: layout.title, CreatedDate: CREATED };
  const setup = printSetup(layout, options.voice);
  if (format === 'ods') return odsPrintSetup(XLSX.write(book, { type: 'buffer', bookType: 'ods', compression: true }) as Uint8Array, setup);
  book.Workbook = { Names: [{ Name: '_xlnm.Print_Titles', Sheet: 0, Ref: `${sheet}!$${layout.headerRow + 1}:$${layout.headerRow + 1}` }] };
  return xlsxPrintSetup(XLSX.write(book, { type: 'buffer', bookType: 'xlsx', bookSST: true, compression: true }) as Uint8Array, setup);
}

/** The template's rows as plain values (fields as their value or null): for example submissions. */
export function templateRows(rubric: Rubric, graph: Graph, options: Omit<TemplateOptions, 'format'> = {}): (string | number | null)[][] {
  const layout = templateLayout(rubric, graph, layoutOptions(rubric, options));
  return layout.rows.map((row) => row.map((cell) => (isField(cell) ? cell.field : cell)));
}

function templateSheet(layout: TemplateLayout, format: TemplateFormat): XLSX.WorkSheet {
  const sheet: XLSX.WorkSheet = {};
  let lastColumn = 0;
  layout.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const written = sheetCell(cell, format);
      if (written === null) return;
      sheet[XLSX.utils.encode_cell({ r, c })] = written;
      lastColumn = Math.max(lastColumn, c);
    }),
  );
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: layout.rows.length - 1, c: lastColumn } });
  // SheetJS turns characters into pixels for ods with a narrower digit than office fonts have.
  sheet['!cols'] = layout.widths.map((wch) => (format === 'ods' ? { wpx: wch * ODS_CHARACTER_PX } : { wch }));
  sheet['!margins'] = { ...MARGINS };
  // xlsx rows get their height here; ods rows get theirs in its print setup (with page breaks).
  if (format === 'xlsx') {
    // Every row's height is written: a spreadsheet's default row fits Calibri, and Chinese glyphs
    // (set in a CJK fallback font, taller) would touch the rows above and below in LibreOffice.
    const heights: XLSX.RowInfo[] = layout.rows.map((_, row) => ({ hpt: (layout.tallRows.get(row) ?? 1) * LINE_POINTS.xlsx }));
    sheet['!rows'] = heights;
  }
  const heading = sheet[XLSX.utils.encode_cell({ r: layout.headerRow, c: layout.valueColumn })] as XLSX.CellObject;
  heading.c = Object.assign([{ a: 'stepmark', t: layout.valueNote }], { hidden: true });
  return sheet;
}

/**
 * A field is a text cell (`@`), so `0.410` keeps its zero and an id its leading zeros. Empty,
 * it is a styled empty cell in xlsx; ods has no such cell in SheetJS, so there it is empty text.
 */
function sheetCell(cell: TemplateCell, format: TemplateFormat): XLSX.CellObject | null {
  if (cell === null) return null;
  if (typeof cell === 'string') return { t: 's', v: cell };
  if (typeof cell === 'number') return { t: 'n', v: cell };
  const value = cell.field;
  if (typeof value === 'number') return { t: 'n', v: value, z: '@' };
  if (value !== null && value !== '') return { t: 's', v: value, z: '@' };
  return format === 'xlsx' ? { t: 'z', z: '@' } : { t: 's', v: '', z: '@' };
}

function layoutOptions(rubric: Rubric, options: Omit<TemplateOptions, 'format'>) {
  const { voice } = options;
  return {
    formulas: options.formulas ?? rubric.template.formulas,
    filled: options.filled,
    say: sayWith(voice),
    title: voice === undefined ? undefined : titleIn(rubric, voice.language),
  };
}

function printSetup(layout: TemplateLayout, voice: Voice | undefined): PrintSetup {
  const say = sayWith(voice);
  return {
    headerRow: layout.headerRow,
    breaks: layout.breaks,
    wrapped: { column: DESCRIPTION_COLUMN, rows: layout.tallRows, linePoints: LINE_POINTS.ods },
    prompts: layout.valueRuns.map((run) => ({ column: layout.valueColumn, firstRow: run.firstRow, lastRow: run.lastRow, ...valuePrompt(run.decimals, say) })),
  };
}
