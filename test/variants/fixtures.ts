/** The seed homework with per-student values, and helpers to draw from it in tests. */
import { readFileSync } from 'node:fs';
import { parseRubric } from '../../src/rubric/load.js';
import { createVariantDrawer, type VariantDrawer } from '../../src/variants/draw.js';
import { nodeHmacSha256 } from '../../src/variants/node-hmac.js';
import { planVariants, type VariantPlan } from '../../src/variants/plan.js';

const SEED = readFileSync(new URL('../../rubrics/seed-cnn.yaml', import.meta.url), 'utf8');

export const SEED_VARIANTS = `
variants:
  values:
    i: { range: [0.05, 0.95], step: 0.05 }
    KK: { choices: [-0.5, -0.4, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.4, 0.5] }
    bb: { choices: [-0.5, -0.3, 0.3, 0.5] }
    w: { choices: [-0.5, -0.4, -0.3, -0.2, -0.1, 0.1, 0.2, 0.3, 0.4, 0.5] }
    o: { choices: [[1, 0], [0, 1]] }
    learningRate: { choices: [0.5, 0.6, 0.7, 0.8] }
  constraints:
    - { distinct: [i] }
    - { nonzero: [KK, w] }
`;

/** The seed rubric's text with a variants section (or the one given). */
export const seedVariantsText = (variants = SEED_VARIANTS): string => `${SEED}\n${variants}`;

export function seedPlan(variants = SEED_VARIANTS): VariantPlan {
  const result = planVariants(parseRubric(seedVariantsText(variants), 'seed-variants.yaml').rubric);
  if (result === null || !result.ok) throw new Error(`bad plan: ${JSON.stringify(result)}`);
  return result.plan;
}

export const seedDrawer = (variants = SEED_VARIANTS): VariantDrawer => createVariantDrawer(seedPlan(variants), nodeHmacSha256);

export const SECRET = new TextEncoder().encode('course secret for tests');
