/**
 * A student's value as typed: text -> number, with the decimals they wrote.
 *
 * Reading is a phase of its own: "could not read" (`unreadable`) is a different outcome from
 * "wrong", and its reason is one line a student can act on. Nothing here evaluates the text.
 */
import { english, msg, withNote, type Message, type Said } from '../i18n/index.js';
import { decimalsOfResult, decimalsOfTyped } from './numfmt.js';

export type ParsedValue =
  | { readonly kind: 'empty' }
  /** `decimals`: the decimals the student wrote; null where that means nothing (a fraction). */
  | { readonly kind: 'number'; readonly value: number; readonly decimals: number | null; readonly raw: string }
  /** `reason` in English; `note` (not enumerable, see i18n/note.ts) says it in any language. */
  | { readonly kind: 'unreadable'; readonly raw: string; readonly reason: string; readonly note?: Said };

/** Longer text is not a number anyone typed by hand. */
export const MAX_VALUE_LENGTH = 100;
/** Exponents past this overflow or underflow a double; nobody means them. */
const MAX_EXPONENT = 300;

const EMPTY: ParsedValue = { kind: 'empty' };

/** What may stand before a number: `=`, "about" (`≈`, `~`, `约`, `大约`). */
const PREFIX = /^(?:[=≈~≃∼]|大约|约)/;
/** A note after a number, in brackets (`0.419（保留三位）`): ignored, and kept in `raw`. */
const TRAILING_NOTE = /(?<=[\d.%])\([^()]*\)$/;

/** An unreadable value, its reason said in English with the message kept beside it. */
export const unreadable = (raw: string, reason: Message): ParsedValue =>
  withNote({ kind: 'unreadable' as const, raw, reason: english(reason) }, reason);

/**
 * Reads a value as the student typed it.
 *
 * @example
 * parseValue('0,646')      // { kind: 'number', value: 0.646, decimals: 3, raw: '0,646' }
 * parseValue('=−1.5×10^-3') // { kind: 'number', value: -0.0015, decimals: 4, ... }
 * parseValue('64.6%')      // { kind: 'number', value: 0.646, decimals: 3, ... }
 * parseValue('2.160/2.625') // { kind: 'number', value: 0.822857…, decimals: null, ... }
 * parseValue('约0。455')     // { kind: 'number', value: 0.455, decimals: 3, ... }
 * parseValue('0.419（保留三位）') // { kind: 'number', value: 0.419, decimals: 3, raw: '0.419（保留三位）' }
 * parseValue('0.6.4')      // { kind: 'unreadable', reason: 'write one number with a single decimal point', ... }
 */
export function parseValue(raw: string): ParsedValue {
  if (raw.length > 4 * MAX_VALUE_LENGTH) return unreadable(raw.slice(0, MAX_VALUE_LENGTH), tooLong());
  const text = normaliseNumberText(raw);
  if (text === '') return EMPTY;
  if (text.length > MAX_VALUE_LENGTH) return unreadable(raw, tooLong());
  const prefix = PREFIX.exec(text)?.[0] ?? '';
  const body = text.slice(prefix.length).replace(TRAILING_NOTE, '');
  if (body === '') return unreadable(raw, msg('value.nothingAfter', { prefix }));
  const parsed = body.includes('/') ? readFraction(body) : readDecimal(body, true);
  if (!('value' in parsed)) return unreadable(raw, parsed);
  return { kind: 'number', value: parsed.value, decimals: parsed.decimals, raw };
}

/**
 * A cell that already holds a number (xlsx, xls, ods). A typed number's decimals are those of its
 * shortest text: its number format only changes how it looks, never what was typed (0.646 in a
 * `0.0000` column is 0.646, not 0.6460). A formula's result is read at 15 significant digits, as the
 * spreadsheet computed it (never as its float noise, −0.00170000000000003), and at no more decimals
 * than its number format shows. `shown` is the text the spreadsheet displays, kept as `raw`.
 */
export function numericCellValue(value: number, format: string | undefined, shown: string | undefined, formula = false): ParsedValue {
  const raw = shown ?? String(value);
  if (!Number.isFinite(value)) return unreadable(raw, msg('value.notANumber'));
  const decimals = formula ? decimalsOfResult(value, format) : decimalsOfTyped(value, format);
  return { kind: 'number', value: value + 0, decimals, raw };
}
const tooLong = (): Message => msg('value.tooLong', { max: MAX_VALUE_LENGTH });

interface Reading {
  value: number;
  decimals: number | null;
}

/** Why the text is not a number, when it is not. */
type ReadResult = Reading | Message;

const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁺': '+', '⁻': '-',
};

/**
 * Folds the spellings students use into one: full-width forms (NFKC: `，` is `,`, `（` is `(`),
 * the ideographic full stop `。` a Chinese input method types for a point to ".", every dash to
 * "-", `×10⁻³` to `×10^-3`, and no whitespace at all (NBSP, thin spaces, digit grouping).
 */
function normaliseNumberText(raw: string): string {
  const superscripts = raw.replace(/10([⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻]+)/g, (_m, exp: string) =>
    `10^${[...exp].map((ch) => SUPERSCRIPTS[ch] ?? ch).join('')}`,
  );
  return superscripts
    .normalize('NFKC')
    .replace(/\u3002/g, '.')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '');
}

const DECIMAL = /^([+-]?)(\d*)(?:([.,])(\d*))?(?:(?:[eE]|[×*xX·⋅]10\^)([+-]?\d+))?$/;

/** A decimal number, optionally in scientific notation, optionally a percentage. */
function readDecimal(body: string, allowPercent: boolean): ReadResult {
  const percent = allowPercent && body.endsWith('%');
  const number = percent ? body.slice(0, -1) : body;
  const match = DECIMAL.exec(number);
  if (!match) return whyNotANumber(number);
  const [, sign = '', whole = '', separator, fraction = '', exponentText = '0'] = match;
  if (whole === '' && fraction === '') return msg('value.notANumber');
  if (separator === ',' && (whole === '' || fraction === '')) return msg('value.notANumber');
  const exponent = Number(exponentText) - (percent ? 2 : 0);
  if (Math.abs(exponent) > MAX_EXPONENT) return msg('value.outOfRange');
  // Through the decimal string, so 64.6% is exactly the double nearest 0.646.
  const value = Number(`${sign}${whole || '0'}.${fraction || '0'}e${exponent}`);
  if (!Number.isFinite(value)) return msg('value.outOfRange');
  return { value: value + 0, decimals: Math.max(0, fraction.length - exponent) };
}

/** `a/b`, as students write a quotient they did not finish; the decimals mean nothing here. */
function readFraction(body: string): ReadResult {
  const parts = body.split('/');
  if (parts.length !== 2) return msg('value.notANumber');
  const numerator = readDecimal(parts[0] ?? '', false);
  const denominator = readDecimal(parts[1] ?? '', false);
  if (!('value' in numerator)) return numerator;
  if (!('value' in denominator)) return denominator;
  if (denominator.value === 0) return msg('value.divisionByZero');
  return { value: numerator.value / denominator.value + 0, decimals: null };
}

function whyNotANumber(text: string): Message {
  if ((text.match(/[.,]/g)?.length ?? 0) > 1 && /^[+-]?[\d.,]+$/.test(text)) {
    return msg('value.severalPoints');
  }
  if (/[A-Za-z]{1,3}\d|[A-Za-z]{2,}\(/.test(text)) return msg('value.formula');
  return msg('value.notANumber');
}
