/**
 * The rubric's `variants:` section: which given values each student draws for themselves.
 *
 * ```yaml
 * variants:
 *   values:
 *     i: { range: [0.1, 0.9], step: 0.1 }        # every input i1..i6, each drawn on its own
 *     KK12: { choices: [0.1, 0.2, 0.3] }         # one kernel element
 *     o: { choices: [[1, 0], [0, 1]] }           # the whole target vector at once
 *     learningRate: { choices: [0.5, 0.6, 0.7] }
 *   constraints:
 *     - { distinct: [i] }                        # no two inputs alike
 *     - { nonzero: [KK, w] }
 *   margin: 3                                    # units of the asked decimals (max-pool, ReLU checks)
 *   maxDraws: 1000
 * ```
 *
 * Keys name a group (the `name` of an input, target, kernels, weights or biases: every element
 * of it), one element (`KK12`, `w3`), or `learningRate`; an element's own entry wins over its
 * group's. Which names exist is checked against the rubric when variants are drawn.
 */
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });

const range = z
  .strictObject({
    /** [lowest, highest], both included. */
    range: z.tuple([finite, finite]),
    step: z.number().positive(),
  })
  .refine((r) => r.range[0] <= r.range[1], { message: 'the range must go from the lowest value to the highest' })
  .refine((r) => (r.range[1] - r.range[0]) / r.step <= 100_000, { message: 'the step is too small for the range (over 100000 values)' });

const choices = z.strictObject({
  /** Numbers (each element drawn on its own) or, for a group, whole lists of its length. */
  choices: z.union([z.array(finite).min(1), z.array(z.array(finite).min(1)).min(1)]),
});

export const LEARNING_RATE_KEY = 'learningRate';

const names = z.array(z.string().min(1)).min(1);

const constraint = z.union([
  /** Every value named (groups expand to their elements) differs from every other. */
  z.strictObject({ distinct: names }),
  /** No value named is 0. */
  z.strictObject({ nonzero: names }),
]);

export const variantsSchema = z.strictObject({
  values: z.record(z.string(), z.union([range, choices])).refine((v) => Object.keys(v).length > 0, { message: 'name at least one value to vary' }),
  constraints: z.array(constraint).default([]),
  /** How close (in units of the asked decimals) a max-pool runner-up or a ReLU pre-activation may come. */
  margin: z.number().nonnegative().default(3),
  /** Draws tried per student before giving up (a sign that the ranges cannot make good homework). */
  maxDraws: z.number().int().positive().max(100_000).default(1000),
});

export type VariantsSpec = z.infer<typeof variantsSchema>;
export type ValueSpec = VariantsSpec['values'][string];
export type Constraint = VariantsSpec['constraints'][number];
