/**
 * The template as LibreOffice sees it: printed to PDF (A4, one page wide, the header repeated,
 * every step, no section split over pages), and filled in and saved as xlsx and ods, graded
 * exactly as the same values in a CSV. One LibreOffice session does all of it (template-office.py).
 * Page images and PDFs are kept in artifacts/template/ (git-ignored) to be looked at.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRubric } from '../../src/engine/compile.js';
import { evaluateGraph } from '../../src/engine/evaluate.js';
import { createGrader } from '../../src/grade/grader.js';
import type { GradeResult } from '../../src/grade/result.js';
import { templateRows, templateWorkbook } from '../../src/report/template.js';
import { SEED_STEP_IDS, seedText } from '../rubric/seed.js';

const seed = compileRubric(seedText, 'seed-cnn.yaml');
const rubric = seed.loaded.rubric;
const ARTIFACTS = new URL('../../artifacts/template/', import.meta.url).pathname;
/** Debian's python3, which has LibreOffice's `uno` module (a python3 earlier on PATH may not). */
const PYTHON = '/usr/bin/python3';

const folder = mkdtempSync(join(tmpdir(), 'stepmark-template-'));
const at = (name: string) => join(folder, name);
const rows = templateRows(rubric, seed.graph);
const cellOf = (id: string) => `C${rows.findIndex((row) => row[0] === id) + 1}`;

/** A student who rounds every step to 3 decimals, with one slip, one gap, and values typed every way. */
type Typed = { cell: string; typed: string } | { cell: string; number: number };
const rounded = evaluateGraph(seed.graph, { round: (x) => Number(x.toFixed(3)) });
const entries: { id: string; entry: Typed; csv: string }[] = SEED_STEP_IDS.filter((id) => id !== 'out_cc2').map((id, k) => {
  const text = id === 'loss' ? '0.300' : rounded.get(id)!.toFixed(3);
  if (k % 5 === 3) return { id, entry: { cell: cellOf(id), number: Number(text) }, csv: String(Number(text)) };
  const typed = k % 7 === 1 ? text.replace('.', ',') : text;
  return { id, entry: { cell: cellOf(id), typed }, csv: typed };
});
const STUDENT = { id: '0023000001', name: '张三' };
const fields: Typed[] = [{ cell: 'B2', typed: STUDENT.id }, { cell: 'B3', typed: STUDENT.name }];

/**
 * Runs the LibreOffice session, each time in a fresh profile; once more if LibreOffice itself
 * fails (its traceback is printed), so that one crash of the office suite does not fail the suite.
 */
function runOffice(job: object): void {
  for (let attempt = 1; ; attempt++) {
    writeFileSync(at('job.json'), JSON.stringify({ ...job, profile: at(`profile-${attempt}`) }));
    try {
      execFileSync(PYTHON, [new URL('template-office.py', import.meta.url).pathname, at('job.json')], { stdio: 'inherit', timeout: 80_000 });
      return;
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}

const pdfText = (pdf: string): string[] => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);

beforeAll(() => {
  execFileSync('soffice', ['--version'], { stdio: 'ignore' }); // LibreOffice is needed: .ci/run installs it
  writeFileSync(at('hw1.xlsx'), templateWorkbook(rubric, seed.graph, { format: 'xlsx' }));
  writeFileSync(at('hw1.ods'), templateWorkbook(rubric, seed.graph, { format: 'ods' }));
  // With every formula the sheet is far wider than a page: it must still print one page wide.
  writeFileSync(at('wide.xlsx'), templateWorkbook(rubric, seed.graph, { format: 'xlsx', formulas: true }));
  writeFileSync(at('wide.ods'), templateWorkbook(rubric, seed.graph, { format: 'ods', formulas: true }));
  const cells = [...fields, ...entries.map((e) => e.entry)];
  const job = {
    pdf: ['hw1.xlsx', 'hw1.ods', 'wide.xlsx', 'wide.ods'].map((name) => [at(name), at(`${name.replace('.', '-')}.pdf`)]),
    fill: [
      { template: at('hw1.xlsx'), out: at('filled.xlsx'), filter: 'Calc MS Excel 2007 XML', cells },
      { template: at('hw1.ods'), out: at('filled.ods'), filter: 'calc8', cells },
    ],
  };
  runOffice(job);
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const name of ['hw1-xlsx', 'hw1-ods', 'wide-xlsx', 'wide-ods']) {
    copyFileSync(at(`${name}.pdf`), join(ARTIFACTS, `${name}.pdf`));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', at(`${name}.pdf`), join(ARTIFACTS, name)]);
  }
}, 180_000);
afterAll(() => process.env.KEEP_TEMPLATE_FILES ? undefined : rmSync(folder, { recursive: true, force: true }));

describe.each(['hw1-xlsx', 'hw1-ods', 'wide-xlsx', 'wide-ods'])('the template printed by LibreOffice (%s)', (name) => {
  it('is A4 portrait, one page wide, with the header row on every page and every step once', () => {
    const info = execFileSync('pdfinfo', [at(`${name}.pdf`)], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = pdfText(at(`${name}.pdf`));
    const tokens = pages.map((page) => new Set(page.split(/\s+/)));
    const pageOf = (id: string) => tokens.findIndex((t) => t.has(id));
    // Every step is printed; without formulas (which name earlier steps), only once.
    const times = name.startsWith('wide') ? expect.any(Number) : 1;
    for (const id of SEED_STEP_IDS) expect({ id, pages: tokens.filter((t) => t.has(id)).length }).toEqual({ id, pages: times });
    expect(tokens.some((t) => t.has(SEED_STEP_IDS.at(-1)!))).toBe(true);
    const tablePages = pages.slice(pageOf(SEED_STEP_IDS[0]!));
    for (const page of tablePages) expect(page).toMatch(/Step\s+Description(, and how it is computed)?\s+Your value/);
    expect(pages[0]).toContain(rubric.title);
    // Each step's description is printed whole, not cut by the next column.
    const text = pages.join('\n');
    for (const step of seed.graph.steps) expect(text).toContain(step.description);
    if (name.startsWith('wide')) {
      // Each formula is printed, under its step's description.
      for (const id of SEED_STEP_IDS) expect(text).toMatch(new RegExp(`(^|\\s)${id} = `));
    }
  });

  it('prints the steps at a legible size', () => {
    const bbox = execFileSync('pdftotext', ['-bbox', at(`${name}.pdf`), '-'], { encoding: 'utf8' });
    const heights = [...bbox.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(in_cc1|loss|coef_cc1)</g)].map((m) => Number(m[2]) - Number(m[1]));
    expect(heights.length).toBeGreaterThanOrEqual(3);
    for (const height of heights) expect(height).toBeGreaterThan(8);
  });
});

// With formulas, a section can be longer than a page; without, each fits one.
describe.each(['hw1-xlsx', 'hw1-ods'])('the template without formulas, printed (%s)', (name) => {
  it('keeps each section on one page', () => {
    const tokens = pdfText(at(`${name}.pdf`)).map((page) => new Set(page.split(/\s+/)));
    for (const section of seed.graph.sections) {
      const pages = new Set(section.stepIds.map((id) => tokens.findIndex((t) => t.has(id))));
      expect({ section: section.id, pages: pages.size }).toEqual({ section: section.id, pages: 1 });
    }
  });
});

describe('a template filled in LibreOffice', () => {
  const grader = createGrader(seedText, 'seed-cnn.yaml');
  const csv = stringify([['Student ID', STUDENT.id], ['Name', STUDENT.name], ['Step', 'Your value'], ...entries.map((e) => [e.id, e.csv])]);
  const comparable = (result: GradeResult) => ({
    student: result.student,
    score: result.score,
    steps: result.steps.map(({ cell: _cell, ...step }) => step),
  });

  it.each(['xlsx', 'ods'])('holds what was typed as text and the numbers as numbers (%s)', (format) => {
    const book = XLSX.read(readFileSync(at(`filled.${format}`)));
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    for (const { entry } of entries) {
      const cell = sheet[entry.cell] as XLSX.CellObject;
      if ('typed' in entry) expect({ at: entry.cell, t: cell.t, v: cell.v }).toEqual({ at: entry.cell, t: 's', v: entry.typed });
      else expect({ at: entry.cell, t: cell.t, v: cell.v }).toEqual({ at: entry.cell, t: 'n', v: entry.number });
    }
  });

  it.each(['xlsx', 'ods'])('keeps the value cells\' prompts (%s)', (format) => {
    const zip = unzipSync(readFileSync(at(`filled.${format}`)));
    const xml = strFromU8(zip[format === 'xlsx' ? 'xl/worksheets/sheet1.xml' : 'content.xml']!);
    expect(xml).toContain('Type the value rounded to 3 decimals, e.g. 0.410 or -0.250.');
  });

  it.each(['xlsx', 'ods'])('saved as %s, grades exactly as the same values in CSV', (format) => {
    const fromCsv = grader.grade(new TextEncoder().encode(csv), 'hw1.csv');
    const fromFile = grader.grade(readFileSync(at(`filled.${format}`)), `hw1.${format}`);
    expect(fromFile.error).toBeNull();
    expect(fromFile.problems).toEqual([]);
    expect(comparable(fromFile)).toEqual(comparable(fromCsv));
    // The grades are what this student earned: one slip, one gap, the rest right.
    const status = (id: string) => fromFile.steps.find((s) => s.id === id)?.status;
    expect([status('loss'), status('out_cc2'), status('in_cc1')]).toEqual(['incorrect', 'missing', 'correct']);
    expect(fromFile.student).toEqual(STUDENT);
  });
});
