/**
 * The engine's generator of random networks, for property tests: random layer sizes, kernel sizes,
 * strides, flips, activations, pooling, both losses. Every network it makes is valid.
 */
import fc from 'fast-check';
import { poolLength } from '../../src/engine/pool.js';
import { rubricSchema, type Convention, type Rubric } from '../../src/rubric/schema.js';

export interface NetworkOptions {
  readonly convention?: Convention;
  /** Parameter values: continuous doubles (no ties, for finite differences) or homework-like 2-decimal values. */
  readonly values?: 'continuous' | 'homework';
}

const HIDDEN_ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'identity'] as const;

export function arbNetwork(options: NetworkOptions = {}): fc.Arbitrary<Rubric> {
  const value =
    options.values === 'homework'
      ? fc.integer({ min: -100, max: 100 }).map((x) => x / 100)
      : // Magnitudes in [0.01, 1]: fast-check's favourite doubles (0, subnormals) would sit on relu's kink.
        fc.tuple(fc.boolean(), fc.double({ min: 0.01, max: 1, noNaN: true })).map(([negative, x]) => (negative ? -x : x));
  const values = (n: number) => fc.array(value, { minLength: n, maxLength: n });
  return fc.gen().map((g) => {
    const input = g(values, g(fc.integer, { min: 3, max: 9 }));
    let lengths = [input.length];
    const layers: unknown[] = [];
    let n = 0;
    const fresh = () => ++n;

    const pool = () => {
      const shortest = Math.min(...lengths);
      const size = g(fc.integer, { min: 1, max: Math.min(3, shortest) });
      const stride = g(fc.integer, { min: 1, max: size });
      const k = fresh();
      const kind = g(fc.constantFrom, 'avgpool', 'maxpool');
      layers.push({ kind, name: `P${k}`, steps: { out: `out_p${k}_`, coef: `coef_p${k}_` }, size, stride });
      lengths = lengths.map((l) => poolLength(l, size, stride));
    };

    if (g(fc.integer, { min: 0, max: 4 }) === 0) pool(); // pooling below every parameter
    const convBlocks = g(fc.integer, { min: 0, max: 2 });
    for (let b = 0; b < convBlocks; b++) {
      if (lengths.length > 1) {
        layers.push({ kind: 'flatten' });
        lengths = [lengths.reduce((a, c) => a + c, 0)];
      }
      const length = lengths[0]!;
      const kernels = g(fc.integer, { min: 1, max: 3 });
      const size = g(fc.integer, { min: 1, max: Math.min(4, length) });
      const stride = g(fc.integer, { min: 1, max: 2 });
      const k = fresh();
      layers.push({
        kind: 'conv1d',
        name: `C${k}`,
        steps: { in: `in_c${k}_`, out: `out_c${k}_`, coef: `coef_c${k}_` },
        kernels: { name: `k${k}_`, values: Array.from({ length: kernels }, () => g(values, size)) },
        ...(g(fc.boolean) ? { biases: { name: `b${k}_`, values: g(values, kernels) } } : {}),
        stride,
        flip: g(fc.boolean),
        activation: g(fc.constantFrom, ...HIDDEN_ACTIVATIONS),
      });
      lengths = Array.from({ length: kernels }, () => poolLength(length, size, stride));
      if (g(fc.boolean)) pool();
    }

    const dense = (units: number, activation: string) => {
      const inputs = lengths.reduce((a, c) => a + c, 0);
      if (g(fc.boolean) && lengths.length > 1) layers.push({ kind: 'flatten' });
      const k = fresh();
      layers.push({
        kind: 'dense',
        name: `D${k}`,
        steps: { in: `in_d${k}_`, out: `out_d${k}_`, coef: `coef_d${k}_` },
        weights: { name: `w${k}_`, values: Array.from({ length: units }, () => g(values, inputs)) },
        ...(g(fc.boolean) ? { biases: { name: `bd${k}_`, values: g(values, units) } } : {}),
        activation,
      });
      lengths = [units];
    };

    if (convBlocks === 0 || g(fc.boolean)) dense(g(fc.integer, { min: 1, max: 3 }), g(fc.constantFrom, ...HIDDEN_ACTIVATIONS));
    const outputs = g(fc.integer, { min: 2, max: 3 });
    const crossEntropy = g(fc.boolean);
    dense(outputs, crossEntropy ? 'softmax' : g(fc.constantFrom, 'sigmoid', 'tanh', 'identity'));
    const hot = g(fc.integer, { min: 0, max: outputs - 1 });
    const target = crossEntropy
      ? Array.from({ length: outputs }, (_, k) => (k === hot ? 1 : 0))
      : g(fc.array, fc.integer({ min: 0, max: 10 }).map((x) => x / 10), { minLength: outputs, maxLength: outputs });

    return rubricSchema.parse({
      id: 'random',
      title: 'random network',
      convention: options.convention ?? g(fc.constantFrom, 'standard', 'updated-weights'),
      learningRate: g(fc.integer, { min: 1, max: 10 }) / 10,
      input: { name: 'x', values: input },
      target: { name: 't', values: target },
      layers,
      loss: crossEntropy ? { kind: 'cross-entropy' } : { kind: 'mse', factor: g(fc.constantFrom, 0.5, 1) },
    });
  });
}

export interface WideOptions extends NetworkOptions {
  /** Always a batch of two or three samples (`samples:`), never one input. */
  readonly batch?: boolean;
}

/**
 * Random networks of the layers and keys issue 10 added: an H×W input (one or two channels) or a
 * sequence; conv2d and conv1d with stride, zero padding and several kernels, the second conv over
 * several maps (true multi-channel); 2-D pooling; leaky ReLU; frozen, shared and renumbered
 * parameters; mse, cross-entropy or binary cross-entropy; sometimes a batch (mean or sum).
 */
export function arbWideNetwork(options: WideOptions = {}): fc.Arbitrary<Rubric> {
  const value =
    options.values === 'homework'
      ? fc.integer({ min: -100, max: 100 }).map((x) => x / 100)
      : fc.tuple(fc.boolean(), fc.double({ min: 0.01, max: 1, noNaN: true })).map(([negative, x]) => (negative ? -x : x));
  const values = (n: number) => fc.array(value, { minLength: n, maxLength: n });
  const activations = ['sigmoid', 'tanh', 'relu', 'identity', 'leaky-relu'] as const;
  return fc.gen().map((g) => {
    const twoD = g(fc.boolean);
    let channels = g(fc.integer, { min: 1, max: 2 });
    let dims = twoD ? [g(fc.integer, { min: 3, max: 5 }), g(fc.integer, { min: 3, max: 5 })] : [g(fc.integer, { min: 4, max: 8 })];
    const inputShape = twoD && channels === 1 && g(fc.boolean) ? dims : twoD ? [channels, ...dims] : dims;
    if (!twoD) channels = 1;
    const nested = (shape: number[]): unknown => (shape.length === 1 ? g(values, shape[0]!) : Array.from({ length: shape[0]! }, () => nested(shape.slice(1))));
    const layers: unknown[] = [];
    let n = 0;
    const parameterKeys = () => ({ ...(g(fc.integer, { min: 0, max: 4 }) === 0 ? { update: false } : {}) });

    const convs = g(fc.integer, { min: 1, max: 2 });
    for (let b = 0; b < convs; b++) {
      const k = ++n;
      const size = dims.map((d) => g(fc.integer, { min: 1, max: Math.min(3, d) }));
      const padding = size.map((s) => g(fc.integer, { min: 0, max: s - 1 }));
      const stride = g(fc.integer, { min: 1, max: 2 });
      const kernels = g(fc.integer, { min: 1, max: 2 });
      const perChannel = channels > 1 || g(fc.integer, { min: 0, max: 3 }) === 0;
      const kernelShape = perChannel ? [channels, ...size] : size;
      const shared = g(fc.boolean);
      layers.push({
        kind: twoD ? 'conv2d' : 'conv1d',
        name: `C${k}`,
        steps: { in: `in_c${k}_`, out: `out_c${k}_`, coef: `coef_c${k}_` },
        kernels: { name: `k${k}_`, values: Array.from({ length: kernels }, () => nested(kernelShape)), ...parameterKeys() },
        ...(g(fc.boolean) ? { biases: { name: `b${k}_`, values: g(values, shared ? 1 : kernels), shared, ...parameterKeys() } } : {}),
        stride: twoD && g(fc.boolean) ? [stride, g(fc.integer, { min: 1, max: 2 })] : stride,
        padding: twoD ? [padding[0], padding[1]] : padding[0],
        flip: g(fc.boolean),
        activation: g(fc.constantFrom, ...activations),
        ...(g(fc.boolean) ? { slope: g(fc.constantFrom, 0.01, 0.1, 0.2) } : {}),
      });
      const strides = twoD ? (layers.at(-1) as { stride: number | number[] }).stride : stride;
      const s = typeof strides === 'number' ? dims.map(() => strides) : strides;
      dims = dims.map((d, i) => poolLength(d + 2 * padding[i]!, size[i]!, s[i]!));
      channels = kernels;
      if (g(fc.boolean) && dims.every((d) => d >= 2)) {
        const p = ++n;
        const window = dims.map(() => g(fc.integer, { min: 1, max: 2 }));
        layers.push({
          kind: g(fc.constantFrom, 'avgpool', 'maxpool'),
          name: `P${p}`,
          steps: { out: `out_p${p}_`, coef: `coef_p${p}_` },
          size: twoD && window[0] !== window[1] ? window : window[0],
        });
        dims = dims.map((d, i) => poolLength(d, window[i]!, window[i]!));
      }
    }
    const inputs = channels * dims.reduce((a, c) => a * c, 1);
    if (g(fc.boolean)) layers.push({ kind: 'flatten' });
    const lossKind = g(fc.constantFrom, 'mse', 'cross-entropy', 'binary-cross-entropy');
    const outputs = g(fc.integer, { min: lossKind === 'cross-entropy' ? 2 : 1, max: 3 });
    let width = inputs;
    let from = 1;
    if (g(fc.boolean)) {
      const units = g(fc.integer, { min: 1, max: 3 });
      const k = ++n;
      layers.push({
        kind: 'dense', name: `D${k}`, steps: { in: `in_d${k}_`, out: `out_d${k}_`, coef: `coef_d${k}_` },
        weights: { name: 'w', values: Array.from({ length: units }, () => g(values, width)), ...parameterKeys() },
        activation: g(fc.constantFrom, ...activations),
      });
      from += units * width;
      width = units;
    }
    const k = ++n;
    const shared = g(fc.boolean);
    layers.push({
      kind: 'dense', name: `D${k}`, steps: { in: `in_d${k}_`, out: `out_d${k}_`, coef: `coef_d${k}_` },
      // Numbered on from the layer below (`w5..`), as Mazur's w1..w8.
      weights: { name: 'w', values: Array.from({ length: outputs }, () => g(values, width)), from, ...parameterKeys() },
      ...(g(fc.boolean) ? { biases: { name: `bd${k}_`, values: g(values, shared ? 1 : outputs), shared, ...parameterKeys() } } : {}),
      activation: lossKind === 'cross-entropy' ? 'softmax' : lossKind === 'binary-cross-entropy' ? 'sigmoid' : g(fc.constantFrom, 'sigmoid', 'tanh', 'identity', 'leaky-relu'),
    });
    const target = () => {
      if (lossKind !== 'cross-entropy') return g(fc.array, fc.integer({ min: 0, max: 10 }).map((x) => x / 10), { minLength: outputs, maxLength: outputs });
      const hot = g(fc.integer, { min: 0, max: outputs - 1 });
      return Array.from({ length: outputs }, (_, j) => (j === hot ? 1 : 0));
    };
    const batch = options.batch ?? g(fc.integer, { min: 0, max: 3 }) === 0;
    const sample = () => ({ input: { name: 'x', values: nested(inputShape) }, target: { name: 't', values: target() } });
    const data = batch
      ? { samples: Array.from({ length: g(fc.integer, { min: 2, max: 3 }) }, sample), batch: g(fc.constantFrom, 'mean', 'sum') }
      : sample();
    return rubricSchema.parse({
      id: 'random-wide',
      title: 'random network',
      convention: options.convention ?? g(fc.constantFrom, 'standard', 'updated-weights'),
      learningRate: g(fc.integer, { min: 1, max: 10 }) / 10,
      ...data,
      layers,
      loss: lossKind === 'mse' ? { kind: 'mse', factor: g(fc.constantFrom, 0.5, 1) } : { kind: lossKind },
    });
  });
}
