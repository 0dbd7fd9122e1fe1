import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templateWorkbook } from '../../src/report/template.js';
import { parseVariantsCsv } from '../../src/variants/csv.js';
import { createVariantDrawer, variantReference } from '../../src/variants/draw.js';
import { nodeHmacSha256 } from '../../src/variants/node-hmac.js';
import { handRounded } from '../support/submissions.js';
import * as XLSX from 'xlsx';
import { ROOT, stepmark } from '../cli/run.js';
import { pageTexts } from '../report/pdf-text.js';
import { formatNumber } from '../../src/engine/text.js';
import { readSubmission } from '../../src/ingest/read.js';
import { createLabelMatcher } from '../../src/ingest/labels.js';
import { seedPlan, seedVariantsText } from './fixtures.js';

let work = '';
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'stepmark-variants-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const SECRET_TEXT = 'a course secret of more than sixteen bytes';
const IDS = ['2023000001', '2023000002', '2023000003', '2023000004'];

function setUp() {
  const rubric = join(work, 'hw.yaml');
  writeFileSync(rubric, seedVariantsText());
  const roster = join(work, 'class.csv');
  writeFileSync(roster, `学号,姓名\n${IDS.map((id, k) => `${id},学生${k}`).join('\n')}\n`);
  const secret = join(work, 'secret.txt');
  writeFileSync(secret, `${SECRET_TEXT}\n`);
  return { rubric, roster, secret, out: join(work, 'variants.csv') };
}

describe('stepmark variants', () => {
  it('writes every student\'s numbers, the same each run, the same from a file or the environment', async () => {
    const { rubric, roster, secret, out } = setUp();
    const first = await stepmark(['variants', rubric, '--roster', roster, '--secret-file', secret, '-o', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/draws for 4 students \(median \d+, most \d+\)/);
    const text = readFileSync(out, 'utf8');
    const pinned = parseVariantsCsv(text, out, seedPlan());
    expect(pinned.problems).toEqual([]);
    expect([...pinned.byId.keys()]).toEqual(IDS);
    expect(text).toContain('学生2');
    process.env['STEPMARK_TEST_SECRET'] = SECRET_TEXT;
    try {
      const again = join(work, 'again.csv');
      expect((await stepmark(['variants', rubric, '--roster', roster, '--secret-env', 'STEPMARK_TEST_SECRET', '-o', again])).code).toBe(0);
      expect(readFileSync(again, 'utf8')).toBe(text);
    } finally {
      delete process.env['STEPMARK_TEST_SECRET'];
    }
  });

  it('refuses a short secret, two secrets or none, a rubric without variants, and an existing output', async () => {
    const { rubric, roster, secret, out } = setUp();
    const short = join(work, 'short.txt');
    writeFileSync(short, 'abc');
    const usage = async (args: string[]) => {
      const outcome = await stepmark(['variants', ...args]);
      expect(outcome.code).toBe(2);
      return outcome.stderr;
    };
    expect(await usage([rubric, '--roster', roster, '--secret-file', short, '-o', out])).toMatch(/3 bytes; use at least 16/);
    expect(await usage([rubric, '--roster', roster, '-o', out])).toMatch(/exactly one of --secret-file/);
    expect(await usage([rubric, '--roster', roster, '--secret-file', secret, '--secret-env', 'HOME', '-o', out])).toMatch(/exactly one/);
    const plain = join(work, 'plain.yaml');
    writeFileSync(plain, readFileSync(new URL('../../rubrics/seed-cnn.yaml', import.meta.url)));
    expect(await usage([plain, '--roster', roster, '--secret-file', secret, '-o', out])).toMatch(/has no variants: section/);
    writeFileSync(out, 'keep me');
    expect(await usage([rubric, '--roster', roster, '--secret-file', secret, '-o', out])).toMatch(/exists; pass --force/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });
});

describe('stepmark variants --redraw', () => {
  it('gives one student new numbers, the next good draw of their own stream, and leaves every other row as it was', async () => {
    const { rubric, roster, secret, out } = setUp();
    expect((await stepmark(['variants', rubric, '--roster', roster, '--secret-file', secret, '-o', out])).code).toBe(0);
    const before = readFileSync(out, 'utf8').split('\r\n');
    const redrawn = await stepmark(['variants', rubric, '--secret-file', secret, '-o', out, '--redraw', IDS[2]!]);
    expect(redrawn.code).toBe(0);
    const after = readFileSync(out, 'utf8').split('\r\n');
    expect(after.length).toBe(before.length);
    const changed = after.flatMap((line, k) => (line === before[k] ? [] : [k]));
    expect(changed.map((k) => after[k]!.split(',')[0])).toEqual([IDS[2]]);
    const plan = seedPlan();
    const [old, now] = [before, after].map((lines) => parseVariantsCsv(lines.join('\r\n'), out, plan).byId.get(IDS[2]!)!);
    expect([...now!]).not.toEqual([...old!]);
    const header = before[0]!.replace(/^\uFEFF/, '').split(',');
    const oldDraws = Number(before[changed[0]!]!.split(',')[header.indexOf('Draws')]);
    const again = await createVariantDrawer(plan, nodeHmacSha256).forStudent(new TextEncoder().encode(SECRET_TEXT), IDS[2]!, oldDraws);
    expect([...again.values]).toEqual([...now!]);
    expect(after[changed[0]!]).toContain(`asked after draw ${oldDraws}`);
    expect((await stepmark(['variants', rubric, '--secret-file', secret, '-o', out, '--redraw', '2099999999'])).stderr).toMatch(/2099999999 has no row/);
  });
});

describe('grade --variants', () => {
  async function classWithVariants() {
    const paths = setUp();
    expect((await stepmark(['variants', paths.rubric, '--roster', paths.roster, '--secret-file', paths.secret, '-o', paths.out])).code).toBe(0);
    const plan = seedPlan();
    const pinned = parseVariantsCsv(readFileSync(paths.out, 'utf8'), paths.out, plan).byId;
    const folder = join(work, 'class');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    for (const id of IDS) {
      const { rubric: own, graph } = variantReference(plan, pinned.get(id)!);
      writeFileSync(join(folder, `${id}.xlsx`), templateWorkbook(own, graph, { filled: { student: { id, name: id }, answers: handRounded(graph, 3) } }));
    }
    return { ...paths, folder, pinned };
  }

  it('grades each file against its own student\'s numbers, and a file with no known id against nothing', async () => {
    const { rubric, out, folder, pinned } = await classWithVariants();
    // Work handed in under an id with no numbers.
    const { rubric: own, graph } = variantReference(seedPlan(), pinned.get(IDS[0]!)!);
    const stranger = { student: { id: '2023999999', name: 'x' }, answers: handRounded(graph, 3) };
    writeFileSync(join(folder, '2023999999.xlsx'), templateWorkbook(own, graph, { filled: stranger }));
    const json = join(work, 'results.json');
    const outcome = await stepmark(['grade', rubric, folder, '--variants', out, '--json', json]);
    expect(outcome.code).toBe(1);
    const results = (JSON.parse(readFileSync(json, 'utf8')) as { results: { student: { id: string }; score: number; maxScore: number; error: string | null }[] }).results;
    for (const result of results.filter((r) => IDS.includes(r.student.id))) {
      expect(result.error).toBeNull();
      expect(result.score).toBe(result.maxScore);
    }
    const unknown = results.find((r) => r.student.id === '2023999999')!;
    expect(unknown.score).toBe(0);
    expect(unknown.error).toMatch(/2023999999 has no numbers in the variants file/);
  });

  it('pins one student anew by editing their row: that student\'s work is now wrong, the others\' still right', async () => {
    const { rubric, out, folder, pinned } = await classWithVariants();
    const lines = readFileSync(out, 'utf8').split('\r\n');
    const at = lines.findIndex((line) => line.startsWith(IDS[1]!));
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const cells = lines[at]!.split(',');
    const column = header.indexOf('i1');
    cells[column] = String(Number(cells[column]) === 0.95 ? 0.05 : Number(cells[column]) + 0.05);
    lines[at] = cells.join(',');
    writeFileSync(out, lines.join('\r\n'));
    expect(parseVariantsCsv(lines.join('\r\n'), out, seedPlan()).byId.get(IDS[0]!)).toEqual(pinned.get(IDS[0]!));
    const json = join(work, 'results.json');
    await stepmark(['grade', rubric, folder, '--variants', out, '--json', json]);
    const results = (JSON.parse(readFileSync(json, 'utf8')) as { results: { student: { id: string }; score: number; maxScore: number }[] }).results;
    for (const result of results) {
      if (result.student.id === IDS[1]) expect(result.score).toBeLessThan(result.maxScore);
      else expect(result.score).toBe(result.maxScore);
    }
  });

  it('warns about a row edited into bad homework, and grades with it as written', async () => {
    const { rubric, out, folder } = await classWithVariants();
    const lines = readFileSync(out, 'utf8').split('\r\n');
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const at = lines.findIndex((line) => line.startsWith(IDS[1]!));
    const cells = lines[at]!.split(',');
    cells[header.indexOf('i2')] = cells[header.indexOf('i1')]!;
    lines[at] = cells.join(',');
    writeFileSync(out, lines.join('\r\n'));
    const outcome = await stepmark(['grade', rubric, folder, '--variants', out]);
    expect(outcome.stderr).toContain(`${out}: student ${IDS[1]}: the numbers break a constraint of the rubric's variants section. The numbers are used as written.`);
    expect(outcome.stderr.match(/student \d+/g)?.every((s) => s === `student ${IDS[1]}`)).toBe(true);
  });

  it('check: needs --variants (saying so), takes the id from the file or --id, and says what to do when there is none', async () => {
    const { rubric, out, pinned } = await classWithVariants();
    const { rubric: own, graph } = variantReference(seedPlan(), pinned.get(IDS[2]!)!);
    const anonymous = join(work, 'homework.xlsx');
    writeFileSync(anonymous, templateWorkbook(own, graph, { filled: { student: { id: '', name: '' }, answers: handRounded(graph, 3) } }));
    const without = await stepmark(['check', rubric, anonymous]);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('gives every student their own numbers: pass --variants variants.csv');
    const noId = await stepmark(['check', rubric, anonymous, '--variants', out]);
    expect(noId.code).toBe(1);
    expect(noId.stdout + noId.stderr).toContain('no student id in the file or its name');
    expect(noId.stdout + noId.stderr).toContain('pass --id');
    const mine = await stepmark(['check', rubric, anonymous, '--variants', out, '--id', IDS[2]!]);
    expect(mine.code).toBe(0);
    expect(mine.stdout).toMatch(/(\d+)\/\1 \(100(\.0)?%\)/);
    expect(mine.stdout).toContain(IDS[2]);
    const theirs = await stepmark(['check', rubric, anonymous, '--variants', out, '--id', IDS[0]!]);
    expect(theirs.stdout).not.toMatch(/(\d+)\/\1 \(100(\.0)?%\)/);
    const plain = join(work, 'plain.yaml');
    writeFileSync(plain, readFileSync(new URL('../../rubrics/seed-cnn.yaml', import.meta.url)));
    const pointless = await stepmark(['check', plain, anonymous, '--id', IDS[2]!]);
    expect(pointless.code).toBe(2);
    expect(pointless.stderr).toContain('--id has no numbers to choose');
    const zh = await stepmark(['check', rubric, anonymous, '--variants', out, '--lang', 'zh-CN']);
    expect(zh.stdout + zh.stderr).toContain("文件内容和文件名中都没有学号");
  });

  it('writes a student\'s report with their own numbers in the formulas', async () => {
    const { rubric, out, folder, pinned } = await classWithVariants();
    const pdf = join(work, 'report.pdf');
    const checked = await stepmark(['check', rubric, join(folder, `${IDS[3]}.xlsx`), '--variants', out, '--pdf', pdf]);
    expect(checked.code).toBe(0);
    const values = pinned.get(IDS[3]!)!;
    // in_cc1 = i1 · KK13 + ...: the formula with this student's i1 and KK13 substituted.
    const formula = `= ${formatNumber(values.get('i1')!)} · ${formatNumber(values.get('KK13')!)}`.replace(/ (−[\d.]+)$/, ' ($1)');
    expect(pageTexts(readFileSync(pdf)).join('\n')).toContain(formula);
    // The built command grades in a worker thread from a copy of the variants; the report is still the student's own.
    const built = join(work, 'built.pdf');
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/stepmark.js'), 'check', rubric, join(folder, `${IDS[3]}.xlsx`), '--variants', out, '--pdf', built], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(checked.stdout.split('\n')[0]!);
    expect(pageTexts(readFileSync(built)).join('\n')).toContain(formula);
  });

  it('is required for a rubric with variants, and refused for one without', async () => {
    const { rubric, out, folder } = await classWithVariants();
    expect((await stepmark(['grade', rubric, folder])).stderr).toMatch(/gives every student their own numbers: pass --variants/);
    const plain = join(work, 'plain.yaml');
    writeFileSync(plain, readFileSync(new URL('../../rubrics/seed-cnn.yaml', import.meta.url)));
    expect((await stepmark(['grade', plain, folder, '--variants', out])).stderr).toMatch(/has no variants: section/);
  });
});

describe('template --roster', () => {
  it('writes each student a template with their id and a one-page problem sheet with their own numbers', async () => {
    const { rubric, roster, secret, out } = setUp();
    expect((await stepmark(['variants', rubric, '--roster', roster, '--secret-file', secret, '-o', out])).code).toBe(0);
    const folder = join(work, 'sheets');
    const made = await stepmark(['template', rubric, '--roster', roster, '--variants', out, '-o', folder, '--date', '2026-09-01']);
    expect(made.code).toBe(0);
    const plan = seedPlan();
    const pinned = parseVariantsCsv(readFileSync(out, 'utf8'), out, plan).byId;
    for (const id of IDS) {
      const template = readSubmission(readFileSync(join(folder, `${id}.xlsx`)), `${id}.xlsx`, createLabelMatcher([], {}));
      expect(template.student.id).toBe(id);
      const book = XLSX.read(readFileSync(join(folder, `${id}.xlsx`)));
      const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 });
      const givens = rows.find((row) => row[1] === 'KK11 … KK13')!;
      expect(givens.slice(2, 5).map(Number)).toEqual([1, 2, 3].map((m) => pinned.get(id)!.get(`KK1${m}`)));
      const sheet = pageTexts(readFileSync(join(folder, `${id}.pdf`)));
      expect(sheet.length).toBe(1);
      const values = pinned.get(id)!;
      const kernel = [1, 2, 3].map((m) => formatNumber(values.get(`KK1${m}`)!, 6)).join(', ');
      expect(sheet[0]).toContain(`KK11, KK12, KK13 = [${kernel}]`);
      expect(sheet[0]).toContain(`α = ${formatNumber(values.get('learningRate')!, 6)}`);
    }
    // Needs the numbers, and keeps what is there.
    expect((await stepmark(['template', rubric, '--roster', roster, '-o', folder])).stderr).toMatch(/pass --variants/);
    expect((await stepmark(['template', rubric, '--roster', roster, '--variants', out, '-o', folder])).stderr).toMatch(/exists; pass --force/);
  });
});
