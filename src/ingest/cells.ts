/**
 * One SheetJS cell -> the text of a label, or a student's value.
 *
 * Total functions: a cell of any shape gives a value (perhaps `unreadable`), never an exception.
 */
import * as XLSX from 'xlsx';
import { assertNever } from '../engine/expr.js';
import type { ParsedValue } from './values.js';
import { numericCellValue, parseValue, unreadable } from './values.js';
import { msg, type Message } from '../i18n/index.js';

/** The part of SheetJS's number-format library used here (its typings declare it `any`). */
interface FormatLibrary {
  is_date(format: string): boolean;
  get_table(): Readonly<Record<number, string | undefined>>;
}

const formats: FormatLibrary = XLSX.SSF;

export const FORMULA_WITHOUT_VALUE = msg('value.formulaWithoutValue');

/** The text of a text cell, trimmed (and without the BOM a CSV's first cell may carry); else null. */
export function cellText(cell: XLSX.CellObject | undefined): string | null {
  if (cell?.t !== 's' || typeof cell.v !== 'string') return null;
  const text = cell.v.replace(/^\uFEFF/, '').trim();
  return text === '' ? null : text;
}

/** A text or whole-number cell as plain text: student ids are often typed as numbers. */
export function cellPlainText(cell: XLSX.CellObject | undefined): string | null {
  if (cell?.t === 'n' && typeof cell.v === 'number' && Number.isSafeInteger(cell.v)) return String(cell.v);
  return cellText(cell);
}

/** The student's value in a cell. */
export function readCellValue(cell: XLSX.CellObject | undefined): ParsedValue {
  if (!cell) return { kind: 'empty' };
  if (cell.f !== undefined && cell.v === undefined) {
    return unreadable(`=${cell.f}`.slice(0, 100), FORMULA_WITHOUT_VALUE);
  }
  const shown = typeof cell.w === 'string' ? cell.w : undefined;
  switch (cell.t) {
    case 'z':
      return { kind: 'empty' };
    case 's':
      return typeof cell.v === 'string' ? parseValue(cell.v.replace(/^\uFEFF/, '')) : { kind: 'empty' };
    case 'n':
      return numberCell(cell.v, formatOf(cell.z), shown, cell.f !== undefined);
    case 'b':
      return unreadable(shown ?? String(cell.v), msg('value.boolean'));
    case 'e':
      return unreadable(shown ?? '#ERROR', msg('value.cellError', { shown: shown ?? '#ERROR' }));
    case 'd':
      return unreadable(shown ?? String(cell.v), dateReason(shown));
    default:
      return assertNever(cell.t);
  }
}

function numberCell(value: unknown, format: string | undefined, shown: string | undefined, formula: boolean): ParsedValue {
  if (typeof value !== 'number') return { kind: 'empty' };
  if (format !== undefined && isDate(format)) {
    return unreadable(shown ?? String(value), dateReason(shown));
  }
  return numericCellValue(value, format, shown, formula);
}

const dateReason = (shown: string | undefined): Message => msg('value.date', { shown: shown ?? null });

function formatOf(format: XLSX.NumberFormat | undefined): string | undefined {
  if (typeof format === 'string') return format;
  if (typeof format === 'number') return formats.get_table()[format];
  return undefined;
}

function isDate(format: string): boolean {
  try {
    return formats.is_date(format);
  } catch {
    return false;
  }
}
