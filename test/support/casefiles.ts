/**
 * Spreadsheet files made from a case: a student's values for the seed homework written into the
 * template's layout (or any layout) with SheetJS's writer, then graded from the bytes as a TA
 * would, through the reader and the grader.
 */
import * as XLSX from 'xlsx';
import { gradeFile } from '../../src/grade/grade-file.js';
import type { Reference } from '../../src/grade/reference.js';
import type { GradeResult, StepResult } from '../../src/grade/result.js';
import { createLabelMatcher } from '../../src/ingest/labels.js';

/** A value cell: a typed number, typed text, or a full SheetJS cell (number format, formula...). */
export type ValueSpec = number | string | XLSX.CellObject;

export type BookType = 'xlsx' | 'biff8' | 'ods';

const cellOf = (spec: ValueSpec): XLSX.CellObject =>
  typeof spec === 'number' ? { t: 'n', v: spec } : typeof spec === 'string' ? { t: 's', v: spec } : spec;

/** The template's rows: a header, then one row per step (id, value), in the order given. */
export function templateRows(values: ReadonlyMap<string, ValueSpec>): XLSX.CellObject[][] {
  const rows: XLSX.CellObject[][] = [[cellOf('Step'), cellOf('Your value')]];
  for (const [id, spec] of values) rows.push([cellOf(id), cellOf(spec)]);
  return rows;
}

/** A sheet from rows of cells (null: no cell). */
export function sheetOf(rows: readonly (readonly (XLSX.CellObject | null)[])[]): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let lastCol = 0;
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null) return;
      ws[XLSX.utils.encode_cell({ r, c })] = cell;
      lastCol = Math.max(lastCol, c);
    }),
  );
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(rows.length - 1, 0), c: lastCol } });
  return ws;
}

export function fileOf(sheets: Record<string, XLSX.WorkSheet>, bookType: BookType = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(XLSX.write(wb, { bookType, type: 'buffer' }) as Buffer);
}

/** Grades a file's bytes against `reference`, as `stepmark grade` does. */
export function gradeBytes(reference: Reference, bytes: Uint8Array, name = '2023000009_case.xlsx'): GradeResult {
  const match = createLabelMatcher(reference.graph.steps.map((s) => s.id), reference.rubric.aliases);
  return gradeFile(reference, match, bytes, name);
}

/** Writes the values into the template layout, saves the file, and grades it. */
export function gradeCase(reference: Reference, values: ReadonlyMap<string, ValueSpec>, bookType: BookType = 'xlsx'): GradeResult {
  return gradeBytes(reference, fileOf({ Answers: sheetOf(templateRows(values)) }, bookType), `2023000009_case.${bookType === 'biff8' ? 'xls' : bookType}`);
}

export const stepIn = (result: GradeResult, id: string): StepResult => {
  const step = result.steps.find((s) => s.id === id);
  if (step === undefined) throw new Error(`no step ${id}`);
  return step;
};
