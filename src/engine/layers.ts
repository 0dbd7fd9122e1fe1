/** Rubric layers -> connection lists: which inputs and weights each unit of a conv or dense layer uses. */
import { msg, type Message } from '../i18n/index.js';
import type { PathKey } from '../rubric/problems.js';
import type { ConvLayer, DenseLayer, Nested } from '../rubric/schema.js';
import type { Builder } from './builder.js';
import { indexedId, kernelElementId } from './ids.js';
import type { LinearSpec, Unit } from './linear.js';
import { flatIndex, perDimension, positionsOf, sizeOf, windowCount, type Tensor } from './tensor.js';

/** A nested list's shape (`[2, 3]` for two rows of three), or the path and message of its first ragged part. */
export function shapeOf(values: Nested, path: readonly PathKey[], kernel = false): { dims: number[] } | { path: PathKey[]; note: Message } {
  if (typeof values === 'number') return { dims: [] };
  const first = shapeOf(values[0]!, [...path, 0]);
  if (!('dims' in first)) return first;
  for (let k = 1; k < values.length; k++) {
    const other = shapeOf(values[k]!, [...path, k]);
    if (!('dims' in other)) return other;
    if (other.dims.join('×') !== first.dims.join('×')) {
      return { path: [...path, k], note: msg('rubric.raggedShape', { kernel, n: k + 1, has: other.dims, needs: first.dims }) };
    }
  }
  return { dims: [values.length, ...first.dims] };
}

/** Every number of a nested list, in order, with its path. */
export function leavesOf(values: Nested, path: readonly PathKey[]): { value: number; path: PathKey[] }[] {
  if (typeof values === 'number') return [{ value: values, path: [...path] }];
  return values.flatMap((item, k) => leavesOf(item, [...path, k]));
}

function registerBiases(layer: ConvLayer | DenseLayer, units: number, path: readonly PathKey[], builder: Builder): ((unit: number) => string | null) | null {
  const { biases } = layer;
  if (biases === undefined) return () => null;
  const count = biases.shared ? 1 : units;
  if (biases.values.length !== count) {
    const note = biases.shared
      ? msg('rubric.sharedBias', { biases: biases.values.length })
      : msg('rubric.biasCount', { biases: biases.values.length, units, dense: layer.kind === 'dense' });
    builder.problem([...path, 'biases', 'values'], note);
    return null;
  }
  const names = biases.values.map((value, n) => {
    const id = indexedId(biases.name, biases.from - 1 + n);
    builder.addParam(id, value, [...path, 'biases', 'values', n], biases.update);
    return id;
  });
  return (unit) => names[biases.shared ? 0 : unit]!;
}

function fail(builder: Builder, path: readonly PathKey[], note: Message): null {
  builder.problem(path, note);
  return null;
}

interface Kernels {
  /** Per kernel, per channel, the element names in row-major order. */
  readonly names: string[][][];
  readonly dims: number[];
  readonly channels: number;
}

/** Kernel values -> element names (registered as parameters), or null with a problem. */
function registerKernels(layer: ConvLayer, rank: number, below: Tensor, path: readonly PathKey[], builder: Builder): Kernels | null {
  const at = [...path, 'kernels', 'values'];
  const shape = shapeOf(layer.kernels.values, at, true);
  if (!('dims' in shape)) return fail(builder, shape.path, shape.note);
  const depth = shape.dims.length;
  if (depth !== rank + 1 && depth !== rank + 2) {
    return fail(builder, at, msg('rubric.kernelDepth', { depth, kind: layer.kind, rank }));
  }
  const perChannel = depth === rank + 2;
  const channels = perChannel ? shape.dims[1]! : 1;
  const maps = below.maps.length;
  if (channels !== maps) {
    return fail(builder, at, perChannel ? msg('rubric.kernelChannels', { channels, maps }) : msg('rubric.kernelNeedsChannels', { maps, rank }));
  }
  const dims = shape.dims.slice(perChannel ? 2 : 1);
  const names = (layer.kernels.values as Nested[]).map((kernel, n) => {
    const perMap = perChannel ? (kernel as Nested[]) : [kernel];
    return perMap.map((values, c) =>
      leavesOf(values, [...at, n, ...(perChannel ? [c] : [])]).map((leaf, k) => {
        const id = kernelElementId(layer.kernels.name, n, perChannel ? c : null, positionOf(dims, k));
        builder.addParam(id, leaf.value, leaf.path, layer.kernels.update);
        return id;
      }),
    );
  });
  return { names, dims, channels };
}

const positionOf = (dims: readonly number[], flat: number): number[] => {
  const at: number[] = [];
  for (let d = dims.length - 1; d >= 0; d--) {
    at.unshift(flat % dims[d]!);
    flat = Math.floor(flat / dims[d]!);
  }
  return at;
};

interface ConvGeometry {
  readonly size: readonly number[];
  readonly stride: readonly number[];
  readonly padding: readonly number[];
  readonly outDims: readonly number[];
}

/** Stride, padding and the output's shape per dimension, or null (with a problem) if the kernel does not fit. */
function convGeometry(layer: ConvLayer, path: readonly PathKey[], below: Tensor, size: readonly number[], builder: Builder): ConvGeometry | null {
  const rank = size.length;
  const stride = perDimension(layer.stride, rank);
  const padding = perDimension(layer.padding, rank);
  const bad = padding.findIndex((p, d) => p >= size[d]!);
  if (bad >= 0) {
    return fail(builder, [...path, 'padding'], msg('rubric.paddingTooLarge', { padding: padding[bad]!, kernel: size }));
  }
  const outDims = below.dims.map((n, d) => windowCount(n, size[d]!, stride[d]!, padding[d]!));
  if (outDims.every((n) => n > 0)) return { size, stride, padding, outDims };
  return fail(builder, [...path, 'kernels', 'values'], msg('rubric.kernelTooLarge', { kernel: size, input: below.dims, padding }));
}

/** A conv1d or conv2d layer over the maps below, or null (with a problem) if it does not fit. */
export function convSpec(layer: ConvLayer, path: readonly PathKey[], below: Tensor, builder: Builder): LinearSpec | null {
  const rank = layer.kind === 'conv1d' ? 1 : 2;
  if (below.dims.length !== rank) {
    return fail(builder, [...path, 'kind'], msg('rubric.convInput', { kind: layer.kind, rank, below: below.dims }));
  }
  const kernels = registerKernels(layer, rank, below, path, builder);
  const geometry = kernels && convGeometry(layer, path, below, kernels.dims, builder);
  const biasOf = geometry && registerBiases(layer, kernels!.names.length, path, builder);
  if (!kernels || !geometry || !biasOf) return null;
  const units = convUnits(layer.flip, kernels, geometry, below, biasOf);
  const biases = units.flatMap((u) => (u.bias ? [u.bias] : []));
  return { ...common(layer, path), units, parameters: [...new Set([...kernels.names.flat(2), ...biases])], outDims: geometry.outDims, mapCount: kernels.names.length };
}

/** Each kernel at each output position: the inputs its window covers (zero padding adds nothing). */
function convUnits(flip: boolean, kernels: Kernels, geometry: ConvGeometry, below: Tensor, biasOf: (unit: number) => string | null): Unit[] {
  const { size, stride, padding, outDims } = geometry;
  const mapSize = sizeOf(below.dims);
  const offsets = positionsOf(size);
  const units: Unit[] = [];
  kernels.names.forEach((channels, n) => {
    for (const out of positionsOf(outDims)) {
      const start = out.map((o, d) => o * stride[d]! - padding[d]!);
      const connections = [];
      for (let c = 0; c < kernels.channels; c++) {
        for (const [k, offset] of offsets.entries()) {
          const input = flatIndex(below.dims, start.map((s, d) => s + offset[d]!));
          // True convolution reads the kernel reversed in every dimension.
          if (input >= 0) connections.push({ input: c * mapSize + input, weight: channels[c]![flip ? offsets.length - 1 - k : k]! });
        }
      }
      const at = out.length === 1 ? [units.length] : [n, ...out];
      const label = out.length === 1
        ? msg('unit.kernelWindow', { kernel: n + 1, window: out[0]! + 1 })
        : msg('unit.kernelRowColumn', { kernel: n + 1, row: out[0]! + 1, column: out[1]! + 1 });
      units.push({ connections, bias: biasOf(n), map: n, at, label });
    }
  });
  return units;
}

const common = (layer: ConvLayer | DenseLayer, path: readonly PathKey[]) => ({
  name: layer.name,
  path,
  steps: layer.steps,
  activation: layer.activation,
  slope: layer.slope,
});

/** A dense layer over `length` inputs (all maps below, concatenated), or null with a problem. */
export function denseSpec(layer: DenseLayer, path: readonly PathKey[], length: number, builder: Builder): LinearSpec | null {
  const rows = layer.weights.values;
  const bad = rows.findIndex((row) => row.length !== length);
  if (bad >= 0) {
    builder.problem([...path, 'weights', 'values', bad], msg('rubric.rowLength', { length, count: rows[bad]!.length }));
    return null;
  }
  const first = layer.weights.from - 1;
  const names = rows.map((row, o) => row.map((value, h) => {
    const id = indexedId(layer.weights.name, first + o * length + h);
    builder.addParam(id, value, [...path, 'weights', 'values', o, h], layer.weights.update);
    return id;
  }));
  const biasOf = registerBiases(layer, rows.length, path, builder);
  if (biasOf === null) return null;
  const units: Unit[] = rows.map((row, o) => ({
    connections: row.map((_, h) => ({ input: h, weight: names[o]![h]! })),
    bias: biasOf(o),
    map: 0,
    at: [o],
    label: msg('unit.dense', { unit: o + 1 }),
  }));
  return { ...common(layer, path), units, parameters: [...names.flat(), ...new Set(units.flatMap((u) => (u.bias ? [u.bias] : [])))], outDims: [rows.length], mapCount: 1 };
}

/** Problems a layer has whatever its input: ragged kernels or weight rows, a bias count that fits no unit. */
export function checkMatrix(layer: ConvLayer | DenseLayer, path: readonly PathKey[], builder: Builder): void {
  const count = layer.kind === 'dense' ? layer.weights.values.length : layer.kernels.values.length;
  const { biases } = layer;
  if (biases !== undefined && biases.values.length !== (biases.shared ? 1 : count)) {
    // The same message as when the layer is built; reported here so that it comes with every other.
    registerBiases(layer, count, path, builder);
  }
  if (layer.kind !== 'dense') {
    const shape = shapeOf(layer.kernels.values, [...path, 'kernels', 'values'], true);
    if (!('dims' in shape)) builder.problem(shape.path, shape.note);
    return;
  }
  const width = layer.weights.values[0]!.length;
  layer.weights.values.forEach((row, n) => {
    if (row.length !== width) {
      builder.problem([...path, 'weights', 'values', n], msg('rubric.raggedRow', { n: n + 1, count: row.length, width }));
    }
  });
}
