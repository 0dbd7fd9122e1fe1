import { describe, expect, it } from 'vitest';
import { elementId, gridId, kernelElementId, parseGridId, positionId, sampleSuffix } from '../../src/engine/ids.js';

describe('step and parameter ids (the fixed scheme of issue 10)', () => {
  it('keeps every id that existed before 2-D maps', () => {
    expect(positionId('in_cc', [2])).toBe('in_cc3');
    expect(elementId('KK', 0, 1)).toBe('KK12');
    expect(kernelElementId('KK', 0, null, [1])).toBe('KK12');
    expect(kernelElementId('k', 0, null, [11])).toBe('k1_12');
  });

  it('names 2-D map elements, channel kernels and batch samples, 1-based', () => {
    expect(gridId('out_c', 0, 1, 2)).toBe('out_c1_2_3');
    expect(positionId('out_c', [0, 1, 2])).toBe('out_c1_2_3');
    expect(kernelElementId('k', 0, null, [1, 0])).toBe('k1_2_1');
    expect(kernelElementId('q', 0, 1, [0, 1])).toBe('q1_2_1_2');
    expect(kernelElementId('k', 1, 2, [0])).toBe('k2_3_1');
    expect(`out_o1${sampleSuffix(1)}`).toBe('out_o1_s2');
    expect(sampleSuffix(null)).toBe('');
  });

  it('parses a 2-D map element back, with or without a sample suffix', () => {
    expect(parseGridId('out_c1_2_3')).toEqual({ stem: 'out_c', map: 0, row: 1, column: 2, sample: '' });
    expect(parseGridId('in_c2_1_1_s2')).toEqual({ stem: 'in_c', map: 1, row: 0, column: 0, sample: '_s2' });
    expect(parseGridId('out_c1_10_12')).toEqual({ stem: 'out_c', map: 0, row: 9, column: 11, sample: '' });
    expect(parseGridId('in_cc3')).toBeNull();
    expect(parseGridId('out_h1_s1')).toBeNull();
  });
});
