/**
 * A class of 200 generated students, each solving their own numbers by hand, with 20 planted
 * copies of a neighbour's numbers and 10 planted pairs sharing the same slips, graded in one
 * `grade --out` run.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { GradeReport } from '../../src/grade/result.js';
import { templateWorkbook } from '../../src/report/template.js';
import { parseVariantsCsv } from '../../src/variants/csv.js';
import { variantReference } from '../../src/variants/draw.js';
import { stepmark } from '../cli/run.js';
import { handRounded } from '../support/submissions.js';
import { seedPlan, seedVariantsText } from './fixtures.js';

const CLASS = 200;
const id = (k: number) => String(2024000000 + k);
/** Student k copies student k + 1's numbers (their own id on the sheet). */
const COPIERS = Array.from({ length: 20 }, (_, j) => 10 * j + 3);
/** Students a and b write the same three wrong values. */
const SLIP_PAIRS = Array.from({ length: 10 }, (_, j) => [20 * j + 7, 20 * j + 16] as const);
const SLIP_STEPS = ['out_pp2', 'in_o1', 'coef_o2'];
const SLIP_OFFSETS = [0.237, -0.411, 0.159];

let work = '';
let out = '';
let report: GradeReport;
let integrity: Record<string, string>[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'stepmark-class-'));
  const rubric = join(work, 'hw.yaml');
  writeFileSync(rubric, seedVariantsText());
  writeFileSync(join(work, 'secret'), 'the secret of the class test, 2026');
  writeFileSync(join(work, 'class.csv'), `Student ID,Name\n${Array.from({ length: CLASS }, (_, k) => `${id(k)},student ${k}`).join('\n')}\n`);
  const variants = join(work, 'variants.csv');
  const drawn = await stepmark(['variants', rubric, '--roster', join(work, 'class.csv'), '--secret-file', join(work, 'secret'), '-o', variants]);
  expect(drawn.code).toBe(0);

  const plan = seedPlan();
  const pinned = parseVariantsCsv(readFileSync(variants, 'utf8'), variants, plan).byId;
  const referenceOf = (k: number) => variantReference(plan, pinned.get(id(k))!);
  const graphOf = (k: number) => referenceOf(k).graph;
  const folder = join(work, 'class');
  mkdirSync(folder);
  const hand = Array.from({ length: CLASS }, (_, k) => handRounded(graphOf(k), 3));
  const answers: Map<string, number>[] = hand.map((values) => new Map(values));
  for (const k of COPIERS) answers[k] = new Map(hand[k + 1]!);
  for (const [a, b] of SLIP_PAIRS) {
    const slips = new Map(SLIP_STEPS.map((step, j) => [step, Number((hand[a]!.get(step)! + SLIP_OFFSETS[j]!).toFixed(3))]));
    answers[a] = handRounded(graphOf(a), 3, {}, slips);
    answers[b] = handRounded(graphOf(b), 3, {}, slips);
  }
  answers.forEach((values, k) => {
    const { rubric: own, graph } = referenceOf(k);
    writeFileSync(join(folder, `${id(k)}.xlsx`), templateWorkbook(own, graph, { filled: { student: { id: id(k), name: `student ${k}` }, answers: values } }));
  });
  out = join(work, 'out');
  const graded = await stepmark(['grade', rubric, folder, '--out', out, '--variants', variants, '--no-pdf', '--date', '2026-11-30']);
  expect(graded.stderr).toBe('');
  expect(graded.code).toBe(0);
  report = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as GradeReport;
  const book = XLSX.read(readFileSync(join(out, 'integrity.csv'), 'utf8').replace(/^\uFEFF/, ''), { type: 'string', raw: true });
  integrity = XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets[book.SheetNames[0]!]!, { raw: false });
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a class of 200, each with their own numbers', () => {
  const planted = new Set([...COPIERS, ...SLIP_PAIRS.flat()].map(id));

  it('gives every honest student full marks', () => {
    const honest = report.results.filter((r) => !planted.has(r.student.id!));
    expect(honest.length).toBe(CLASS - planted.size);
    for (const result of honest) expect(result.score, result.file).toBe(result.maxScore);
  });

  it('lists every planted copy, with the neighbour whose numbers it fits', () => {
    const fits = integrity.filter((row) => row['Signal'] === 'fits-another-variant');
    expect(fits.map((row) => [row['Student ID'], row['Other student ID']]).sort()).toEqual(COPIERS.map((k) => [id(k), id(k + 1)]).sort());
  });

  it('lists every pair that shares slips, on the slipped steps', () => {
    const shared = integrity.filter((row) => row['Signal'] === 'shared-wrong-values');
    expect(shared.map((row) => [row['Student ID'], row['Other student ID']].sort()).sort()).toEqual(SLIP_PAIRS.map(([a, b]) => [id(a), id(b)].sort()).sort());
    for (const row of shared) expect(row['Steps']!.split(' ')).toEqual(expect.arrayContaining(SLIP_STEPS));
  });

  it('lists no honest student', () => {
    const listed = integrity.flatMap((row) => (row['Signal'] === 'fits-another-variant' ? [row['Student ID']] : [row['Student ID'], row['Other student ID']]));
    expect(listed.filter((who) => !planted.has(who!))).toEqual([]);
  });

  it('changes no score: a copy is graded against its own student\'s numbers as any file is', () => {
    const copy = report.results.find((r) => r.student.id === id(COPIERS[0]!))!;
    expect(copy.score).toBeLessThan(copy.maxScore);
    expect(copy.error).toBeNull();
  });
});
