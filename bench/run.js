// `npm run bench`: every benchmark, medians of repeated batches. Targets live here, not in tests.
import { benchEngine } from './engine.js';
import { benchDiagnose } from './diagnose.js';
import { benchBatch } from './batch.js';
import { benchGrade } from './grade.js';

const engine = benchEngine();
const target = 1000; // µs: "well under 1 ms per evaluation after build"
console.log(`  target: exact evaluation well under ${target} µs -> ${(target / engine.exact.median).toFixed(0)}× under`);
console.log('');
benchGrade();
console.log('');
benchDiagnose();
console.log('');
await benchBatch();
