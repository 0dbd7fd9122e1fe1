/**
 * A workbook's sheets as bounded lists of cells, with the addresses students see (`Sheet1!A12`).
 */
import * as XLSX from 'xlsx';
import type { IngestLimits } from './limits.js';
import { msg } from '../i18n/index.js';
import { ingestProblem } from './problems.js';
import type { IngestProblem } from './types.js';

export interface GridCell {
  /** 0-based, as SheetJS counts. */
  readonly row: number;
  readonly col: number;
  readonly cell: XLSX.CellObject;
}

export interface SheetGrid {
  readonly name: string;
  /** Every non-empty cell read, row by row. */
  readonly cells: readonly GridCell[];
  at(row: number, col: number): XLSX.CellObject | undefined;
  /** The column just right of a cell, past the merged range it starts, if any. */
  rightOf(row: number, col: number): number;
  /** The first column at or right of `col` in `row` that holds something (a value or a formula), or null. */
  filledFrom(row: number, col: number): number | null;
}

/** "A12" for row 11, column 0. */
export const cellAddress = (row: number, col: number): string => XLSX.utils.encode_cell({ r: row, c: col });

/** "Sheet1!A12", quoting sheet names as Excel does ("'My sheet'!A12"). */
export function fullAddress(sheet: string, cell: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;
}

export function readGrid(
  workbook: XLSX.WorkBook,
  limits: IngestLimits,
): { sheets: SheetGrid[]; problems: IngestProblem[] } {
  const problems: IngestProblem[] = [];
  const names = workbook.SheetNames;
  if (names.length > limits.maxSheets) {
    problems.push(ingestProblem('too-many-sheets', msg('problem.tooManySheets', { read: limits.maxSheets, sheets: names.length })));
  }
  let budget = limits.maxCells;
  const sheets: SheetGrid[] = [];
  for (const name of names.slice(0, limits.maxSheets)) {
    const sheet = workbook.Sheets[name];
    if (!sheet) continue;
    const { cells, cut } = collectCells(sheet, budget);
    budget -= cells.length;
    sheets.push(sheetGrid(name, sheet, cells));
    if (rowsCut(sheet, limits.maxRows)) {
      problems.push(ingestProblem('too-many-rows', msg('problem.tooManyRows', { rows: limits.maxRows, sheet: name })));
    }
    if (cut) {
      problems.push(ingestProblem('too-many-cells', msg('problem.tooManyCells', { cells: limits.maxCells })));
      break;
    }
  }
  return { sheets, problems };
}

type DenseRows = ReadonlyArray<ReadonlyArray<XLSX.CellObject | null | undefined> | null | undefined>;

const rowsOf = (sheet: XLSX.WorkSheet): DenseRows => {
  const data: unknown = sheet['!data'];
  return Array.isArray(data) ? (data as DenseRows) : [];
};

/**
 * The sheet's cells in reading order, at most `budget` of them (`cut` when there were more). `Object.keys` lists only the
 * cells present, so a hostile far-away address (column XFD, row 1048576) costs nothing.
 */
function collectCells(sheet: XLSX.WorkSheet, budget: number): { cells: GridCell[]; cut: boolean } {
  const cells: GridCell[] = [];
  const rows = rowsOf(sheet);
  for (const rowKey of Object.keys(rows)) {
    const row = rows[Number(rowKey)];
    if (!Array.isArray(row)) continue;
    for (const colKey of Object.keys(row)) {
      const cell = row[Number(colKey)];
      if (!cell || (cell.t === 'z' && cell.f === undefined)) continue;
      if (cells.length >= budget) return { cells, cut: true };
      cells.push({ row: Number(rowKey), col: Number(colKey), cell });
    }
  }
  return { cells, cut: false };
}

function sheetGrid(name: string, sheet: XLSX.WorkSheet, cells: readonly GridCell[]): SheetGrid {
  const rows = rowsOf(sheet);
  const mergeEnds = new Map<string, number>();
  for (const merge of sheet['!merges'] ?? []) mergeEnds.set(`${merge.s.r}:${merge.s.c}`, merge.e.c);
  return {
    name,
    cells,
    at: (row, col) => rows[row]?.[col] ?? undefined,
    rightOf: (row, col) => (mergeEnds.get(`${row}:${col}`) ?? col) + 1,
    filledFrom: (row, col) => {
      const cells = rows[row];
      if (!Array.isArray(cells)) return null;
      // Object.keys lists only the cells present, in column order.
      for (const key of Object.keys(cells)) {
        const c = Number(key);
        const cell = cells[c];
        if (c >= col && cell && !(cell.t === 'z' && cell.f === undefined) && !(cell.t === 's' && String(cell.v).trim() === '')) return c;
      }
      return null;
    },
  };
}

function rowsCut(sheet: XLSX.WorkSheet, maxRows: number): boolean {
  const full: unknown = sheet['!fullref'];
  if (typeof full !== 'string') return false;
  try {
    return XLSX.utils.decode_range(full).e.r + 1 > maxRows;
  } catch {
    return false;
  }
}
