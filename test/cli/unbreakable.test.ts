/**
 * Issue 9, in-process: each defect the issue lists, through the commands a person runs. Every test
 * here failed on the code before it (see the commit that added it).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_FILE, seedText } from '../rubric/seed.js';
import { ESCAPES, EXAMPLE, escapingName, exampleBytes, fiveDrafts, GBK_NAME } from './hostile-files.js';
import { stepmark } from './run.js';

let work = '';
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'stepmark-unbreakable-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const DATE = ['--date', '2026-11-28'];
const ESC = '\u001b';

function folderWith(files: Record<string, Uint8Array>): string {
  const folder = join(work, 'class');
  mkdirSync(folder, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(folder, name), bytes);
  return folder;
}

describe('class outputs are never lost to one file', () => {
  it('writes every gradebook when a workbook holds five drafts (problems past 32,767 characters)', async () => {
    const folder = folderWith({ [EXAMPLE]: exampleBytes(), '2023000005_drafts.xlsx': fiveDrafts() });
    const out = join(work, 'out');
    const { code, stderr } = await stepmark(['grade', SEED_FILE, folder, '--out', out, '--no-pdf', ...DATE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const name of ['results.json', 'grades.csv', 'grades.xlsx', 'canvas.csv', 'summary.pdf']) expect(existsSync(join(out, name))).toBe(true);
    const book = XLSX.read(readFileSync(join(out, 'grades.xlsx')));
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[book.SheetNames[0]!]!);
    const drafts = rows.find((row) => String(row['File']).includes('drafts'))!;
    expect(String(drafts['Problems'])).toMatch(/… and [\d,]+ more/);
    expect(String(drafts['Problems']).length).toBeLessThanOrEqual(4000);
    expect(rows.find((row) => String(row['File']).includes(EXAMPLE))?.['Score']).toBe(91);
  });
});

describe('file names in any encoding', () => {
  it('grades a file whose name is GBK bytes, in grade --json, grade --out and check', async () => {
    const folder = folderWith({ [EXAMPLE]: exampleBytes() });
    writeFileSync(Buffer.concat([Buffer.from(`${folder}/`), GBK_NAME]), exampleBytes());
    const json = join(work, 'results.json');
    const graded = await stepmark(['grade', SEED_FILE, folder, '--json', json]);
    expect(graded.code).toBe(0);
    expect(graded.stdout).toContain('2023000009_张伟.xlsx: 91/91');
    const results = JSON.parse(readFileSync(json, 'utf8')).results as { file: string; score: number }[];
    expect(results.map((r) => r.score)).toEqual([91, 91]);

    const out = join(work, 'out');
    const batch = await stepmark(['grade', SEED_FILE, folder, '--out', out, ...DATE]);
    expect(batch.code).toBe(0);
    expect(readdirSync(out)).toContain('2023000009.pdf');

    // The shell hands Node the raw bytes; Node decodes them with U+FFFD, and the file is found again.
    const lossy = `${folder}/${GBK_NAME.toString('utf8')}`;
    const check = await stepmark(['check', SEED_FILE, lossy]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('91/91');
  });
});

describe('only regular files are read; what is skipped is counted', () => {
  it('refuses a named pipe at once instead of waiting on it', async () => {
    const pipe = join(work, 'answers.xlsx');
    execFileSync('mkfifo', [pipe]);
    const { code, stdout } = await stepmark(['check', SEED_FILE, pipe]);
    expect(code).toBe(1);
    expect(stdout).toContain('not a regular file (a named pipe); give the spreadsheet file itself');
  });

  it('counts links, hidden files and a link loop in the summary line; a loop given by name is exit 2', async () => {
    const folder = folderWith({ [EXAMPLE]: exampleBytes(), '.hidden.xlsx': exampleBytes(), '~$lock.xlsx': new Uint8Array(162) });
    symlinkSync(join(folder, EXAMPLE), join(folder, 'link.xlsx'));
    symlinkSync(join(folder, 'loop.xlsx'), join(folder, 'loop.xlsx'));
    const { code, stdout } = await stepmark(['grade', SEED_FILE, folder]);
    expect(code).toBe(0);
    expect(stdout).toContain('graded 1 of 1 file; skipped 2 links, 2 hidden files or folders');
    const loop = await stepmark(['check', SEED_FILE, join(folder, 'loop.xlsx')]);
    expect(loop.code).toBe(2);
    expect(loop.stderr).toContain('loop.xlsx: a link that leads back to itself (a loop)');
  });
});

describe('the cache knows the options that shaped the outputs', () => {
  it('writes the PDFs on a normal run after a --no-pdf run', async () => {
    const folder = folderWith({ [EXAMPLE]: exampleBytes() });
    const out = join(work, 'out');
    await stepmark(['grade', SEED_FILE, folder, '--out', out, '--no-pdf', ...DATE]);
    expect(readdirSync(out).filter((n) => n.endsWith('.pdf'))).toEqual(['summary.pdf']);
    const rerun = await stepmark(['grade', SEED_FILE, folder, '--out', out, ...DATE]);
    expect(rerun.stdout).not.toContain('up to date');
    expect(readdirSync(out)).toContain('2023000002.pdf');
  });
});

describe('output paths are checked before grading (exit 2, a clear message)', () => {
  it.each([
    ['grade --json into a missing folder', (w: string) => ['grade', SEED_FILE, 'submissions', '--json', join(w, 'nodir', 'x.json')], 'the folder'],
    ['grade --out onto a file', (w: string) => ['grade', SEED_FILE, 'submissions', '--out', join(w, 'file.txt')], 'is a file; give a folder for the reports'],
    ['template -o into a missing folder', (w: string) => ['template', SEED_FILE, '-o', join(w, 'nodir', 't.xlsx')], 'does not exist'],
    ['gradescope --results onto a folder', (w: string) => ['gradescope', SEED_FILE, '--submission', 'submissions', '--results', w], 'is a folder; give a file name'],
    ['check --pdf onto a folder', (w: string) => ['check', SEED_FILE, `submissions/${EXAMPLE}`, '--pdf', w], 'is a folder; give a file name'],
  ])('%s', async (_name, argv, message) => {
    writeFileSync(join(work, 'file.txt'), 'mine');
    const { code, stdout, stderr } = await stepmark(argv(work));
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toContain('internal error');
    expect(stdout).not.toMatch(/\/91|score/); // nothing was graded
    expect(readFileSync(join(work, 'file.txt'), 'utf8')).toBe('mine');
  });
});

describe('rubrics', () => {
  it('refuses a billion-laughs YAML with exit 2', async () => {
    const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [k, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h'].entries()) laughs.push(`${name}: &${name} [${Array(9).fill(`*${'abcdefg'[k]}`).join(', ')}]`);
    const { code, stderr } = await stepmark(['reference', 'laughs.yaml'], { 'laughs.yaml': `${laughs.join('\n')}\n` });
    expect(code).toBe(2);
    expect(stderr).toContain('YAML: too many aliases (*name) expanded (the limit is 100)');
  });

  it('reads a rubric saved as UTF-16 with a BOM (Windows Notepad "Unicode")', async () => {
    const path = join(work, 'seed-utf16.yaml');
    writeFileSync(path, Buffer.from(`\uFEFF${seedText}`, 'utf16le'));
    const { code, stdout } = await stepmark(['check', path, `submissions/${EXAMPLE}`]);
    expect(code).toBe(0);
    expect(stdout).toContain('91/91');
  });

  it('refuses generated step ids that collide as labels in every command, not only grade', async () => {
    // `in_o` → `in_c_`: in_c_1 and in_c_2 read as the conv layer's in_c1 and in_c2.
    const colliding = seedText.replace('steps: { in: in_o,', 'steps: { in: in_c_,');
    const files = { 'collide.yaml': colliding };
    for (const argv of [
      ['reference', 'collide.yaml'],
      ['template', 'collide.yaml', '-o', join(work, 't.xlsx')],
      ['grade', 'collide.yaml', `submissions/${EXAMPLE}`],
      ['check', 'collide.yaml', `submissions/${EXAMPLE}`],
    ]) {
      const { code, stderr } = await stepmark(argv, files);
      expect(code, argv[0]).toBe(2);
      expect(stderr).toMatch(/the label "inc1" would name (in_c1 and in_c_1|in_c_1 and in_c1)/);
    }
    expect(existsSync(join(work, 't.xlsx'))).toBe(false);
  });
});

describe('terminal output', () => {
  it('shows control characters from a file escaped, never raw', async () => {
    const name = `2023000002_${ESCAPES}x.xlsx`;
    const folder = folderWith({ [name]: escapingName() });
    for (const argv of [['check', SEED_FILE, join(folder, name)], ['grade', SEED_FILE, folder]]) {
      const { stdout } = await stepmark(argv);
      expect(stdout).not.toContain(ESC);
      expect(stdout).not.toContain('\u0007');
      expect(stdout).toContain('\\u{1b}]0;pwned\\u{7}');
    }
  });
});

describe('a copy of the example in a class folder', () => {
  it('is graded as the original (a sanity check of the helpers above)', async () => {
    const folder = folderWith({});
    copyFileSync(`submissions/${EXAMPLE}`, join(folder, EXAMPLE));
    expect((await stepmark(['grade', SEED_FILE, folder])).stdout).toContain('91/91');
  });
});
