/**
 * Untrusted text on its way out: spreadsheet cells (formula injection) and file names (paths).
 *
 * A student's id, name and answers are whatever they typed, so every export treats them as
 * hostile: a cell must never become a formula when a TA opens the gradebook, and a report's
 * name must never pick a place outside the output folder.
 */
import { english, msg } from '../i18n/index.js';

/** What a spreadsheet reads as the start of a formula once the text is NFKC-normalised. */
const FORMULA_STARTS = new Set(['=', '+', '-', '@']);

/**
 * Text a spreadsheet could run as a formula, made inert with a leading `'` (OWASP, "CSV
 * injection"): text whose first character is a tab or a carriage return, or whose first
 * non-blank character is `=`, `+`, `-` or `@`, or a form of them that NFKC folds to one
 * (full-width `＝＋－＠`, small `﹦﹢﹣﹫`).
 *
 * The rule goes by type, not by look: only text cells come here. Numbers (scores, points,
 * percentages) are written as numeric cells and never pass through, so `-0.015` stays a number;
 * text that merely looks like one (`+1`, `-1+2`) is quoted like any other formula start.
 *
 * @example neutraliseCell('=HYPERLINK("http://x","y")') // `'=HYPERLINK("http://x","y")`
 * @example neutraliseCell('张三') // '张三'
 */
export function neutraliseCell(text: string): string {
  if (text.startsWith('\t') || text.startsWith('\r')) return `'${text}`;
  // `\s` also covers the BOM, no-break and ideographic spaces a spreadsheet skips over.
  const first = /^\s*(\S)/u.exec(text)?.[1];
  if (first !== undefined && FORMULA_STARTS.has(first.normalize('NFKC').charAt(0))) return `'${text}`;
  return text;
}

/**
 * Text cells of a gradebook are at most this long: xlsx allows 32,767 characters (SheetJS throws
 * past it and the whole gradebook is lost), and a person reads far fewer.
 */
export const MAX_CELL_CHARS = 4_000;

/**
 * Text cut to `max` characters, the cut said at its end (by `moreCharacters`).
 *
 * @example boundCell('x'.repeat(5000), 100).length // 100
 */
export function boundCell(text: string, max = MAX_CELL_CHARS, moreCharacters: (count: number) => string = englishMoreCharacters): string {
  if (text.length <= max) return text;
  const note = moreCharacters(text.length - max);
  let keep = Math.max(0, max - note.length);
  // Never half a surrogate pair (an emoji, a rare Han character).
  if (/[\uD800-\uDBFF]/.test(text.charAt(keep - 1))) keep--;
  return `${text.slice(0, keep)}${note}`;
}

const englishMore = (count: number): string => english(msg('gradebook.andMore', { count }));
const englishMoreCharacters = (count: number): string => english(msg('gradebook.moreCharacters', { count }));

/**
 * Items joined by `separator` within `max` characters: the first ones whole, then how many more
 * there were (said by `andMore`). For a cell listing a file's problems.
 */
export function joinBounded(items: readonly string[], separator: string, max = MAX_CELL_CHARS, andMore: (count: number) => string = englishMore): string {
  const kept: string[] = [];
  let length = 0;
  for (const [i, item] of items.entries()) {
    const tail = `${separator}${andMore(items.length - i)}`;
    if (length + separator.length + item.length + tail.length > max && i < items.length - 1) {
      return boundCell(`${kept.join(separator)}${kept.length > 0 ? tail : tail.slice(separator.length)}`, max);
    }
    kept.push(item);
    length += item.length + separator.length;
  }
  return boundCell(kept.join(separator), max);
}

/** A report's file name is at most this many UTF-8 bytes, extension included (most file systems allow 255). */
export const MAX_NAME_BYTES = 100;

/** Windows device names; `con.txt` and `CON .pdf` are the device too. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)$/i;

const utf8 = new TextEncoder();
const byteLength = (text: string): number => utf8.encode(text).length;

/** True when Windows would open a device instead of a file of this name. */
export function isReservedName(name: string): boolean {
  return RESERVED.test((name.split('.')[0] ?? '').trimEnd());
}

/**
 * One path segment that means nothing special anywhere: NFKC first (so `／` and `‥` become the
 * `/` and `..` they would be read as), then no control, format (bidi overrides) or lone
 * surrogate characters, no separators or characters Windows refuses, no runs of dots, and no
 * dots or spaces at either end (`..`, hidden files, names Windows silently trims).
 */
function cleanSegment(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/\s+/gu, ' ')
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The longest start of `text` within `budget` UTF-8 bytes, cut between characters as a person
 * sees them (so `é` written as `e` + accent is never split); a single huge cluster (a letter
 * with hundreds of accents) is cut between code points instead. Ends cleaned again.
 */
function fitBytes(text: string, budget: number): string {
  if (byteLength(text) <= budget) return text;
  const cut = (pieces: Iterable<string>): string => {
    let kept = '';
    for (const piece of pieces) {
      if (byteLength(kept + piece) > budget) break;
      kept += piece;
    }
    return kept;
  };
  const byCluster = cut(Array.from(graphemes.segment(text), (s) => s.segment));
  return (byCluster !== '' ? byCluster : cut(text)).replace(/[\s.]+$/u, '');
}

/** A stem from the candidate, or null when nothing but dots, spaces and `_` (replaced characters) is left. */
function safeStem(candidate: string, budget: number): string | null {
  let stem = fitBytes(cleanSegment(candidate), budget);
  if (isReservedName(stem)) stem = fitBytes(`_${stem}`, budget);
  return /[^\s._]/u.test(stem) ? stem : null;
}

/**
 * A file name for a student's report that is a single safe path segment on every system:
 * from the student id, else `fallback` (e.g. the submission's base name), else `report`;
 * never a path (`../../x`, `/etc/passwd`, `C:\x`), never a Windows device (`CON`, `con.pdf`),
 * at most MAX_NAME_BYTES UTF-8 bytes with the extension kept; other scripts are kept.
 *
 * @example reportFileName('2023000001', 'x', 'pdf') // '2023000001.pdf'
 * @example reportFileName('../../etc/passwd', 'x', 'pdf') // '_._etc_passwd.pdf'
 * @example reportFileName('con', 'x', '.pdf') // '_con.pdf'
 */
export function reportFileName(studentId: string | null, fallback: string, extension: string): string {
  const cleanExtension = fitBytes(cleanSegment(extension).replace(/[^\p{L}\p{N}]/gu, ''), 16);
  const suffix = cleanExtension === '' ? '' : `.${cleanExtension}`;
  const budget = MAX_NAME_BYTES - byteLength(suffix);
  const stem = safeStem(studentId ?? '', budget) ?? safeStem(fallback, budget) ?? 'report';
  return `${stem}${suffix}`;
}

/**
 * The names with later repeats made unique, ignoring case (as Windows and macOS do):
 * `['x.pdf', 'X.pdf', 'x.pdf']` -> `['x.pdf', 'X (2).pdf', 'x (3).pdf']`. Order is kept and
 * the byte bound of reportFileName still holds.
 */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  const key = (name: string) => name.normalize('NFC').toLowerCase();
  return names.map((name) => {
    let unique = name;
    const dot = name.lastIndexOf('.');
    const [stem, suffix] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 2; taken.has(key(unique)); n++) {
      const counter = ` (${n})`;
      unique = `${fitBytes(stem, MAX_NAME_BYTES - byteLength(counter + suffix))}${counter}${suffix}`;
    }
    taken.add(key(unique));
    return unique;
  });
}
