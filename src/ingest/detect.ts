import { msg, type Message } from '../i18n/index.js';
import type { SpreadsheetFormat } from './types.js';

/**
 * What kind of container a file is, from its first bytes: students rename files, so the
 * extension is only a hint.
 */

export type Container =
  /** xlsx or ods (or any other ZIP). */
  | { readonly kind: 'zip' }
  /** xls, or an encrypted xlsx (both OLE compound files). */
  | { readonly kind: 'cfb' }
  /** Perhaps csv: decided once decoded. */
  | { readonly kind: 'text' }
  | { readonly kind: 'foreign'; readonly looksLike: Message };

interface Signature {
  readonly bytes: readonly number[];
  readonly offset?: number;
  readonly looksLike: Message;
}

const ascii = (text: string): number[] => [...text].map((ch) => ch.charCodeAt(0));

/** Files students hand in by mistake, named so the message can say what was handed in. */
const FOREIGN: readonly Signature[] = [
  { bytes: [0x89, ...ascii('PNG')], looksLike: msg('fileKind.png') },
  { bytes: [0xff, 0xd8, 0xff], looksLike: msg('fileKind.jpeg') },
  { bytes: ascii('GIF8'), looksLike: msg('fileKind.gif') },
  { bytes: ascii('ftyp'), offset: 4, looksLike: msg('fileKind.heic') },
  { bytes: ascii('WEBP'), offset: 8, looksLike: msg('fileKind.webp') },
  { bytes: ascii('II*\0'), looksLike: msg('fileKind.tiff') },
  { bytes: ascii('MM\0*'), looksLike: msg('fileKind.tiff') },
  { bytes: ascii('%PDF'), looksLike: msg('fileKind.pdf') },
  { bytes: ascii('Rar!'), looksLike: msg('fileKind.rar') },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], looksLike: msg('fileKind.7z') },
  { bytes: [0x1f, 0x8b], looksLike: msg('fileKind.gzip') },
  { bytes: ascii('{\\rtf'), looksLike: msg('fileKind.rtf') },
  { bytes: [0x7f, ...ascii('ELF')], looksLike: msg('fileKind.program') },
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, expected: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + expected.length && expected.every((byte, i) => bytes[offset + i] === byte);

export function detectContainer(bytes: Uint8Array): Container {
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return { kind: 'zip' };
  if (startsWith(bytes, CFB)) return { kind: 'cfb' };
  const foreign = FOREIGN.find((signature) => startsWith(bytes, signature.bytes, signature.offset));
  if (foreign) return { kind: 'foreign', looksLike: foreign.looksLike };
  return { kind: 'text' };
}

/** xlsx/xls/ods/csv as the file name claims, or null for any other extension. */
export function formatFromName(fileName: string): SpreadsheetFormat | null {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  switch (extension) {
    case 'xlsx':
    case 'xlsm':
      return 'xlsx';
    case 'xls':
      return 'xls';
    case 'ods':
      return 'ods';
    case 'csv':
    case 'tsv':
    case 'txt':
      return 'csv';
    default:
      return null;
  }
}
