import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReservedName, MAX_NAME_BYTES, neutraliseCell, reportFileName, uniqueNames } from '../../src/report/sanitize.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('neutraliseCell', () => {
  const formulas = [
    '=HYPERLINK("http://x","y")',
    '+1',
    '-1+2',
    '@SUM(A1)',
    '\tcmd',
    '\r=1',
    '＝1+1',
    '＋1',
    '－1',
    '＠SUM(A1)',
    '﹦1',
    '  =1+1',
    '\u3000=1',
    '\uFEFF=1',
    '\n=1',
  ];
  it.each(formulas)('quotes %j', (text) => {
    expect(neutraliseCell(text)).toBe(`'${text}`);
  });

  it.each(['张三', '2023000001', '0.646', 'a=b', 'x-y', 'coef_c5', '', '  ', "'=already quoted", '−0.015'])('leaves %j alone', (text) => {
    expect(neutraliseCell(text)).toBe(text);
  });

  it('quotes text that looks like a number: numbers never come here as text', () => {
    expect(neutraliseCell('-0.015')).toBe("'-0.015");
  });

  it('only ever adds one leading quote, and leaves nothing a spreadsheet would start a formula with', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const cell = neutraliseCell(text);
        expect([text, `'${text}`]).toContain(cell);
        if (cell === text) {
          expect(/^[\t\r]/.test(cell)).toBe(false);
          const first = /^\s*(\S)/u.exec(cell)?.[1]?.normalize('NFKC').charAt(0) ?? '';
          expect(['=', '+', '-', '@']).not.toContain(first);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('reportFileName', () => {
  const name = (id: string | null, fallback = 'submission') => reportFileName(id, fallback, 'pdf');

  it.each([
    ['2023000001', '2023000001.pdf'],
    ['张三', '张三.pdf'],
    ['Ивán Ørsted', 'Ивán Ørsted.pdf'],
    ['../../x', '_._x.pdf'],
    ['/etc/passwd', '_etc_passwd.pdf'],
    ['C:\\x', 'C__x.pdf'],
    ['a/b', 'a_b.pdf'],
    ['a\\b', 'a_b.pdf'],
    ['a\u0000b', 'ab.pdf'],
    ['evil\u202Efdp.exe', 'evilfdp.exe.pdf'],
    ['x. . .', 'x.pdf'],
    ['  padded  ', 'padded.pdf'],
    ['a..b', 'a.b.pdf'],
    ['／etc／passwd', '_etc_passwd.pdf'],
    ['‥／x', '_x.pdf'],
    ['ＣＯＮ', '_CON.pdf'],
    ['CON', '_CON.pdf'],
    ['con', '_con.pdf'],
    ['con.pdf', '_con.pdf.pdf'],
    ['Lpt9', '_Lpt9.pdf'],
    ['nul .txt', '_nul .txt.pdf'],
    ['COM¹', '_COM1.pdf'],
    ['console', 'console.pdf'],
  ])('%j -> %j', (id, expected) => {
    expect(name(id)).toBe(expected);
  });

  it.each([null, '', '   ', '.', '..', '...', '\u0000', '/', '\\', '_', '*?', '\u202E'])('falls back for %j', (id) => {
    expect(name(id, '2023000001_王晓东')).toBe('2023000001_王晓东.pdf');
    expect(name(id, '..')).toBe('report.pdf');
  });

  it('cuts a very long name on a character boundary, keeping the extension', () => {
    const result = name('张'.repeat(300));
    expect(bytes(result)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(result).toBe(`${'张'.repeat(32)}.pdf`);
  });

  it('never splits a character as a person sees it', () => {
    const flags = name('🇨🇳'.repeat(40));
    expect(flags).toBe(`${'🇨🇳'.repeat(12)}.pdf`);
  });

  it('still gives a name for one cluster longer than the bound', () => {
    const result = name(`a${'\u0301'.repeat(300)}`);
    expect(result.startsWith('á')).toBe(true);
    expect(bytes(result)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });

  it('cleans the extension too', () => {
    expect(reportFileName('x', 'y', '.pdf')).toBe('x.pdf');
    expect(reportFileName('x', 'y', '../p/d\u0000f')).toBe('x.pdf');
    expect(reportFileName('x', 'y', '')).toBe('x');
  });

  const hostile = fc
    .array(fc.constantFrom('..', '.', '/', '\\', 'CON', 'con', 'nul', 'LPT1', 'com9', 'C:', ' ', '\u0000', '\t', '张', '🇨🇳', '\u202E', '\uD800', 'a', '.pdf', '~', '＼', '／', '‥', '\u0301'), { maxLength: 80 })
    .map((pieces) => pieces.join(''));
  const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), hostile, fc.string({ unit: 'grapheme', maxLength: 200 }));

  it('gives a single safe path segment for any id and fallback', () => {
    fc.assert(
      fc.property(fc.option(anyText), anyText, (id, fallback) => {
        const result = reportFileName(id, fallback, 'pdf');
        expect(path.posix.basename(result)).toBe(result);
        expect(path.win32.basename(result)).toBe(result);
        expect(result).not.toMatch(/[/\\:*?"<>|]/);
        expect(result).not.toContain('..');
        expect(result).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}]/u);
        expect(result).not.toMatch(/^[\s.]/u);
        expect(result.endsWith('.pdf')).toBe(true);
        expect(result.length).toBeGreaterThan('.pdf'.length);
        expect(bytes(result)).toBeLessThanOrEqual(MAX_NAME_BYTES);
        expect(isReservedName(result)).toBe(false);
        expect(isReservedName(result.slice(0, -'.pdf'.length))).toBe(false);
        expect(result.slice(0, -'.pdf'.length)).not.toMatch(/[\s.]$/u);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isReservedName', () => {
  it.each(['CON', 'con', 'con.txt', 'CON .pdf', 'aux.tar.gz', 'COM1', 'lpt9.x', 'NUL'])('%j is a device', (text) => {
    expect(isReservedName(text)).toBe(true);
  });
  it.each(['console', '_con', 'com', 'com10', 'x.con'])('%j is not', (text) => {
    expect(isReservedName(text)).toBe(false);
  });
});

describe('uniqueNames', () => {
  it('numbers later repeats, ignoring case', () => {
    expect(uniqueNames(['x.pdf', 'y.pdf', 'x.pdf', 'X.PDF'])).toEqual(['x.pdf', 'y.pdf', 'x (2).pdf', 'X (3).PDF']);
  });

  it('never lands on a name already given', () => {
    expect(uniqueNames(['x.pdf', 'x (2).pdf', 'x.pdf'])).toEqual(['x.pdf', 'x (2).pdf', 'x (3).pdf']);
    expect(uniqueNames(['x.pdf', 'x.pdf', 'x (2).pdf'])).toEqual(['x.pdf', 'x (2).pdf', 'x (2) (2).pdf']);
  });

  it('keeps names without an extension and hidden-looking ones whole', () => {
    expect(uniqueNames(['x', 'x'])).toEqual(['x', 'x (2)']);
  });

  it('keeps the byte bound when a long name is numbered', () => {
    const long = reportFileName('张'.repeat(300), 'x', 'pdf');
    const [first, second] = uniqueNames([long, long]);
    expect(first).toBe(long);
    expect(second).toMatch(/^张+ \(2\)\.pdf$/);
    expect(bytes(second!)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });

  it('always gives distinct names (ignoring case), one for each name given', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom('a', 'A', 'a (2)', '张三', '张'.repeat(60)), { nil: null }), { maxLength: 30 }), (ids) => {
        const names = ids.map((id) => reportFileName(id, 'report', 'pdf'));
        const unique = uniqueNames(names);
        expect(unique).toHaveLength(names.length);
        expect(new Set(unique.map((n) => n.toLowerCase())).size).toBe(unique.length);
        for (const n of unique) {
          expect(bytes(n)).toBeLessThanOrEqual(MAX_NAME_BYTES);
          expect(path.basename(n)).toBe(n);
        }
      }),
    );
  });
});
