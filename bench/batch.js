// Batch grading with PDFs and gradebooks: 500 generated submissions through the real command
// (`stepmark grade --out`, worker threads), against the floor measured in the same run: SheetJS
// read + pdfkit render of one report, per file, single-threaded. Target: batch ≥ 0.8 × cores × floor.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { compileRubric } from '../dist/engine/compile.js';
import { gradeFile } from '../dist/grade/grade-file.js';
import { prepareReference } from '../dist/grade/reference.js';
import { createLabelMatcher } from '../dist/ingest/labels.js';
import { writeStudentReport } from '../dist/report/pdf.js';
import { makeFolder } from './grade.js';

const COUNT = 500;
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

export async function benchBatch() {
  const rubricPath = new URL('../rubrics/seed-cnn.yaml', import.meta.url).pathname;
  const { loaded, graph } = compileRubric(readFileSync(rubricPath, 'utf8'), rubricPath);
  const reference = prepareReference(loaded.rubric, graph);
  const match = createLabelMatcher(graph.steps.map((s) => s.id), loaded.rubric.aliases);
  const folder = makeFolder(graph, loaded.rubric.grading.decimals, COUNT);
  const out = mkdtempSync(join(tmpdir(), 'stepmark-bench-out-'));
  try {
    const files = readdirSync(folder).map((n) => join(folder, n)).sort();
    const perFile = await floor(files.slice(0, FLOOR_SAMPLE), reference, match);
    const cores = availableParallelism();
    const bin = new URL('../bin/stepmark.js', import.meta.url).pathname;
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [bin, 'grade', rubricPath, folder, '--out', out, '--date', '2026-01-01', '--force'], { encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (run.status !== 0) throw new Error(`batch failed: ${run.stderr}`);
    const reports = readdirSync(out).filter((n) => n.endsWith('.pdf')).length;
    const rate = COUNT / seconds;
    const floorRate = 1 / perFile;
    console.log(`batch: ${COUNT} generated submissions, ${reports} PDF reports + gradebooks, ${cores} cores (worker threads)`);
    console.log(`  floor (SheetJS read + pdfkit render, one file, single-threaded): median ${(1000 * perFile).toFixed(1)} ms -> ${floorRate.toFixed(1)} files/s`);
    console.log(`  whole batch: ${seconds.toFixed(1)} s -> ${rate.toFixed(1)} submissions/s`);
    console.log(`  ratio to cores × floor: ${(rate / (cores * floorRate)).toFixed(2)} (target ≥ 0.80)`);
    return { rate, floorRate, cores };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}
