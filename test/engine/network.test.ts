import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateGraph } from '../../src/engine/evaluate.js';
import type { Graph } from '../../src/engine/graph.js';
import { buildNetwork } from '../../src/engine/network.js';
import type { Rubric } from '../../src/rubric/schema.js';
import { forwardLoss } from '../support/forward.js';
import { arbNetwork } from '../support/networks.js';

function build(rubric: Rubric): Graph {
  const built = buildNetwork(rubric);
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.graph;
}

/**
 * Central difference of the independent forward pass; null near a kink (a max-pool switch, relu at 0),
 * detected by the one-sided differences disagreeing.
 */
function finiteDifference(rubric: Rubric, name: string, value: number): number | null {
  const loss = (x: number) => forwardLoss(rubric, { name, value: x });
  // Small enough that a smooth loss's one-sided slopes agree to ~1e-7·f''; large enough for roundoff (~1e-9).
  const h = 1e-7;
  const [below, at, above] = [loss(value - h), loss(value), loss(value + h)];
  const central = (above - below) / (2 * h);
  // At a kink the one-sided slopes differ by the jump; half of it would land in `central`.
  const kink = Math.abs((above - at) / h - (at - below) / h) > 2e-6 * (1 + Math.abs(central));
  return kink ? null : central;
}

const updates = (graph: Graph, rubric: Rubric) =>
  graph.steps.filter((s) => s.kind === 'update').map((s) => ({ id: s.id, name: s.id.slice(0, -rubric.newSuffix.length) }));

describe('network builder on random networks', () => {
  it('builds every generated network, with steps that only read earlier steps', () => {
    fc.assert(
      fc.property(arbNetwork(), (rubric) => {
        const graph = build(rubric);
        const seen = new Set<string>();
        for (const step of graph.steps) {
          const body = JSON.stringify(step.expr);
          for (const [, id] of body.matchAll(/"op":"ref","id":"([^"]+)"/g)) expect(seen.has(id!)).toBe(true);
          seen.add(step.id);
        }
        expect(graph.steps.filter((s) => s.kind === 'loss')).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });

  it('computes the same loss as an independent forward pass', () => {
    fc.assert(
      fc.property(arbNetwork(), (rubric) => {
        const loss = evaluateGraph(build(rubric)).get(rubric.loss.step)!;
        const oracle = forwardLoss(rubric);
        expect(Math.abs(loss - oracle)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(oracle)));
      }),
      { numRuns: 300 },
    );
  });

  it('under the standard convention, every update is p − lr · (finite-difference gradient)', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbNetwork({ convention: 'standard' }), (rubric) => {
        const graph = build(rubric);
        const values = evaluateGraph(graph);
        for (const { id, name } of updates(graph, rubric)) {
          const p = graph.params.get(name)!;
          const gradient = finiteDifference(rubric, name, p);
          if (gradient === null) continue;
          expect(values.get(id)!).toBeCloseTo(p - rubric.learningRate * gradient, 6);
          checked++;
        }
      }),
      { numRuns: 150 },
    );
    expect(checked).toBeGreaterThan(1000);
  });

  it('under updated-weights, the output layer matches the gradient and lower layers see updated weights', () => {
    fc.assert(
      fc.property(arbNetwork({ convention: 'updated-weights' }), (rubric) => {
        const course = build(rubric);
        const standard = build({ ...rubric, convention: 'standard' });
        const a = evaluateGraph(course);
        const b = evaluateGraph(standard);
        const top = rubric.layers.at(-1)!;
        for (const step of course.steps) {
          const sameEither = step.phase === 'forward' || step.layer === (top.kind === 'dense' ? top.name : '');
          if (sameEither) expect(a.get(step.id)).toBe(b.get(step.id));
        }
        // Below the output layer, each delta term reads `w_new` where the standard one reads `w`.
        const reads = (g: Graph) => g.steps.filter((s) => s.kind === 'coef' && s.layer !== (top.kind === "dense" ? top.name : "")).map((s) => JSON.stringify(s.expr));
        reads(course).forEach((text, k) => expect(text.replaceAll(/"op":"ref","id":"([^"]+)_new"/g, '"op":"param","name":"$1"')).toBe(reads(standard)[k]));
      }),
      { numRuns: 200 },
    );
  });
});
