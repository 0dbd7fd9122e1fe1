/**
 * Why a file could not be read, in the words a student reads: each message names the limit or
 * the damage and says how to fix the file. Kept in one place, built from parameters, so they can
 * move to per-language catalogs whole.
 */
import { formatBytes } from './limits.js';

const SAVE_AGAIN = 'open it in Excel, WPS or LibreOffice and save it again as .xlsx';
const count = (n: number) => n.toLocaleString('en-US');

export const MESSAGES = {
  empty: () => 'empty file',
  tooLarge: (size: number, limit: number) => `too large (${formatBytes(size)}; the limit is ${formatBytes(limit)})`,
  passwordProtected: () => 'password-protected: remove the password and save again',
  notASpreadsheet: (looksLike: string) => `not a spreadsheet (looks like ${looksLike}): save your work as .xlsx`,
  xlsb: () => 'an .xlsb workbook, which is not read: save it as .xlsx',
  officeDamaged: () => `damaged: the Office file structure is broken; ${SAVE_AGAIN}`,
  zipDamaged: () => 'damaged: the ZIP structure is broken (the file may be cut short)',
  zipNoDirectory: () => 'damaged: the ZIP directory is missing (the file may be cut short)',
  zipMethod: (method: number) => `a part is compressed in a way spreadsheets do not use (method ${method})`,
  tooManyParts: (parts: number, limit: number) => `too many parts (${parts}; the limit is ${limit})`,
  unzippedTooLarge: (limit: number) => `too large once unpacked (over ${formatBytes(limit)}); remove pictures or unused sheets and save it again`,
  tooManySheets: (sheets: number, limit: number) =>
    `too many sheets (${count(sheets)}; the limit is ${limit}): keep only the sheets with your answers and save it again`,
  tooManyStrings: (strings: number, limit: number) =>
    `too many different texts (${count(strings)}; the limit is ${count(limit)}): keep only the sheets with your answers and save it again`,
  tooManyCells: (cells: number, limit: number) =>
    `too many cells (over ${count(cells)}; the limit is ${count(limit)}): keep only the sheets with your answers and save it again`,
  tooManyRepeats: (cells: number, limit: number) =>
    `a filled cell is repeated over ${count(cells)} cells (the limit is ${count(limit)}): clear the rows and columns you did not fill and save it again`,
  lineTooLong: (chars: number, limit: number) =>
    `a line is too long (${count(chars)} characters; the limit is ${count(limit)}): put one step on each line`,
  binaryText: () => 'binary data of an unknown kind',
  webPage: () => 'a web page or XML file',
  /** What SheetJS says on a damaged file is about its own code; the student gets this instead. */
  damaged: (format: string) => `damaged: this ${format} file could not be read; ${SAVE_AGAIN}`,
  damagedNoCells: (format: string) => `damaged: this ${format} file holds data but no cell could be read from it; ${SAVE_AGAIN}`,
  tooSlow: (seconds: number) => `reading it took longer than the limit of ${seconds} s; ${SAVE_AGAIN}, without unused sheets`,
  tooMuchMemory: (megabytes: number) => `reading it needed more memory than the limit of ${megabytes} MB; ${SAVE_AGAIN}, without unused sheets`,
  moreProblems: (more: number) => `… and ${count(more)} more problem${more === 1 ? '' : 's'} (only the first ones are listed)`,
} as const;
