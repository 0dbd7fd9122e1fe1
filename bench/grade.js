// Grading throughput: 200 generated submissions of the seed homework (xlsx, hand-rounded, some
// with slips), read and graded in one process, without PDFs. Reports submissions per second.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileRubric } from '../dist/engine/compile.js';
import { evaluateGraph } from '../dist/engine/evaluate.js';
import { gradeFile } from '../dist/grade/grade-file.js';
import { prepareReference } from '../dist/grade/reference.js';
import { createLabelMatcher } from '../dist/ingest/labels.js';
import { templateWorkbook } from '../dist/report/template.js';

const COUNT = 200;

/** A deterministic pseudo-random sequence, so every run grades the same folder. */
function lcg(seed) {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** The seed rubric, for the givens and instructions of the generated templates. */
const seedRubric = () => compileRubric(readFileSync(new URL('../rubrics/seed-cnn.yaml', import.meta.url), 'utf8'), 'seed-cnn.yaml').loaded.rubric;

export function makeFolder(graph, decimals, count = COUNT, rubric = seedRubric(), name = (n) => `student ${n}`) {
  return writeClassFolder(() => ({ rubric, graph }), decimals, count, name);
}

/**
 * A class folder: student n's sheet is `referenceOf(n)`'s graph hand-rounded at `decimals` or one more,
 * half of them with one slip (the same draws whatever the references, so two classes compare).
 */
export function writeClassFolder(referenceOf, decimals, count = COUNT, name = (n) => `student ${n}`) {
  const folder = mkdtempSync(join(tmpdir(), 'stepmark-bench-'));
  const random = lcg(42);
  for (let n = 0; n < count; n++) {
    const { rubric, graph } = referenceOf(n);
    const d = decimals + Math.floor(random() * 2);
    const slip = graph.steps[Math.floor(random() * graph.steps.length)].id;
    const given = random() < 0.5 ? new Map([[slip, Math.round(random() * 1000) / 1000]]) : new Map();
    const values = evaluateGraph(graph, { round: (x) => Number(x.toFixed(d)), given });
    const answers = new Map([...values].map(([id, v]) => [id, Number(v.toFixed(d))]));
    const id = String(2023100000 + n);
    writeFileSync(join(folder, `${id}_student${n}.xlsx`), templateWorkbook(rubric, graph, { filled: { student: { id, name: name(n) }, answers } }));
  }
  return folder;
}

export function benchGrade() {
  const text = readFileSync(new URL('../rubrics/seed-cnn.yaml', import.meta.url), 'utf8');
  const { loaded, graph } = compileRubric(text, 'seed-cnn.yaml');
  const reference = prepareReference(loaded.rubric, graph);
  const match = createLabelMatcher(graph.steps.map((s) => s.id), loaded.rubric.aliases);
  const folder = makeFolder(graph, loaded.rubric.grading.decimals);
  try {
    const files = readdirSync(folder).map((name) => join(folder, name));
    const runs = [];
    let graded = 0;
    for (let run = 0; run < 5; run++) {
      const start = process.hrtime.bigint();
      for (const file of files) graded += gradeFile(reference, match, readFileSync(file), file).error === null ? 1 : 0;
      runs.push(Number(process.hrtime.bigint() - start) / 1e9);
    }
    runs.sort((a, b) => a - b);
    const median = runs[2];
    console.log(`grade: ${files.length} generated xlsx submissions, read + graded in one process (no PDFs), 5 runs`);
    console.log(`  median ${median.toFixed(3)} s per folder -> ${(files.length / median).toFixed(0)} submissions/s ` +
      `(${((1000 * median) / files.length).toFixed(2)} ms each; fastest run ${(files.length / runs[0]).toFixed(0)}/s)`);
    if (graded !== files.length * runs.length) throw new Error('some generated submission could not be read');
    return { perSecond: files.length / median };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
