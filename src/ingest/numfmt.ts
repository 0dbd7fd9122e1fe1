/**
 * How many decimals a numeric cell shows: from its number format (`0.000`, `0.0%`, `0.00E+00`)
 * when that fixes them, else from the shortest decimal text of the number.
 */
import { assertNever } from '../engine/expr.js';

/** What a number format says about decimals. */
export type FormatShape =
  | { readonly kind: 'general' }
  /** `0.0##%`: at least `min`, at most `max` decimals of the shown number (×100 per `%`). */
  | { readonly kind: 'fixed'; readonly min: number; readonly max: number; readonly percent: number }
  | { readonly kind: 'scientific'; readonly mantissa: number }
  | { readonly kind: 'fraction' };

/** Decimals of a number as its shortest round-tripping text: 0.6 -> 1, 1.5e-7 -> 8, 120 -> 0. */
export function shortestDecimals(value: number): number {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(value)));
  if (!match) return 0;
  const fraction = match[2]?.length ?? 0;
  return Math.max(0, fraction - Number(match[3] ?? '0'));
}

/** A typed number's decimals: those of its shortest text, whatever its format (null for a fraction format: `1/2` typed). */
export function decimalsOfTyped(value: number, format: string | undefined): number | null {
  return formatShape(format ?? 'General').kind === 'fraction' ? null : shortestDecimals(value);
}

/** Significant digits a spreadsheet computes with; past them a double holds only float noise. */
const SPREADSHEET_DIGITS = 15;
/**
 * A formula's float noise, relative to its result: a few ulps of its operands, magnified when a
 * difference cancels (0.1·0.2 + 0.5 − 0.52 = −0.00170000000000003, noise 2·10⁻¹⁴ of the result).
 */
const NOISE = 1e-12;

/** The shortest decimal the value is, but for float noise: −0.00170000000000003 -> −0.0017. */
function withoutNoise(value: number): number {
  for (let digits = 1; digits < SPREADSHEET_DIGITS; digits++) {
    const shorter = Number(value.toPrecision(digits));
    if (Math.abs(shorter - value) <= NOISE * Math.abs(value)) return shorter;
  }
  return Number(value.toPrecision(SPREADSHEET_DIGITS));
}

/** A formula result's decimals: its value without float noise, capped by what its format shows. */
export function decimalsOfResult(value: number, format: string | undefined): number | null {
  const computed = shortestDecimals(withoutNoise(value));
  const shown = decimalsOfCell(value, format);
  return shown === null ? null : Math.min(computed, shown);
}

/** The decimals a numeric cell shows; null for fraction formats (`# ?/?`), where they mean nothing. */
export function decimalsOfCell(value: number, format: string | undefined): number | null {
  const shape = formatShape(format ?? 'General');
  switch (shape.kind) {
    case 'general':
      return shortestDecimals(withoutNoise(value));
    case 'fixed': {
      const shown = Number((value * 100 ** shape.percent).toPrecision(SPREADSHEET_DIGITS));
      const decimals = Math.min(Math.max(shortestDecimals(shown), shape.min), shape.max);
      return decimals + 2 * shape.percent;
    }
    case 'scientific': {
      if (value === 0) return shape.mantissa;
      const exponent = Number(value.toExponential(shape.mantissa).split('e')[1]);
      return Math.max(0, shape.mantissa - exponent);
    }
    case 'fraction':
      return null;
    default:
      return assertNever(shape);
  }
}

/** Reads the first section of a number format (the one for positive numbers). */
export function formatShape(format: string): FormatShape {
  const section = firstSection(format)
    .replace(/"[^"]*"/g, '') // literal text
    .replace(/\\./g, '') // escaped characters
    .replace(/[_*]./g, '') // padding and fill
    .replace(/\[[^\]]*\]/g, ''); // colours, conditions, locales
  if (section.includes('/')) return { kind: 'fraction' };
  const scientific = /^[#0?,]*(?:\.([#0?]*))?[eE][+-]/.exec(section);
  if (scientific) return { kind: 'scientific', mantissa: scientific[1]?.length ?? 0 };
  const fixed = /^[^0#?.]*[#0?,]*(?:\.([#0?]*))?[^0#?.]*$/.exec(section);
  if (!fixed || !/[0#?]/.test(section) || /[A-Za-z@]/.test(section)) return { kind: 'general' };
  const decimals = fixed[1] ?? '';
  const min = decimals.replace(/#/g, '').length;
  return { kind: 'fixed', min, max: decimals.length, percent: (section.match(/%/g) ?? []).length };
}

function firstSection(format: string): string {
  let quoted = false;
  for (let i = 0; i < format.length; i += 1) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ';' && !quoted) return format.slice(0, i);
  }
  return format;
}
