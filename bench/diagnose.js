// False alarms of the diagnoses: 1,000 hand-rounded correct solutions, each with one arbitrary wrong
// value (not a planted mistake), graded; how often is a mistake named anyway? A rate, not a time.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { compileRubric } from '../dist/engine/compile.js';
import { evaluateGraph } from '../dist/engine/evaluate.js';
import { buildNetwork } from '../dist/engine/network.js';
import { gradeSubmission } from '../dist/grade/grade.js';
import { prepareReference } from '../dist/grade/reference.js';
import { measureFalseAlarms, randomLike } from './false-alarms.js';

const TRIALS = 1000;

export function benchDiagnose() {
  const text = readFileSync(new URL('../rubrics/seed-cnn.yaml', import.meta.url), 'utf8');
  const { rubric } = compileRubric(text, 'seed-cnn.yaml').loaded;
  const engine = { buildNetwork, evaluateGraph, prepareReference, gradeSubmission };
  const start = process.hrtime.bigint();
  const measured = measureFalseAlarms({ engine, nextRubric: (random) => randomLike(rubric, random), trials: TRIALS, seed: 1 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const codes = Object.entries(measured.byCode).sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(', ');
  console.log(`diagnose: ${TRIALS} hand-rounded solutions of seed-shaped random networks, one arbitrary wrong value each`);
  console.log(`  false alarms: ${measured.claimed} of ${TRIALS} (${(100 * measured.rate).toFixed(1)}%; target under 5%)${codes ? ` · ${codes}` : ''}`);
  console.log(`  (${seconds.toFixed(1)} s)`);
  return measured;
}

// `node bench/diagnose.js` runs it alone; bench/run.js runs it with the others.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) benchDiagnose();
