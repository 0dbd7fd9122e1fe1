import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRubric } from '../../src/engine/compile.js';
import { evaluateGraph } from '../../src/engine/evaluate.js';
import { add, argmaxIs, div, mul, neg, num, param, ref, sq, step, sub } from '../../src/engine/expr.js';
import { formatNumber, renderSubstituted, renderSymbolic } from '../../src/engine/text.js';

const { graph } = compileRubric(readFileSync(new URL('../../rubrics/seed-cnn.yaml', import.meta.url), 'utf8'), 'seed');
const values = evaluateGraph(graph);
const lookup = { param: (name: string) => graph.params.get(name)!, ref: (id: string) => values.get(id)! };
const symbolic = (id: string) => renderSymbolic(graph.byId.get(id)!.expr);
const substituted = (id: string) => renderSubstituted(graph.byId.get(id)!.expr, lookup);

describe('formulas as a TA writes them', () => {
  it('writes the seed steps symbolically', () => {
    expect(symbolic('in_cc1')).toBe('i1 · KK13 + i2 · KK12 + i3 · KK11 + bb1');
    expect(symbolic('out_pp1')).toBe('(out_cc1 + out_cc2) / 2');
    expect(symbolic('coef_c1')).toBe('coef_p1 · [argmax(out_c1, out_c2) = 1] · out_c1 · (1 − out_c1)');
    expect(symbolic('coef_p1')).toBe('coef_o1 · w1_new + coef_o2 · w4_new');
    expect(symbolic('k11_new')).toBe('k11 − α · (coef_c1 · out_pp3 + coef_c2 · out_pp4)');
    expect(symbolic('coef_cc1')).toBe('coef_pp1 · 1/2 · out_cc1 · (1 − out_cc1)');
    expect(symbolic('loss')).toBe('−(o1 · ln(out_o1) + o2 · ln(out_o2))');
    expect(symbolic('out_o1')).toBe('exp(in_o1) / (exp(in_o1) + exp(in_o2))');
  });

  it('substitutes numbers, with indicators as 0 or 1 and negative numbers bracketed inside', () => {
    expect(substituted('coef_c1')).toBe('−0.05977 · 1 · 0.5583 · (1 − 0.5583)');
    expect(substituted('coef_c2')).toBe('−0.05977 · 0 · 0.5576 · (1 − 0.5576)');
    expect(substituted('w1_new')).toBe('0.1 − 0.7 · (−0.1768) · 0.5583');
    expect(substituted('in_cc5')).toBe('0.1 · 0.1 + 0.2 · 0.2 + 0.3 · 0.3 + (−0.5)');
    expect(substituted('b1_new')).toBe('0 − 0.7 · (−0.01474 + 0)');
  });

  it('brackets by precedence, not by habit', () => {
    const [a, b, c] = [ref('a'), ref('b'), ref('c')];
    expect(renderSymbolic(sub(a, add(b, c)))).toBe('a − (b + c)');
    expect(renderSymbolic(sub(a, mul(b, c)))).toBe('a − b · c');
    expect(renderSymbolic(mul(add(a, b), c))).toBe('(a + b) · c');
    expect(renderSymbolic(add(a, neg(b)))).toBe('a − b');
    expect(renderSymbolic(sq(sub(a, param('t1'))))).toBe('(a − t1)²');
    expect(renderSymbolic(div(a, mul(b, c)))).toBe('a / (b · c)');
    expect(renderSymbolic(step(a))).toBe('[a > 0]');
    expect(renderSymbolic(argmaxIs(1, [a, b, c]))).toBe('[argmax(a, b, c) = 2]');
    expect(renderSubstituted(mul(num(-2), num(-3)), lookup)).toBe('−2 · (−3)');
  });

  it('formats numbers for people', () => {
    expect(formatNumber(0.6000000000000001)).toBe('0.6');
    expect(formatNumber(-0.0147396, 3)).toBe('−0.0147');
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(-0.0000123456)).toBe('−1.235e−5');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('−∞');
  });
});
