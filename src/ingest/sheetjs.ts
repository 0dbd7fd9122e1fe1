/**
 * The one call into SheetJS's reader, with the options this project relies on.
 *
 * Nothing here evaluates content: formulas are kept as text (`cellFormula`) only so a formula
 * without a saved value can be told apart from an empty cell; macros are not loaded.
 *
 * SheetJS reads past the end of a damaged BIFF (xls) record as `undefined`, and some such
 * records send it round a loop until an array overflows: a few deliberately corrupted xls files
 * cost it ~15 s and ~1 GB before it throws. The CLI bounds that by reading in a worker with the
 * time and memory limits of limits.ts. Damaged xlsx/ods files do not hit this: their archives are
 * checked first (zip.ts, prescan.ts).
 *
 * What SheetJS throws or prints on a damaged file is about its own code ("Cannot read properties
 * of undefined"): the student gets a message saying what to do instead, and its console output
 * is held back while it reads.
 */
import * as XLSX from 'xlsx';
import { assertNever } from '../engine/expr.js';
import type { Message } from '../i18n/index.js';
import type { IngestLimits } from './limits.js';
import { MESSAGES } from './messages.js';
import type { SpreadsheetFormat } from './types.js';

export type WorkbookSource =
  | { readonly kind: 'binary'; readonly bytes: Uint8Array }
  /** CSV text, split by SheetJS's delimited-text reader with every cell kept as a string. */
  | { readonly kind: 'csv'; readonly text: string; readonly separator: string };

export type WorkbookReading =
  | { readonly ok: true; readonly workbook: XLSX.WorkBook }
  | { readonly ok: false; readonly reason: 'password-protected' | 'damaged'; readonly detail: Message };

export function readWorkbook(source: WorkbookSource, limits: IngestLimits, format: SpreadsheetFormat = source.kind === 'csv' ? 'csv' : 'xlsx'): WorkbookReading {
  const common: XLSX.ParsingOptions = {
    cellFormula: true,
    cellNF: true,
    cellText: true,
    cellHTML: false,
    cellDates: false,
    cellStyles: false,
    bookVBA: false,
    bookDeps: false,
    dense: true,
    sheetRows: limits.maxRows,
    sheets: Array.from({ length: limits.maxSheets }, (_, i) => i),
  };
  try {
    return { ok: true, workbook: withConsoleHeld(() => read(source, common)) };
  } catch (error) {
    return failure(error, format);
  }
}

function read(source: WorkbookSource, common: XLSX.ParsingOptions): XLSX.WorkBook {
  switch (source.kind) {
    case 'binary':
      return XLSX.read(source.bytes, { ...common, type: 'array' });
    case 'csv':
      // The leading BOM keeps SheetJS from sniffing the text as another format ("ID" at the
      // start reads as SYLK, "TABLE" as DIF); the cell it lands in is trimmed when read.
      return XLSX.read(`\uFEFF${source.text}`, { ...common, type: 'string', raw: true, FS: source.separator });
    default:
      return assertNever(source);
  }
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** Runs `work` with the console's methods silenced (SheetJS warns on damaged records). */
export function withConsoleHeld<T>(work: () => T): T {
  const saved = CONSOLE_METHODS.map((name) => [name, console[name]] as const);
  for (const name of CONSOLE_METHODS) console[name] = () => {};
  try {
    return work();
  } finally {
    for (const [name, method] of saved) console[name] = method;
  }
}

const FORMAT_NAMES: Record<SpreadsheetFormat, string> = { xlsx: '.xlsx', xls: '.xls', ods: '.ods', csv: 'CSV' };

function failure(error: unknown, format: SpreadsheetFormat): WorkbookReading {
  const message = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(message)) return { ok: false, reason: 'password-protected', detail: MESSAGES.passwordProtected() };
  return { ok: false, reason: 'damaged', detail: MESSAGES.damaged(FORMAT_NAMES[format]) };
}

/** The damaged-file message for a format, for failures met after SheetJS returned. */
export const damagedMessage = (format: SpreadsheetFormat | null): Message => MESSAGES.damaged(format === null ? null : FORMAT_NAMES[format]);
