// `npm run bench`: every benchmark, medians of repeated batches. Targets live here, not in tests.
// `npm run bench -- report cold` runs only the ones named (engine, network, grade, diagnose, report, cold, batch, variants, page).
import { benchEngine } from './engine.js';
import { benchDiagnose } from './diagnose.js';
import { benchBatch } from './batch.js';
import { benchGrade } from './grade.js';
import { benchCold } from './cold.js';
import { benchReport } from './report.js';
import { benchNetwork } from './network.js';
import { benchVariants } from './variants.js';
import { benchPage } from './page.js';

const benches = {
  engine: () => {
    const engine = benchEngine();
    const target = 1000; // µs: "well under 1 ms per evaluation after build"
    console.log(`  target: exact evaluation well under ${target} µs -> ${(target / engine.exact.median).toFixed(0)}× under`);
  },
  network: () => {
    const network = benchNetwork();
    const target = 1000; // µs: issue 10, "well under a millisecond per evaluation"
    console.log(`  target: cnn2d-channels exact evaluation well under ${target} µs -> ${(target / network.exact.median).toFixed(0)}× under`);
  },
  grade: benchGrade,
  diagnose: benchDiagnose,
  report: benchReport,
  cold: benchCold,
  batch: benchBatch,
  variants: benchVariants,
  page: benchPage,
};
const chosen = process.argv.slice(2);
for (const name of chosen) if (!(name in benches)) throw new Error(`no benchmark "${name}": ${Object.keys(benches).join(', ')}`);
for (const [name, bench] of Object.entries(benches)) {
  if (chosen.length > 0 && !chosen.includes(name)) continue;
  await bench();
  console.log('');
}
