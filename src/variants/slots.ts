/**
 * The given values of a rubric a variant may change, each by the name the engine gives it
 * (`i3`, `KK12`, `w5`, `bb1`, `learningRate`), grouped by the name of its vector or matrix, and
 * a rubric with some of them replaced.
 */
import { elementId, indexedId } from '../engine/builder.js';
import type { Rubric } from '../rubric/schema.js';
import { LEARNING_RATE_KEY } from './schema.js';

export interface Slot {
  /** The engine's parameter name (`KK12`), or `learningRate`. */
  readonly name: string;
  /** The vector or matrix it belongs to (`KK`), or `learningRate`. */
  readonly group: string;
  readonly value: number;
}

/** Every value a variant may draw, in rubric order: the learning rate, inputs, targets, then each layer's. */
export function slotsOf(rubric: Rubric): Slot[] {
  const slots: Slot[] = [{ name: LEARNING_RATE_KEY, group: LEARNING_RATE_KEY, value: rubric.learningRate }];
  // Only flat vectors vary for now: nested (2-D) inputs and `samples` keep the rubric's values.
  const vector = (group: string, values: readonly unknown[]) =>
    values.forEach((value, k) => typeof value === 'number' && slots.push({ name: indexedId(group, k), group, value }));
  if (rubric.input) vector(rubric.input.name, rubric.input.values);
  if (rubric.target) vector(rubric.target.name, rubric.target.values);
  for (const layer of rubric.layers) {
    if (layer.kind === 'conv1d') {
      // A conv1d kernel is a row of numbers (nested kernels belong to other layer kinds).
      (layer.kernels.values as unknown as number[][]).forEach((row, n) => row.forEach((value, m) => slots.push({ name: elementId(layer.kernels.name, n, m), group: layer.kernels.name, value })));
    } else if (layer.kind === 'dense') {
      const width = layer.weights.values[0]?.length ?? 0;
      layer.weights.values.forEach((row, o) => row.forEach((value, h) => slots.push({ name: indexedId(layer.weights.name, o * width + h), group: layer.weights.name, value })));
    } else continue; // pooling and flatten hold no values; a layer kind added later varies nothing until named here
    if (layer.biases) vector(layer.biases.name, layer.biases.values);
  }
  return slots;
}

/** `rubric` with the values named in `values` replaced (others kept); the `variants:` section stays. */
export function withValues(rubric: Rubric, values: ReadonlyMap<string, number>): Rubric {
  const pick = (name: string, value: number) => values.get(name) ?? value;
  const vector = <V extends { name: string; values: unknown[] }>(v: V): V =>
    ({ ...v, values: v.values.map((x, k) => (typeof x === 'number' ? pick(indexedId(v.name, k), x) : x)) });
  return {
    ...rubric,
    learningRate: pick(LEARNING_RATE_KEY, rubric.learningRate),
    ...(rubric.input ? { input: vector(rubric.input) } : {}),
    ...(rubric.target ? { target: vector(rubric.target) } : {}),
    layers: rubric.layers.map((layer) => {
      const biases = 'biases' in layer && layer.biases ? { biases: vector(layer.biases) } : {};
      if (layer.kind === 'conv1d') {
        const kernels = { ...layer.kernels, values: (layer.kernels.values as unknown as number[][]).map((row, n) => row.map((x, m) => pick(elementId(layer.kernels.name, n, m), x))) } as typeof layer.kernels;
        return { ...layer, kernels, ...biases };
      }
      if (layer.kind === 'dense') {
        const width = layer.weights.values[0]?.length ?? 0;
        const weights = { ...layer.weights, values: layer.weights.values.map((row, o) => row.map((x, h) => pick(indexedId(layer.weights.name, o * width + h), x))) };
        return { ...layer, weights, ...biases };
      }
      return layer;
    }),
  };
}
