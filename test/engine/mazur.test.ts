/**
 * rubrics/mazur-mlp.yaml against the values Matt Mazur published in "A Step by Step
 * Backpropagation Example" (2015): an oracle computed by someone else, by hand and in code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRubric } from '../../src/engine/compile.js';
import { evaluateGraph } from '../../src/engine/evaluate.js';

const text = readFileSync(new URL('../../rubrics/mazur-mlp.yaml', import.meta.url), 'utf8');
const { graph } = compileRubric(text, 'rubrics/mazur-mlp.yaml');
const values = evaluateGraph(graph);

/** Every value the post prints for a quantity that is a step here, as printed. */
const PUBLISHED: Record<string, number> = {
  net_h1: 0.3775,
  out_h1: 0.593269992,
  out_h2: 0.596884378,
  net_o1: 1.105905967,
  out_o1: 0.75136507,
  out_o2: 0.772928465,
  E_total: 0.298371109,
  // ∂E_o1/∂net_o1 = 0.74136507 · 0.186815602 (the post's δ_o1).
  delta_o1: 0.138498562,
  w5_new: 0.35891648,
  w6_new: 0.408666186,
  w7_new: 0.511301270,
  w8_new: 0.561370121,
  w1_new: 0.149780716,
  w2_new: 0.19956143,
  w3_new: 0.24975114,
  w4_new: 0.29950229,
};

describe("Mazur's step-by-step backpropagation example", () => {
  it.each(Object.entries(PUBLISHED))('%s is the published %d to 1e-8', (id, published) => {
    expect(graph.byId.has(id)).toBe(true);
    expect(Math.abs(values.get(id)! - published)).toBeLessThanOrEqual(1e-8);
  });

  it('has the published gradients ∂E/∂w5 = 0.082167041 and ∂E/∂w1 = 0.000438568 inside its updates', () => {
    const alpha = graph.params.get('α')!;
    expect(Math.abs((0.4 - values.get('w5_new')!) / alpha - 0.082167041)).toBeLessThanOrEqual(1e-8);
    expect(Math.abs((0.15 - values.get('w1_new')!) / alpha - 0.000438568)).toBeLessThanOrEqual(1e-8);
    // δ_h1 = ∂E_total/∂out_h1 · ∂out_h1/∂net_h1 = 0.036350306 · 0.241300709.
    expect(Math.abs(values.get('delta_h1')! - 0.036350306 * 0.241300709)).toBeLessThanOrEqual(1e-8);
  });

  it('numbers the weights w1..w8 across both layers, shares one bias per layer and never updates it', () => {
    expect([...graph.params.keys()].filter((name) => /^w\d$/.test(name))).toEqual(['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8']);
    expect(graph.params.get('b1')).toBe(0.35);
    expect(graph.params.get('b2')).toBe(0.6);
    expect(graph.byId.has('b1_new')).toBe(false);
    expect(graph.byId.has('b2_new')).toBe(false);
    expect(graph.steps.filter((s) => s.kind === 'update').map((s) => s.id)).toEqual(
      ['w5_new', 'w6_new', 'w7_new', 'w8_new', 'w1_new', 'w2_new', 'w3_new', 'w4_new'],
    );
  });
});
