/**
 * The values a variant may draw, held to the network builder (an independent formatting of the
 * same names): on random networks of every kind — sequences, H×W and C×H×W inputs, batches,
 * conv1d/conv2d kernels with and without channels, renumbered (`from`) and shared parameters —
 * the slots are exactly the builder's parameters, and a value written into a slot is the value
 * the builder reads under that name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEARNING_RATE } from '../../src/engine/graph.js';
import { buildNetwork } from '../../src/engine/network.js';
import { prepareReference } from '../../src/grade/reference.js';
import type { Rubric } from '../../src/rubric/schema.js';
import { variantReference } from '../../src/variants/draw.js';
import { planVariants } from '../../src/variants/plan.js';
import { variantsSchema } from '../../src/variants/schema.js';
import { slotsOf, withValues } from '../../src/variants/slots.js';
import { arbNetwork, arbWideNetwork } from '../support/networks.js';

const engineName = (name: string) => (name === 'learningRate' ? LEARNING_RATE : name);
const anyNetwork = fc.oneof(arbNetwork({ values: 'homework' }), arbWideNetwork({ values: 'homework' }), arbWideNetwork({ values: 'homework', batch: true }));

function paramsOf(rubric: Rubric): Map<string, number> {
  const built = buildNetwork(rubric);
  if (!built.ok) throw new Error(`does not build: ${built.problems.map((p) => p.message).join('; ')}`);
  return new Map(built.graph.params);
}

describe('the values a variant may draw', () => {
  it('are exactly the network builder\'s parameters, by the same names, with the same values', () => {
    fc.assert(
      fc.property(anyNetwork, (rubric) => {
        const slots = new Map(slotsOf(rubric).map((slot) => [engineName(slot.name), slot.value]));
        expect(slots).toEqual(paramsOf(rubric));
      }),
      { numRuns: 150 },
    );
  });

  it('are written where the builder reads them: each slot\'s new value is the parameter of its name', () => {
    fc.assert(
      fc.property(anyNetwork, fc.integer({ min: 1, max: 1000 }), (rubric, seed) => {
        // A different value for every slot, so that one written in another's place shows; small, so that no step overflows.
        // (Targets too, but for cross-entropy, which needs them to be probabilities.)
        const free = slotsOf(rubric).filter((slot) => rubric.loss.kind === 'mse' || !slot.path.includes('target'));
        const values = new Map(free.map((slot, k) => [slot.name, Number((((seed + 37 * k) % 997) / 10000 + 0.0001).toFixed(4))]));
        const params = paramsOf(withValues(rubric, values));
        for (const [name, value] of values) expect([name, params.get(engineName(name))]).toEqual([name, value]);
        // The rubric given is not changed.
        expect(new Map(slotsOf(rubric).map((slot) => [engineName(slot.name), slot.value]))).toEqual(paramsOf(rubric));
      }),
      { numRuns: 100 },
    );
  });

  it('give a variant\'s reference as a fresh build of the variant\'s rubric gives it, 2-D and batches included', () => {
    fc.assert(
      fc.property(arbWideNetwork({ values: 'homework' }), fc.integer({ min: 0, max: 1000 }), (network, seed) => {
        const groups = [...new Set(slotsOf(network).map((slot) => slot.groups[0]!))];
        const rubric = { ...network, variants: variantsSchema.parse({ values: Object.fromEntries(groups.map((g) => [g, { range: [-0.9, 0.9], step: 0.1 }])) }) };
        const planned = planVariants(rubric);
        if (planned === null || !planned.ok) throw new Error('no plan');
        const values = new Map(planned.plan.choices.flatMap((choice, k) => {
          const option = choice.options[(seed * 7 + k * 13) % choice.options.length]!;
          return choice.names.map((name, j) => [name, option[j]!] as const);
        }));
        const fast = variantReference(planned.plan, values);
        const own = withValues(rubric, values);
        const built = buildNetwork(own);
        if (!built.ok) return; // a drawn value may overflow the network (the draw's checks would refuse it)
        const fresh = prepareReference(own, built.graph);
        expect([...fast.graph.params]).toEqual([...fresh.graph.params]);
        expect([...fast.values]).toEqual([...fresh.values]);
        expect([...fast.exactWinners]).toEqual([...fresh.exactWinners]);
      }),
      { numRuns: 60 },
    );
  });

  it('are grouped by their vector, grid or kernels, and in a batch by their sample too', () => {
    const rubric = fc.sample(arbWideNetwork({ values: 'homework', batch: true }), { seed: 7, numRuns: 1 })[0]!;
    const slots = slotsOf(rubric);
    const inputs = slots.filter((slot) => slot.groups[0] === 'x');
    expect(inputs.length).toBeGreaterThan(0);
    for (const slot of inputs) expect(slot.groups).toEqual(['x', `x${/_s\d+$/.exec(slot.name)![0]}`]);
    expect(new Set(inputs.map((slot) => slot.groups[1])).size).toBe(rubric.samples!.length);
  });
});
