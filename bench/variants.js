// Grading with per-student numbers: 500 generated students, each solving their own variant of
// the seed homework (xlsx, hand-rounded, the same slips as the plain class), read and graded in
// one process against their own numbers; side by side with 500 students of the plain rubric.
// Target: with variants at most 10% slower (median of 5 runs each, interleaved).
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createGrader } from '../dist/grade/grader.js';
import { parseRubric } from '../dist/rubric/load.js';
import { createVariantDrawer, variantReference } from '../dist/variants/draw.js';
import { createVariantGrader } from '../dist/variants/grader.js';
import { variantKey } from '../dist/variants/csv.js';
import { nodeHmacSha256 } from '../dist/variants/node-hmac.js';
import { planVariants } from '../dist/variants/plan.js';
import { writeClassFolder } from './grade.js';

const COUNT = 500;
const RUNS = 5;
const VARIANTS = `
variants:
  values:
    i: { range: [0.05, 0.95], step: 0.05 }
    KK: { choices: [-0.5, -0.4, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.4, 0.5] }
    bb: { choices: [-0.5, -0.3, 0.3, 0.5] }
    w: { choices: [-0.5, -0.4, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.4, 0.5] }
    o: { choices: [[1, 0], [0, 1]] }
    learningRate: { choices: [0.5, 0.6, 0.7, 0.8] }
  constraints:
    - { distinct: [i] }
    - { nonzero: [KK, w] }
`;


const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU seconds (user + system) to read and grade `files`: steadier than wall time on a shared machine. */
function gradeFiles(grader, files) {
  const start = process.cpuUsage();
  let full = 0;
  for (const file of files) {
    const result = grader.grade(readFileSync(file), file);
    if (result.error !== null) throw new Error(`${file}: ${result.error}`);
    if (result.score === result.maxScore) full++;
  }
  const used = process.cpuUsage(start);
  return { seconds: (used.user + used.system) / 1e6, full };
}

const CHUNK = 50;

export async function benchVariants() {
  const seedText = readFileSync(new URL('../rubrics/seed-cnn.yaml', import.meta.url), 'utf8');
  const text = `${seedText}\n${VARIANTS}`;
  const plan = planVariants(parseRubric(text, 'seed-variants.yaml').rubric).plan;
  const drawer = createVariantDrawer(plan, nodeHmacSha256);
  const secret = new TextEncoder().encode('the secret of the benchmark class');
  const drawStart = process.hrtime.bigint();
  const pinned = new Map();
  let draws = 0;
  for (let n = 0; n < COUNT; n++) {
    const variant = await drawer.forStudent(secret, String(2023100000 + n));
    draws += variant.draws;
    pinned.set(variantKey(String(2023100000 + n)), variant.values);
  }
  const drawSeconds = Number(process.hrtime.bigint() - drawStart) / 1e9;

  const plain = createGrader(seedText, 'seed-cnn.yaml');
  const withVariants = () => createVariantGrader(createGrader(text, 'seed-variants.yaml'), plan, pinned);
  const plainFolder = writeClassFolder(() => plain.reference, 3, COUNT);
  const variantFolder = writeClassFolder((n) => variantReference(plan, pinned.get(variantKey(String(2023100000 + n)))), 3, COUNT);
  try {
    const list = (folder) => readdirSync(folder).map((name) => join(folder, name)).sort();
    const [plainFiles, variantFiles] = [list(plainFolder), list(variantFolder)];
    const times = { plain: [], variants: [] };
    const full = { plain: 0, variants: 0 };
    gradeFiles(plain, plainFiles.slice(0, CHUNK)); // warm up
    gradeFiles(withVariants(), variantFiles.slice(0, CHUNK));
    for (let run = 0; run < RUNS; run++) {
      // A fresh variant grader each run: every student's reference is prepared inside the timing.
      // The two classes alternate every 50 files, so a busy moment on the machine falls on both.
      const variantGrader = withVariants();
      let [a, b] = [0, 0];
      full.plain = full.variants = 0;
      for (let start = 0; start < COUNT; start += CHUNK) {
        const x = gradeFiles(plain, plainFiles.slice(start, start + CHUNK));
        const y = gradeFiles(variantGrader, variantFiles.slice(start, start + CHUNK));
        a += x.seconds;
        b += y.seconds;
        full.plain += x.full;
        full.variants += y.full;
      }
      times.plain.push(a);
      times.variants.push(b);
    }
    const [p, v] = [median(times.plain), median(times.variants)];
    console.log(`variants: ${COUNT} generated xlsx submissions, each student's own numbers, read + graded in one process (no PDFs), CPU time, ${RUNS} runs each`);
    console.log(`  drawing ${COUNT} variants: ${drawSeconds.toFixed(2)} s (${draws} draws, ${(draws / COUNT).toFixed(1)} per student)`);
    console.log(`  plain rubric:  median ${p.toFixed(3)} s per class (${((1000 * p) / COUNT).toFixed(2)} ms each; ${full.plain} at full score)`);
    console.log(`  with variants: median ${v.toFixed(3)} s per class (${((1000 * v) / COUNT).toFixed(2)} ms each; ${full.variants} at full score)`);
    console.log(`  cost of variants: ${(100 * (v / p - 1)).toFixed(1)}% (target ≤ 10%)`);
    return { ratio: v / p };
  } finally {
    rmSync(plainFolder, { recursive: true, force: true });
    rmSync(variantFolder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchVariants();
