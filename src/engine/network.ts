/** Rubric -> reference graph: the forward steps layer by layer, the loss, then backward steps top-down. */
import { msg } from '../i18n/index.js';
import type { PathKey, Problem } from '../rubric/problems.js';
import type { Convention, Layer, Rubric } from '../rubric/schema.js';
import type { Expr } from './expr.js';
import { Builder, type Terms } from './builder.js';
import { LEARNING_RATE, makeGraph, sectionId, type Graph, type Step } from './graph.js';
import { gridId, indexedId, sampleSuffix } from './ids.js';
import { evaluateGraph } from './evaluate.js';
import { checkMatrix, convSpec, denseSpec, leavesOf, shapeOf } from './layers.js';
import { LinearLayer } from './linear.js';
import { checkOutput, lossTerms, type Sample } from './loss.js';
import { poolGeometry, PoolingLayer } from './pool.js';
import type { Tensor } from './tensor.js';

export interface BuildOptions {
  /** Overrides the rubric's backprop convention. */
  readonly convention?: Convention;
}

export type BuildResult = { readonly ok: true; readonly graph: Graph } | { readonly ok: false; readonly problems: Problem[] };

type Built = { kind: 'linear'; layer: LinearLayer } | { kind: 'pool'; layer: PoolingLayer } | { kind: 'flatten'; inputs: Tensor[] };

export function buildNetwork(rubric: Rubric, options: BuildOptions = {}): BuildResult {
  const convention = options.convention ?? rubric.convention;
  const builder = new Builder(convention, rubric.newSuffix);
  rubric.layers.forEach((layer, i) => {
    if (layer.kind !== 'flatten' && layer.kind !== 'avgpool' && layer.kind !== 'maxpool') checkMatrix(layer, ['layers', i], builder);
  });
  const samples = samplesOf(rubric, builder);
  if (samples !== null) checkOutput(rubric, samples, builder);
  if (builder.problems.length > 0 || samples === null) return { ok: false, problems: builder.problems };
  builder.suffixes = samples.map((sample) => sample.suffix);
  builder.batch = rubric.batch;

  let tensors = samples.map((sample) => inputTensor(sample, builder));
  const targets = samples.map((sample) =>
    sample.target.values.map((v, k) => builder.addParam(indexedId(sample.target.name, k) + sample.suffix, v, [...sample.path, 'target', 'values', k])),
  );
  builder.addParam(LEARNING_RATE, rubric.learningRate, ['learningRate']);

  const built: Built[] = [];
  for (const [i, layer] of rubric.layers.entries()) {
    const next = forward(layer, ['layers', i], tensors, builder);
    if (next === null) return { ok: false, problems: builder.problems };
    built.push(next);
    tensors = outputsOf(next);
  }
  const outputs = tensors.map((tensor) => tensor.maps.flat());
  const { atOutputs, given } = lossTerms(rubric, outputs, targets, builder);
  backward(built, atOutputs, given);
  checkStepKeys(rubric, builder);
  if (builder.problems.length > 0) return { ok: false, problems: builder.problems };
  const graph = makeGraph({ rubricId: rubric.id, title: rubric.title, convention }, builder.params, builder.steps);
  checkFinite(graph, builder);
  if (builder.problems.length > 0) return { ok: false, problems: builder.problems };
  return { ok: true, graph };
}

/**
 * Every reference value must be a number: numbers within the schema's bounds can still overflow
 * (a softmax output that rounds to 0 makes ln infinite), and an ∞ or NaN would be printed and
 * graded as if it were a value. The first step that is not finite is reported, at its layer.
 */
function checkFinite(graph: Graph, builder: Builder): void {
  const values = evaluateGraph(graph);
  const step = graph.steps.find((s) => !Number.isFinite(values.get(s.id)));
  if (step === undefined) return;
  const value = values.get(step.id)!;
  const shown = Number.isNaN(value) ? 'nan' : value > 0 ? 'infinity' : '-infinity';
  builder.problem(builder.ownerOf(step.id), msg('rubric.notFinite', { step: step.id, value: shown }));
}

/**
 * The forward steps of the layers that build, up to the first that does not: enough to compare a
 * layer's pre-activations under another reading of the rubric (another padding) even when the
 * layers above would no longer fit its output.
 */
export function buildForward(rubric: Rubric, options: BuildOptions = {}): readonly Step[] {
  const builder = new Builder(options.convention ?? rubric.convention, rubric.newSuffix);
  const samples = samplesOf(rubric, builder);
  if (samples === null) return [];
  builder.suffixes = samples.map((sample) => sample.suffix);
  let tensors = samples.map((sample) => inputTensor(sample, builder));
  for (const [i, layer] of rubric.layers.entries()) {
    const next = forward(layer, ['layers', i], tensors, builder);
    if (next === null) break;
    tensors = outputsOf(next);
  }
  return builder.steps;
}

/** `input`/`target`, or each of `samples` with its id suffix; null (with problems) when neither or both are given. */
function samplesOf(rubric: Rubric, builder: Builder): Sample[] | null {
  const { input, target, samples } = rubric;
  if (samples !== undefined) {
    if (input !== undefined || target !== undefined) {
      builder.problem([input !== undefined ? 'input' : 'target'], msg('rubric.inputAndSamples'));
      return null;
    }
    return samples.map((sample, s) => ({ ...sample, suffix: sampleSuffix(s), path: ['samples', s] }));
  }
  if (input === undefined || target === undefined) {
    builder.problem([input === undefined ? 'input' : 'target'], msg('rubric.noInput'));
    return null;
  }
  return [{ input, target, suffix: '', path: [] }];
}

/** A sample's input values as maps: a sequence, an H×W grid, or channels × H × W. */
function inputTensor(sample: Sample, builder: Builder): Tensor {
  const path: PathKey[] = [...sample.path, 'input', 'values'];
  const shape = shapeOf(sample.input.values, path);
  if (!('dims' in shape)) {
    builder.problem(shape.path, shape.note);
    return { dims: [0], maps: [[]] };
  }
  const { dims } = shape;
  if (dims.length > 3) {
    builder.problem(path, msg('rubric.inputDepth', { depth: dims.length }));
    return { dims: [0], maps: [[]] };
  }
  const leaves = leavesOf(sample.input.values, path);
  const mapDims = dims.length === 3 ? dims.slice(1) : dims;
  const mapSize = mapDims.reduce((a, b) => a * b, 1);
  const maps: Expr[][] = Array.from({ length: dims.length === 3 ? dims[0]! : 1 }, () => []);
  leaves.forEach((leaf, k) => {
    const map = Math.floor(k / mapSize);
    const within = k % mapSize;
    const id = mapDims.length === 1
      ? indexedId(sample.input.name, within)
      : gridId(sample.input.name, map, Math.floor(within / mapDims[1]!), within % mapDims[1]!);
    maps[map]!.push(builder.addParam(id + sample.suffix, leaf.value, leaf.path));
  });
  return { dims: mapDims, maps };
}

function forward(layer: Layer, path: readonly PathKey[], inputs: Tensor[], builder: Builder): Built | null {
  const [first] = inputs;
  if (first === undefined || first.maps[0]!.length === 0) return null;
  switch (layer.kind) {
    case 'conv1d':
    case 'conv2d': {
      const spec = convSpec(layer, path, first, builder);
      return spec && { kind: 'linear', layer: new LinearLayer(spec, inputs, builder) };
    }
    case 'dense': {
      const spec = denseSpec(layer, path, first.maps.length * first.maps[0]!.length, builder);
      return spec && { kind: 'linear', layer: new LinearLayer(spec, inputs, builder) };
    }
    case 'avgpool':
    case 'maxpool': {
      const geometry = poolGeometry(layer, path, first.dims, builder);
      return geometry && { kind: 'pool', layer: new PoolingLayer(layer, path, inputs, geometry, builder) };
    }
    case 'flatten':
      return { kind: 'flatten', inputs };
  }
}

function outputsOf(built: Built): Tensor[] {
  switch (built.kind) {
    case 'linear':
    case 'pool':
      return built.layer.outputs;
    case 'flatten':
      // Map by map, row by row.
      return built.inputs.map((tensor) => ({ dims: [tensor.maps.length * tensor.maps[0]!.length], maps: [tensor.maps.flat()] }));
  }
}

function backward(built: Built[], atOutputs: Terms[], given: Expr[][] | null): void {
  let terms = atOutputs;
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
        terms = terms.map((sampleTerms, s) => unflatten(sampleTerms, layer.inputs[s]!));
        break;
    }
  }
}

function unflatten(terms: Terms, shape: Tensor): Terms {
  const flat = terms.flat();
  const size = shape.maps[0]!.length;
  return shape.maps.map((_, m) => Array.from({ length: size }, (_, p) => flat[m * size + p] ?? []));
}

/** Points and aliases may only name steps that exist; groups, layers or sections that exist. */
function checkStepKeys(rubric: Rubric, builder: Builder): void {
  const { points, groups: named } = rubric.grading;
  if (Object.keys(points.steps).length + Object.keys(rubric.aliases).length + Object.keys(named).length === 0) return;
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

