// Batch grading with PDFs and gradebooks: a class of 1,000 generated students through the real
// command (`stepmark grade --out`, worker threads as it chooses them), against the floor measured in
// the same run: SheetJS read + render of one report, per file, single-threaded. Targets: the class in
// under 60 s on 2 cores; batch ≥ 0.8 × cores × floor. Memory: the peak resident size of the batch
// process, and one worker's share of it (a batch of MEMORY_COUNT files with 3 workers against 2).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { compileRubric } from '../dist/engine/compile.js';
import { gradeFile } from '../dist/grade/grade-file.js';
import { prepareReference } from '../dist/grade/reference.js';
import { createLabelMatcher } from '../dist/ingest/labels.js';
import { workerCount } from '../dist/cli/batch/pool.js';
import { writeStudentReport } from '../dist/report/pdf.js';
import { makeFolder } from './grade.js';

const COUNT = 1000;
const MEMORY_COUNT = 100;
const TIME = '/usr/bin/time';
const FLOOR_SAMPLE = 40;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Seconds per file for SheetJS read + pdfkit render of its report, single-threaded (fonts warm). */
async function floor(files, reference, match) {
  const results = files.map((f) => gradeFile(reference, match, readFileSync(f), f));
  await writeStudentReport(results[0], reference.graph, { revealExpected: false, gradedAt: '2026-01-01' });
  const times = [];
  for (const [k, file] of files.entries()) {
    const start = process.hrtime.bigint();
    XLSX.read(readFileSync(file), { cellFormula: true, cellNF: true });
    await writeStudentReport(results[k], reference.graph, { revealExpected: false, gradedAt: '2026-01-01' });
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  return median(times);
}

/** Runs `stepmark grade --out` on `inputs`; wall seconds and (where /usr/bin/time is) the peak resident MB. */
function batch(rubricPath, inputs, out, extra) {
  const bin = new URL('../bin/stepmark.js', import.meta.url).pathname;
  const args = [bin, 'grade', rubricPath, ...[inputs].flat(), '--out', out, '--date', '2026-01-01', '--force', ...extra];
  const timed = existsSync(TIME);
  const start = process.hrtime.bigint();
  const run = timed ? spawnSync(TIME, ['-f', 'peak-kb %M cpu %U %S', process.execPath, ...args], { encoding: 'utf8' }) : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`batch failed: ${run.stderr}`);
  const measured = /peak-kb (\d+) cpu ([\d.]+) ([\d.]+)/.exec(run.stderr);
  return { seconds, peakMb: measured ? Number(measured[1]) / 1024 : null, cpuSeconds: measured ? Number(measured[2]) + Number(measured[3]) : null };
}

/** One worker's resident memory: the same files with 3 workers and with 2 (null without /usr/bin/time). */
function memoryPerWorker(rubricPath, files) {
  if (!existsSync(TIME)) return null;
  const peaks = [2, 3].map((workers) => {
    const out = mkdtempSync(join(tmpdir(), 'stepmark-bench-memory-'));
    try {
      return batch(rubricPath, files, out, ['--workers', String(workers)]).peakMb;
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
  return peaks[1] - peaks[0];
}

export async function benchBatch() {
  const rubricPath = new URL('../rubrics/seed-cnn.yaml', import.meta.url).pathname;
  const { loaded, graph } = compileRubric(readFileSync(rubricPath, 'utf8'), rubricPath);
  const reference = prepareReference(loaded.rubric, graph);
  const match = createLabelMatcher(graph.steps.map((s) => s.id), loaded.rubric.aliases);
  const folder = makeFolder(graph, loaded.rubric.grading.decimals, COUNT);
  const out = mkdtempSync(join(tmpdir(), 'stepmark-bench-out-'));
  try {
    const files = readdirSync(folder).map((n) => join(folder, n)).sort();
    // (bench/report.js measures the render side by side with a Python peer; this is the whole batch.)
    const perFile = await floor(files.slice(0, FLOOR_SAMPLE), reference, match);
    const cores = availableParallelism();
    const { seconds, peakMb, cpuSeconds } = batch(rubricPath, folder, out, []);
    const reports = readdirSync(out).filter((n) => n.endsWith('.pdf')).length;
    const rate = COUNT / seconds;
    const floorRate = 1 / perFile;
    console.log(`batch: a class of ${COUNT} generated students, ${reports} PDF reports + gradebooks + summary, ${cores} cores (worker threads: ${workerCount(COUNT, cores)})`);
    console.log(`  floor (SheetJS read + render, one file, single-threaded): median ${(1000 * perFile).toFixed(1)} ms -> ${floorRate.toFixed(1)} files/s`);
    console.log(`  whole batch: ${seconds.toFixed(1)} s wall (target < 60 s) -> ${rate.toFixed(1)} submissions/s${peakMb ? `, peak resident ${peakMb.toFixed(0)} MB, ${cpuSeconds.toFixed(1)} s of CPU (all threads; on an otherwise idle machine the wall time is about this over the cores)` : ''}`);
    console.log(`  ratio to cores × floor: ${(rate / (cores * floorRate)).toFixed(2)} (target ≥ 0.80)`);
    const perWorker = memoryPerWorker(rubricPath, files.slice(0, MEMORY_COUNT));
    if (perWorker !== null) console.log(`  memory per worker: ${perWorker.toFixed(0)} MB resident (peak of ${MEMORY_COUNT} files with 3 workers minus with 2)`);
    return { rate, floorRate, cores, seconds, peakMb, cpuSeconds, perWorker };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}
