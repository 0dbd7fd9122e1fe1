/**
 * Files saved by LibreOffice grade exactly like the typed originals. The fixtures are small and
 * committed; test/fixtures/office/make-office.mjs made them with LibreOffice headless.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { withConsoleHeld } from '../../src/ingest/sheetjs.js';
import type { GradeResult } from '../../src/grade/result.js';
import { SEED_FILE } from '../rubric/seed.js';
import { ROOT, stepmark } from './run.js';

const FIXTURES = join(ROOT, 'test/fixtures/office');
const work = mkdtempSync(join(tmpdir(), 'stepmark-office-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function grade(...names: string[]): Promise<GradeResult[]> {
  const json = join(work, `${names.join('+')}.json`);
  const { code } = await stepmark(['grade', SEED_FILE, ...names.map((name) => join(FIXTURES, name)), '--json', json]);
  expect(code).toBe(0);
  return (JSON.parse(readFileSync(json, 'utf8')) as { results: GradeResult[] }).results;
}

const CONSOLE = ['log', 'info', 'warn', 'error'] as const;

/** What grading decided, without where it was read from or how it was written. */
const decided = (result: GradeResult) => ({
  student: result.student,
  score: result.score,
  steps: result.steps.map(({ id, status, submitted, points, diagnosis, message }) => ({ id, status, submitted, points, diagnosis, message })),
});

describe('files saved by LibreOffice', () => {
  it.each(['libreoffice.xlsx', 'libreoffice.xls', 'libreoffice.ods'])('%s, with formulas, grades as the typed original', async (name) => {
    // SheetJS prints warnings on LibreOffice's ods number formats; none reach the terminal.
    const printed = CONSOLE.map((method) => vi.spyOn(console, method));
    const [typed, saved] = await grade('typed.xlsx', name);
    for (const spy of printed) expect(spy).not.toHaveBeenCalled();
    for (const spy of printed) spy.mockRestore();
    expect(typed!.error).toBeNull();
    expect(typed!.score).toBeGreaterThan(0);
    expect(decided(saved!)).toEqual(decided(typed!));
    // The pooled values are formulas in the saved file too, read by their saved values.
    const book = withConsoleHeld(() => XLSX.read(readFileSync(join(FIXTURES, name)), { cellFormula: true }));
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const formulas = Object.values(sheet).filter((cell) => typeof (cell as XLSX.CellObject).f === 'string');
    expect(formulas.length).toBe(4);
  });

  it('a CSV saved as German Excel does (cp1252, ";", decimal commas) grades as the typed original', async () => {
    const bytes = readFileSync(join(FIXTURES, 'libreoffice-de.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(bytes.toString('latin1')).toContain('out_cc1;CC sigmoid output, kernel 1, window 1;0,646;');
    const [typed, saved] = await grade('typed-de.xlsx', 'libreoffice-de.csv');
    expect(typed!.student).toEqual({ id: '2023000016', name: 'Jürgen Müller' });
    expect(decided(saved!)).toEqual(decided(typed!));
  });
});
