/**
 * CSV as bytes -> text SheetJS can split: the encoding (UTF-8, UTF-16 with a BOM or told from
 * its zero bytes, GB18030 as Chinese Excel writes, cp1252 as German or French Excel writes), the
 * separator (Excel writes `;` where the decimal mark is `,`), and a cap on the number of cells.
 */
import { TextDecoder } from 'node:util';
import type { Message } from '../i18n/index.js';
import { MESSAGES } from './messages.js';

export type TextReading =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly looksLike: Message };

const decoder = (label: string, fatal: boolean): TextDecoder => new TextDecoder(label, { fatal, ignoreBOM: false });

/** Decodes a text file, or says it is not one (binary data, a web page). */
export function decodeText(bytes: Uint8Array): TextReading {
  const text = decode(bytes);
  if (text === null || isBinary(text)) return { ok: false, looksLike: MESSAGES.binaryText() };
  if (/^\s*</.test(text)) return { ok: false, looksLike: MESSAGES.webPage() };
  return { ok: true, text };
}

function decode(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoder('utf-16le', false).decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoder('utf-16be', false).decode(bytes);
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== null) return decoder(utf16, false).decode(bytes);
  try {
    return decoder('utf-8', true).decode(bytes);
  } catch {
    // not UTF-8: a legacy code page, told by what its bytes look like
  }
  return decodeLegacy(bytes);
}

/** Bytes that are not UTF-8: GB18030 or cp1252, whichever they look like. Also for file names. */
export function decodeLegacy(bytes: Uint8Array): string {
  return looksChinese(bytes) ? decoder('gb18030', false).decode(bytes) : decodeCp1252(bytes);
}

/** cp1252's letters at 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ); the rest is Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Node's TextDecoder reads `windows-1252` as Latin-1, so the 32 letters that differ are mapped here. */
function decodeCp1252(bytes: Uint8Array): string {
  const latin1 = decoder('latin1', false).decode(bytes);
  return latin1.replace(/[\u0080-\u009F]/g, (ch) => CP1252_HIGH.charAt(ch.charCodeAt(0) - 0x80));
}

/** UTF-16 saved without a BOM: ASCII text then has a zero in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = sample / 2;
  if (half < 2) return null;
  if (odd > half * 0.4 && even === 0) return 'utf-16le';
  if (even > half * 0.4 && odd === 0) return 'utf-16be';
  return null;
}

/**
 * GB18030 (GBK) or cp1252? Chinese text is pairs of bytes both in 0xA1..0xFE (the GB2312 area,
 * where every common character lives); in cp1252 text a byte over 0x7F is a single accented
 * letter, mostly followed by an ASCII one (`ü` in `Jürgen`), which would read as a rare GBK
 * extension character. The kind of pair most found decides.
 */
export function looksChinese(bytes: Uint8Array): boolean {
  let chinese = 0;
  let latin = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x80) continue;
    const next = bytes[i + 1] ?? 0;
    if (byte >= 0xa1 && byte <= 0xfe && next >= 0xa1 && next <= 0xfe) {
      chinese++;
      i++;
    } else {
      latin++;
    }
  }
  return chinese > latin;
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

/** The length of the longest line, to refuse one that would make a row of a million cells. */
export function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  for (let at = text.indexOf('\n'); ; at = text.indexOf('\n', start)) {
    const end = at < 0 ? text.length : at;
    longest = Math.max(longest, end - start);
    if (at < 0) return longest;
    start = at + 1;
  }
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
