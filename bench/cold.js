// A self-check from a cold process: `stepmark check` (no PDF) and `check --pdf` wall time, each a
// new `node` process, and the time to a first report (a cold process that imports the library,
// grades one file and makes its PDF, timed from the process's start). Medians of repeated runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const RUNS = 7;
const root = new URL('../', import.meta.url).pathname;
const bin = join(root, 'bin/stepmark.js');
const rubric = join(root, 'rubrics/seed-cnn.yaml');
const submission = join(root, 'submissions/2023000001_王晓东.xlsx');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Prints the process's CPU time (all threads) on exit, as the last line of stderr. */
const CPU_ON_EXIT = `data:text/javascript,process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('cpu ' + (u.user + u.system) / 1000 + '\\n'); });`;

/** Wall and CPU milliseconds of a new node process running `args`. */
function wall(args) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', CPU_ON_EXIT, ...args], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return { ms, cpu: Number(/cpu ([\d.]+)\s*$/.exec(run.stderr)?.[1]), stdout: run.stdout };
}

/** A cold process: import, grade one file, make its PDF; prints ms since the process started. */
const FIRST_REPORT = `
const dist = ${JSON.stringify(pathToFileURL(join(root, 'dist/')).href)};
const { readFileSync } = await import('node:fs');
const { createGrader } = await import(dist + 'grade/grader.js');
const { resolveLimits } = await import(dist + 'ingest/limits.js');
const { writeStudentReport } = await import(dist + 'report/pdf.js');
const grader = createGrader(readFileSync(${JSON.stringify(rubric)}, 'utf8'), 'seed-cnn.yaml');
const result = grader.grade(readFileSync(${JSON.stringify(submission)}), 'x.xlsx', resolveLimits());
await writeStudentReport(result, grader.reference.graph, { revealExpected: false, gradedAt: '2026-01-01' });
console.log(performance.now());`;

export function benchCold() {
  const out = mkdtempSync(join(tmpdir(), 'stepmark-bench-cold-'));
  try {
    const kinds = {
      node: () => ['-e', '0'],
      check: () => [bin, 'check', rubric, submission],
      pdf: (k) => [bin, 'check', rubric, submission, '--pdf', join(out, `report-${k}.pdf`)],
      first: () => ['--input-type=module', '-e', FIRST_REPORT],
    };
    const runs = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, { wall: [], cpu: [], since: [] }]));
    for (let k = 0; k < RUNS; k++) {
      // Interleaved, so that a busy moment on a shared machine falls on every kind.
      for (const [kind, args] of Object.entries(kinds)) {
        const run = wall(args(k));
        runs[kind].wall.push(run.ms);
        runs[kind].cpu.push(run.cpu);
        if (kind === 'first') runs[kind].since.push(Number(run.stdout.trim()));
      }
    }
    const m = Object.fromEntries(Object.entries(runs).map(([kind, r]) => [kind, { wall: median(r.wall), cpu: median(r.cpu), since: r.since.length ? median(r.since) : null }]));
    const row = (name, r, target) => `  ${name.padEnd(24)} ${r.wall.toFixed(0).padStart(5)} ms wall, ${r.cpu.toFixed(0).padStart(5)} ms CPU${target ? ` (target < ${target} ms wall)` : ''}`;
    console.log(`cold: the example submission from a new process, medians of ${RUNS} interleaved runs`);
    console.log(row('stepmark check', m.check, 500));
    console.log(row('stepmark check --pdf', m.pdf, 1000));
    console.log(`${row('time to a first report', m.first)}; ${m.first.since.toFixed(0)} ms from the process's start to the PDF's bytes (import, grade, PDF)`);
    console.log(row('(node -e 0 alone)', m.node));
    return m;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) benchCold();
