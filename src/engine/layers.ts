/** Rubric layers -> connection lists: which inputs and weights each unit of a conv or dense layer uses. */
import { msg } from '../i18n/index.js';
import type { PathKey } from '../rubric/problems.js';
import type { ConvLayer, DenseLayer } from '../rubric/schema.js';
import { elementId, indexedId, type Builder } from './builder.js';
import type { LinearSpec, Unit } from './linear.js';
import { poolLength } from './pool.js';

/** Problems a layer has whatever its input: ragged matrices, a bias count that fits no unit. */
export function checkMatrix(
  layer: ConvLayer | DenseLayer,
  path: readonly PathKey[],
  builder: Builder,
): void {
  const matrix = layer.kind === 'conv1d' ? layer.kernels : layer.weights;
  const key = layer.kind === 'conv1d' ? 'kernels' : 'weights';
  const width = matrix.values[0]!.length;
  matrix.values.forEach((row, n) => {
    if (row.length !== width) {
      const sizes = { n: n + 1, count: row.length, width };
      builder.problem([...path, key, 'values', n], layer.kind === 'conv1d' ? msg('rubric.raggedKernel', sizes) : msg('rubric.raggedRow', sizes));
    }
  });
  if (layer.biases && layer.biases.values.length !== matrix.values.length) {
    const [biases, units] = [layer.biases.values.length, matrix.values.length];
    const note = layer.kind === 'conv1d' ? msg('rubric.kernelBiases', { biases, kernels: units }) : msg('rubric.denseBiases', { biases, rows: units });
    builder.problem([...path, 'biases', 'values'], note);
  }
}

function registerParameters(layer: ConvLayer | DenseLayer, path: readonly PathKey[], builder: Builder, names: string[][]): string[] {
  const key = layer.kind === 'conv1d' ? 'kernels' : 'weights';
  const matrix = layer.kind === 'conv1d' ? layer.kernels : layer.weights;
  matrix.values.forEach((row, n) => row.forEach((value, m) => builder.addParam(names[n]![m]!, value, [...path, key, 'values', n, m])));
  const biases = (layer.biases?.values ?? []).map((value, n) => {
    const name = indexedId(layer.biases!.name, n);
    builder.addParam(name, value, [...path, 'biases', 'values', n]);
    return name;
  });
  return [...names.flat(), ...biases];
}

/** A conv1d layer over one sequence of `length` values, or null (with a problem) if it does not fit. */
export function convSpec(layer: ConvLayer, path: readonly PathKey[], length: number, builder: Builder): LinearSpec | null {
  const kernels = layer.kernels.values;
  const size = kernels[0]!.length;
  if (size > length) {
    builder.problem([...path, 'kernels', 'values'], msg('rubric.kernelTooLarge', { size, length }));
    return null;
  }
  const names = kernels.map((row, n) => row.map((_, m) => elementId(layer.kernels.name, n, m)));
  const parameters = registerParameters(layer, path, builder, names);
  const positions = poolLength(length, size, layer.stride);
  const units: Unit[] = [];
  kernels.forEach((_, n) => {
    for (let j = 0; j < positions; j++) {
      // True convolution reads the kernel reversed: the window's first input meets the last element.
      const connections = Array.from({ length: size }, (_, m) => ({
        input: j * layer.stride + m,
        weight: names[n]![layer.flip ? size - 1 - m : m]!,
      }));
      const bias = layer.biases ? indexedId(layer.biases.name, n) : null;
      units.push({ connections, bias, map: n, label: msg('unit.kernelWindow', { kernel: n + 1, window: j + 1 }) });
    }
  });
  return { name: layer.name, path, steps: layer.steps, activation: layer.activation, units, parameters, mapCount: kernels.length };
}

/** A dense layer over `length` inputs (all maps below, concatenated), or null with a problem. */
export function denseSpec(layer: DenseLayer, path: readonly PathKey[], length: number, builder: Builder): LinearSpec | null {
  const rows = layer.weights.values;
  const bad = rows.findIndex((row) => row.length !== length);
  if (bad >= 0) {
    builder.problem([...path, 'weights', 'values', bad], msg('rubric.rowLength', { length, count: rows[bad]!.length }));
    return null;
  }
  const names = rows.map((row, o) => row.map((_, h) => indexedId(layer.weights.name, o * length + h)));
  const parameters = registerParameters(layer, path, builder, names);
  const units: Unit[] = rows.map((row, o) => ({
    connections: row.map((_, h) => ({ input: h, weight: names[o]![h]! })),
    bias: layer.biases ? indexedId(layer.biases.name, o) : null,
    map: 0,
    label: msg('unit.dense', { unit: o + 1 }),
  }));
  return { name: layer.name, path, steps: layer.steps, activation: layer.activation, units, parameters, mapCount: 1 };
}
