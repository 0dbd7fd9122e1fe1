/** Rubric -> reference graph: the forward steps layer by layer, the loss, then backward steps top-down. */
import { msg } from '../i18n/index.js';
import type { PathKey, Problem } from '../rubric/problems.js';
import type { Convention, Layer, Rubric } from '../rubric/schema.js';
import { add, ln, mul, neg, num, sq, sub, type Expr } from './expr.js';
import { Builder, emptyTerms, indexedId, type Terms } from './builder.js';
import { described, LEARNING_RATE, makeGraph, sectionId, type Graph } from './graph.js';
import { checkMatrix, convSpec, denseSpec } from './layers.js';
import { LinearLayer, product } from './linear.js';
import { PoolingLayer } from './pool.js';

export interface BuildOptions {
  /** Overrides the rubric's backprop convention. */
  readonly convention?: Convention;
}

export type BuildResult = { readonly ok: true; readonly graph: Graph } | { readonly ok: false; readonly problems: Problem[] };

type Built = { kind: 'linear'; layer: LinearLayer } | { kind: 'pool'; layer: PoolingLayer } | { kind: 'flatten'; inputs: Expr[][] };

export function buildNetwork(rubric: Rubric, options: BuildOptions = {}): BuildResult {
  const convention = options.convention ?? rubric.convention;
  const builder = new Builder(convention, rubric.newSuffix);
  rubric.layers.forEach((layer, i) => {
    if (layer.kind === 'conv1d' || layer.kind === 'dense') checkMatrix(layer, ['layers', i], builder);
  });
  checkOutput(rubric, builder);
  if (builder.problems.length > 0) return { ok: false, problems: builder.problems };

  let maps: Expr[][] = [rubric.input.values.map((v, k) => builder.addParam(indexedId(rubric.input.name, k), v, ['input', 'values', k]))];
  const targets = rubric.target.values.map((v, k) => builder.addParam(indexedId(rubric.target.name, k), v, ['target', 'values', k]));
  builder.addParam(LEARNING_RATE, rubric.learningRate, ['learningRate']);

  const built: Built[] = [];
  for (const [i, layer] of rubric.layers.entries()) {
    const next = forward(layer, ['layers', i], maps, builder);
    if (next === null) return { ok: false, problems: builder.problems };
    built.push(next);
    maps = outputsOf(next, maps);
  }
  const outputs = maps.flat();
  const given = emitLoss(rubric, outputs, targets, builder);
  backward(built, rubric, outputs, targets, given, builder);
  checkStepKeys(rubric, builder);
  if (builder.problems.length > 0) return { ok: false, problems: builder.problems };
  return { ok: true, graph: makeGraph({ rubricId: rubric.id, title: rubric.title, convention }, builder.params, builder.steps) };
}

function forward(layer: Layer, path: readonly PathKey[], maps: Expr[][], builder: Builder): Built | null {
  switch (layer.kind) {
    case 'conv1d': {
      if (maps.length !== 1) {
        builder.problem(path, msg('rubric.convAfterMaps', { maps: maps.length }));
        return null;
      }
      const spec = convSpec(layer, path, maps[0]!.length, builder);
      return spec && { kind: 'linear', layer: new LinearLayer(spec, maps, builder) };
    }
    case 'dense': {
      const spec = denseSpec(layer, path, maps.flat().length, builder);
      return spec && { kind: 'linear', layer: new LinearLayer(spec, maps, builder) };
    }
    case 'avgpool':
    case 'maxpool': {
      const shortest = Math.min(...maps.map((m) => m.length));
      if (layer.size > shortest) {
        builder.problem([...path, 'size'], msg('rubric.poolTooLarge', { size: layer.size, shortest }));
        return null;
      }
      return { kind: 'pool', layer: new PoolingLayer(layer, path, maps, builder) };
    }
    case 'flatten':
      return { kind: 'flatten', inputs: maps };
  }
}

function outputsOf(built: Built, inputs: Expr[][]): Expr[][] {
  switch (built.kind) {
    case 'linear':
    case 'pool':
      return built.layer.outputs;
    case 'flatten':
      return [inputs.flat()];
  }
}

/** The loss step; returns the output deltas the loss gives directly (cross-entropy over softmax). */
function emitLoss(rubric: Rubric, outputs: Expr[], targets: Expr[], builder: Builder): Expr[] | null {
  const { loss } = rubric;
  const expr =
    loss.kind === 'cross-entropy'
      ? neg(add(...outputs.map((out, k) => mul(targets[k]!, ln(out)))))
      : product(num(loss.factor), add(...outputs.map((out, k) => sq(sub(out, targets[k]!)))));
  const description = loss.kind === 'cross-entropy' ? msg('step.crossEntropy') : msg('step.squaredError');
  builder.emit({ id: loss.step, expr, layer: 'Loss', phase: 'forward', kind: 'loss', ...described(description) }, ['loss', 'step']);
  return loss.kind === 'cross-entropy' ? outputs.map((out, k) => sub(out, targets[k]!)) : null;
}

function backward(built: Built[], rubric: Rubric, outputs: Expr[], targets: Expr[], given: Expr[] | null, builder: Builder): void {
  const { loss } = rubric;
  // Squared error: ∂loss/∂out = 2·factor·(out − target); the output layer multiplies in its derivative.
  let terms: Terms = [
    outputs.map((out, k) => (loss.kind === 'mse' ? [twice(loss.factor, sub(out, targets[k]!))] : [])),
  ];
  const lowestWithParameters = built.findIndex((b) => b.kind === 'linear');
  for (let i = built.length - 1; i >= lowestWithParameters && i >= 0; i--) {
    const layer = built[i]!;
    switch (layer.kind) {
      case 'linear':
        terms = layer.layer.backward(terms, i === built.length - 1 ? given : null);
        break;
      case 'pool':
        terms = layer.layer.backward(terms);
        break;
      case 'flatten':
        terms = splitTerms(terms, layer.inputs);
        break;
    }
  }
}

function twice(factor: number, difference: Expr): Expr {
  return 2 * factor === 1 ? difference : product(num(2 * factor), difference);
}

function splitTerms(terms: Terms, shape: Expr[][]): Terms {
  const flat = terms.flat();
  const split = emptyTerms(shape);
  let k = 0;
  for (const map of split) for (let p = 0; p < map.length; p++) map[p] = flat[k++] ?? [];
  return split;
}

/** The output layer and the loss must fit each other and the target. */
function checkOutput(rubric: Rubric, builder: Builder): void {
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
  if (top.weights.values.length !== rubric.target.values.length) {
    builder.problem(['target', 'values'], msg('rubric.targetCount', { targets: rubric.target.values.length, outputs: top.weights.values.length }));
  }
  const softmax = top.activation === 'softmax';
  if (rubric.loss.kind === 'cross-entropy' && !softmax) {
    builder.problem(['layers', last, 'activation'], msg('rubric.crossEntropyNeedsSoftmax'));
  }
  if (rubric.loss.kind === 'mse' && softmax) {
    builder.problem(['loss', 'kind'], msg('rubric.mseNotSoftmax'));
  }
}

/** Points and aliases may only name steps that exist; groups, layers or sections that exist. */
function checkStepKeys(rubric: Rubric, builder: Builder): void {
  const ids = new Set(builder.steps.map((s) => s.id));
  const check = (record: Record<string, unknown>, path: PathKey[]) => {
    for (const key of Object.keys(record)) {
      if (!ids.has(key)) builder.problem([...path, key], msg('rubric.noSuchStep', { id: key }));
    }
  };
  check(rubric.grading.points.steps, ['grading', 'points', 'steps']);
  check(rubric.aliases, ['aliases']);
  const groups = new Set(builder.steps.flatMap((s) => [s.layer, sectionId(s.layer, s.phase)]));
  for (const key of Object.keys(rubric.grading.groups)) {
    if (!groups.has(key)) builder.problem(['grading', 'groups', key], msg('rubric.noSuchGroup', { key, layer: builder.steps[0]?.layer ?? 'CC' }));
  }
}

