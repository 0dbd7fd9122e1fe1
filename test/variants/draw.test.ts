import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../../src/engine/network.js';
import { gradeSubmission } from '../../src/grade/grade.js';
import { prepareReference } from '../../src/grade/reference.js';
import { parseRubric } from '../../src/rubric/load.js';
import { checkVariant, profileOf } from '../../src/variants/checks.js';
import { createVariantDrawer, variantReference, type NoGoodVariantError } from '../../src/variants/draw.js';
import { createSay } from '../../src/i18n/index.js';
import { nodeHmacSha256 } from '../../src/variants/node-hmac.js';
import { planVariants, rangeValues, type VariantPlan } from '../../src/variants/plan.js';
import { slotsOf, withValues } from '../../src/variants/slots.js';
import { handRounded, submissionOf } from '../support/submissions.js';
import { SECRET, seedDrawer, seedPlan, seedVariantsText } from './fixtures.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const arbId = fc.stringMatching(/^[0-9]{6,12}$/);

function baseReference(plan: VariantPlan) {
  const built = buildNetwork(plan.base);
  if (!built.ok) throw new Error('base does not build');
  return prepareReference(plan.base, built.graph);
}

describe('the seed of a variant', () => {
  it('is HMAC-SHA256 as RFC 4231 states it (test case 2)', async () => {
    const mac = await nodeHmacSha256(new TextEncoder().encode('Jefe'), new TextEncoder().encode('what do ya want for nothing?'));
    expect(hex(mac)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});

describe('the values a variant may change', () => {
  const plan = seedPlan();

  it('carry the engine\'s own parameter names and values', () => {
    const built = buildNetwork(plan.base);
    if (!built.ok) throw new Error('seed does not build');
    for (const slot of slotsOf(plan.base)) {
      if (slot.name === 'learningRate') expect(slot.value).toBe(built.graph.params.get('α'));
      else expect(built.graph.params.get(slot.name)).toBe(slot.value);
    }
    expect(slotsOf(plan.base).length).toBe(built.graph.params.size);
  });

  it('are replaced by name, and only those named', () => {
    const changed = withValues(plan.base, new Map([['KK12', 0.9], ['w5', -0.7], ['i6', 0.05], ['learningRate', 0.3]]));
    const built = buildNetwork(changed);
    if (!built.ok) throw new Error('does not build');
    expect(built.graph.params.get('KK12')).toBe(0.9);
    expect(built.graph.params.get('w5')).toBe(-0.7);
    expect(built.graph.params.get('i6')).toBe(0.05);
    expect(built.graph.params.get('α')).toBe(0.3);
    expect(built.graph.params.get('KK11')).toBe(0.1);
    expect(plan.base.layers[0]).toMatchObject({ kernels: { values: [[0.1, 0.2, 0.3], [0.3, 0.2, 0.1]] } });
  });

  it('come from ranges written with their own decimals', () => {
    expect(rangeValues([0.1, 0.9], 0.1)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(rangeValues([-1, 1], 0.25)).toEqual([-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1]);
  });
});

describe('a variant\'s reference', () => {
  it('is the one a fresh build of the variant\'s rubric gives: same formulas, values and settings', async () => {
    const drawer = seedDrawer();
    for (const id of ['2023000001', '2023000002', '2023000003']) {
      const { values } = await drawer.forStudent(SECRET, id);
      const fast = variantReference(drawer.plan, values);
      const rubric = withValues(drawer.plan.base, values);
      const built = buildNetwork(rubric);
      if (!built.ok) throw new Error('does not build');
      const fresh = prepareReference(rubric, built.graph);
      expect([...fast.graph.params]).toEqual([...fresh.graph.params]);
      expect([...fast.values]).toEqual([...fresh.values]);
      expect(JSON.stringify(fast.graph.steps)).toBe(JSON.stringify(fresh.graph.steps));
      expect([...fast.variants.convention].map(([k, e]) => [k, JSON.stringify(e)])).toEqual([...fresh.variants.convention].map(([k, e]) => [k, JSON.stringify(e)]));
      expect([...fast.settings]).toEqual([...fresh.settings]);
      expect([...fast.exactWinners]).toEqual([...fresh.exactWinners]);
    }
  });
});

describe('a rubric\'s variants section', () => {
  it('lists every name that is not in the rubric, and a whole choice of the wrong length', () => {
    const text = seedVariantsText(`
variants:
  values:
    q: { range: [0, 1], step: 0.5 }
    o: { choices: [[1, 0, 0]] }
    KK1: { choices: [[0.1, 0.2, 0.3]] }
  constraints:
    - { distinct: [zz] }
`);
    const result = planVariants(parseRubric(text, 'x.yaml').rubric);
    expect(result?.ok).toBe(false);
    const problems = result !== null && !result.ok ? result.problems : [];
    expect(problems.map((p) => p.path.join('.'))).toEqual(
      expect.arrayContaining(['variants.values.q', 'variants.values.o.choices.0', 'variants.values.KK1', 'variants.constraints.0.distinct.0']),
    );
  });

  it('refuses a whole-group list over an element that has an entry of its own (it would be drawn twice), naming both', () => {
    const text = `${readFileSync(new URL('../../rubrics/mlp-batch2.yaml', import.meta.url), 'utf8')}
variants:
  values:
    y: { choices: [[1, 0], [0, 1]] }
    y1_s2: { choices: [0.5] }
`;
    const result = planVariants(parseRubric(text, 'batch.yaml').rubric);
    expect(result?.ok).toBe(false);
    const problems = result !== null && !result.ok ? result.problems : [];
    expect(problems.map((p) => [p.path.join('.'), p.message])).toEqual([['variants.values.y.choices', expect.stringContaining('y1_s2 is drawn by its own entry (y1_s2)')]]);
  });

  it('is refused by the schema when a range runs backwards or a key is unknown', () => {
    const bad = seedVariantsText(`
variants:
  values:
    i: { range: [0.9, 0.1], step: 0.1 }
  tries: 3
`);
    expect(() => parseRubric(bad, 'x.yaml')).toThrow(/lowest value to the highest[\s\S]*unknown key "tries"|unknown key "tries"[\s\S]*lowest value/);
  });

  it('is optional: a rubric without it has no plan', () => {
    expect(planVariants(seedPlan().base.variants === undefined ? seedPlan().base : { ...seedPlan().base, variants: undefined })).toBeNull();
  });
});

describe('drawing a student\'s variant', () => {
  const drawer = seedDrawer();
  const plan = drawer.plan;
  const profile = profileOf(baseReference(plan));

  it('gives the same variant for the same secret and id', async () => {
    await fc.assert(
      fc.asyncProperty(arbId, async (id) => {
        const [a, b] = [await drawer.forStudent(SECRET, id), await drawer.forStudent(SECRET, id)];
        expect([...a.values]).toEqual([...b.values]);
        expect(a.draws).toBe(b.draws);
      }),
      { numRuns: 10 },
    );
  });

  it('gives different ids different variants, and another secret other variants', async () => {
    const ids = Array.from({ length: 40 }, (_, k) => String(2023000001 + k));
    const keys = await Promise.all(ids.map(async (id) => JSON.stringify([...(await drawer.forStudent(SECRET, id)).values])));
    expect(new Set(keys).size).toBe(ids.length);
    const other = await drawer.forStudent(new TextEncoder().encode('another course'), ids[0]!);
    expect(JSON.stringify([...other.values])).not.toBe(keys[0]);
  });

  it('only gives variants that pass every check, within their options, with the draws and reasons counted', async () => {
    await fc.assert(
      fc.asyncProperty(arbId, async (id) => {
        const variant = await drawer.forStudent(SECRET, id);
        expect(checkVariant(variantReference(plan, variant.values), profile, plan.spec.margin)).toEqual([]);
        for (const choice of plan.choices) {
          const drawn = choice.names.map((name) => variant.values.get(name));
          expect(choice.options.some((option) => option.every((x, k) => x === drawn[k]))).toBe(true);
        }
        const inputs = [1, 2, 3, 4, 5, 6].map((k) => variant.values.get(`i${k}`));
        expect(new Set(inputs).size).toBe(6);
        expect([...variant.values].filter(([name]) => /^(KK|w)\d/.test(name)).every(([, x]) => x !== 0)).toBe(true);
        const rejected = [...variant.redrawn.values()].reduce((a, b) => a + b, 0);
        expect(rejected).toBeGreaterThanOrEqual(variant.draws - 1);
      }),
      { numRuns: 15 },
    );
  });

  it('grades a hand-rounded solution of a variant 100% against it, and against another student\'s few steps right and points lost', async () => {
    await fc.assert(
      fc.asyncProperty(arbId, arbId, async (id, otherId) => {
        fc.pre(id !== otherId);
        const own = variantReference(plan, (await drawer.forStudent(SECRET, id)).values);
        const other = variantReference(plan, (await drawer.forStudent(SECRET, otherId)).values);
        const decimals = plan.base.grading.decimals;
        const solution = submissionOf(handRounded(own.graph, decimals), decimals);
        const mine = gradeSubmission(own, solution);
        expect(mine.score).toBe(mine.maxScore);
        const theirs = gradeSubmission(other, solution);
        // Follow-through still credits what is computed right from the student's own earlier
        // values (measured: 56-75% of the points); the steps at the right value are few.
        const correct = (r: typeof mine) => r.steps.filter((s) => s.status === 'correct').length;
        expect(theirs.score).toBeLessThan(0.8 * theirs.maxScore);
        expect(correct(theirs)).toBeLessThan(correct(mine) / 4);
      }),
      { numRuns: 10 },
    );
  });

  it('gives up with the reasons when no draw can pass', () => {
    const hopeless = createVariantDrawer(seedPlan(`
variants:
  values:
    i: { choices: [0.1, 0.2] }
  constraints:
    - { distinct: [i] }
  maxDraws: 5
`), nodeHmacSha256);
    expect(() => hopeless.draw(new Uint8Array(32).fill(1))).toThrow(/no good variant in 5 draws \(constraint 5\)/);
    // A library user says it in their language from its note.
    const error = (() => {
      try {
        hopeless.draw(new Uint8Array(32).fill(1));
      } catch (thrown) {
        return thrown as NoGoodVariantError;
      }
    })();
    expect(createSay('zh-CN')(error!.note)).toBe('抽取 5 次仍没有合格的数字（违反约束 5 次）：请放宽取值范围或约束，或减小 variants 中的边距设置');
  });
});

describe('the checks of a drawn variant', () => {
  const plan = seedPlan();
  const profile = profileOf(baseReference(plan));
  const codes = (values: [string, number][]) => checkVariant(variantReference(plan, new Map(values)), profile, plan.spec.margin).map((f) => `${f.code} ${f.section}`);

  it('name a max-pool window whose two largest values are within the margin (the seed\'s own windows 1 and 2)', () => {
    const values = baseReference(plan).values;
    // Independent of the check: the seed's out_c1..out_c4, as evaluated, differ by under 3 units.
    expect(Math.abs(values.get('out_c1')! - values.get('out_c2')!)).toBeLessThanOrEqual(0.003);
    expect(codes([])).toEqual(expect.arrayContaining(['maxpool-close out_p1', 'maxpool-close out_p2']));
  });

  it('name a section with a step that rounds to 0 where the base has none, and a section whose flip mistake no longer shows', () => {
    const spread: [string, number][] = [['k11', -1], ['k12', 0.5], ['k13', 1], ['k21', 2], ['k22', 0], ['k23', -1.5], ['k31', 0.7], ['k32', -0.4], ['k33', 0.3]];
    expect(codes(spread).filter((c) => c.startsWith('maxpool'))).toEqual([]);
    expect(codes([...spread, ['w1', 0], ['w2', 0], ['w3', 0], ['bo1', 0]])).toContain('zero-step FC · forward');
    // A symmetric kernel reads the same either way round: the flip mistake cannot show.
    expect(codes([...spread, ['KK11', 0.2], ['KK12', 0.2], ['KK13', 0.2]])).toContain('mistake-hidden CC · forward');
  });

  it('name a ReLU pre-activation within the margin of 0', () => {
    const relu = seedVariantsText().replace(/(name: C\n[\s\S]*?activation: )sigmoid/, '$1relu');
    const result = planVariants(parseRubric(relu, 'relu.yaml').rubric);
    if (result === null || !result.ok) throw new Error('bad plan');
    const reluProfile = profileOf(baseReference(result.plan));
    // k1 = (0, 0, 0) with bias b1 = 0: in_c1 = 0, on the kink.
    const failures = checkVariant(variantReference(result.plan, new Map([['k11', 0], ['k12', 0], ['k13', 0]])), reluProfile, 3);
    expect(failures.map((f) => `${f.code} ${f.section}`)).toContain('relu-near-zero out_c1');
  });

  it('name a leaky-ReLU pre-activation within the margin of 0 as ReLU\'s, not as a max-pool window (its formula is max(x, slope·x))', () => {
    const leaky = seedVariantsText().replace(/(name: C\n[\s\S]*?activation: )sigmoid/, '$1leaky-relu');
    const result = planVariants(parseRubric(leaky, 'leaky.yaml').rubric);
    if (result === null || !result.ok) throw new Error('bad plan');
    const leakyProfile = profileOf(baseReference(result.plan));
    const failures = checkVariant(variantReference(result.plan, new Map([['k11', 0], ['k12', 0], ['k13', 0]])), leakyProfile, 3).map((f) => `${f.code} ${f.section}`);
    expect(failures).toContain('relu-near-zero out_c1');
    expect(failures).not.toContain('maxpool-close out_c1');
  });
});
