/**
 * CSV as bytes -> text SheetJS can split: the encoding (UTF-8, UTF-16 with a BOM, or GB18030,
 * which Chinese Excel writes), the separator (Excel writes `;` where the decimal mark is `,`),
 * and a cap on the number of cells.
 */
import { TextDecoder } from 'node:util';
import { msg, type Message } from '../i18n/index.js';

export type TextReading =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly looksLike: Message };

const decoder = (label: string, fatal: boolean): TextDecoder => new TextDecoder(label, { fatal, ignoreBOM: false });

/** Decodes a text file, or says it is not one (binary data, a web page). */
export function decodeText(bytes: Uint8Array): TextReading {
  const text = decode(bytes);
  if (text === null || isBinary(text)) return { ok: false, looksLike: msg('fileKind.binary') };
  if (/^\s*</.test(text)) return { ok: false, looksLike: msg('fileKind.web') };
  return { ok: true, text };
}

function decode(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoder('utf-16le', false).decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoder('utf-16be', false).decode(bytes);
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return decoder(encoding, true).decode(bytes);
    } catch {
      // not this encoding: try the next
    }
  }
  return null;
}

function isBinary(text: string): boolean {
  const controls = text.match(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g)?.length ?? 0;
  return text.includes('\u0000') || controls > text.length / 100;
}

const SEPARATORS = ['\t', ';', ',', '|'] as const;
const SAMPLE_LINES = 200;

/**
 * The separator on the most lines (outside quotes) of the first few hundred; on a tie `;` wins
 * over `,` because a `;` file has decimal commas on many lines. A `sep=X` first line decides.
 */
export function guessSeparator(text: string): string {
  const declared = /^\uFEFF?sep=(.)/.exec(text)?.[1];
  if (declared !== undefined) return declared;
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/).filter((line) => line.trim() !== '').slice(0, SAMPLE_LINES);
  let best: string = ',';
  let bestCount = 0;
  for (const separator of SEPARATORS) {
    const count = lines.filter((line) => containsOutsideQuotes(line, separator)).length;
    if (count > bestCount) [best, bestCount] = [separator, count];
  }
  return best;
}

function containsOutsideQuotes(line: string, separator: string): boolean {
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === separator && !quoted) return true;
  }
  return false;
}

/** The text cut after `maxCells` cells (separators and line breaks), and whether it was cut. */
export function capCells(text: string, separator: string, maxCells: number): { text: string; cut: boolean } {
  let cells = 1;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch !== separator && ch !== '\n') continue;
    cells += 1;
    if (cells > maxCells) return { text: text.slice(0, i), cut: true };
  }
  return { text, cut: false };
}
