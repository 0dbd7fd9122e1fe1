import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { gradeFile } from '../../src/grade/grade-file.js';
import type { GradeReport, GradeResult } from '../../src/grade/result.js';
import { createLabelMatcher } from '../../src/ingest/labels.js';
import { gradebookCsv, gradebookRows, gradebookXlsx, NO_SUBMISSION } from '../../src/report/gradebook.js';
import type { RosterEntry } from '../../src/report/roster.js';
import { neutraliseCell } from '../../src/report/sanitize.js';
import { seedReference } from '../support/submissions.js';

const reference = seedReference();
const match = createLabelMatcher(reference.graph.steps.map((s) => s.id), reference.rubric.aliases);
const grade = (name: string): GradeResult => {
  const path = `submissions/${name}`;
  return gradeFile(reference, match, readFileSync(new URL(`../../${path}`, import.meta.url)), path);
};
const sections = reference.graph.sections.map((s) => s.id);
const steps = reference.graph.steps.map((s) => s.id);

const handwritten = grade('2023000001_王晓东.xlsx');
const perfect = grade('2023000002_李四.xlsx');
const unreadable: GradeResult = { ...perfect, file: 'submissions/broken.xlsx', student: { id: '2023000009', name: null }, score: 0, error: 'damaged' };
const report: GradeReport = { rubric: reference.rubric.id, results: [handwritten, perfect, unreadable] };

/** A result whose every text field is an attack, and a score that would read as a formula if it were text. */
const hostile: GradeResult = {
  ...perfect,
  file: '-1+2.xlsx',
  student: { id: '+1', name: '=HYPERLINK("http://x","y")' },
  score: -0.015,
  problems: ['@SUM(A1)', 'fine'],
};
const attacks = ['\tcmd', '\r=1', '＝1+1', ' =2', 'two\nlines', 'bare\rreturn'];
const hostileReport: GradeReport = {
  rubric: 'r',
  results: [hostile, ...attacks.map((name, i): GradeResult => ({ ...perfect, file: `f${i}.xlsx`, student: { id: `id${i}`, name } }))],
};

const header = ['Student ID', 'Name', 'File', 'Score', 'Max', 'Percent', ...sections, ...steps, 'Problems'];

describe('gradebookRows', () => {
  const table = gradebookRows(report, sections, steps);

  it('has a column per section and per step, between the totals and the problems', () => {
    expect(table.header).toEqual(header);
    expect(table.rows).toHaveLength(3);
    for (const row of table.rows) expect(row).toHaveLength(header.length);
  });

  it('copies each result as it is', () => {
    const [row] = table.rows;
    expect(row!.slice(0, 6)).toEqual(['2023000001', '王晓东', 'submissions/2023000001_王晓东.xlsx', handwritten.score, handwritten.maxScore, (100 * handwritten.score) / handwritten.maxScore]);
    const section = handwritten.sections[2]!;
    expect(row![6 + 2]).toBe(section.score);
    const step = handwritten.steps.find((s) => s.id === 'coef_c4')!;
    expect(row![6 + sections.length + steps.indexOf('coef_c4')]).toBe(step.points);
    expect(row!.at(-1)).toBe(handwritten.problems.join('; '));
  });

  it('lists why a file could not be read with its other problems', () => {
    expect(table.rows[2]!.at(-1)).toBe('could not read the file: damaged');
    expect(gradebookRows({ rubric: 'r', results: [{ ...unreadable, problems: ['x'] }] }, [], []).rows[0]!.at(-1)).toBe('could not read the file: damaged; x');
  });

  it('adds a row with score 0 for each student on the roster with no file, and fills names from it', () => {
    const roster: RosterEntry[] = [
      { id: '2023000009', name: '赵九', section: null, email: null, login: null, canvasId: null, line: 2 },
      { id: '2023000010', name: '钱十', section: 'A', email: null, login: null, canvasId: null, line: 3 },
    ];
    const rows = gradebookRows(report, sections, steps, roster).rows;
    expect(rows).toHaveLength(4);
    expect(rows[2]![1]).toBe('赵九');
    const absent = rows[3]!;
    expect(absent.slice(0, 6)).toEqual(['2023000010', '钱十', null, 0, perfect.maxScore, 0]);
    expect(absent.at(-1)).toBe(NO_SUBMISSION);
  });
});

/** The CSV read back by SheetJS with every cell kept as written. */
const readCsv = (csv: string) => {
  const sheet = XLSX.read(csv, { type: 'string', raw: true }).Sheets.Sheet1!;
  return XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' });
};

describe('gradebookCsv', () => {
  const csv = gradebookCsv(report, sections, steps);

  it('starts with a BOM and ends lines with CRLF, so Excel reads the Chinese names', () => {
    expect(csv.startsWith('\uFEFFStudent ID,Name,File,Score,Max,Percent,')).toBe(true);
    expect(csv.split('\r\n')[1]).toMatch(/^2023000001,王晓东,submissions\/2023000001_王晓东\.xlsx,/);
  });

  it('neutralises every formula start in text, and writes numbers as numbers', () => {
    const hostileCsv = gradebookCsv(hostileReport, sections, steps);
    const rows = readCsv(hostileCsv);
    expect(rows[1]!.slice(0, 4)).toEqual(["'+1", `'=HYPERLINK("http://x","y")`, "'-1+2.xlsx", '-0.015']);
    expect(rows[1]!.at(-1)).toBe("'@SUM(A1); fine");
    expect(rows).toHaveLength(1 + hostileReport.results.length);
    expect(rows.slice(2).map((row) => row[1])).toEqual(attacks.map((a) => neutraliseCell(a)));
    expect(rows.slice(2, 6).map((row) => row[1])).toEqual(attacks.slice(0, 4).map((a) => `'${a}`));
    expect(hostileCsv).toContain(',-0.015,');
    expect(hostileCsv).not.toMatch(/(^|[,\n])"?[=+@]/);
  });
});

describe('gradebookXlsx', () => {
  const bytes = gradebookXlsx(hostileReport, sections, steps);
  const book = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true });
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  const cell = (address: string) => sheet[address] as XLSX.CellObject;

  it('writes attacks as plain strings with a leading quote and no formula', () => {
    for (const address of ['A2', 'B2', 'C2', 'B3', 'B4', 'B5', 'B6', XLSX.utils.encode_cell({ r: 1, c: header.length - 1 })]) {
      expect(cell(address).t).toBe('s');
      expect(String(cell(address).v).startsWith("'")).toBe(true);
      expect(cell(address).f).toBeUndefined();
    }
    expect(cell('B2').v).toBe(`'=HYPERLINK("http://x","y")`);
    expect(Object.values(sheet).some((c: unknown) => typeof c === 'object' && c !== null && 'f' in c)).toBe(false);
  });

  it('keeps scores, points and percentages numeric', () => {
    expect(cell('D2')).toMatchObject({ t: 'n', v: -0.015 });
    expect(cell('E2')).toMatchObject({ t: 'n', v: perfect.maxScore });
    expect(cell('F3')).toMatchObject({ t: 'n', v: 100, z: '0.0' });
    expect(cell(XLSX.utils.encode_cell({ r: 2, c: 6 }))).toMatchObject({ t: 'n', v: perfect.sections[0]!.score });
    expect(cell(XLSX.utils.encode_cell({ r: 2, c: 6 + sections.length }))).toMatchObject({ t: 'n', v: perfect.steps[0]!.points });
  });

  it('keeps ids text (leading zeros survive) and Chinese names whole', () => {
    const book2 = XLSX.read(gradebookXlsx({ rubric: 'r', results: [{ ...perfect, student: { id: '0012345', name: '王晓东' } }] }, sections, steps), { type: 'array' });
    const first = book2.Sheets[book2.SheetNames[0]!]!;
    expect(first.A2).toMatchObject({ t: 's', v: '0012345' });
    expect(first.B2).toMatchObject({ t: 's', v: '王晓东' });
  });

  it('freezes the header row, filters it, and sizes the columns', () => {
    const zip = XLSX.CFB as { read: (b: Uint8Array, o: { type: 'buffer' }) => unknown; find: (c: unknown, p: string) => { content: Uint8Array } | null };
    const xml = new TextDecoder().decode(zip.find(zip.read(bytes, { type: 'buffer' }), '/xl/worksheets/sheet1.xml')!.content);
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<autoFilter ref="A1:');
    expect(xml).toMatch(/<cols><col [^>]*width=/);
  });

  it('gives the same bytes for the same input', () => {
    expect(Buffer.from(gradebookXlsx(hostileReport, sections, steps)).equals(Buffer.from(bytes))).toBe(true);
  });
});
