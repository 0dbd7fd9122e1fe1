import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { IngestError, IngestFailure, IngestLimits } from '../../src/ingest/index.js';
import { DEFAULT_LIMITS, isIngestError, readSubmission } from '../../src/ingest/index.js';
import { damagedXlsMutants, manySheets, millionRowsXlsx, odsRepeatBomb, sharedStringsBomb, tenMegabyteLine } from '../cli/hostile-files.js';
import { cfbOf, editZipPart, JPEG, PDF, PNG, XLSX_SKELETON, zipOf } from './hostile.js';
import { book, csvText, match, sheet, templateSheet, utf8, write } from './workbooks.js';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url)));

/** The IngestError that reading throws. */
function failure(bytes: Uint8Array, fileName: string, limits: Partial<IngestLimits> = {}): IngestError {
  try {
    readSubmission(bytes, fileName, match, limits);
  } catch (error) {
    if (isIngestError(error)) return error;
    throw error;
  }
  throw new Error(`${fileName} was read`);
}

function expectFailure(error: IngestError, reason: IngestFailure, message: string): void {
  expect(error.code).toBe('E_INGEST');
  expect(error.reason).toBe(reason);
  expect(error.message).toBe(message);
}

const PASSWORD = 'password-protected: remove the password and save again';

describe('readSubmission: files that cannot be read', () => {
  it('an empty file', () => {
    expectFailure(failure(new Uint8Array(0), 'hw.xlsx'), 'empty', 'hw.xlsx: empty file');
  });

  it('a text file with nothing but a BOM and blank lines', () => {
    expectFailure(failure(utf8(' \r\n\r\n', true), 'hw.csv'), 'empty', 'hw.csv: empty file');
  });

  it.each([
    [PNG, 'a PNG image'],
    [JPEG, 'a JPEG image'],
    [PDF, 'a PDF'],
  ])('a non-spreadsheet renamed .xlsx (%#)', (bytes, looksLike) => {
    const error = failure(bytes, 'scan.xlsx');
    expectFailure(error, 'not-a-spreadsheet', `scan.xlsx: not a spreadsheet (looks like ${looksLike}): save your work as .xlsx`);
  });

  it.each(['protected.xlsx', 'protected.xls', 'protected.ods'])('a password-protected workbook (%s, made by LibreOffice)', (name) => {
    expectFailure(failure(fixture(name), name), 'password-protected', `${name}: ${PASSWORD}`);
  });

  it('an encrypted xlsx told from its streams, whatever it is named', () => {
    const container = cfbOf({ EncryptionInfo: new Uint8Array(64), EncryptedPackage: new Uint8Array(512) });
    expectFailure(failure(container, 'hw.csv'), 'password-protected', `hw.csv: ${PASSWORD}`);
  });

  it('a file over the size limit, refused before it is parsed', () => {
    const tooBig = new Uint8Array(DEFAULT_LIMITS.maxFileBytes + 1);
    expectFailure(failure(tooBig, 'big.xlsx'), 'too-large', 'big.xlsx: too large (10.1 MB; the limit is 10 MB)');
    // A valid workbook over a lower limit is refused too: the size is checked first.
    const valid = write(book({ Answers: templateSheet() }), 'xlsx');
    const error = failure(valid, 'hw.xlsx', { maxFileBytes: 1024 });
    expect(error.reason).toBe('too-large');
    expect(error.message).toMatch(/^hw\.xlsx: too large \([\d.]+ KB; the limit is 1 KB\)$/);
  });

  it('a zip bomb, whatever sizes its headers declare', () => {
    const bomb = zipOf([...XLSX_SKELETON, { name: 'xl/media/image1.png', data: new Uint8Array(3 * 1024 * 1024), declaredSize: 100 }]);
    expect(bomb.length).toBeLessThan(10_000);
    const error = failure(bomb, 'hw.xlsx', { maxUnzippedBytes: 1024 * 1024 });
    expectFailure(error, 'too-large', 'hw.xlsx: too large once unpacked (over 1 MB); remove pictures or unused sheets and save it again');
  });

  it('an archive with too many parts', () => {
    const parts = Array.from({ length: 5 }, (_, i) => ({ name: `xl/part${i}.xml`, data: '<x/>' }));
    const error = failure(zipOf([...XLSX_SKELETON, ...parts]), 'hw.xlsx', { maxZipEntries: 4 });
    expectFailure(error, 'too-large', 'hw.xlsx: too many parts (7; the limit is 4)');
  });

  it.each([
    [[{ name: 'word/document.xml', data: '<w:document/>' }], 'a Word document'],
    [[{ name: 'ppt/presentation.xml', data: '<p/>' }], 'a PowerPoint file'],
    [[{ name: 'notes.txt', data: 'hello' }], 'a ZIP archive'],
  ])('another kind of ZIP file (%#)', (parts, looksLike) => {
    const error = failure(zipOf(parts), 'hw.xlsx');
    expectFailure(error, 'not-a-spreadsheet', `hw.xlsx: not a spreadsheet (looks like ${looksLike}): save your work as .xlsx`);
  });

  it('an old Word document renamed .xls', () => {
    const error = failure(cfbOf({ WordDocument: new Uint8Array(600) }), 'hw.xls');
    expect(error.message).toBe('hw.xls: not a spreadsheet (looks like a Word document): save your work as .xlsx');
  });

  it('a web page saved as .xls', () => {
    const html = utf8('<html><body><table><tr><td>coef_c5</td><td>0.646</td></tr></table></body></html>');
    expect(failure(html, 'hw.xls').message).toBe('hw.xls: not a spreadsheet (looks like a web page or XML file): save your work as .xlsx');
  });

  it('binary data of no known kind', () => {
    const noise = Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256);
    expect(failure(noise, 'hw.xlsx').reason).toBe('not-a-spreadsheet');
  });

  it.each([
    ['a cut-short xlsx', (bytes: Uint8Array) => bytes.slice(0, Math.floor(bytes.length / 2))],
    ['an xlsx with a broken part', (bytes: Uint8Array) => bytes.map((b, i) => (i > 40 && i < 400 ? b ^ 0x5a : b))],
  ])('%s is damaged', (_name, damage) => {
    const error = failure(damage(write(book({ Answers: templateSheet() }), 'xlsx')), 'hw.xlsx');
    expect(error.reason).toBe('damaged');
    expect(error.message).toMatch(/^hw\.xlsx: damaged/);
  });
});

describe('readSubmission: bounds on what is read', () => {
  const answers = (n: number): (string | number)[][] => Array.from({ length: n }, (_, i) => [`row ${i}`, i]);

  it('reads only the first sheets, and says so', () => {
    const sheets = Object.fromEntries(['A', 'B', 'C'].map((name, i) => [name, sheet([[['coef_c5', 'loss', 'w1_new'][i] ?? '', 0.5]])]));
    const submission = readSubmission(write(book(sheets), 'xlsx'), 'hw.xlsx', match, { maxSheets: 2 });
    expect([...submission.answers.keys()]).toEqual(['coef_c5', 'loss']);
    expect(submission.problems).toContainEqual({ code: 'too-many-sheets', message: 'only the first 2 of 3 sheets were read' });
  });

  it.each(['xlsx', 'biff8', 'ods'] as const)('reads only the first rows of a sheet, and says so (%s)', (bookType) => {
    const ws = sheet([...answers(8), ['loss', 0.25]]);
    const submission = readSubmission(write(book({ Sheet1: ws }), bookType), 'hw', match, { maxRows: 5 });
    expect(submission.answers.has('loss')).toBe(false);
    expect(submission.problems).toContainEqual({ code: 'too-many-rows', message: 'only the first 5 rows of sheet "Sheet1" were read' });
  });

  it('looks at no more than the cell limit, in a workbook and in a CSV', () => {
    const wb = book({ Sheet1: sheet([...answers(20), ['loss', 0.25]]) });
    for (const bytes of [write(wb, 'xlsx'), utf8(csvText(wb))]) {
      const submission = readSubmission(bytes, 'hw', match, { maxCells: 10 });
      expect(submission.answers.has('loss')).toBe(false);
      expect(submission.problems).toContainEqual({ code: 'too-many-cells', message: 'only the first 10 cells were read' });
    }
    const exactlyTen = book({ Sheet1: sheet([...answers(4), ['loss', 0.25]]) });
    const submission = readSubmission(write(exactlyTen, 'xlsx'), 'hw.xlsx', match, { maxCells: 10 });
    expect(submission.answers.has('loss')).toBe(true);
    expect(submission.problems).toEqual([]);
  });

  it('is not slowed by cells at the far corners of the sheet', () => {
    const plain = write(book({ Sheet1: sheet([['coef_c5', 0.646]]) }), 'xlsx');
    const far = (ref: string): string => `<c r="${ref}" t="inlineStr"><is><t>far</t></is></c>`;
    const hostile = editZipPart(plain, 'xl/worksheets/sheet1.xml', (xml) =>
      xml
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
        .replace('</row>', `${far('XFD1')}</row><row r="2">${far('ZZZZZZZ2')}</row><row r="1048576">${far('A1048576')}</row>`),
    );
    const started = performance.now();
    const submission = readSubmission(hostile, 'hw.xlsx', match);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(submission.answers.get('coef_c5')?.value).toMatchObject({ value: 0.646 });
    expect(submission.problems.map((p) => p.code)).toEqual(['too-many-rows']);
  });
});

describe('readSubmission: damaged files of every format (property)', () => {
  const wb = book({ Answers: templateSheet() });
  const originals = {
    xlsx: write(wb, 'xlsx'),
    xls: write(wb, 'biff8'),
    ods: write(wb, 'ods'),
    csv: utf8(csvText(wb)),
  };
  const damage = fc.record({
    format: fc.constantFrom(...(Object.keys(originals) as (keyof typeof originals)[])),
    flips: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }),
    cut: fc.option(fc.nat(), { nil: undefined }),
  });

  it('either reads the file or throws an IngestError naming it: never anything else', () => {
    fc.assert(
      fc.property(damage, ({ format, flips, cut }) => {
        const bytes = originals[format].slice(0, cut === undefined ? undefined : 1 + (cut % originals[format].length));
        for (const { at, byte } of flips) bytes[at % bytes.length] = byte;
        try {
          const submission = readSubmission(bytes, `damaged.${format}`, match);
          expect(submission.file).toBe(`damaged.${format}`);
        } catch (error) {
          expect(isIngestError(error)).toBe(true);
          expect((error as IngestError).message.startsWith(`damaged.${format}: `)).toBe(true);
        }
      }),
      // A fixed seed: some damaged xls files make SheetJS spend seconds before it gives up (see src/ingest/sheetjs.ts).
      { numRuns: 150, seed: 20251128 },
    );
  });
});

describe('readSubmission: pre-scans refuse what would blow the budget, before SheetJS sees it', () => {
  it('an ods whose one filled cell repeats over a billion rows (1 KB)', () => {
    const bytes = odsRepeatBomb();
    expect(bytes.length).toBeLessThan(2048);
    const error = failure(bytes, 'bomb.ods');
    expect(error.reason).toBe('too-large');
    // Small enough that the reader before the pre-scan finished it (in seconds and ~1 GB).
    expect(failure(odsRepeatBomb(1000, 1000), 'bomb.ods').reason).toBe('too-large');
    expect(error.detail).toMatch(/^a filled cell is repeated over [\d,]+ cells \(the limit is 200,000\): clear the rows and columns/);
  });

  it('an xlsx listing three million shared strings', () => {
    const error = failure(sharedStringsBomb(), 'strings.xlsx');
    expect(error.reason).toBe('too-large');
    expect(error.detail).toMatch(/^too many different texts \(3,000,000; the limit is 200,000\)/);
  });

  it('an xlsx of a million rows, and one of 2,000 sheets', () => {
    expect(failure(millionRowsXlsx(), 'rows.xlsx').detail).toMatch(/^too many cells \(over 1,000,000; the limit is 200,000\)/);
    expect(failure(manySheets(2000, 'xlsx'), 'sheets.xlsx').detail).toMatch(/^too many (sheets \(2,000; the limit is 255\)|parts)/);
    expect(failure(manySheets(300, 'xlsx'), 'sheets.xlsx').detail).toMatch(/^too many sheets \(300; the limit is 255\)/);
  });

  it('an ods of 2,000 sheets is read within its limits (only the first 50)', () => {
    const submission = readSubmission(manySheets(2000, 'ods'), 'sheets.ods', match);
    expect(submission.answers.has('loss')).toBe(true);
    expect(submission.problems).toContainEqual({ code: 'too-many-sheets', message: 'only the first 50 of 2000 sheets were read' });
  });

  it('a CSV of one 10 MB line', () => {
    expect(failure(tenMegabyteLine(), 'line.csv').detail).toMatch(/^a line is too long \(10,000,000 characters; the limit is 100,000\): put one step on each line/);
  });
});

describe('readSubmission: problems are bounded, and damage is told in words a student can act on', () => {
  it('keeps the first problems of a file with thousands and sums up the rest', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [i % 2 === 0 ? 'loss' : 'coef_c5', i]);
    const submission = readSubmission(write(book({ Sheet1: sheet(rows) }), 'xlsx'), 'drafts.xlsx', match);
    expect(submission.problems).toHaveLength(DEFAULT_LIMITS.maxProblems + 1);
    expect(submission.problems.at(-1)?.message).toMatch(/^… and 2,94\d more problems \(only the first ones are listed\)$/);
    for (const problem of submission.problems) expect(problem.message.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxProblemChars);
  });

  it('never shows what SheetJS says about its own code, nor lets it print', () => {
    const mutants = damagedXlsMutants(60, 7);
    const printed = vi.spyOn(console, 'error');
    const warned = vi.spyOn(console, 'warn');
    const details = new Set<string>();
    for (const [k, bytes] of mutants.entries()) {
      try {
        readSubmission(bytes, `m${k}.xls`, match);
      } catch (error) {
        if (!isIngestError(error)) throw error;
        details.add(error.detail);
      }
    }
    expect(printed).not.toHaveBeenCalled();
    expect(warned).not.toHaveBeenCalled();
    printed.mockRestore();
    warned.mockRestore();
    expect(details.size).toBeGreaterThan(0);
    for (const detail of details) {
      expect(detail).not.toMatch(/undefined|property|properties|TypeError|RangeError|\bat\b.*\.js/);
      expect(detail).toMatch(/save it again as \.xlsx/);
    }
  });

  it('says a damaged .xls whose cells cannot be read is damaged, rather than grading it blank', () => {
    // These mutants (seed 12345) read as a workbook with no cells though they hold cell records.
    const mutants = damagedXlsMutants(30);
    const emptied = mutants.flatMap((bytes, k) => {
      try {
        readSubmission(bytes, `m${k}.xls`, match);
        return [];
      } catch (error) {
        return isIngestError(error) && /no cell could be read/.test(error.detail) ? [k] : [];
      }
    });
    expect(emptied.length).toBeGreaterThan(0);
    const blank = write(book({ Sheet1: sheet([]) }), 'biff8');
    expect(readSubmission(blank, 'blank.xls', match).problems.map((p) => p.code)).toEqual(['no-answers']);
  });
});
