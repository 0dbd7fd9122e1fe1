/** Variants of random networks: every value of every group varied, drawn for random students. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../../src/engine/network.js';
import { gradeSubmission } from '../../src/grade/grade.js';
import { prepareReference } from '../../src/grade/reference.js';
import type { Rubric } from '../../src/rubric/schema.js';
import { checkVariant, profileOf } from '../../src/variants/checks.js';
import { createVariantDrawer, NoGoodVariantError, variantReference } from '../../src/variants/draw.js';
import { nodeHmacSha256 } from '../../src/variants/node-hmac.js';
import { planVariants } from '../../src/variants/plan.js';
import { variantsSchema } from '../../src/variants/schema.js';
import { slotsOf } from '../../src/variants/slots.js';
import { arbNetwork, arbWideNetwork } from '../support/networks.js';
import { handRounded, submissionOf } from '../support/submissions.js';
import { SECRET } from './fixtures.js';

/** Every group but the targets varied over ±(0.1..0.9), zero left out; the learning rate too. */
function withVariants(rubric: Rubric): Rubric {
  const targets = new Set([rubric.target?.name, ...(rubric.samples ?? []).map((s) => s.target.name)]);
  const groups = [...new Set(slotsOf(rubric).map((s) => s.groups[0]!))].filter((g) => !targets.has(g) && g !== 'learningRate');
  const choices = [-0.9, -0.7, -0.5, -0.3, -0.1, 0.1, 0.3, 0.5, 0.7, 0.9];
  const values = Object.fromEntries(groups.map((g) => [g, { choices }]));
  return { ...rubric, variants: variantsSchema.parse({ values: { ...values, learningRate: { range: [0.1, 0.9], step: 0.1 } } }) };
}

/** Plans and draws `network`'s variant for `id`; checks it and grades a hand-rounded solution against it. False when no good variant exists. */
async function drawsGoodHomework(network: Rubric, id: string): Promise<boolean> {
  const rubric = withVariants(network);
  const result = planVariants(rubric);
  if (result === null || !result.ok) throw new Error(`no plan: ${JSON.stringify(result)}`);
  const built = buildNetwork(rubric);
  if (!built.ok) throw new Error('does not build');
  const drawer = createVariantDrawer(result.plan, nodeHmacSha256);
  let drawn;
  try {
    drawn = await drawer.forStudent(SECRET, id);
  } catch (error) {
    // A network whose own numbers are hard to match (every rewrite visible) may have no good variant: said, not hidden.
    if (error instanceof NoGoodVariantError) return false;
    throw error;
  }
  const reference = variantReference(result.plan, drawn.values);
  expect(checkVariant(reference, profileOf(prepareReference(rubric, built.graph)), result.plan.spec.margin)).toEqual([]);
  const decimals = rubric.grading.decimals;
  const graded = gradeSubmission(reference, submissionOf(handRounded(reference.graph, decimals), decimals));
  expect(graded.score).toBe(graded.maxScore);
  return true;
}

const STUDENT_ID = fc.stringMatching(/^[0-9]{8}$/);

describe('variants of random networks', () => {
  it('pass every check, and a hand-rounded solution of each grades 100% against it', async () => {
    let found = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(arbNetwork({ values: 'homework' }), STUDENT_ID, async (network, id) => {
        runs++;
        if (await drawsGoodHomework(network, id)) found++;
      }),
      { numRuns: 40 },
    );
    expect(found).toBeGreaterThan(runs / 2);
  }, 120_000);

  it('of 2-D inputs, channels, conv2d kernels and biases, and batches, pass every check and grade 100% as well', async () => {
    let found = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(arbWideNetwork({ values: 'homework' }), STUDENT_ID, async (network, id) => {
        runs++;
        if (await drawsGoodHomework(network, id)) found++;
      }),
      { numRuns: 40 },
    );
    expect(found).toBeGreaterThan(runs / 2);
  }, 240_000);

  it('of 2-D networks and batches: the same (secret, id) always gives the same variant, other ids other variants, against which a solution loses points', async () => {
    await fc.assert(
      fc.asyncProperty(arbWideNetwork({ values: 'homework' }), STUDENT_ID, STUDENT_ID, async (network, id, otherId) => {
        fc.pre(id !== otherId);
        const result = planVariants(withVariants(network));
        if (result === null || !result.ok) throw new Error('no plan');
        const draw = (who: string) => createVariantDrawer(result.plan, nodeHmacSha256).forStudent(SECRET, who).catch((error: unknown) => {
          if (error instanceof NoGoodVariantError) return null;
          throw error;
        });
        const [first, again, other] = [await draw(id), await draw(id), await draw(otherId)];
        expect(again?.values).toEqual(first?.values);
        if (first !== null && other !== null) {
          expect([...other.values]).not.toEqual([...first.values]);
          // A hand-rounded solution of one's numbers, graded against the other's: points lost, fewer steps right.
          const decimals = network.grading.decimals;
          const [own, theirs] = [first, other].map((v) => variantReference(result.plan, v.values));
          const solution = submissionOf(handRounded(own!.graph, decimals), decimals);
          const [mine, against] = [own!, theirs!].map((reference) => gradeSubmission(reference, solution));
          const correct = (graded: typeof mine) => graded!.steps.filter((step) => step.status === 'correct').length;
          expect(against!.score).toBeLessThan(against!.maxScore);
          expect(correct(against)).toBeLessThan(correct(mine));
        }
        // Every value of the 2-D input, the kernels and the batch's samples is drawn, not only flat ones.
        expect(result.plan.names.length).toBe(slotsOf(network).filter((slot) => !slot.path.includes('target')).length);
      }),
      { numRuns: 25 },
    );
  });

  it('grade a max-pool window under the variant\'s own winner (FC_SEED=1238990072, path 43: the base\'s winner was kept, and a step lost its point)', async () => {
    await fc.assert(
      fc.asyncProperty(arbNetwork({ values: 'homework' }), STUDENT_ID, async (network, id) => {
        expect(await drawsGoodHomework(network, id)).toBe(true);
      }),
      { seed: 1238990072, path: '43', numRuns: 1 },
    );
  });
});
