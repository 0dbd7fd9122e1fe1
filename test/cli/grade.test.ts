import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import { join, relative } from 'node:path';
import stringWidth from 'string-width';
import * as XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_FILE, SEED_STEP_IDS } from '../rubric/seed.js';
import { stepmark } from './run.js';

let folder = '';
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'stepmark-cli-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const EXAMPLES = ['2023000001_王晓东.xlsx', '2023000002_李四.xlsx', '2023000003_王五.xlsx'];

describe('stepmark template', () => {
  it('writes a sheet with a row per step that, filled in, grades', async () => {
    const out = join(folder, 'hw1.xlsx');
    const { code, stdout } = await stepmark(['template', SEED_FILE, '-o', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('91 steps');
    const book = XLSX.read(readFileSync(out));
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(sheet, { header: 1, defval: null });
    expect(rows.map((r) => r[0]).filter((v) => SEED_STEP_IDS.includes(String(v)))).toEqual(SEED_STEP_IDS);
    expect(rows.map((row) => String(row[0])).join('\n')).toContain('3 decimals');

    // A student fills in two values and their id; the rest stays empty.
    const put = (id: string, value: number) => {
      const r = rows.findIndex((row) => row[0] === id);
      sheet[XLSX.utils.encode_cell({ r, c: 2 })] = { t: 'n', v: value };
    };
    put('out_cc1', 0.646);
    put('loss', 0.3);
    sheet['B2'] = { t: 's', v: '2023123456' };
    sheet['B3'] = { t: 's', v: '张三' };
    writeFileSync(out, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const json = join(folder, 'out.json');
    const graded = await stepmark(['grade', SEED_FILE, out, '--json', json]);
    expect(graded.code).toBe(0);
    const result = JSON.parse(readFileSync(json, 'utf8')).results[0];
    expect(result.student).toEqual({ id: '2023123456', name: '张三' });
    const status = (id: string) => result.steps.find((s: { id: string }) => s.id === id).status;
    expect([status('out_cc1'), status('loss'), status('out_cc2')]).toEqual(['correct', 'incorrect', 'missing']);
  });

  it('does not overwrite a file unless told to', async () => {
    const out = join(folder, 'mine.xlsx');
    writeFileSync(out, 'precious');
    const refused = await stepmark(['template', SEED_FILE, '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('precious');
    expect((await stepmark(['template', SEED_FILE, '-o', out, '--force'])).code).toBe(0);
  });
});

describe('stepmark grade', () => {
  it('grades a folder, one summary line per file, and writes the JSON contract', async () => {
    const json = join(folder, 'grades.json');
    const { code, stdout } = await stepmark(['grade', SEED_FILE, 'submissions', '--json', json]);
    expect(code).toBe(0);
    for (const name of EXAMPLES) expect(stdout).toContain(name);
    expect(stdout).toContain('submissions/2023000002_李四.xlsx: 91/91 (100.0%)');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.rubric).toBe('seed-cnn');
    expect(report.results).toHaveLength(3);
    for (const result of report.results) {
      expect(Object.keys(result)).toEqual(expect.arrayContaining(['file', 'student', 'score', 'maxScore', 'steps', 'error']));
      expect(result.steps.map((s: { id: string }) => s.id)).toEqual(SEED_STEP_IDS);
      for (const step of result.steps) {
        expect(Object.keys(step)).toEqual(
          expect.arrayContaining(['id', 'status', 'submitted', 'raw', 'expected', 'points', 'maxPoints', 'diagnosis', 'message']),
        );
      }
    }
  });

  it('grades the readable files when one cannot be read, and exits 1', async () => {
    copyFileSync('submissions/2023000002_李四.xlsx', join(folder, '2023000002_李四.xlsx'));
    writeFileSync(join(folder, 'broken.xlsx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]));
    writeFileSync(join(folder, 'notes.xlsx'), 'a text file renamed');
    writeFileSync(join(folder, 'empty.csv'), '');
    const json = join(folder, 'grades.json');
    const { code, stdout } = await stepmark(['grade', SEED_FILE, folder, '--json', json]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/broken\.xlsx: could not read: /);
    expect(stdout).toMatch(/empty\.csv: could not read: empty file/);
    expect(stdout).toMatch(/notes\.xlsx: 0\/91 .*91 missing · 2 problems: the file is named .xlsx but is really csv.*no step labels found/);
    expect(stdout).toContain('graded 2 of 4 files; 2 could not be read');
    const results = JSON.parse(readFileSync(json, 'utf8')).results as { file: string; error: string | null; score: number }[];
    expect(results.find((r) => r.file.endsWith('李四.xlsx'))).toMatchObject({ error: null, score: 91 });
    expect(results.filter((r) => r.error !== null)).toHaveLength(2);
  });

  it('refuses to write its JSON over a submission', async () => {
    const target = join(folder, '2023000002_李四.xlsx');
    copyFileSync('submissions/2023000002_李四.xlsx', target);
    const before = readFileSync(target);
    // The same file spelled another way (relative, where the folder was given absolute).
    const { code, stderr } = await stepmark(['grade', SEED_FILE, folder, '--json', `./${relative(process.cwd(), target)}`]);
    expect(code).toBe(2);
    expect(stderr).toContain('refusing to overwrite a submission');
    expect(readFileSync(target).equals(before)).toBe(true);
  });

  it('says so when a folder holds no spreadsheet, or does not exist', async () => {
    expect((await stepmark(['grade', SEED_FILE, folder])).stderr).toContain('no spreadsheets');
    const missing = await stepmark(['grade', SEED_FILE, join(folder, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or folder');
  });
});

describe('stepmark check', () => {
  it('shows every step with its mark and hides expected values by default', async () => {
    const { code, stdout } = await stepmark(['check', SEED_FILE, 'submissions/2023000001_王晓东.xlsx']);
    expect(code).toBe(0);
    expect(stdout).toContain('2023000001 王晓东');
    for (const id of SEED_STEP_IDS) expect(stdout).toMatch(new RegExp(`[✓↻✗–?] ${id}\\b`));
    expect(stdout).not.toMatch(/expected −?\d/);
    expect(stdout).not.toContain('0.1691'); // the exact w1_new, which this student got wrong
  });

  it('on a terminal, wraps each message to its width, continuing under the message column; piped, one line a step as before', async () => {
    const argv = ['check', SEED_FILE, 'submissions/2023000001_王晓东.xlsx', '--lang', 'zh-CN'];
    const piped = await stepmark(argv);
    expect((await stepmark(argv, {}, { isTTY: false, columns: 80 })).stdout).toBe(piped.stdout);
    const lines = (overrides: { columns?: number }) => stepmark(argv, {}, { isTTY: true, ...overrides }).then(({ code, stdout }) => {
      expect(code).toBe(0);
      return stripVTControlCharacters(stdout).trimEnd().split('\n');
    });
    const unbounded = await lines({});
    expect(Math.max(...unbounded.map((line) => stringWidth(line)))).toBeGreaterThan(80);
    const wrapped = await lines({ columns: 80 });
    for (const line of wrapped) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    // Every step still starts one row; the rows after it are its message, indented to the message column.
    const rows = wrapped.filter((line) => /^ {2}[✓↻✗–?] /.test(line));
    expect(rows).toHaveLength(SEED_STEP_IDS.length);
    const continued = wrapped.filter((line) => /^ {3,}\S/.test(line) && !/^ {2}[✓↻✗–?] /.test(line));
    expect(continued.length).toBeGreaterThan(0);
    const column = stringWidth(/^ +/.exec(continued[0]!)![0]);
    for (const line of continued) expect(stringWidth(/^ +/.exec(line)![0])).toBe(column);
    // Nothing is lost: the same words, only broken over lines.
    const words = (text: string[]) => text.join('').replace(/\s+/g, '');
    expect(words(wrapped)).toBe(words(unbounded));
  });

  it('shows expected values when the rubric reveals them', async () => {
    const rubric = join(folder, 'open.yaml');
    writeFileSync(rubric, readFileSync(SEED_FILE, 'utf8').replace('revealExpected: false', 'revealExpected: true'));
    const { stdout } = await stepmark(['check', rubric, 'submissions/2023000001_王晓东.xlsx']);
    expect(stdout).toMatch(/w1_new .*expected 0\.1691/);
  });

  it('exits 1 with a clear message for a file it cannot read', async () => {
    const bad = join(folder, 'mine.xlsx');
    writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const { code, stdout } = await stepmark(['check', SEED_FILE, bad]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/could not read the file: .*PNG/);
    expect(existsSync(bad)).toBe(true);
  });
});
