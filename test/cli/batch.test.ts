import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_FILE } from '../rubric/seed.js';
import { ROOT, stepmark } from './run.js';

let work = '';
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'stepmark-batch-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const EXAMPLES = ['2023000001_王晓东.xlsx', '2023000002_李四.xlsx', '2023000003_王五.xlsx'];
const DATE = ['--date', '2026-11-28'];

/** A class folder: the three examples in a subfolder, plus whatever else a test adds. */
function classFolder(): string {
  const folder = join(work, 'class');
  mkdirSync(join(folder, 'section-a'), { recursive: true });
  for (const name of EXAMPLES) copyFileSync(join(ROOT, 'submissions', name), join(folder, 'section-a', name));
  return folder;
}

/** Every output file's bytes, by name (the cache folder's too). */
function snapshot(out: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(out, { recursive: true }) as string[]) {
    const path = join(out, name);
    if (existsSync(path) && !name.endsWith('.stepmark')) {
      try {
        files[name] = readFileSync(path).toString('base64');
      } catch {
        // a folder
      }
    }
  }
  return files;
}

describe('stepmark grade --out (a whole class)', () => {
  it('writes a report per student and the gradebooks, and survives bad files', async () => {
    const folder = classFolder();
    writeFileSync(join(folder, 'corrupt.xlsx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(300, 9)]));
    writeFileSync(join(folder, 'empty.xlsx'), '');
    const huge = join(folder, '2023000009_big.xlsx');
    writeFileSync(huge, 'PK');
    truncateSync(huge, 50 * 1024 * 1024); // 50 MB, sparse: cheap to make, never read whole
    const before = Object.fromEntries(readdirSync(folder, { recursive: true }).map((n) => [n, existsSync(join(folder, String(n)))]));

    const out = join(work, 'reports');
    const { code, stdout, stderr } = await stepmark(['grade', SEED_FILE, folder, '--out', out, ...DATE]);
    expect(code).toBe(1);
    expect(stdout).toContain('graded 3 of 6 submissions');
    expect(stderr).toMatch(/corrupt\.xlsx: could not read: damaged/);
    expect(stderr).toMatch(/empty\.xlsx: could not read: empty file/);
    expect(stderr).toMatch(/big\.xlsx: could not read: too large \(50 MB; the limit is 10 MB\)/);
    for (const id of ['2023000001', '2023000002', '2023000003']) expect(existsSync(join(out, `${id}.pdf`))).toBe(true);
    for (const name of ['results.json', 'grades.csv', 'grades.xlsx', 'canvas.csv', 'summary.pdf']) expect(existsSync(join(out, name))).toBe(true);
    expect(readFileSync(join(out, 'summary.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = readFileSync(join(out, 'grades.csv'), 'utf8');
    expect(csv.split('\n').filter((l) => l.trim() !== '')).toHaveLength(7);
    expect(csv).toMatch(/corrupt\.xlsx.*could not read the file/);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).results as { error: string | null }[];
    expect(results.filter((r) => r.error !== null)).toHaveLength(3);
    // Nothing the user gave was touched.
    expect(Object.fromEntries(readdirSync(folder, { recursive: true }).map((n) => [n, existsSync(join(folder, String(n)))]))).toEqual(before);
    expect(readFileSync(join(folder, 'section-a', EXAMPLES[1]!)).equals(readFileSync(join(ROOT, 'submissions', EXAMPLES[1]!)))).toBe(true);
  });

  it('skips what is up to date on a rerun, and --force grades again', async () => {
    const folder = classFolder();
    const out = join(work, 'reports');
    await stepmark(['grade', SEED_FILE, folder, '--out', out, ...DATE]);
    const first = snapshot(out);
    const rerun = await stepmark(['grade', SEED_FILE, folder, '--out', out, ...DATE]);
    expect(rerun.stdout).toContain('3 of 3 submissions are up to date');
    expect(snapshot(out)).toEqual(first);
    const forced = await stepmark(['grade', SEED_FILE, folder, '--out', out, '--force', ...DATE]);
    expect(forced.stdout).not.toContain('up to date');
    expect(snapshot(out)).toEqual(first);
  });

  it('finishes a batch cut short with the same outputs as one clean run', async () => {
    const folder = classFolder();
    const clean = join(work, 'clean');
    await stepmark(['grade', SEED_FILE, folder, '--out', clean, ...DATE]);
    // As if killed after the first report: one report and its cache entry, no gradebooks.
    const cut = join(work, 'cut');
    await stepmark(['grade', SEED_FILE, folder, '--out', cut, ...DATE]);
    for (const name of ['2023000002.pdf', '2023000003.pdf', 'grades.csv', 'grades.xlsx', 'canvas.csv', 'results.json', 'summary.pdf']) rmSync(join(cut, name));
    writeFileSync(join(cut, 'grades.csv'), 'half a file');
    writeFileSync(join(cut, '.2023000002.pdf.0123456789ab.tmp'), 'half a report');
    writeFileSync(join(cut, '.stepmark', '.x.json.0123456789ab.tmp'), '{');
    const resumed = await stepmark(['grade', SEED_FILE, folder, '--out', cut, ...DATE]);
    expect(resumed.code).toBe(0);
    expect(snapshot(cut)).toEqual(snapshot(clean));
  });

  it('names reports from student ids, safely', async () => {
    const folder = join(work, 'odd');
    mkdirSync(folder);
    for (const name of ['CON.xlsx', '_.xlsx', '2023000002_李四.xlsx', '2023000002_李四 (copy).xlsx', 'summary.xlsx']) {
      copyFileSync(join(ROOT, 'submissions', EXAMPLES[1]!), join(folder, name));
    }
    const out = join(work, 'reports');
    await stepmark(['grade', SEED_FILE, folder, '--out', out, ...DATE]);
    const pdfs = readdirSync(out).filter((n) => n.endsWith('.pdf')).sort();
    expect(pdfs).toEqual(['2023000002 (2).pdf', '2023000002.pdf', '_CON.pdf', 'report.pdf', 'summary (2).pdf', 'summary.pdf'].sort());
    // summary.pdf is the class summary, not the student's report.
    expect(readFileSync(join(out, 'summary.pdf')).toString('latin1')).toContain('Class summary');
  });

  it('reports who handed in nothing, given a roster', async () => {
    const folder = classFolder();
    const roster = join(work, 'roster.csv');
    writeFileSync(roster, '学号,姓名\n2023000001,王晓东\n2023000002,李四\n2023000003,王五\n2023000004,赵六\n');
    const out = join(work, 'reports');
    const { stdout } = await stepmark(['grade', SEED_FILE, folder, '--out', out, '--roster', roster, '--no-pdf', ...DATE]);
    expect(stdout).toContain('no submission: 2023000004 赵六');
    expect(readFileSync(join(out, 'grades.csv'), 'utf8')).toMatch(/2023000004,赵六.*no submission/);
  });
});

describe('the built command with worker threads', () => {
  it('killed midway and run again, gives the same outputs as one clean run', async () => {
    const folder = classFolder();
    for (let n = 0; n < 12; n++) copyFileSync(join(ROOT, 'submissions', EXAMPLES[n % 3]!), join(folder, `2023100${String(n).padStart(3, '0')}_s.xlsx`));
    const bin = join(ROOT, 'bin', 'stepmark.js');
    const run = (out: string, killWhen?: () => boolean) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [bin, 'grade', SEED_FILE, folder, '--out', out, '--workers', '2', ...DATE], { cwd: ROOT, stdio: 'ignore' });
        const timer = killWhen && setInterval(() => killWhen() && child.kill('SIGKILL'), 5);
        child.on('exit', (code) => {
          if (timer) clearInterval(timer);
          resolve(code);
        });
      });
    const clean = join(work, 'clean');
    expect(await run(clean)).toBe(0);
    const killed = join(work, 'killed');
    const cache = join(killed, '.stepmark');
    await run(killed, () => existsSync(cache) && readdirSync(cache).filter((n) => n.endsWith('.json')).length >= 2);
    expect(existsSync(join(killed, 'results.json'))).toBe(false);
    expect(await run(killed)).toBe(0);
    expect(snapshot(killed)).toEqual(snapshot(clean));
  });
});

describe('stepmark gradescope', () => {
  it("writes Gradescope's results.json for the one submitted spreadsheet", async () => {
    const submission = join(work, 'submission');
    mkdirSync(submission);
    copyFileSync(join(ROOT, 'submissions', EXAMPLES[0]!), join(submission, 'hw1.xlsx'));
    const results = join(work, 'results', 'results.json');
    const { code } = await stepmark(['gradescope', SEED_FILE, '--submission', submission, '--results', results]);
    expect(code).toBe(0);
    const json = JSON.parse(readFileSync(results, 'utf8')) as { score: number; tests: { name: string; score: number; max_score: number; output: string; visibility: string }[] };
    expect(json.tests).toHaveLength(91);
    expect(json.tests.reduce((a, t) => a + t.score, 0)).toBe(json.score);
    expect(json.tests.find((t) => t.name.startsWith('w1_new'))).toMatchObject({ score: 0, max_score: 1, visibility: 'visible' });
    expect(JSON.stringify(json)).not.toContain('expected:');
  });

  it('still writes results.json, with score 0, when nothing readable was submitted', async () => {
    const submission = join(work, 'submission');
    mkdirSync(submission);
    const results = join(work, 'results.json');
    await stepmark(['gradescope', SEED_FILE, '--submission', submission, '--results', results]);
    expect(JSON.parse(readFileSync(results, 'utf8'))).toMatchObject({ score: 0, tests: [] });
  });
});
