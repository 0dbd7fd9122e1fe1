/**
 * Builds test workbooks with SheetJS's writer, so no binary fixture is committed for them.
 */
import * as XLSX from 'xlsx';
import * as cpexcel from 'xlsx/dist/cpexcel.full.mjs';
import { createLabelMatcher } from '../../src/ingest/index.js';

/** A cell: text, a number, nothing, or a full SheetJS cell (formula, number format...). */
export type CellSpec = string | number | null | XLSX.CellObject;
export type SheetSpec = readonly (readonly CellSpec[])[];

export interface SheetOptions {
  /** Where the first row/column of `rows` goes (default A1). */
  readonly origin?: string;
  readonly merges?: readonly string[];
}

export const STEP_IDS = ['in_cc1', 'out_pp3', 'coef_c5', 'w1_new', 'KK11_new', 'loss'] as const;
export const match = createLabelMatcher(STEP_IDS);

export function sheet(rows: SheetSpec, options: SheetOptions = {}): XLSX.WorkSheet {
  const origin = XLSX.utils.decode_cell(options.origin ?? 'A1');
  const ws: XLSX.WorkSheet = {};
  let lastRow = origin.r;
  let lastCol = origin.c;
  rows.forEach((row, r) =>
    row.forEach((spec, c) => {
      if (spec === null) return;
      const at = { r: origin.r + r, c: origin.c + c };
      ws[XLSX.utils.encode_cell(at)] = toCell(spec);
      lastRow = Math.max(lastRow, at.r);
      lastCol = Math.max(lastCol, at.c);
    }),
  );
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: lastCol } });
  if (options.merges) ws['!merges'] = options.merges.map((range) => XLSX.utils.decode_range(range));
  return ws;
}

function toCell(spec: Exclude<CellSpec, null>): XLSX.CellObject {
  if (typeof spec === 'string') return { t: 's', v: spec };
  if (typeof spec === 'number') return { t: 'n', v: spec };
  return spec;
}

export function book(sheets: Record<string, XLSX.WorkSheet>): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, name);
  return wb;
}

export type BinaryType = 'xlsx' | 'biff8' | 'ods';

export function write(wb: XLSX.WorkBook, bookType: BinaryType): Uint8Array {
  return new Uint8Array(XLSX.write(wb, { bookType, type: 'buffer', compression: true }) as Buffer);
}

/** The first sheet as CSV text, as SheetJS writes it (formatted values, `,` separators). */
export function csvText(wb: XLSX.WorkBook): string {
  const first = wb.SheetNames[0];
  if (first === undefined) throw new Error('no sheet');
  return XLSX.utils.sheet_to_csv(wb.Sheets[first] as XLSX.WorkSheet);
}

export const utf8 = (text: string, bom = false): Uint8Array =>
  new Uint8Array(Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8'));

/** Text in GBK (code page 936), as Chinese Excel saves CSV. */
export function gbk(text: string): Uint8Array {
  // The module exports `utils` beside `cptable`; its typings put it on `cptable` instead.
  const { utils } = cpexcel as unknown as { utils: cpexcel.CP$Utils };
  const encoded = utils.encode(936, text);
  if (typeof encoded === 'string') throw new Error('expected bytes');
  return Uint8Array.from(encoded);
}

/** The template as the stepmark instructions give it, with the student's fields on top. */
export function templateSheet(): XLSX.WorkSheet {
  return sheet([
    ['Student ID', 2023123456],
    ['Name', '张三'],
    [],
    ['Step', 'Description', 'Your value'],
    ['coef_c5', 'conv output c5', 0.646],
    ['w1_new', 'updated weight w1', -0.015],
    ['loss', 'cross-entropy', { t: 'n', v: 0.6, z: '0.000' }],
  ]);
}
