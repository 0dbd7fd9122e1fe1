// Reference engine: building the seed graph from its YAML, and evaluating it (exact and interval).
import { readFileSync } from 'node:fs';
import { compileRubric } from '../dist/engine/compile.js';
import { evaluateGraph } from '../dist/engine/evaluate.js';
import { evaluateInterval, point } from '../dist/engine/interval.js';
import { line, measure } from './stats.js';

/** Every step of `graph` as an interval, from point parameters (what follow-through evaluates). */
export function evaluateIntervals(graph) {
  const values = new Map();
  const lookup = { param: (name) => point(graph.params.get(name)), ref: (id) => values.get(id) };
  for (const step of graph.steps) values.set(step.id, evaluateInterval(step.expr, lookup));
  return values;
}

export function benchEngine() {
  const text = readFileSync(new URL('../rubrics/seed-cnn.yaml', import.meta.url), 'utf8');
  const { graph } = compileRubric(text, 'seed-cnn.yaml');
  const exact = evaluateGraph(graph);

  const intervals = () => evaluateIntervals(graph);
  const results = {
    build: measure(() => compileRubric(text, 'seed-cnn.yaml'), { inner: 20 }),
    exact: measure(() => evaluateGraph(graph), { inner: 200 }),
    interval: measure(intervals, { inner: 100 }),
  };
  console.log(`engine: seed graph, ${graph.steps.length} steps (${exact.size} values)`);
  console.log(line('  parse + validate + build (YAML -> graph)', results.build));
  console.log(line('  exact evaluation of every step', results.exact));
  console.log(line('  interval evaluation of every step', results.interval));
  return results;
}
