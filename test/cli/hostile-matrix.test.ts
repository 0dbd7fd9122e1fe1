/**
 * Issue 9's matrix: every hostile file through `check`, `grade --json`, `grade --out` and
 * `gradescope`, run as the built command. Each answers within the budget (10 s and 400 MB, measured
 * by /usr/bin/time: CPU time, and wall time with a margin for a machine shared by many runs), with
 * its documented exit code and a clear message, and the other files of a batch keep their results.
 * The large files are built here, never committed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_FILE } from '../rubric/seed.js';
import * as hostile from './hostile-files.js';
import { inParallel, measure, type Measured } from './measure.js';
import { ROOT } from './run.js';

const BUDGET = { seconds: 10, megabytes: 400 };
/** Wall time may run past the CPU budget on a busy machine (eight test runs on two cores). */
const WALL_MARGIN = 3;
const DATE = ['--date', '2026-11-28'];

interface Case {
  /** The file's name in the class folder. */
  readonly name: string;
  readonly make: () => Uint8Array | 'fifo' | 'loop';
  /** `check`'s exit code, and what its output says. */
  readonly code: 0 | 1 | 2;
  readonly says: RegExp;
}

const fixture = (name: string) => () => readFileSync(join(ROOT, 'test/fixtures/ingest', name));
const CASES: readonly Case[] = [
  { name: hostile.EXAMPLE, make: hostile.exampleBytes, code: 0, says: /91\/91/ },
  { name: '2023000005_drafts.xlsx', make: hostile.fiveDrafts, code: 0, says: /more problems/ },
  { name: '2023000006_ods-repeats.ods', make: () => hostile.odsRepeatBomb(), code: 1, says: /a filled cell is repeated over/ },
  { name: '2023000007_strings.xlsx', make: hostile.sharedStringsBomb, code: 1, says: /too many different texts \(3,000,000/ },
  { name: '2023000008_zip-bomb.xlsx', make: hostile.zipBomb, code: 1, says: /too large once unpacked/ },
  { name: '2023000010_2000-sheets.xlsx', make: () => hostile.manySheets(2000, 'xlsx'), code: 1, says: /too many (parts|sheets)/ },
  { name: '2023000011_2000-sheets.ods', make: () => hostile.manySheets(2000, 'ods'), code: 0, says: /only the first 50 of 2000 sheets were read/ },
  { name: '2023000012_million-rows.xlsx', make: hostile.millionRowsXlsx, code: 1, says: /too many cells \(over 1,000,000/ },
  { name: '2023000013_million-rows.csv', make: hostile.millionRowsCsv, code: 0, says: /only the first 50000 cells were read/ },
  { name: '2023000014_60MB.csv', make: hostile.sixtyMegabyteCsv, code: 1, says: /too large \(60 MB; the limit is 10 MB\)/ },
  { name: '2023000015_long-line.csv', make: hostile.tenMegabyteLine, code: 1, says: /a line is too long/ },
  { name: '2023000016_german.csv', make: () => hostile.germanCsv(), code: 0, says: /Jürgen Müller: 91\/91/ },
  { name: `2023000017_${hostile.ESCAPES}.xlsx`, make: hostile.escapingName, code: 0, says: /\\u\{1b\}\]0;pwned/ },
  { name: '2023000018_protected.xlsx', make: fixture('protected.xlsx'), code: 1, says: /password-protected: remove the password/ },
  { name: '2023000019_protected.xls', make: fixture('protected.xls'), code: 1, says: /password-protected: remove the password/ },
  { name: '2023000020_protected.ods', make: fixture('protected.ods'), code: 1, says: /password-protected: remove the password/ },
  { name: '2023000021_pipe.xlsx', make: () => 'fifo', code: 1, says: /not a regular file \(a named pipe\)/ },
  { name: '2023000022_loop.xlsx', make: () => 'loop', code: 2, says: /a link that leads back to itself/ },
];
const MUTANTS = hostile.damagedXlsMutants(200);

let work = '';
let folder = '';
let mutants = '';
const figures: { what: string; wall: number; cpu: number; mb: number }[] = [];

/** Each case's file, made once. */
const made = new Map<string, Uint8Array | 'fifo' | 'loop'>();

/** Puts a case's file at `path`: its bytes, or a named pipe, or a link to itself. */
function place(c: Case, path: string): void {
  const file = made.get(c.name)!;
  if (file === 'fifo') execFileSync('mkfifo', [path]);
  else if (file === 'loop') symlinkSync(path, path);
  else writeFileSync(path, file);
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'stepmark-matrix-'));
  folder = join(work, 'class');
  mutants = join(work, 'mutants');
  mkdirSync(folder);
  mkdirSync(mutants);
  for (const c of CASES) {
    made.set(c.name, c.make());
    place(c, join(folder, c.name));
  }
  writeFileSync(Buffer.concat([Buffer.from(`${folder}/`), hostile.GBK_NAME]), hostile.exampleBytes());
  for (const [k, bytes] of MUTANTS.entries()) writeFileSync(join(mutants, `m${String(k).padStart(3, '0')}.xls`), bytes);
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  const slowest = [...figures].sort((a, b) => b.wall - a.wall).slice(0, 3);
  const largest = [...figures].sort((a, b) => b.mb - a.mb).slice(0, 3);
  const line = (f: (typeof figures)[number]) => `${f.what}: ${f.wall.toFixed(2)} s wall, ${f.cpu.toFixed(2)} s CPU, ${f.mb.toFixed(0)} MB`;
  console.log(`hostile matrix, ${figures.length} runs\nslowest:\n  ${slowest.map(line).join('\n  ')}\nlargest:\n  ${largest.map(line).join('\n  ')}`);
});

/** Lines that show a program's insides rather than a message for a person. */
const INTERNALS = /internal error|    at |Cannot read properties|undefined \(reading|TypeError|RangeError/;
const internals = (run: Measured): string[] => `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => INTERNALS.test(line));

function withinBudget(run: Measured, what: string): void {
  figures.push({ what, wall: run.wallSeconds, cpu: run.cpuSeconds, mb: run.peakMb });
  expect(run.cpuSeconds, `${what}: CPU seconds`).toBeLessThan(BUDGET.seconds);
  expect(run.wallSeconds, `${what}: wall seconds`).toBeLessThan(BUDGET.seconds * WALL_MARGIN);
  expect(run.peakMb, `${what}: peak MB`).toBeLessThan(BUDGET.megabytes);
  expect(internals(run), what).toEqual([]);
}

describe('the hostile matrix (built command)', () => {
  it('check and gradescope: each file alone, within the budget, with its exit code and message', async () => {
    const jobs = CASES.flatMap((c) => {
      const path = join(folder, c.name);
      const submission = join(work, 'gradescope', c.name.replace(/[^\w.-]/g, '_'));
      // Gradescope's submission folder holds the one file (a pipe or a loop as itself).
      mkdirSync(submission, { recursive: true });
      place(c, join(submission, c.name));
      const results = join(submission, '..', `${c.name.replace(/[^\w.-]/g, '_')}.json`);
      return [
        async () => ({ c, kind: 'check', run: await measure(['check', SEED_FILE, path]) }),
        async () => ({ c, kind: 'gradescope', results, run: await measure(['gradescope', SEED_FILE, '--submission', submission, '--results', results]) }),
      ];
    });
    for (const { c, kind, run, results } of await inParallel<{ c: Case; kind: string; run: Measured; results?: string }>(jobs)) {
      const what = `${kind} ${c.name}`;
      withinBudget(run, what);
      if (kind === 'check') {
        expect(run.code, what).toBe(c.code);
        expect(run.stdout + run.stderr, what).toMatch(c.says);
        expect(run.stdout, what).not.toContain('\u001b');
      } else {
        expect(run.code, what).toBe(0);
        const output = JSON.parse(readFileSync(results!, 'utf8')) as { score: number; output: string };
        if (c.code === 0) expect(output.output, what).not.toMatch(/could not read/);
        // A link or a pipe in the submission folder is passed over, as in every folder.
        else if (made.get(c.name) === 'loop' || made.get(c.name) === 'fifo') expect(output.output, what).toMatch(/No spreadsheet/);
        else expect(output.output, what).toMatch(c.says);
      }
    }
  }, 300_000);

  it('grade --json and grade --out: the whole class folder; the readable files keep their results', async () => {
    const json = join(work, 'class.json');
    const out = join(work, 'class-out');
    const [graded, batch] = await Promise.all([
      measure(['grade', SEED_FILE, folder, '--json', json]),
      measure(['grade', SEED_FILE, folder, '--out', out, '--workers', '2', ...DATE]),
    ]);
    for (const [run, what] of [[graded, 'grade --json class'], [batch, 'grade --out class']] as const) {
      figures.push({ what, wall: run.wallSeconds, cpu: run.cpuSeconds, mb: run.peakMb });
      expect(run.code, what).toBe(1);
      expect(run.peakMb, what).toBeLessThan(BUDGET.megabytes);
      expect(run.stdout + run.stderr, what).toMatch(/skipped 1 link, 1 pipe or device/);
      expect(internals(run), what).toEqual([]);
    }
    for (const path of [json, join(out, 'results.json')]) {
      const results = (JSON.parse(readFileSync(path, 'utf8')) as { results: { file: string; score: number; error: string | null }[] }).results;
      const byName = (part: string) => results.find((r) => r.file.includes(part));
      expect(byName(hostile.EXAMPLE)).toMatchObject({ score: 91, error: null });
      expect(byName('2023000009_张伟.xlsx')).toMatchObject({ score: 91, error: null });
      expect(byName('german.csv')).toMatchObject({ score: 91, error: null });
      expect(byName('drafts.xlsx')?.error).toBeNull();
      for (const c of CASES.filter((c) => c.code === 1 && !c.name.includes('pipe'))) expect(byName(c.name)?.error, c.name).toMatch(c.says);
    }
    for (const name of ['grades.csv', 'grades.xlsx', 'canvas.csv', 'summary.pdf', '2023000002.pdf']) expect(readFileSync(join(out, name)).length).toBeGreaterThan(0);
  }, 300_000);

  it('200 seeded damaged .xls: every one graded or refused in words, within the budget', async () => {
    const json = join(work, 'mutants.json');
    const [graded, batch] = await Promise.all([
      measure(['grade', SEED_FILE, mutants, '--json', json]),
      measure(['grade', SEED_FILE, mutants, '--out', join(work, 'mutants-out'), '--no-pdf', '--workers', '2', ...DATE]),
    ]);
    for (const [run, what] of [[graded, 'grade --json 200 mutants'], [batch, 'grade --out 200 mutants']] as const) {
      figures.push({ what, wall: run.wallSeconds, cpu: run.cpuSeconds, mb: run.peakMb });
      expect(run.peakMb, what).toBeLessThan(BUDGET.megabytes);
      expect(internals(run), what).toEqual([]);
    }
    const results = (JSON.parse(readFileSync(json, 'utf8')) as { results: { score: number; error: string | null }[] }).results;
    expect(results).toHaveLength(200);
    for (const result of results) if (result.error !== null) expect(result.error).toMatch(/save it again as \.xlsx/);
    // A sample through check and gradescope, one at a time as a student would.
    const sample = Array.from({ length: 6 }, (_, k) => join(mutants, `m${String(k * 33).padStart(3, '0')}.xls`));
    for (const run of await inParallel(sample.map((path) => () => measure(['check', SEED_FILE, path])))) {
      withinBudget(run, `check ${run.argv.at(-1)}`);
      expect([0, 1]).toContain(run.code);
    }
  }, 300_000);

  it('ends quietly with exit 0 when its reader closes the pipe (grade … | head)', () => {
    const script = `node bin/stepmark.js grade ${SEED_FILE} submissions submissions/2023000001_王晓东.xlsx | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const status = execFileSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8' }).trim();
    expect(status).toBe('0');
  });
});
