import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRubric } from '../../src/engine/compile.js';
import { evaluateGraph } from '../../src/engine/evaluate.js';

const seedText = readFileSync(new URL('../../rubrics/seed-cnn.yaml', import.meta.url), 'utf8');

/** The checkpoints of rubrics/seed-cnn.md: exact values rounded to 3 decimals, by hand. */
const CHECKPOINTS: Record<string, number> = {
  out_cc1: 0.646, out_cc2: 0.659, out_cc3: 0.673, out_cc4: 0.686,
  out_cc5: 0.411, out_cc6: 0.426, out_cc7: 0.44, out_cc8: 0.455,
  out_pp1: 0.652, out_pp2: 0.679, out_pp3: 0.418, out_pp4: 0.448,
  out_c1: 0.558, out_c2: 0.558, out_c3: 0.442, out_c4: 0.442, out_c5: 0.75, out_c6: 0.704,
  out_p1: 0.558, out_p2: 0.442, out_p3: 0.75,
  out_o1: 0.823, out_o2: 0.177,
  loss: 0.195,
  coef_o1: -0.177, coef_o2: 0.177,
  w1_new: 0.169, w2_new: 0.255, w3_new: 0.393, w4_new: -0.169, w5_new: -0.255, w6_new: -0.393,
  coef_p1: -0.06, coef_p2: -0.09, coef_p3: -0.139,
  coef_c1: -0.015, coef_c5: -0.026,
  k11_new: -0.996, k13_new: 1.007,
  coef_pp1: -0.015, coef_pp4: -0.022,
  KK11_new: 0.101, KK21_new: 0.303, bb2_new: -0.494,
};

/** Values the handwritten solution got right (its slips left out), to its own 3 decimals. */
const HAND: Record<string, number> = {
  in_cc1: 0.6, in_cc5: -0.36, in_c1: 0.234, coef_c4: -0.022, k12_new: 0.007, k21_new: 1.007, k32_new: 1.012,
  b2_new: 0.016, coef_pp3: -0.012, coef_cc1: -0.002, coef_cc7: -0.003, KK12_new: 0.201, bb1_new: 0.503,
};

const round3 = (x: number) => Math.round(x * 1000) / 1000;

describe('the seed homework', () => {
  const { graph } = compileRubric(seedText, 'rubrics/seed-cnn.yaml');
  const values = evaluateGraph(graph);
  const v = (id: string) => values.get(id)!;

  it.each(Object.entries(CHECKPOINTS))('%s rounds to the checkpoint %d', (id, expected) => {
    expect(round3(v(id))).toBeCloseTo(expected, 9);
  });

  it.each(Object.entries(HAND))('%s agrees with the hand solution (%d) to 3 decimals', (id, expected) => {
    expect(Math.abs(v(id) - expected)).toBeLessThanOrEqual(0.0011);
  });

  it('uses true convolution: in_cc1 = i1·KK13 + i2·KK12 + i3·KK11 + bb1', () => {
    expect(v('in_cc1')).toBeCloseTo(0.1 * 0.3 + 0.2 * 0.2 + 0.3 * 0.1 + 0.5, 12);
    expect(v('in_c5')).toBeCloseTo(v('out_pp2') + v('out_pp3'), 12);
  });

  it('propagates deltas through the updated weights, as the course does', () => {
    expect(v('coef_p1')).toBeCloseTo(v('coef_o1') * v('w1_new') + v('coef_o2') * v('w4_new'), 12);
    expect(v('coef_pp1')).toBeCloseTo(v('coef_c1') * v('k13_new') + v('coef_c3') * v('k23_new') + v('coef_c5') * v('k33_new'), 12);
    expect(v('coef_cc1')).toBeCloseTo(v('coef_pp1') * 0.5 * v('out_cc1') * (1 - v('out_cc1')), 12);
  });

  it('routes a max-pool delta to the first maximum only', () => {
    expect(v('out_c1')).toBeGreaterThan(v('out_c2'));
    expect(Math.abs(v('coef_c2'))).toBe(0);
    expect(v('out_c4')).toBeGreaterThan(v('out_c3'));
    expect(Math.abs(v('coef_c3'))).toBe(0);
    expect(v('coef_c4')).toBeCloseTo(v('coef_p2') * v('out_c4') * (1 - v('out_c4')), 12);
  });

  it('differs under the standard convention only below the output layer', () => {
    const standard = evaluateGraph(compileRubric(seedText, 'seed', { convention: 'standard' }).graph);
    expect(standard.get('w1_new')).toBe(v('w1_new'));
    expect(standard.get('coef_p1')).toBeCloseTo(v('coef_o1') * 0.1 + v('coef_o2') * -0.1, 12);
    expect(standard.get('coef_p1')).not.toBeCloseTo(v('coef_p1'), 4);
  });
});
