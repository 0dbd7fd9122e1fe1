// Network building and evaluation on the layers of issue 10, and building large dense layers
// (issue 9: building used to scan every connection for every parameter).
import { readFileSync } from 'node:fs';
import { compileRubric } from '../dist/engine/compile.js';
import { evaluateGraph } from '../dist/engine/evaluate.js';
import { evaluateIntervals } from './engine.js';
import { buildNetwork } from '../dist/engine/network.js';
import { rubricSchema } from '../dist/rubric/schema.js';
import { line, measure } from './stats.js';

/** inputs → `units` sigmoid units → 2 softmax outputs: (inputs + 2) · units weights. */
export function wideDense(units, inputs = 2) {
  const row = (n, k) => Array.from({ length: n }, (_, h) => ((h * 7 + k * 3) % 19) / 100 - 0.09);
  return rubricSchema.parse({
    id: 'wide', title: 'wide', convention: 'updated-weights', learningRate: 0.1,
    input: { name: 'x', values: row(inputs, 1) }, target: { name: 't', values: [1, 0] },
    layers: [
      { kind: 'dense', name: 'H', steps: { in: 'in_h', out: 'out_h', coef: 'coef_h' }, weights: { name: 'v', values: Array.from({ length: units }, (_, o) => row(inputs, o)) }, activation: 'sigmoid' },
      { kind: 'dense', name: 'O', steps: { in: 'in_o', out: 'out_o', coef: 'coef_o' }, weights: { name: 'w', values: [row(units, 1), row(units, 2)] }, activation: 'softmax' },
    ],
    loss: { kind: 'cross-entropy' },
  });
}

export function benchNetwork() {
  const text = readFileSync(new URL('../rubrics/cnn2d-channels.yaml', import.meta.url), 'utf8');
  const { graph } = compileRubric(text, 'cnn2d-channels.yaml');
  const intervals = () => evaluateIntervals(graph);
  const results = {
    build: measure(() => compileRubric(text, 'cnn2d-channels.yaml'), { inner: 10 }),
    exact: measure(() => evaluateGraph(graph), { inner: 100 }),
    interval: measure(intervals, { inner: 50 }),
  };
  console.log(`engine: cnn2d-channels.yaml, ${graph.steps.length} steps`);
  console.log(line('  parse + validate + build (YAML -> graph)', results.build));
  console.log(line('  exact evaluation of every step', results.exact));
  console.log(line('  interval evaluation of every step', results.interval));
  for (const units of [1000, 10000]) {
    const rubric = wideDense(units);
    const built = measure(() => buildNetwork(rubric), { samples: 5, inner: 1, warmup: 1 });
    const steps = buildNetwork(rubric).graph.steps.length;
    console.log(line(`  build a ${units}-unit dense layer (${steps} steps)`, { median: built.median / 1000, p10: built.p10 / 1000, p90: built.p90 / 1000 }, 'ms'));
  }
  return results;
}
