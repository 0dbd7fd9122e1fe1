/**
 * The layers and keys of issue 10 on random networks (test/support/networks.ts, arbWideNetwork):
 * 2-D and multi-channel convolutions with stride and padding, 2-D pooling, leaky ReLU, binary
 * cross-entropy, frozen, shared and renumbered parameters, batches. Checked against the
 * independent forward pass (test/support/forward.ts) and its finite differences.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateGraph } from '../../src/engine/evaluate.js';
import type { Graph } from '../../src/engine/graph.js';
import { contains, evaluateInterval, point, type Interval } from '../../src/engine/interval.js';
import { buildNetwork } from '../../src/engine/network.js';
import type { Rubric } from '../../src/rubric/schema.js';
import { forwardLoss } from '../support/forward.js';
import { arbWideNetwork } from '../support/networks.js';

function build(rubric: Rubric): Graph {
  const built = buildNetwork(rubric);
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.graph;
}

/** Central difference of the independent forward pass; null near a kink (one-sided slopes disagree). */
function finiteDifference(rubric: Rubric, name: string, value: number): number | null {
  const loss = (x: number) => forwardLoss(rubric, { name, value: x });
  const h = 1e-7;
  const [below, at, above] = [loss(value - h), loss(value), loss(value + h)];
  const central = (above - below) / (2 * h);
  const kink = Math.abs((above - at) / h - (at - below) / h) > 2e-6 * (1 + Math.abs(central));
  return kink ? null : central;
}

/** Every given weight, kernel element and bias (not inputs, targets or α). */
function parameterNames(graph: Graph): string[] {
  const data = /^(x|t)\d/;
  return [...graph.params.keys()].filter((name) => name !== 'α' && !data.test(name));
}

const frozenNames = (rubric: Rubric): Set<string> => {
  const names = new Set<string>();
  for (const layer of rubric.layers) {
    const blocks = layer.kind === 'dense' ? [layer.weights, layer.biases] : layer.kind === 'conv1d' || layer.kind === 'conv2d' ? [layer.kernels, layer.biases] : [];
    for (const block of blocks) if (block && !block.update) names.add(block.name);
  }
  return names;
};

describe('random networks with 2-D maps, channels, padding, stride, leaky ReLU, BCE, frozen and shared parameters, batches', () => {
  it('compute the same loss as the independent forward pass', () => {
    fc.assert(
      fc.property(arbWideNetwork(), (rubric) => {
        const loss = evaluateGraph(build(rubric)).get(rubric.loss.step)!;
        const oracle = forwardLoss(rubric);
        expect(Number.isFinite(oracle)).toBe(true);
        expect(Math.abs(loss - oracle)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(oracle)));
      }),
      { numRuns: 300 },
    );
  });

  it('under the standard convention, every update is p − lr · (finite-difference gradient); frozen ones have none', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbWideNetwork({ convention: 'standard' }), (rubric) => {
        const graph = build(rubric);
        const values = evaluateGraph(graph);
        const frozen = frozenNames(rubric);
        for (const name of parameterNames(graph)) {
          const id = `${name}${rubric.newSuffix}`;
          const stem = [...frozen].some((block) => name.startsWith(block) && /^\d/.test(name.slice(block.length)));
          if (!graph.byId.has(id)) {
            expect(stem, `${name} has no update`).toBe(true);
            continue;
          }
          const p = graph.params.get(name)!;
          const gradient = finiteDifference(rubric, name, p);
          if (gradient === null) continue;
          expect(values.get(id)!, id).toBeCloseTo(p - rubric.learningRate * gradient, 6);
          checked++;
        }
      }),
      { numRuns: 150 },
    );
    expect(checked).toBeGreaterThan(1000);
  });

  it('interval evaluation of every step on the given values encloses the exact value', () => {
    fc.assert(
      fc.property(arbWideNetwork(), (rubric) => {
        const graph = build(rubric);
        const exact = evaluateGraph(graph);
        const intervals = new Map<string, Interval>();
        const lookup = { param: (name: string) => point(graph.params.get(name)!), ref: (id: string) => intervals.get(id)! };
        for (const step of graph.steps) {
          const iv = evaluateInterval(step.expr, lookup);
          intervals.set(step.id, iv);
          expect(contains(iv, exact.get(step.id)!), `${step.id}: ${exact.get(step.id)} in [${iv.lo}, ${iv.hi}]`).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('give every step of a batch its sample suffix, and each parameter one update', () => {
    fc.assert(
      fc.property(arbWideNetwork({ batch: true }), (rubric) => {
        const graph = build(rubric);
        const samples = rubric.samples!.length;
        for (const step of graph.steps) {
          if (step.kind === 'update' || step.id === rubric.loss.step) expect(step.id).not.toMatch(/_s\d+$/);
          else expect(step.id).toMatch(new RegExp(`_s[1-${samples}]$`));
        }
        const updates = graph.steps.filter((s) => s.kind === 'update').map((s) => s.id);
        expect(new Set(updates).size).toBe(updates.length);
      }),
      { numRuns: 100 },
    );
  });

  it('under updated-weights, deltas read the updated weights, except frozen ones, which they read as given', () => {
    fc.assert(
      fc.property(arbWideNetwork({ convention: 'updated-weights' }), (rubric) => {
        const course = build(rubric);
        const standard = build({ ...rubric, convention: 'standard' });
        const updated = new Set(course.steps.filter((s) => s.kind === 'update').map((s) => s.id));
        const coefs = (g: Graph) => g.steps.filter((s) => s.kind === 'coef').map((s) => JSON.stringify(s.expr));
        const standardCoefs = coefs(standard);
        coefs(course).forEach((text, k) => {
          // Every `_new` a delta reads is an update that exists (never a frozen parameter's).
          for (const [, id] of text.matchAll(/"op":"ref","id":"([^"]+_new)"/g)) expect(updated.has(id!)).toBe(true);
          expect(text.replaceAll(/"op":"ref","id":"([^"]+)_new"/g, '"op":"param","name":"$1"')).toBe(standardCoefs[k]);
        });
      }),
      { numRuns: 100 },
    );
  });
});
