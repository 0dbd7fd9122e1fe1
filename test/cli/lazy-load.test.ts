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
}`,
);

/** Runs the built stepmark with `args`; returns its exit code and every module URL it loaded. */
function modulesLoaded(args: readonly string[], env: Record<string, string> = {}): { status: number | null; modules: string[]; stderr: string } {
  const log = join(folder, `modules-${args.length}-${Math.random().toString(16).slice(2)}.txt`);
  writeFileSync(log, '');
  const register = join(folder, `register-${Math.random().toString(16).slice(2)}.mjs`);
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)}, { data: { log: ${JSON.stringify(log)} } });\n`);
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, 'bin/stepmark.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: run.status, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean), stderr: run.stderr };
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
    expect(modules.some((url) => url.endsWith('/dist/grade/grader.js'))).toBe(true);
    expect(modules.filter((url) => PDF_MODULES.test(url))).toEqual([]);
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
