/**
 * Cheap looks at the parts of an xlsx/ods archive, each as it is inflated, that refuse what would
 * cost SheetJS far more than its size suggests: thousands of sheets, millions of shared strings
 * or cells, an ods cell repeated a billion times (SheetJS copies a filled cell once per repeat).
 * Counting tags in the bytes costs a fraction of parsing them.
 */
import type { IngestLimits } from './limits.js';
import type { Message } from '../i18n/index.js';
import { MESSAGES } from './messages.js';

/** Why a part makes the file too costly to read, or null when it is within the limits. */
export type PartScan = (name: string, content: Uint8Array) => Message | null;

/** Scans the parts of one archive; cell counts add up over its sheets. */
export function partScanner(limits: IngestLimits): PartScan {
  let cells = 0;
  return (name, content) => {
    const buffer = content;
    if (/^xl\/workbook\.xml$/i.test(name)) {
      const sheets = countTags(buffer, 'sheet');
      return sheets > limits.maxDeclaredSheets ? MESSAGES.tooManySheets(sheets, limits.maxDeclaredSheets) : null;
    }
    if (/^xl\/sharedStrings\.xml$/i.test(name)) {
      const strings = countTags(buffer, 'si');
      return strings > limits.maxSharedStrings ? MESSAGES.tooManyStrings(strings, limits.maxSharedStrings) : null;
    }
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) {
      cells += countTags(buffer, 'c');
      return cells > limits.maxStoredCells ? MESSAGES.tooManyCells(cells, limits.maxStoredCells) : null;
    }
    if (name === 'content.xml') return scanOdsContent(buffer, limits);
    return null;
  };
}

/** Opening tags `<name ` / `<name>` / `<name/>`, with or without a namespace prefix (`<x:c `). */
function countTags(buffer: Uint8Array, tag: string): number {
  let found = 0;
  for (const opening of [`<${tag}`, `:${tag}`]) {
    const pattern = latin1Bytes(opening);
    for (let at = indexOfBytes(buffer, pattern, 0); at >= 0; at = indexOfBytes(buffer, pattern, at + pattern.length)) {
      const next = buffer[at + pattern.length];
      const isOpening = opening[0] === '<' || buffer[at - 1 - (prefixLength(buffer, at) ?? 0)] === 0x3c;
      if (isOpening && (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d)) found++;
    }
  }
  return found;
}

/** For `:tag` at `at`, the length of the prefix before it when it is `<prefix:tag`, else null. */
function prefixLength(buffer: Uint8Array, at: number): number | null {
  let start = at;
  while (start > 0 && start > at - 16 && isNameByte(buffer[start - 1])) start--;
  return start < at ? at - start : null;
}

const isNameByte = (byte: number | undefined) =>
  byte !== undefined && ((byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39) || byte === 0x5f);

const MAX_TAG = 64 * 1024;
// Plain Uint8Array and TextDecoder, not Node's Buffer: the reader also runs in the self-check page.
// Only ASCII matters in a tag, so windows-1252 (what 'latin1' names in TextDecoder) reads it as well.
const ASCII = new TextDecoder('latin1');
const ODS_TAG = latin1Bytes('<table:table-');

/**
 * The cells SheetJS would store for an ods: each filled cell once per row and column it repeats
 * over. Empty repeated cells (LibreOffice writes them to the last row and column) cost nothing.
 */
function scanOdsContent(buffer: Uint8Array, limits: IngestLimits): Message | null {
  let rowRepeat = 1;
  let cells = 0;
  let repeated = false;
  for (let at = indexOfBytes(buffer, ODS_TAG, 0); at >= 0; at = indexOfBytes(buffer, ODS_TAG, at + ODS_TAG.length)) {
    const end = buffer.indexOf(0x3e, at);
    const tag = ASCII.decode(buffer.subarray(at, end < 0 ? Math.min(buffer.length, at + MAX_TAG) : Math.min(end + 1, at + MAX_TAG)));
    if (/^<table:table-row[\s/>]/.test(tag)) {
      rowRepeat = repeatOf(tag, 'number-rows-repeated');
    } else if (/^<table:table-cell[\s/>]/.test(tag)) {
      const filled = !tag.endsWith('/>') || /value-type=/.test(tag);
      if (!filled) continue;
      const columns = repeatOf(tag, 'number-columns-repeated');
      cells += rowRepeat * columns;
      repeated ||= rowRepeat * columns > 1;
      if (cells > limits.maxStoredCells) {
        return repeated ? MESSAGES.tooManyRepeats(cells, limits.maxStoredCells) : MESSAGES.tooManyCells(cells, limits.maxStoredCells);
      }
    }
  }
  return null;
}

function repeatOf(tag: string, attribute: string): number {
  const value = new RegExp(`${attribute}="\\s*(\\d+)`).exec(tag)?.[1];
  return value === undefined ? 1 : Math.max(1, Number(value));
}

/** The bytes of an ASCII text. */
function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

/** Where `pattern` first stands in `bytes` at or after `from`, or −1. */
function indexOfBytes(bytes: Uint8Array, pattern: Uint8Array, from: number): number {
  const first = pattern[0]!;
  for (let at = bytes.indexOf(first, from); at >= 0 && at + pattern.length <= bytes.length; at = bytes.indexOf(first, at + 1)) {
    let matched = 1;
    while (matched < pattern.length && bytes[at + matched] === pattern[matched]) matched++;
    if (matched === pattern.length) return at;
  }
  return -1;
}
