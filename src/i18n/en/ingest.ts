/** Reading a student's file: why a file or a cell could not be read, and problems met on the way. */
import type { Context, Said } from '../types.js';
import { cutToWidth } from '../width.js';

const SAVE_AGAIN = 'open it in Excel, WPS or LibreOffice and save it again as .xlsx';
const count = (n: number) => n.toLocaleString('en-US');

export const ingest = {
  'ingest.empty': () => 'empty file',
  'ingest.tooLarge': (p: { size: string; limit: string }) => `too large (${p.size}; the limit is ${p.limit})`,
  'ingest.notSpreadsheet': (p: { kind: Said }, c: Context) => `not a spreadsheet (looks like ${c.say(p.kind)}): save your work as .xlsx`,
  'ingest.xlsb': () => 'an .xlsb workbook, which is not read: save it as .xlsx',
  'ingest.passwordProtected': () => 'password-protected: remove the password and save again',
  'ingest.damaged': (p: { detail: string }) => `damaged or not a spreadsheet (${p.detail})`,
  'ingest.damagedOffice': () => 'damaged: the Office file structure is broken',
  'ingest.zipDirectoryMissing': () => 'damaged: the ZIP directory is missing (the file may be cut short)',
  'ingest.zipBroken': () => 'damaged: the ZIP structure is broken (the file may be cut short)',
  'ingest.zipMethod': (p: { method: number }) => `a part is compressed in a way spreadsheets do not use (method ${p.method})`,
  'ingest.zipTooManyParts': (p: { count: number; limit: number }) => `too many parts (${p.count}; the limit is ${p.limit})`,
  'ingest.zipTooLargeUnpacked': (p: { limit: string }) => `too large once unpacked (over ${p.limit})`,
  'ingest.cannotOpen': (p: { code: string | null }) => `cannot open the file (${p.code ?? 'unknown error'})`,
  'ingest.officeDamagedSaveAgain': () => `damaged: the Office file structure is broken; ${SAVE_AGAIN}`,
  'ingest.unzippedTooLargeHint': (p: { limit: string }) =>
    `too large once unpacked (over ${p.limit}); remove pictures or unused sheets and save it again`,
  'ingest.tooManySheets': (p: { sheets: number; limit: number }) =>
    `too many sheets (${count(p.sheets)}; the limit is ${p.limit}): keep only the sheets with your answers and save it again`,
  'ingest.tooManyStrings': (p: { strings: number; limit: number }) =>
    `too many different texts (${count(p.strings)}; the limit is ${count(p.limit)}): keep only the sheets with your answers and save it again`,
  'ingest.tooManyCellsFatal': (p: { cells: number; limit: number }) =>
    `too many cells (over ${count(p.cells)}; the limit is ${count(p.limit)}): keep only the sheets with your answers and save it again`,
  'ingest.tooManyRepeats': (p: { cells: number; limit: number }) =>
    `a filled cell is repeated over ${count(p.cells)} cells (the limit is ${count(p.limit)}): clear the rows and columns you did not fill and save it again`,
  'ingest.lineTooLong': (p: { chars: number; limit: number }) =>
    `a line is too long (${count(p.chars)} characters; the limit is ${count(p.limit)}): put one step on each line`,
  /** What SheetJS says on a damaged file is about its own code; the student gets this instead. */
  'ingest.damagedFormat': (p: { format: string }) => `damaged: this ${p.format} file could not be read; ${SAVE_AGAIN}`,
  /** The same when the format is not known (a reader that crashed before it was told). */
  'ingest.damagedFile': () => `damaged: this file could not be read; ${SAVE_AGAIN}`,
  'ingest.damagedNoCells': (p: { format: string }) =>
    `damaged: this ${p.format} file holds data but no cell could be read from it; ${SAVE_AGAIN}`,
  'ingest.tooSlow': (p: { seconds: number }) => `reading it took longer than the limit of ${p.seconds} s; ${SAVE_AGAIN}, without unused sheets`,
  'ingest.tooMuchMemory': (p: { megabytes: number }) =>
    `reading it needed more memory than the limit of ${p.megabytes} MB; ${SAVE_AGAIN}, without unused sheets`,
  /** A problem said within `columns` of display width (the last cut off with "…"); the same in every language. */
  'problem.bounded': (p: { problem: Said | string; columns: number }, c: Context) => cutToWidth(c.say(p.problem), p.columns),
  'ingest.moreProblems': (p: { count: number }) =>
    `… and ${count(p.count)} more problem${p.count === 1 ? '' : 's'} (only the first ones are listed)`,

  'fileKind.png': () => 'a PNG image',
  'fileKind.jpeg': () => 'a JPEG image',
  'fileKind.gif': () => 'a GIF image',
  'fileKind.heic': () => 'a photo or video (HEIC/MP4)',
  'fileKind.webp': () => 'a WebP image',
  'fileKind.tiff': () => 'a TIFF image',
  'fileKind.pdf': () => 'a PDF',
  'fileKind.rar': () => 'a RAR archive',
  'fileKind.7z': () => 'a 7-Zip archive',
  'fileKind.gzip': () => 'a gzip archive',
  'fileKind.rtf': () => 'an RTF document',
  'fileKind.program': () => 'a program',
  'fileKind.word': () => 'a Word document',
  'fileKind.powerpoint': () => 'a PowerPoint file',
  'fileKind.office': () => 'an Office file with no workbook in it',
  'fileKind.odt': () => 'a text document (odt)',
  'fileKind.numbers': () => 'an Apple Numbers file',
  'fileKind.zip': () => 'a ZIP archive',
  'fileKind.binary': () => 'binary data of an unknown kind',
  'fileKind.web': () => 'a web page or XML file',

  'problem.tooManySheets': (p: { read: number; sheets: number }) => `only the first ${p.read} of ${p.sheets} sheets were read`,
  'problem.tooManyRows': (p: { rows: number; sheet: string }) => `only the first ${p.rows} rows of sheet "${p.sheet}" were read`,
  'problem.tooManyCells': (p: { cells: number }) => `only the first ${p.cells} cells were read`,
  'problem.formatMismatch': (p: { extension: string; format: string }) =>
    `the file is named ${p.extension} but is really ${p.format}; it was read as ${p.format}`,
  'problem.noAnswers': () => 'no step labels found: use the template, or put each label (e.g. "loss") with its value in the cell to its right',
  'problem.unknownStep': (p: { label: string; cell: string; suggestion: string | null }) =>
    `unknown step "${p.label}" at ${p.cell}: its value is not graded${p.suggestion === null ? '' : ` (did you mean ${p.suggestion}?)`}`,
  /**
   * `used`: which of the two answers counts: the second (the first is empty), the first (both in one
   * sheet), or the one in `sheet` (`winner`: it is the sheet with the most step labels).
   */
  'problem.duplicateLabel': (p: { step: string; first: string; second: string; used: 'first' | 'second' | 'sheet'; sheet: string; winner: boolean }) =>
    `duplicate label "${p.step}" at ${p.first} and ${p.second}: ${
      p.used === 'second' ? 'the first is empty, so the second is used'
        : p.used === 'first' ? 'the first is used'
          : `the one in sheet "${p.sheet}" is used${p.winner ? ' (the sheet with the most step labels)' : ''}`}`,
  /** Where a label's value was found when it was not in the next cell. */
  'reading.readFrom': (p: { cell: string; cells: number }) => `read from ${p.cell}, ${p.cells} cells right of the label`,
  'problem.studentMismatch': (p: { cell: string; id: string; fromFile: string }) =>
    `the student id at ${p.cell} is ${p.id} but the file name says ${p.fromFile}: ${p.id} is used`,

  'value.nothingAfter': (p: { prefix: string }) => `nothing after "${p.prefix}"`,
  'value.notANumber': () => 'not a number',
  'value.tooLong': (p: { max: number }) => `too long (over ${p.max} characters)`,
  'value.outOfRange': () => 'out of range',
  'value.divisionByZero': () => 'division by zero',
  'value.severalPoints': () => 'write one number with a single decimal point',
  'value.formula': () => 'a formula, not a number: type the value itself',
  'value.formulaWithoutValue': () => 'formula without a saved value: open the file, recalculate and save',
  'value.boolean': () => 'TRUE/FALSE, not a number',
  'value.cellError': (p: { shown: string }) => `the cell shows an error (${p.shown})`,
  'value.date': (p: { shown: string | null }) =>
    `shown as a date${p.shown ? ` (${p.shown})` : ''}: format the cell as a number and type the value again`,

  'roster.empty': (p: { file: string }) => `${p.file}: the roster is empty`,
  'roster.unreadable': (p: { file: string; detail: Said | string }, c: Context) => `${p.file}: ${c.say(p.detail)}`,
  'roster.noIdColumn': (p: { file: string }) =>
    `${p.file}: no student id column in the first rows: give one a header such as "Student ID", "SIS User ID" or "学号"`,
  'roster.noId': (p: { file: string; line: number; name: string | null }) =>
    `${p.file}:${p.line}: no student id${p.name === null ? '' : ` for ${p.name}`}; the row is left out`,
  'roster.duplicateId': (p: { file: string; line: number; id: string; earlier: number }) =>
    `${p.file}:${p.line}: student id ${p.id} is also on line ${p.earlier}; this row is left out`,
};
