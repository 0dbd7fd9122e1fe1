// Report rendering, side by side with a like-for-like Python peer (bench/peer/report.py), in one run.
// Each side, per generated student: read the spreadsheet, then make the PDF. stepmark also grades it
// and lays the report out; the peer (openpyxl + reportlab, same fonts) draws stepmark's laid-out
// pages. CPU milliseconds per report (process CPU time, one report at a time, after one warm-up
// report on each side), in rounds that alternate the two sides, so that a busy moment on a shared
// machine falls on both. Ratio: the peer's median over stepmark's (target ≥ 1.0).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileRubric } from '../dist/engine/compile.js';
import { gradeFile } from '../dist/grade/grade-file.js';
import { prepareReference } from '../dist/grade/reference.js';
import { createLabelMatcher } from '../dist/ingest/labels.js';
import { loadFonts } from '../dist/report/fonts.js';
import { A4 } from '../dist/report/layout.js';
import { reportModel } from '../dist/report/model.js';
import { layoutReport } from '../dist/report/pdf-layout.js';
import { writeStudentReport } from '../dist/report/pdf.js';
import { makeFolder } from './grade.js';

export const PYTHON = '/usr/bin/python3';
const STUDENTS = 60;
const ROUNDS = 3;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const GIVEN = ['晓东', '明', '丽娜', '伟', '芳', '子涵', '浩然', '雨欣', '建国', '思远', '欣怡', '宇轩'];

const resolve = createRequire(import.meta.url).resolve;
const FONTS = {
  regular: [['DejaVuSans', resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')], ['NotoSansSC-Regular', resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')]],
  bold: [['DejaVuSans-Bold', resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')], ['NotoSansSC-Bold', resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')]],
};

export const stats = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
};
const cpuMs = (from) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};
const fmt = ({ median, min, max }) => `median ${median.toFixed(1)} ms (min ${min.toFixed(1)}, max ${max.toFixed(1)})`;

/** `count` different students: names, decimals, and a slip in about half of them. */
export function studentsFolder(graph, decimals, count) {
  return makeFolder(graph, decimals, count, undefined, (n) => `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]}`);
}

/** stepmark's side: read + grade + report model + layout + PDF, per student. */
async function ours(files, grade, graph, options) {
  await writeStudentReport(grade(files[0]), graph, options);
  const times = [];
  const bytes = [];
  for (const file of files) {
    const start = process.cpuUsage();
    const pdf = await writeStudentReport(grade(file), graph, options);
    times.push(cpuMs(start));
    bytes.push(pdf);
  }
  return { times, bytes };
}

function peer(jobPath) {
  const run = spawnSync(PYTHON, [new URL('./peer/report.py', import.meta.url).pathname, jobPath], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.error || run.status !== 0) return { skipped: `the Python peer failed: ${run.error?.message ?? run.stderr.trim().split('\n').at(-1)}` };
  return JSON.parse(run.stdout);
}

export async function benchReport() {
  const rubricPath = new URL('../rubrics/seed-cnn.yaml', import.meta.url).pathname;
  const { loaded, graph } = compileRubric(readFileSync(rubricPath, 'utf8'), rubricPath);
  const reference = prepareReference(loaded.rubric, graph);
  const match = createLabelMatcher(graph.steps.map((s) => s.id), loaded.rubric.aliases);
  const options = { revealExpected: loaded.rubric.feedback.revealExpected, gradedAt: '2026-01-01' };
  const grade = (file) => gradeFile(reference, match, readFileSync(file), file);
  const folder = studentsFolder(graph, loaded.rubric.grading.decimals, STUDENTS);
  const work = mkdtempSync(join(tmpdir(), 'stepmark-bench-report-'));
  try {
    const files = readdirSync(folder).map((n) => join(folder, n)).sort();
    const measure = await loadFonts();
    const reports = files.map((file) => ({
      file, title: 'report', size: [A4.width, A4.height],
      pages: layoutReport(reportModel(grade(file), graph, options), measure).map((page) => page.items),
    }));
    const jobPath = join(work, 'job.json');
    writeFileSync(jobPath, JSON.stringify({ fonts: FONTS, reports }));
    const hasPeer = existsSync(PYTHON);
    const rounds = [];
    let first = null;
    for (let round = 0; round < ROUNDS; round++) {
      const mine = await ours(files, grade, graph, options);
      first ??= mine.bytes;
      const same = mine.bytes.every((b, k) => Buffer.compare(b, first[k]) === 0);
      if (!same) throw new Error('a report came out with other bytes on a later round');
      const theirs = hasPeer ? peer(jobPath) : { skipped: `${PYTHON} not found` };
      rounds.push({ ours: stats(mine.times), peer: theirs.skipped ? null : stats(theirs.ms), skipped: theirs.skipped, peerBytes: theirs.bytes });
    }
    const oursBytes = stats(first.map((b) => b.length));
    console.log(`report: ${STUDENTS} different generated students (seed homework, ${graph.steps.length} steps), CPU time per report, ${ROUNDS} rounds side by side`);
    rounds.forEach((r, k) => {
      console.log(`  round ${k + 1}: stepmark (read + grade + layout + PDF) ${fmt(r.ours)}`);
      if (r.peer) console.log(`           Python peer (openpyxl read + reportlab draw) ${fmt(r.peer)}   ratio peer/stepmark ${(r.peer.median / r.ours.median).toFixed(2)}`);
    });
    const ratios = rounds.filter((r) => r.peer).map((r) => r.peer.median / r.ours.median);
    if (ratios.length === 0) console.log(`  Python peer skipped: ${rounds[0].skipped}`);
    else console.log(`  ratio (median of rounds): ${stats(ratios).median.toFixed(2)} (target ≥ 1.0); PDF size: stepmark median ${(oursBytes.median / 1024).toFixed(0)} kB, peer ${(stats(rounds[0].peerBytes).median / 1024).toFixed(0)} kB`);
    console.log('  every report the same bytes on every round (and, tested in test/report/pdf-bytes.test.ts, the same bytes as before the render caches)');
    return { rounds, ratio: ratios.length ? stats(ratios).median : null };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await benchReport();
