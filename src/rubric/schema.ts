/**
 * The rubric file's shape. Validation is the schema's job; the network builder checks what only
 * shapes can tell (a kernel longer than its input, a weight matrix of the wrong size).
 */
import { english, msg } from '../i18n/index.js';
import { LANGUAGES, TERM_KEYS } from '../i18n/types.js';
import { z } from 'zod';
import { variantsSchema } from '../variants/schema.js';
import { CONVENTIONS } from './conventions.js';

/**
 * The largest magnitude a number in a rubric may have. Hand-computed homework uses small numbers;
 * anything near float64's range overflows to ∞ or NaN a few steps later (1e308 · 10), which would
 * then be printed and graded as if it were a value.
 */
export const MAX_MAGNITUDE = 1e6;
const MAGNITUDE = msg('rubric.magnitude', { limit: MAX_MAGNITUDE.toExponential() });
const NESTED = msg('rubric.expectedNested');
const PAIR = msg('rubric.expectedPair');
const NUMBER = msg('rubric.expectedNumber');
/** The schema's own messages (zod holds them in English; the loader says them again from these). */
export const SCHEMA_NOTES = [MAGNITUDE, NESTED, PAIR, NUMBER] as const;
const MAGNITUDE_MESSAGE = english(MAGNITUDE);
const finite = z.number({ error: english(NUMBER) }).min(-MAX_MAGNITUDE, { error: MAGNITUDE_MESSAGE }).max(MAX_MAGNITUDE, { error: MAGNITUDE_MESSAGE });
/** A non-negative number of sane magnitude (points, tolerances). */
const amount = z.number().nonnegative().max(MAX_MAGNITUDE, { error: MAGNITUDE_MESSAGE });
/** Parameter names and step prefixes become ids: keep them to letters, digits and underscores. */
const name = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, { message: english(msg('rubric.name')) });
const positiveInt = z.number().int().positive();

export const ACTIVATIONS = ['sigmoid', 'relu', 'tanh', 'identity', 'leaky-relu'] as const;
export const OUTPUT_ACTIVATIONS = [...ACTIVATIONS, 'softmax'] as const;
// Kept apart, so that the command line lists the conventions without loading zod.
export { CONVENTIONS } from './conventions.js';
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
  'padding',
  'wrong-row',
] as const;

/** A number, or a list of (lists of) numbers: a sequence, a grid, channels of grids; shapes are checked by the builder. */
export type Nested = number | Nested[];
const nested: z.ZodType<Nested> = z.lazy(() =>
  z.union([finite, z.array(nested).min(1)], {
    error: (issue) => (typeof issue.input === 'number' ? MAGNITUDE_MESSAGE : english(NESTED)),
  }),
);

const namedValues = z.strictObject({ name, values: z.array(finite).min(1) });
/** `input.values`: a sequence, an H×W grid, or channels × H × W. */
const inputValues = z.strictObject({ name, values: z.array(nested).min(1) });

/** `update: false` freezes a parameter block: no `_new` step, and deltas read the values as given. */
const update = z.boolean().default(true);
/** `from: 5` numbers the block's parameters from 5 (`w5..`), so a second layer can continue the first. */
const from = positiveInt.default(1);

const weights = z.strictObject({ name, values: z.array(z.array(finite).min(1)).min(1), update, from });
const kernels = z.strictObject({ name, values: z.array(nested).min(1), update });
const biases = z.strictObject({
  name,
  values: z.array(finite).min(1),
  update,
  from,
  /** One bias for the whole layer (give one value) instead of one per unit or kernel. */
  shared: z.boolean().default(false),
});

const paramSteps = z.strictObject({ in: name, out: name, coef: name });
const poolSteps = z.strictObject({ out: name, coef: name });
/** `n`, or `[rows, columns]` for 2-D maps. */
const pair = <T extends z.ZodNumber>(n: T) => z.union([n, z.tuple([n, n])], { error: english(PAIR) });
/** leaky-relu: f(x) = x for x > 0, slope·x otherwise. */
const slope = z.number().min(0).lt(1).default(0.01);

const conv1d = z.strictObject({
  kind: z.literal('conv1d'),
  name: z.string().min(1),
  steps: paramSteps,
  /** One row per kernel (`KK12`), or kernel → channel → elements over several maps (`k1_2_3`). */
  kernels,
  biases: biases.optional(),
  stride: positiveInt.default(1),
  /** Zeros added at both ends of the sequence. */
  padding: z.number().int().nonnegative().default(0),
  /** true: true convolution (kernel reversed), as in the seed; false: cross-correlation. */
  flip: z.boolean(),
  activation: z.enum(ACTIVATIONS).default('identity'),
  slope,
});

const conv2d = z.strictObject({
  kind: z.literal('conv2d'),
  name: z.string().min(1),
  steps: paramSteps,
  /** kernel → rows → columns (`k1_2_3`), or kernel → channel → rows → columns over several maps (`k1_2_1_3`). */
  kernels,
  biases: biases.optional(),
  stride: pair(positiveInt).default(1),
  /** Rows and columns of zeros added on every side. */
  padding: pair(z.number().int().nonnegative()).default(0),
  flip: z.boolean(),
  activation: z.enum(ACTIVATIONS).default('identity'),
  slope,
});

const pool = <K extends 'avgpool' | 'maxpool'>(kind: K) =>
  z.strictObject({
    kind: z.literal(kind),
    name: z.string().min(1),
    steps: poolSteps,
    /** `n`, or `[rows, columns]` over 2-D maps. */
    size: pair(positiveInt),
    /** Defaults to the pool size (non-overlapping windows). */
    stride: pair(positiveInt).optional(),
  });

const flatten = z.strictObject({ kind: z.literal('flatten') });

const dense = z.strictObject({
  kind: z.literal('dense'),
  name: z.string().min(1),
  steps: paramSteps,
  /** One row per output unit; weights are named `<name><from>..` row by row. */
  weights,
  biases: biases.optional(),
  activation: z.enum(OUTPUT_ACTIVATIONS).default('identity'),
  slope,
});

export const LAYER_KINDS = ['conv1d', 'conv2d', 'avgpool', 'maxpool', 'flatten', 'dense'] as const;

/** What is wrong with a layer's `kind` (missing, or none of LAYER_KINDS). */
export const layerKindMessage = (kind: unknown) =>
  kind === undefined ? msg('rubric.layerKindMissing', { kinds: LAYER_KINDS }) : msg('rubric.layerKindUnknown', { kind: JSON.stringify(kind), kinds: LAYER_KINDS });

const layer = z.discriminatedUnion('kind', [conv1d, conv2d, pool('avgpool'), pool('maxpool'), flatten, dense], {
  error: (issue) => {
    if (issue.code !== 'invalid_union') return undefined;
    const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
    return english(layerKindMessage(kind));
  },
});

const loss = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('cross-entropy'), step: name.default('loss') }),
  /** −Σ [t·ln(out) + (1 − t)·ln(1 − out)] over sigmoid outputs. */
  z.strictObject({ kind: z.literal('binary-cross-entropy'), step: name.default('loss') }),
  z.strictObject({
    kind: z.literal('mse'),
    step: name.default('loss'),
    /** loss = factor · Σ (out − target)²; 0.5 is the usual hand-computation choice. */
    factor: z.number().positive().max(MAX_MAGNITUDE, { error: MAGNITUDE_MESSAGE }).default(0.5),
  }),
]);

const tolerance = z.strictObject({
  mode: z.enum(TOLERANCE_MODES).default('decimals'),
  /** Absolute floor added to every tolerance. */
  atol: amount.default(1e-9),
  rtol: amount.default(0),
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
      default: amount.default(1),
      /** Points per step id, overriding the default. */
      steps: z.record(z.string(), amount).default({}),
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
            atol: amount.optional(),
            rtol: amount.optional(),
            sigfigs: positiveInt.optional(),
          })
          .optional(),
        points: amount.optional(),
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

const termWords = z.partialRecord(z.enum(TERM_KEYS), z.string().trim().min(1));

export const rubricSchema = z.strictObject({
  /** Names the rubric in gradebooks and JSON: letters, digits, `.`, `_` and `-`. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: english(msg('rubric.id')) }),
  title: z.string().min(1),
  convention: z.enum(CONVENTIONS),
  learningRate: z.number().positive().max(MAX_MAGNITUDE, { error: MAGNITUDE_MESSAGE }),
  /** One sample: `input` and `target`; or a batch: `samples` (each `{ input, target }`) and `batch`. */
  input: inputValues.optional(),
  target: namedValues.optional(),
  samples: z.array(z.strictObject({ input: inputValues, target: namedValues })).min(1).optional(),
  /** How a batch's gradients combine: their mean (default) or their sum. */
  batch: z.enum(['mean', 'sum']).default('mean'),
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
  /** The title in other languages, for reports in them: `{ zh-CN: 作业 1 … }`. */
  titles: z.partialRecord(z.enum(LANGUAGES), z.string().trim().min(1)).default({}),
  /** The language reports speak unless `--lang` says otherwise: `zh-CN` or `en`. */
  language: z.enum(LANGUAGES).optional(),
  /**
   * The course's own words: `{ delta: 误差项, coef: coef }` in the rubric's `language` (in every
   * language when it names none), or per language: `{ zh-CN: { delta: 误差项 }, en: { delta: coef } }`.
   */
  terms: z.union([termWords, z.partialRecord(z.enum(LANGUAGES), termWords)]).default({}),
  /** Per-student values (src/variants/schema.ts); absent: every student computes the same numbers. */
  variants: variantsSchema.optional(),
});

export type Rubric = z.infer<typeof rubricSchema>;
export type Layer = Rubric['layers'][number];
export type LayerKind = Layer['kind'];
export type Activation = (typeof OUTPUT_ACTIVATIONS)[number];
export type Convention = (typeof CONVENTIONS)[number];
export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number];
export type ConvLayer = Extract<Layer, { kind: 'conv1d' | 'conv2d' }>;
export type DenseLayer = Extract<Layer, { kind: 'dense' }>;
export type PoolLayer = Extract<Layer, { kind: 'avgpool' | 'maxpool' }>;
