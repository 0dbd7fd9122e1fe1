/**
 * What an OLE compound file (the container of xls, and of every password-protected Office
 * file) holds, from the names of its streams.
 */
import { msg, type Message } from '../i18n/index.js';
import * as XLSX from 'xlsx';

export type CfbContent =
  | { readonly kind: 'xls' }
  | { readonly kind: 'encrypted' }
  | { readonly kind: 'foreign'; readonly looksLike: Message }
  | { readonly kind: 'damaged' };

/** The part of SheetJS's CFB library used here (its typings declare it `any`). */
interface CfbLibrary {
  read(data: Uint8Array, options: { type: 'array' }): { FileIndex: ReadonlyArray<{ name: string }> };
}

const cfb: CfbLibrary = XLSX.CFB;

export function inspectCfb(bytes: Uint8Array): CfbContent {
  let streams: Set<string>;
  try {
    streams = new Set(cfb.read(bytes, { type: 'array' }).FileIndex.map((entry) => entry.name));
  } catch {
    return { kind: 'damaged' };
  }
  // An encrypted xlsx (ECMA-376) is a compound file of these two streams.
  if (streams.has('EncryptionInfo') || streams.has('EncryptedPackage')) return { kind: 'encrypted' };
  if (streams.has('Workbook') || streams.has('Book')) return { kind: 'xls' };
  if (streams.has('WordDocument')) return { kind: 'foreign', looksLike: msg('fileKind.word') };
  if (streams.has('PowerPoint Document')) return { kind: 'foreign', looksLike: msg('fileKind.powerpoint') };
  return { kind: 'foreign', looksLike: msg('fileKind.office') };
}
