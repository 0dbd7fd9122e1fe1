/**
 * What an OLE compound file (the container of xls, and of every password-protected Office
 * file) holds, from the names of its streams.
 */
import { msg, type Message } from '../i18n/index.js';
import * as XLSX from 'xlsx';

export type CfbContent =
  /** `cellRecords`: how many BIFF cell records the workbook stream holds (see countCellRecords). */
  | { readonly kind: 'xls'; readonly cellRecords: number }
  | { readonly kind: 'encrypted' }
  | { readonly kind: 'foreign'; readonly looksLike: Message }
  | { readonly kind: 'damaged' };

/** The part of SheetJS's CFB library used here (its typings declare it `any`). */
interface CfbLibrary {
  read(data: Uint8Array, options: { type: 'array' }): { FileIndex: ReadonlyArray<{ name: string; content?: ArrayLike<number> }> };
}

const cfb: CfbLibrary = XLSX.CFB;

export function inspectCfb(bytes: Uint8Array): CfbContent {
  let entries: ReadonlyArray<{ name: string; content?: ArrayLike<number> }>;
  try {
    entries = cfb.read(bytes, { type: 'array' }).FileIndex;
  } catch {
    return { kind: 'damaged' };
  }
  const streams = new Set(entries.map((entry) => entry.name));
  // An encrypted xlsx (ECMA-376) is a compound file of these two streams.
  if (streams.has('EncryptionInfo') || streams.has('EncryptedPackage')) return { kind: 'encrypted' };
  const workbook = entries.find((entry) => entry.name === 'Workbook' || entry.name === 'Book');
  if (workbook) return { kind: 'xls', cellRecords: countCellRecords(workbook.content ?? []) };
  if (streams.has('WordDocument')) return { kind: 'foreign', looksLike: msg('fileKind.word') };
  if (streams.has('PowerPoint Document')) return { kind: 'foreign', looksLike: msg('fileKind.powerpoint') };
  return { kind: 'foreign', looksLike: msg('fileKind.office') };
}

/** Type and length of the BIFF8 records that hold a cell's value: LABELSST, NUMBER, RK, BOOLERR. */
const CELL_RECORDS: readonly (readonly number[])[] = [
  [0xfd, 0x00, 0x0a, 0x00],
  [0x03, 0x02, 0x0e, 0x00],
  [0x7e, 0x02, 0x0a, 0x00],
  [0x05, 0x02, 0x08, 0x00],
];

/**
 * Cell records found by their headers anywhere in the stream (not by walking the record chain,
 * which one damaged length breaks): a file that holds many yet reads as empty is damaged, not
 * blank, and is said to be so rather than graded 0 with "no step labels found".
 */
export function countCellRecords(stream: ArrayLike<number>): number {
  let found = 0;
  for (let i = 0; i + 4 <= stream.length; i++) {
    for (const header of CELL_RECORDS) {
      if (stream[i] === header[0] && stream[i + 1] === header[1] && stream[i + 2] === header[2] && stream[i + 3] === header[3]) found++;
    }
  }
  return found;
}
