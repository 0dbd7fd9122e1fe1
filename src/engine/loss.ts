/** The loss of each sample, the batch's loss, and the deltas the loss gives the output layer. */
import type { PathKey } from '../rubric/problems.js';
import type { Rubric } from '../rubric/schema.js';
import { add, div, ln, mul, neg, num, sq, sub, type Expr } from './expr.js';
import type { Builder, Terms } from './builder.js';
import { product } from './linear.js';
import { msg, type Message } from '../i18n/index.js';
import { described } from './graph.js';

export interface Sample {
  readonly input: NonNullable<Rubric['input']>;
  readonly target: { readonly name: string; readonly values: readonly number[] };
  /** `_s2`, or '' for a rubric with one input. */
  readonly suffix: string;
  /** Where the sample is in the rubric: `[]` (top-level input/target) or `['samples', 1]`. */
  readonly path: readonly PathKey[];
}

const DESCRIPTIONS: Record<Rubric['loss']['kind'], Message> = {
  'cross-entropy': msg('step.crossEntropy'),
  'binary-cross-entropy': msg('step.binaryCrossEntropy'),
  mse: msg('step.squaredError'),
};

function lossOf(loss: Rubric['loss'], outputs: readonly Expr[], targets: readonly Expr[]): Expr {
  switch (loss.kind) {
    case 'cross-entropy':
      return neg(add(...outputs.map((out, k) => mul(targets[k]!, ln(out)))));
    case 'binary-cross-entropy':
      return neg(add(...outputs.map((out, k) => add(mul(targets[k]!, ln(out)), mul(sub(num(1), targets[k]!), ln(sub(num(1), out)))))));
    case 'mse':
      return product(num(loss.factor), add(...outputs.map((out, k) => sq(sub(out, targets[k]!)))));
  }
}

/**
 * Emits each sample's loss (`loss_s1`, …) and, for a batch, the batch's loss (`loss`: their mean
 * or sum). Returns, per sample, the delta terms at the outputs (squared error: 2·factor·(out −
 * target), which the output layer multiplies by its derivative) or the deltas at the output
 * pre-activations given directly (cross-entropy over softmax and binary cross-entropy over
 * sigmoid: out − target).
 */
export function lossTerms(rubric: Rubric, outputs: readonly Expr[][], targets: readonly Expr[][], builder: Builder): { atOutputs: Terms[]; given: Expr[][] | null } {
  const { loss } = rubric;
  const batch = outputs.length > 1 || rubric.samples !== undefined;
  const perSample = outputs.map((out, s) => {
    const id = loss.step + builder.suffixes[s]!;
    const description = batch ? msg('step.lossSample', { loss: DESCRIPTIONS[loss.kind], sample: s + 1 }) : DESCRIPTIONS[loss.kind];
    return builder.emit({ id, expr: lossOf(loss, out, targets[s]!), layer: 'Loss', phase: 'forward', kind: 'loss', ...described(description) }, ['loss', 'step']);
  });
  if (batch) {
    const total = add(...perSample);
    const expr = rubric.batch === 'mean' && perSample.length > 1 ? div(total, num(perSample.length)) : total;
    const description = msg('step.lossBatch', { loss: DESCRIPTIONS[loss.kind], mean: rubric.batch === 'mean' });
    builder.emit({ id: loss.step, expr, layer: 'Loss', phase: 'forward', kind: 'loss', ...described(description) }, ['loss', 'step']);
  }
  const difference = (s: number) => outputs[s]!.map((out, k) => sub(out, targets[s]![k]!));
  if (loss.kind !== 'mse') return { atOutputs: outputs.map((out) => [out.map(() => [])]), given: outputs.map((_, s) => difference(s)) };
  const twice = (d: Expr) => (2 * loss.factor === 1 ? d : product(num(2 * loss.factor), d));
  return { atOutputs: outputs.map((_, s) => [difference(s).map((d) => [twice(d)])]), given: null };
}

/** The output layer, the loss and every sample's target must fit each other. */
export function checkOutput(rubric: Rubric, samples: readonly Sample[], builder: Builder): void {
  const last = rubric.layers.length - 1;
  const top = rubric.layers[last]!;
  rubric.layers.forEach((layer, i) => {
    if (layer.kind === 'dense' && layer.activation === 'softmax' && i !== last) {
      builder.problem(['layers', i, 'activation'], msg('rubric.softmaxNotLast'));
    }
  });
  if (top.kind !== 'dense') {
    builder.problem(['layers', last, 'kind'], msg('rubric.lastNotDense'));
    return;
  }
  for (const sample of samples) checkTarget(rubric, sample, top.weights.values.length, builder);
  const { kind } = rubric.loss;
  if (kind === 'cross-entropy' && top.activation !== 'softmax') {
    builder.problem(['layers', last, 'activation'], msg('rubric.crossEntropyNeedsSoftmax'));
  }
  if (kind === 'binary-cross-entropy' && top.activation !== 'sigmoid') {
    builder.problem(['layers', last, 'activation'], msg('rubric.binaryCrossEntropyNeedsSigmoid'));
  }
  if (kind === 'mse' && top.activation === 'softmax') {
    builder.problem(['loss', 'kind'], msg('rubric.mseNotSoftmax'));
  }
}

function checkTarget(rubric: Rubric, sample: Sample, outputs: number, builder: Builder): void {
  const path = [...sample.path, 'target', 'values'];
  const { values } = sample.target;
  if (values.length !== outputs) {
    builder.problem(path, msg('rubric.targetCount', { targets: values.length, outputs }));
    return;
  }
  if (rubric.loss.kind === 'cross-entropy') {
    const sum = values.reduce((a, b) => a + b, 0);
    if (values.some((v) => v < 0) || Math.abs(sum - 1) > 1e-9) {
      builder.problem(path, msg('rubric.targetNotProbabilities', { target: values, sum }));
    }
  }
  if (rubric.loss.kind === 'binary-cross-entropy' && values.some((v) => v < 0 || v > 1)) {
    builder.problem(path, msg('rubric.targetOutsideUnit', { target: values }));
  }
}

