/**
 * The one call into SheetJS's reader, with the options this project relies on.
 *
 * Nothing here evaluates content: formulas are kept as text (`cellFormula`) only so a formula
 * without a saved value can be told apart from an empty cell; macros are not loaded.
 *
 * Known limit: SheetJS reads past the end of a damaged BIFF (xls) record as `undefined`, and
 * some such records send it round a loop until an array overflows: a few deliberately
 * corrupted xls files cost it ~15 s and ~1 GB before it throws (then reported as damaged).
 * Only a worker with resource limits and a deadline would bound that; it is not done here.
 * Damaged xlsx/ods files do not hit this: their archives are checked first (zip.ts).
 */
import * as XLSX from 'xlsx';
import { assertNever } from '../engine/expr.js';
import { msg, type Message } from '../i18n/index.js';
import type { IngestLimits } from './limits.js';

export type WorkbookSource =
  | { readonly kind: 'binary'; readonly bytes: Uint8Array }
  /** CSV text, split by SheetJS's delimited-text reader with every cell kept as a string. */
  | { readonly kind: 'csv'; readonly text: string; readonly separator: string };

export type WorkbookReading =
  | { readonly ok: true; readonly workbook: XLSX.WorkBook }
  | { readonly ok: false; readonly reason: 'password-protected' | 'damaged'; readonly detail: Message };

export function readWorkbook(source: WorkbookSource, limits: IngestLimits): WorkbookReading {
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
    switch (source.kind) {
      case 'binary':
        return { ok: true, workbook: XLSX.read(source.bytes, { ...common, type: 'array' }) };
      case 'csv':
        // The leading BOM keeps SheetJS from sniffing the text as another format ("ID" at the
        // start reads as SYLK, "TABLE" as DIF); the cell it lands in is trimmed when read.
        return {
          ok: true,
          workbook: XLSX.read(`\uFEFF${source.text}`, { ...common, type: 'string', raw: true, FS: source.separator }),
        };
      default:
        return assertNever(source);
    }
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): WorkbookReading {
  const message = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(message)) {
    return { ok: false, reason: 'password-protected', detail: msg('ingest.passwordProtected') };
  }
  return { ok: false, reason: 'damaged', detail: msg('ingest.damaged', { detail: message.slice(0, 120) }) };
}
