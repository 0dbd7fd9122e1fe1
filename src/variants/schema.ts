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
import { english, msg } from '../i18n/index.js';

/** More values than this in one range is a step mistyped (0.0001 for 0.1), not homework. */
export const MAX_RANGE_VALUES = 100_000;
const FINITE = msg('rubric.finite');
const RANGE_ORDER = msg('variants.schema.rangeOrder');
const TOO_MANY = msg('variants.schema.tooManyValues', { most: MAX_RANGE_VALUES });
const NO_VALUES = msg('variants.schema.noValues');
const VALUE_SPEC = msg('variants.schema.valueSpec');
const CONSTRAINT = msg('variants.schema.constraint');
/** The section's own messages (zod holds them in English; the rubric loader says them again from these). */
export const VARIANTS_SCHEMA_NOTES = [FINITE, RANGE_ORDER, TOO_MANY, NO_VALUES, VALUE_SPEC, CONSTRAINT] as const;

const finite = z.number().refine(Number.isFinite, { message: english(FINITE) });

const range = z
  .strictObject({
    /** [lowest, highest], both included. */
    range: z.tuple([finite, finite]),
    step: z.number().positive(),
  })
  .refine((r) => r.range[0] <= r.range[1], { message: english(RANGE_ORDER) })
  // A step that is not positive is said by `step` itself.
  .refine((r) => !(r.step > 0) || (r.range[1] - r.range[0]) / r.step <= MAX_RANGE_VALUES, { message: english(TOO_MANY) });

const choices = z.strictObject({
  /** Numbers (each element drawn on its own) or, for a group, whole lists of its length. */
  choices: z.union([z.array(finite).min(1), z.array(z.array(finite).min(1)).min(1)]),
});

export const LEARNING_RATE_KEY = 'learningRate';

const names = z.array(z.string().min(1)).min(1);

const constraint = z.union(
  [
    /** Every value named (groups expand to their elements) differs from every other. */
    z.strictObject({ distinct: names }),
    /** No value named is 0. */
    z.strictObject({ nonzero: names }),
  ],
  { error: english(CONSTRAINT) },
);

export const variantsSchema = z.strictObject({
  values: z
    .record(z.string(), z.union([range, choices], { error: english(VALUE_SPEC) }))
    .refine((v) => Object.keys(v).length > 0, { message: english(NO_VALUES) }),
  constraints: z.array(constraint).default([]),
  /** How close (in units of the asked decimals) a max-pool runner-up or a ReLU pre-activation may come. */
  margin: z.number().nonnegative().default(3),
  /** Draws tried per student before giving up (a sign that the ranges cannot make good homework). */
  maxDraws: z.number().int().positive().max(100_000).default(1000),
});

export type VariantsSpec = z.infer<typeof variantsSchema>;
export type ValueSpec = VariantsSpec['values'][string];
export type Constraint = VariantsSpec['constraints'][number];
