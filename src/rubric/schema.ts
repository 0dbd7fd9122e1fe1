/**
 * The rubric file's shape. Validation is the schema's job; the network builder checks what only
 * shapes can tell (a kernel longer than its input, a weight matrix of the wrong size).
 */
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number' });
/** Parameter names and step prefixes become ids: keep them to letters, digits and underscores. */
const name = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, { message: 'must start with a letter and hold only letters, digits and _' });
const positiveInt = z.number().int().positive();

export const ACTIVATIONS = ['sigmoid', 'relu', 'tanh', 'identity'] as const;
export const OUTPUT_ACTIVATIONS = [...ACTIVATIONS, 'softmax'] as const;
export const CONVENTIONS = ['updated-weights', 'standard'] as const;
export const TOLERANCE_MODES = ['decimals', 'relabs', 'sigfig'] as const;
/** What a wrong step's value can be diagnosed as (src/grade/rules); the rubric may credit each. */
export const DIAGNOSIS_CODES = [
  'sign-flip',
  'convention',
  'kernel-not-flipped',
  'pool-routing',
  'activation-derivative',
  'update-direction',
  'learning-rate',
  'wrong-input',
  'rounding',
  'digit-slip',
  'decimal-shift',
  'wrong-row',
] as const;

const namedValues = z.strictObject({ name, values: z.array(finite).min(1) });
const namedMatrix = z.strictObject({ name, values: z.array(z.array(finite).min(1)).min(1) });

const paramSteps = z.strictObject({ in: name, out: name, coef: name });
const poolSteps = z.strictObject({ out: name, coef: name });

const conv1d = z.strictObject({
  kind: z.literal('conv1d'),
  name: z.string().min(1),
  steps: paramSteps,
  /** One row per kernel; element m of kernel n is named `<name><n><m>`. */
  kernels: namedMatrix,
  biases: namedValues.optional(),
  stride: positiveInt.default(1),
  /** true: true convolution (kernel reversed), as in the seed; false: cross-correlation. */
  flip: z.boolean(),
  activation: z.enum(ACTIVATIONS).default('identity'),
});

const pool = <K extends 'avgpool' | 'maxpool'>(kind: K) =>
  z.strictObject({
    kind: z.literal(kind),
    name: z.string().min(1),
    steps: poolSteps,
    size: positiveInt,
    /** Defaults to the pool size (non-overlapping windows). */
    stride: positiveInt.optional(),
  });

const flatten = z.strictObject({ kind: z.literal('flatten') });

const dense = z.strictObject({
  kind: z.literal('dense'),
  name: z.string().min(1),
  steps: paramSteps,
  /** One row per output unit; weights are named `<name>1..` row by row. */
  weights: namedMatrix,
  biases: namedValues.optional(),
  activation: z.enum(OUTPUT_ACTIVATIONS).default('identity'),
});

export const LAYER_KINDS = ['conv1d', 'avgpool', 'maxpool', 'flatten', 'dense'] as const;

const layer = z.discriminatedUnion('kind', [conv1d, pool('avgpool'), pool('maxpool'), flatten, dense], {
  error: (issue) => {
    if (issue.code !== 'invalid_union') return undefined;
    const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
    const expected = `expected one of ${LAYER_KINDS.join(', ')}`;
    return kind === undefined ? `missing (${expected})` : `unknown layer kind ${JSON.stringify(kind)}; ${expected}`;
  },
});

const loss = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('cross-entropy'), step: name.default('loss') }),
  z.strictObject({
    kind: z.literal('mse'),
    step: name.default('loss'),
    /** loss = factor · Σ (out − target)²; 0.5 is the usual hand-computation choice. */
    factor: z.number().positive().default(0.5),
  }),
]);

const tolerance = z.strictObject({
  mode: z.enum(TOLERANCE_MODES).default('decimals'),
  /** Absolute floor added to every tolerance. */
  atol: z.number().nonnegative().default(1e-9),
  rtol: z.number().nonnegative().default(0),
  /** Significant figures asked for, in sigfig mode. */
  sigfigs: positiveInt.optional(),
});

const grading = z.strictObject({
  /** Decimals the homework asks for; a coarser answer is read at this precision at best. */
  decimals: z.number().int().min(0).max(12).default(3),
  tolerance: tolerance.default({ mode: 'decimals', atol: 1e-9, rtol: 0 }),
  /** Share of a step's points given for follow-through (correct from the student's own inputs). */
  followThrough: z.number().min(0).max(1).default(1),
  points: z
    .strictObject({
      default: z.number().nonnegative().default(1),
      /** Points per step id, overriding the default. */
      steps: z.record(z.string(), z.number().nonnegative()).default({}),
    })
    .default({ default: 1, steps: {} }),
  /**
   * Settings for a group of steps, keyed by section (`CC · backward`) or layer (`CC`, both phases):
   * decimals asked for, tolerance, points per step. The section's entry wins over the layer's.
   */
  groups: z
    .record(
      z.string(),
      z.strictObject({
        decimals: z.number().int().min(0).max(12).optional(),
        tolerance: z
          .strictObject({
            mode: z.enum(TOLERANCE_MODES).optional(),
            atol: z.number().nonnegative().optional(),
            rtol: z.number().nonnegative().optional(),
            sigfigs: positiveInt.optional(),
          })
          .optional(),
        points: z.number().nonnegative().optional(),
      }),
    )
    .default({}),
  /** Share of a step's points given when a diagnosis code explains the mistake, e.g. rounding: 0.5. */
  diagnosisCredit: z.partialRecord(z.enum(DIAGNOSIS_CODES), z.number().min(0).max(1)).default({}),
});

const feedback = z.strictObject({
  /** Whether students see expected values (self-check, their report). */
  revealExpected: z.boolean().default(false),
});

export const rubricSchema = z.strictObject({
  /** Names the rubric in gradebooks and JSON: letters, digits, `.`, `_` and `-`. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: 'must hold only letters, digits, ., _ and -' }),
  title: z.string().min(1),
  convention: z.enum(CONVENTIONS),
  learningRate: z.number().positive(),
  input: namedValues,
  target: namedValues,
  layers: z.array(layer).min(1),
  loss,
  /** The updated value of parameter p is the step `p<newSuffix>`. */
  newSuffix: z.string().regex(/^[A-Za-z0-9_]+$/).default('_new'),
  grading: grading.default(grading.parse({})),
  feedback: feedback.default({ revealExpected: false }),
  /** The sheet students fill in: `formulas: true` adds each step's formula (it gives the derivation away). */
  template: z.strictObject({ formulas: z.boolean().default(false) }).default({ formulas: false }),
  /** Extra labels students may use for a step: `{ w1_new: ["w1'"] }`. */
  aliases: z.record(z.string(), z.array(z.string())).default({}),
});

export type Rubric = z.infer<typeof rubricSchema>;
export type Layer = Rubric['layers'][number];
export type LayerKind = Layer['kind'];
export type Activation = (typeof OUTPUT_ACTIVATIONS)[number];
export type Convention = (typeof CONVENTIONS)[number];
export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number];
export type ConvLayer = Extract<Layer, { kind: 'conv1d' }>;
export type DenseLayer = Extract<Layer, { kind: 'dense' }>;
export type PoolLayer = Extract<Layer, { kind: 'avgpool' | 'maxpool' }>;
