/**
 * Why a file could not be read, in the words a student reads: each message names the limit or
 * the damage and says how to fix the file. Built here as catalog messages (key and parameters,
 * see i18n/), so they are said whole in each language; the English catalog holds the wording.
 */
import { msg, type Message } from '../i18n/index.js';
import { formatBytes } from './limits.js';

export const MESSAGES = {
  empty: (): Message => msg('ingest.empty'),
  tooLarge: (size: number, limit: number): Message => msg('ingest.tooLarge', { size: formatBytes(size), limit: formatBytes(limit) }),
  passwordProtected: (): Message => msg('ingest.passwordProtected'),
  notASpreadsheet: (looksLike: Message): Message => msg('ingest.notSpreadsheet', { kind: looksLike }),
  xlsb: (): Message => msg('ingest.xlsb'),
  officeDamaged: (): Message => msg('ingest.officeDamagedSaveAgain'),
  zipDamaged: (): Message => msg('ingest.zipBroken'),
  zipNoDirectory: (): Message => msg('ingest.zipDirectoryMissing'),
  zipMethod: (method: number): Message => msg('ingest.zipMethod', { method }),
  tooManyParts: (parts: number, limit: number): Message => msg('ingest.zipTooManyParts', { count: parts, limit }),
  unzippedTooLarge: (limit: number): Message => msg('ingest.unzippedTooLargeHint', { limit: formatBytes(limit) }),
  tooManySheets: (sheets: number, limit: number): Message => msg('ingest.tooManySheets', { sheets, limit }),
  tooManyStrings: (strings: number, limit: number): Message => msg('ingest.tooManyStrings', { strings, limit }),
  tooManyCells: (cells: number, limit: number): Message => msg('ingest.tooManyCellsFatal', { cells, limit }),
  tooManyRepeats: (cells: number, limit: number): Message => msg('ingest.tooManyRepeats', { cells, limit }),
  lineTooLong: (chars: number, limit: number): Message => msg('ingest.lineTooLong', { chars, limit }),
  binaryText: (): Message => msg('fileKind.binary'),
  webPage: (): Message => msg('fileKind.web'),
  /** What SheetJS says on a damaged file is about its own code; the student gets this instead. */
  damaged: (format: string | null): Message => (format === null ? msg('ingest.damagedFile') : msg('ingest.damagedFormat', { format })),
  damagedNoCells: (format: string): Message => msg('ingest.damagedNoCells', { format }),
  tooSlow: (seconds: number): Message => msg('ingest.tooSlow', { seconds }),
  tooMuchMemory: (megabytes: number): Message => msg('ingest.tooMuchMemory', { megabytes }),
  moreProblems: (more: number): Message => msg('ingest.moreProblems', { count: more }),
} as const;
