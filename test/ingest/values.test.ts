import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_VALUE_LENGTH, numericCellValue, parseValue } from '../../src/ingest/index.js';

describe('parseValue: spellings students use', () => {
  // [typed, value, decimals]
  const readable: readonly [string, number, number | null][] = [
    ['0.646', 0.646, 3],
    ['-0.015', -0.015, 3],
    ['.5', 0.5, 1],
    ['+1', 1, 0],
    ['0', 0, 0],
    ['0.600', 0.6, 3],
    ['5.', 5, 0],
    ['0,646', 0.646, 3],
    ['-0,015', -0.015, 3],
    ['\u22120.015', -0.015, 3], // unicode minus
    ['\u20130.015', -0.015, 3], // en dash
    ['\uFF0D0.015', -0.015, 3], // full-width minus
    ['\uFF10\uFF0E\uFF16\uFF14\uFF16', 0.646, 3], // full-width digits and point
    ['=0.646', 0.646, 3],
    ['\u22480.646', 0.646, 3], // ≈
    ['~0.646', 0.646, 3],
    ['  0.646  ', 0.646, 3],
    ['\u00A00.646\u00A0', 0.646, 3], // NBSP
    ['= \u22120,646', -0.646, 3],
    ['1.5e-3', 0.0015, 4],
    ['1.5E-3', 0.0015, 4],
    ['1.5E+03', 1500, 0],
    ['1.5\u00D710^-3', 0.0015, 4], // 1.5×10^-3
    ['1.5*10^-3', 0.0015, 4],
    ['1.5\u00D710\u207B\u00B3', 0.0015, 4], // 1.5×10⁻³
    ['2.160/2.625', 2.16 / 2.625, null],
    ['-1/3', -1 / 3, null],
    ['64.6%', 0.646, 3],
    ['5%', 0.05, 2],
    ['1e5', 100000, 0],
    ['0\u3002426', 0.426, 3], // 0。426: the full stop a Chinese input method types
    ['0\uFF0C426', 0.426, 3], // 0，426: the full-width comma
    ['\u7EA60.455', 0.455, 3], // 约0.455
    ['\u5927\u7EA6 0.455', 0.455, 3], // 大约 0.455
    ['\u2248 -0.015', -0.015, 3], // ≈ -0.015
    ['~0\u3002455', 0.455, 3],
    ['0.419\uFF08\u4FDD\u7559\u4E09\u4F4D\uFF09', 0.419, 3], // 0.419（保留三位）
    ['0.419 (rounded)', 0.419, 3],
    ['64.6% (of 1)', 0.646, 3],
  ];

  it.each(readable)('%j reads as %d with %s decimals', (typed, value, decimals) => {
    const parsed = parseValue(typed);
    expect(parsed).toMatchObject({ kind: 'number', decimals, raw: typed });
    if (parsed.kind !== 'number') return;
    expect(parsed.value).toBeCloseTo(value, 12);
  });

  it('keeps the text as typed in raw', () => {
    expect(parseValue('=\u22120,646')).toEqual({ kind: 'number', value: -0.646, decimals: 3, raw: '=\u22120,646' });
    expect(parseValue('0.419\uFF08\u4FDD\u7559\u4E09\u4F4D\uFF09')).toMatchObject({ raw: '0.419\uFF08\u4FDD\u7559\u4E09\u4F4D\uFF09' });
  });

  it.each(['', '   ', '\u00A0'])('%j is empty', (typed) => {
    expect(parseValue(typed)).toEqual({ kind: 'empty' });
  });

  // [typed, reason contains]
  const unreadable: readonly [string, string][] = [
    ['abc', 'not a number'],
    ['0.6.4', 'single decimal point'],
    ['1,234.5', 'single decimal point'],
    ['1/0', 'division by zero'],
    ['NaN', 'not a number'],
    ['Infinity', 'not a number'],
    ['-Infinity', 'not a number'],
    ['=', 'nothing after "="'],
    ['= ', 'nothing after "="'],
    ['=A1*2', 'formula'],
    ['=SUM(B2:B5)', 'formula'],
    ['0,', 'not a number'],
    [',5', 'not a number'],
    ['.', 'not a number'],
    ['1/2/3', 'not a number'],
    ['1e999', 'out of range'],
    ['1.5*10-3', 'not a number'],
    ['0.646 0.5.1', 'single decimal point'],
    ['1'.repeat(MAX_VALUE_LENGTH + 1), 'too long'],
    ['9'.repeat(100_000), 'too long'],
    ['(0.5)', 'not a number'], // a bracket alone is no note after a number
    ['0.5(1)(2)', 'not a number'],
    ['\u7EA6', 'nothing after'],
  ];

  it.each(unreadable)('%j is unreadable: %s', (typed, reason) => {
    const parsed = parseValue(typed);
    expect(parsed.kind).toBe('unreadable');
    if (parsed.kind !== 'unreadable') return;
    expect(parsed.reason).toContain(reason);
    expect(parsed.reason).not.toContain('\n');
    expect(parsed.raw.length).toBeLessThanOrEqual(Math.max(typed.length, MAX_VALUE_LENGTH));
  });

  it('never reports negative zero', () => {
    const parsed = parseValue('-0.000');
    expect(parsed).toMatchObject({ kind: 'number', decimals: 3 });
    if (parsed.kind === 'number') expect(Object.is(parsed.value, -0)).toBe(false);
  });
});

describe('numericCellValue: decimals of a numeric cell', () => {
  // [value, number format, decimals]: a formula's result shows at most its format's decimals.
  const results: readonly [number, string | undefined, number | null][] = [
    [0.6, '0.000', 1],
    [0.6461538, '0.000', 3],
    [0.6, 'General', 1],
    [0.646, undefined, 3],
    [120, 'General', 0],
    [1.5e-7, 'General', 8],
    [0.25, '0.0%', 2],
    [0.646, '0.00%', 3],
    [0.6461538, '0.00%', 4],
    [0.5, '#,##0.00', 1],
    [0.12345, '0.0##', 3],
    [0.5, '0.000_);(0.000)', 1],
    [0.12345, '[Red]0.00;[Blue]-0.00', 2],
    [0.12345, '"≈ "0.000', 3],
    [0.000646, '0.00E+00', 6],
    [0.5, '# ?/?', null],
    [0.5, '@', 1],
    [7, '0', 0],
    // Float noise of a formula (=0.1*0.2+0.5 style) is not what the spreadsheet computed.
    [-0.00170000000000003, 'General', 4],
    [0.1 * 0.2 + 0.5, undefined, 2],
    [-0.011 * 0.5 * 0.411 * 0.589, '0.0000', 4],
  ];

  it.each(results)('a formula result %d formatted %j reads at %s decimals', (value, format, decimals) => {
    expect(numericCellValue(value, format, undefined, true)).toEqual({ kind: 'number', value, decimals, raw: String(value) });
  });

  // [value, number format, decimals]: a typed number reads at the decimals typed, whatever its format.
  const typed: readonly [number, string | undefined, number | null][] = [
    [0.646, '0.0000', 3],
    [0.6459, '0.000', 4],
    [0.6, '0.000', 1],
    [0.646, '0.00%', 3],
    [0.5, '# ?/?', null],
    [-0.0015, '0.00E+00', 4],
  ];

  it.each(typed)('a typed %d formatted %j reads at %s decimals', (value, format, decimals) => {
    expect(numericCellValue(value, format, undefined)).toEqual({ kind: 'number', value, decimals, raw: String(value) });
  });

  it('never lets a number format change the decimals of a typed number', () => {
    const formats = fc.constantFrom('General', '0', '0.0', '0.000', '0.0000', '0.00%', '#,##0.00', '0.00E+00', '0.0##', '@', '"x"0.00');
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: 0, max: 6 }), formats, (x, decimals, format) => {
        const value = Number(x.toFixed(decimals));
        expect(numericCellValue(value, format, undefined)).toEqual(numericCellValue(value, undefined, undefined));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the text the spreadsheet shows as raw', () => {
    expect(numericCellValue(0.6, '0.000', '0.600')).toMatchObject({ raw: '0.600', decimals: 1 });
  });
});

describe('parseValue: property', () => {
  const minus = fc.constantFrom('-', '\u2212');
  const typed = fc.record({
    value: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    decimals: fc.integer({ min: 0, max: 8 }),
    comma: fc.boolean(),
    equals: fc.boolean(),
    minus,
  });

  it('recovers a number written to d decimals within half a unit, and reports d decimals', () => {
    fc.assert(
      fc.property(typed, ({ value, decimals, comma, equals, minus: minusSign }) => {
        const fixed = value.toFixed(decimals);
        const text = `${equals ? '=' : ''}${fixed.replace('-', minusSign).replace('.', comma ? ',' : '.')}`;
        const parsed = parseValue(text);
        expect(parsed.kind).toBe('number');
        if (parsed.kind !== 'number') return;
        expect(parsed.decimals).toBe(decimals);
        const halfUnit = 0.5 * 10 ** -decimals;
        expect(Math.abs(parsed.value - value)).toBeLessThanOrEqual(halfUnit * (1 + 1e-9) + Math.abs(value) * 1e-15);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws and always answers one of the three kinds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        expect(['empty', 'number', 'unreadable']).toContain(parseValue(text).kind);
      }),
      { numRuns: 500 },
    );
  });
});
