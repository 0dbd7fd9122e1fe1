/**
 * A self-check answers at once: `check` without `--pdf` never loads pdfkit, fontkit or the fonts.
 * The built command runs in a child process with a module hook that writes down every module it
 * loads (and every font file it opens is read through fontkit, which is then in that list).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeStudentReport } from '../../src/report/pdf.js';
import { gradeExample, reference } from '../report/example.js';
import { ROOT } from './run.js';

const folder = mkdtempSync(join(tmpdir(), 'stepmark-lazy-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const hooks = join(folder, 'hooks.mjs');
writeFileSync(
  hooks,
  `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(log, resolved.url + '\\n');
  return resolved;
}
export async function load(url, context, next) {
  appendFileSync(log, 'load ' + url + '\\n');
  return next(url, context);
}`,
);

/**
 * Runs the built stepmark with `args`; returns its exit code, every module URL it resolved, and every
 * module each thread loaded (`loads`: a module two threads load is in it twice).
 */
function modulesLoaded(args: readonly string[], env: Record<string, string> = {}): { status: number | null; modules: string[]; loads: string[]; stderr: string } {
  const log = join(folder, `modules-${args.length}-${Math.random().toString(16).slice(2)}.txt`);
  writeFileSync(log, '');
  const register = join(folder, `register-${Math.random().toString(16).slice(2)}.mjs`);
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)}, { data: { log: ${JSON.stringify(log)} } });\n`);
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, 'bin/stepmark.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const loads = lines.filter((line) => line.startsWith('load ')).map((line) => line.slice('load '.length));
  return { status: run.status, modules: lines.filter((line) => !line.startsWith('load ')), loads, stderr: run.stderr };
}

const PDF_MODULES = /\/node_modules\/(pdfkit|fontkit|dejavu-fonts-ttf|@expo-google-fonts)\//;
const SUBMISSION = 'submissions/2023000002_李四.xlsx';

describe('what a self-check loads', () => {
  it('is built (npm test builds first)', () => {
    expect(existsSync(join(ROOT, 'dist/cli/main.js')), 'run `npm run build` first').toBe(true);
  });

  it('without --pdf: the grader, never pdfkit, fontkit or a font', () => {
    const { status, modules, stderr } = modulesLoaded(['check', 'rubrics/seed-cnn.yaml', SUBMISSION]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(modules.some((url) => url.endsWith('/dist/grade/grade.js'))).toBe(true);
    expect(modules.filter((url) => PDF_MODULES.test(url))).toEqual([]);
  });

  it('starts its reading worker before the terminal table loads string-width (the help does not load it either)', () => {
    const { status, loads, stderr } = modulesLoaded(['check', 'rubrics/seed-cnn.yaml', SUBMISSION]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const worker = loads.findIndex((url) => url.endsWith('/dist/cli/read-worker.js'));
    const width = loads.findIndex((url) => url.includes('/node_modules/string-width/'));
    expect(worker).toBeGreaterThanOrEqual(0);
    expect(width).toBeGreaterThan(worker);
  });

  it('compiles the rubric in one thread only, and parses the file in one thread only (the worker)', () => {
    const { status, loads, stderr } = modulesLoaded(['check', 'rubrics/seed-cnn.yaml', SUBMISSION]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const threads = (pattern: RegExp) => loads.filter((url) => pattern.test(url)).length;
    // The worker ran, and one thread (the main) has the compiler, the YAML parser and the schema library.
    expect(threads(/\/dist\/cli\/read-worker\.js$/)).toBe(1);
    expect(threads(/\/dist\/engine\/compile\.js$/)).toBe(1);
    expect(threads(/\/dist\/rubric\/load\.js$/)).toBe(1);
    expect(threads(/\/node_modules\/yaml\/dist\/index\.js$/)).toBe(1);
    expect(threads(/\/node_modules\/zod\/index\.js$/)).toBe(1);
    // One thread (the worker) has SheetJS and the reader: the main thread never parses a student's file.
    expect(threads(/\/node_modules\/xlsx\//)).toBe(1);
    expect(threads(/\/dist\/ingest\/read\.js$/)).toBe(1);
  });

  it('a batch too: its workers get the main thread\'s compiled rubric', () => {
    const out = join(folder, 'batch');
    const { status, loads, stderr } = modulesLoaded(['grade', 'rubrics/seed-cnn.yaml', SUBMISSION, '--out', out, '--no-pdf', '--date', '2026-11-28']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const threads = (pattern: RegExp) => loads.filter((url) => pattern.test(url)).length;
    expect(threads(/\/dist\/cli\/batch\/worker\.js$/)).toBe(1);
    expect(threads(/\/dist\/engine\/compile\.js$/)).toBe(1);
    expect(threads(/\/node_modules\/yaml\/dist\/index\.js$/)).toBe(1);
  });

  it('with --pdf: pdfkit and fontkit (so the hook above does see them), and the bytes the library makes', async () => {
    const pdf = join(folder, 'report.pdf');
    const { status, modules } = modulesLoaded(['check', 'rubrics/seed-cnn.yaml', SUBMISSION, '--pdf', pdf], { SOURCE_DATE_EPOCH: '1717200000' });
    expect(status).toBe(0);
    // The command runs without V8's optimizing compiler (a short run): the same bytes all the same.
    const result = gradeExample('2023000002_李四.xlsx');
    const expected = await writeStudentReport(result, reference.graph, { revealExpected: reference.rubric.feedback.revealExpected, gradedAt: '2024-06-01' });
    expect(Buffer.compare(readFileSync(pdf), expected)).toBe(0);
    expect(modules.some((url) => /\/node_modules\/pdfkit\//.test(url))).toBe(true);
    expect(modules.some((url) => /\/node_modules\/fontkit\//.test(url))).toBe(true);
  });
});
