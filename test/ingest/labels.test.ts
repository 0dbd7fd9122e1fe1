import { describe, expect, it } from 'vitest';
import { createLabelMatcher, isLabelConflictError, LabelConflictError, normaliseLabel } from '../../src/ingest/index.js';
import { match } from './workbooks.js';

describe('createLabelMatcher', () => {
  const named: readonly [string, string][] = [
    ['coef_c5', 'coef_c5'],
    ['COEF_C5', 'coef_c5'],
    ['coef c5', 'coef_c5'],
    ['coef-c5', 'coef_c5'],
    ['coefc5', 'coef_c5'],
    ['coef_{c5}', 'coef_c5'],
    ['$coef_{c5}$', 'coef_c5'],
    ['$\\mathrm{coef}_{c5}$', 'coef_c5'],
    ['coef_c5:', 'coef_c5'],
    ['coef_c5 =', 'coef_c5'],
    ['ｃｏｅｆ＿ｃ５', 'coef_c5'], // full-width
    ['in_cc1', 'in_cc1'],
    ['out_pp3', 'out_pp3'],
    ['loss', 'loss'],
    ['Loss', 'loss'],
    ['w1_new', 'w1_new'],
    ['w1 new', 'w1_new'],
    ['W1-new', 'w1_new'],
    ['new w1', 'w1_new'],
    ["w1'", 'w1_new'],
    ['w1\u2019', 'w1_new'], // right single quote
    ['w1\u2032', 'w1_new'], // prime
    ['w1*', 'w1_new'],
    ['w1(new)', 'w1_new'],
    ['w1 (new)', 'w1_new'],
    ['$w_1$ new', 'w1_new'],
    ["$w_1'$", 'w1_new'],
    ['$w_1^{\\prime}$', 'w1_new'],
    ['w_1^{new}', 'w1_new'],
    ['w₁ new', 'w1_new'], // subscript one
    ['KK11_new', 'KK11_new'],
    ["KK11'", 'KK11_new'],
    ['new KK11', 'KK11_new'],
  ];

  it.each(named)('%j names %s', (text, stepId) => {
    expect(match(text)).toBe(stepId);
  });

  it.each(['w1', 'coef', 'coef_c', 'c5', 'new', "'", 'description of coef_c5', 'loss function value', '', 'x'.repeat(500)])(
    '%j names no step',
    (text) => {
      expect(match(text)).toBeNull();
    },
  );

  it('does not read a prime on an id without _new', () => {
    const plain = createLabelMatcher(['w1', 'loss']);
    expect(plain("w1'")).toBeNull();
    expect(plain('w1')).toBe('w1');
  });

  it('matches rubric aliases with the same normalisation', () => {
    const withAliases = createLabelMatcher(['coef_c5', 'loss'], { coef_c5: ['c5 coefficient', '系数c5'], loss: ['L'] });
    expect(withAliases('C5-Coefficient')).toBe('coef_c5');
    expect(withAliases('系数 c5')).toBe('coef_c5');
    expect(withAliases('$L$')).toBe('loss');
    expect(withAliases('coef_c5')).toBe('coef_c5');
  });

  it('prefers an exact id over the updated-value reading of another', () => {
    const both = createLabelMatcher(['w1_new', 'neww1']);
    expect(both('neww1')).toBe('neww1');
    expect(both('new_w1')).toBe('neww1');
    expect(both("w1'")).toBe('w1_new');
  });

  it('refuses ids that normalise alike, listing every conflict', () => {
    let thrown: unknown;
    try {
      createLabelMatcher(['w1_new', 'W1New', 'coef_c5', 'loss'], { loss: ['coef c5'] });
    } catch (error) {
      thrown = error;
    }
    expect(isLabelConflictError(thrown)).toBe(true);
    const error = thrown as LabelConflictError;
    expect(error.code).toBe('E_LABEL_CONFLICT');
    expect(error.conflicts).toEqual([
      { key: 'w1new', ids: ['w1_new', 'W1New'] },
      { key: 'coefc5', ids: ['coef_c5', 'loss'] },
    ]);
    expect(error.message).toContain('"w1_new" and "W1New"');
  });

  it('accepts an alias that repeats its own id', () => {
    expect(() => createLabelMatcher(['coef_c5'], { coef_c5: ['COEF C5'] })).not.toThrow();
  });
});

describe('normaliseLabel', () => {
  it('folds case, spaces, underscores, hyphens and TeX decoration', () => {
    expect(normaliseLabel(' $\\mathrm{Coef}_{c-1}$ : ')).toBe('coefc1');
    expect(normaliseLabel('学号：')).toBe('学号');
  });
});

describe('suggest: did you mean', () => {
  const matcher = createLabelMatcher(['w4_new', 'w5_new', 'coef_c5', 'loss', 'out_pp3', 'KK11_new', 'in_d3_1']);

  it.each([
    ['w4_nwe', 'w4_new'],
    ['w4-ne', 'w4_new'],
    ['coef_c5x', 'coef_c5'],
    ['cof_c5', 'coef_c5'],
    ['los', 'loss'],
    ['out_p3', 'out_pp3'],
    ['KK11new2', 'KK11_new'],
  ])('%j -> %s', (text, id) => {
    expect(matcher(text)).toBeNull();
    expect(matcher.suggest?.(text)).toBe(id);
  });

  it.each(['w6_new', 'hello', 'w', 'coef', 'description', 'bd3_1'])('%j -> nothing (too far, or as close to two ids)', (text) => {
    expect(matcher.suggest?.(text)).toBeNull();
  });
});
