/**
 * An independent forward pass, written straight from the layer definitions (README, issue 10's id
 * scheme) with plain arrays: the oracle for the engine's forward steps and, by finite
 * differences, for its backward steps. It shares no code with src/engine.
 */
import type { Nested, Rubric } from '../../src/rubric/schema.js';

type Override = { name: string; value: number } | null;
/** Maps of one shape: `grid` holds rows × columns (a sequence is one row, `oneD`). */
interface Maps {
  readonly oneD: boolean;
  readonly grids: number[][][];
}

const act = (name: string, x: number, slope: number): number =>
  name === 'sigmoid' ? 1 / (1 + Math.exp(-x))
    : name === 'tanh' ? Math.tanh(x)
      : name === 'relu' ? Math.max(0, x)
        : name === 'leaky-relu' ? (x > 0 ? x : slope * x)
          : x;

const pair = (v: number | readonly number[]): [number, number] => (typeof v === 'number' ? [v, v] : [v[0]!, v[1]!]);
const depth = (v: Nested): number => (typeof v === 'number' ? 0 : 1 + depth(v[0]!));

function inputMaps(values: Nested[], name: string, suffix: string, pick: (name: string, v: number) => number): Maps {
  const d = depth(values);
  if (d === 1) return { oneD: true, grids: [[(values as number[]).map((v, k) => pick(`${name}${k + 1}${suffix}`, v))]] };
  const channels = (d === 2 ? [values] : values) as number[][][];
  return {
    oneD: false,
    grids: channels.map((grid, m) => grid.map((row, r) => row.map((v, c) => pick(`${name}${m + 1}_${r + 1}_${c + 1}${suffix}`, v)))),
  };
}

function kernelName(name: string, n: number, channel: number | null, at: number[]): string {
  if (channel === null && at.length === 1) {
    const sep = n >= 9 || at[0]! >= 9 ? '_' : '';
    return `${name}${n + 1}${sep}${at[0]! + 1}`;
  }
  return `${name}${n + 1}_${[...(channel === null ? [] : [channel]), ...at].map((k) => k + 1).join('_')}`;
}

type Conv = Extract<Rubric['layers'][number], { kind: 'conv1d' | 'conv2d' }>;

function conv(layer: Conv, x: Maps, pick: (name: string, v: number) => number): Maps {
  const oneD = layer.kind === 'conv1d';
  // Every kernel as channel → rows → columns (a 1-D kernel is one row).
  const kernelDepth = depth(layer.kernels.values) - 1;
  const perChannel = kernelDepth === (oneD ? 2 : 3);
  const kernels = (layer.kernels.values as Nested[]).map((kernel, n) => {
    const channels = (perChannel ? kernel : [kernel]) as Nested[];
    return channels.map((ch, c) => {
      const rows = (oneD ? [ch] : ch) as number[][];
      return rows.map((row, r) => row.map((v, col) => pick(kernelName(layer.kernels.name, n, perChannel ? c : null, oneD ? [col] : [r, col]), v)));
    });
  });
  const [sr, sc] = oneD ? [1, layer.stride as number] : pair(layer.stride);
  const [pr, pc] = oneD ? [0, layer.padding as number] : pair(layer.padding);
  const H = x.grids[0]!.length;
  const W = x.grids[0]![0]!.length;
  const grids = kernels.map((kernel, n) => {
    const kh = kernel[0]!.length;
    const kw = kernel[0]![0]!.length;
    const biasIndex = layer.biases?.shared ? 0 : n;
    const bias = layer.biases ? pick(`${layer.biases.name}${layer.biases.from + biasIndex}`, layer.biases.values[biasIndex]!) : 0;
    const out: number[][] = [];
    for (let top = -pr; top + kh <= H + pr; top += sr) {
      const row: number[] = [];
      for (let left = -pc; left + kw <= W + pc; left += sc) {
        let z = bias;
        kernel.forEach((k, c) => {
          for (let i = 0; i < kh; i++) {
            for (let j = 0; j < kw; j++) {
              const v = x.grids[c]![top + i]?.[left + j] ?? 0; // zero padding
              // True convolution: the kernel reversed in both directions.
              z += v * (layer.flip ? k[kh - 1 - i]![kw - 1 - j]! : k[i]![j]!);
            }
          }
        });
        row.push(act(layer.activation, z, layer.slope));
      }
      out.push(row);
    }
    return out;
  });
  return { oneD, grids };
}

type Pool = Extract<Rubric['layers'][number], { kind: 'avgpool' | 'maxpool' }>;

function pool(layer: Pool, x: Maps): Maps {
  const [sh, sw] = x.oneD ? [1, layer.size as number] : pair(layer.size);
  const [th, tw] = x.oneD ? [1, (layer.stride ?? layer.size) as number] : pair(layer.stride ?? layer.size);
  const grids = x.grids.map((grid) => {
    const out: number[][] = [];
    for (let top = 0; top + sh <= grid.length; top += th) {
      const row: number[] = [];
      for (let left = 0; left + sw <= grid[0]!.length; left += tw) {
        const window = grid.slice(top, top + sh).flatMap((r) => r.slice(left, left + sw));
        row.push(layer.kind === 'maxpool' ? Math.max(...window) : window.reduce((a, b) => a + b, 0) / window.length);
      }
      out.push(row);
    }
    return out;
  });
  return { oneD: x.oneD, grids };
}

function sampleLoss(rubric: Rubric, input: NonNullable<Rubric['input']>, target: readonly number[], suffix: string, pick: (name: string, v: number) => number): number {
  let x = inputMaps(input.values, input.name, suffix, pick);
  for (const layer of rubric.layers) {
    if (layer.kind === 'flatten') x = { oneD: true, grids: [[x.grids.flat(2)]] };
    else if (layer.kind === 'avgpool' || layer.kind === 'maxpool') x = pool(layer, x);
    else if (layer.kind === 'conv1d' || layer.kind === 'conv2d') x = conv(layer, x, pick);
    else {
      const flat = x.grids.flat(2);
      const z = layer.weights.values.map((row, o) => {
        const biasIndex = layer.biases?.shared ? 0 : o;
        const bias = layer.biases ? pick(`${layer.biases.name}${layer.biases.from + biasIndex}`, layer.biases.values[biasIndex]!) : 0;
        return row.reduce((sum, v, h) => sum + flat[h]! * pick(`${layer.weights.name}${layer.weights.from + o * flat.length + h}`, v), bias);
      });
      if (layer.activation === 'softmax') {
        const top = Math.max(...z);
        const e = z.map((v) => Math.exp(v - top));
        const total = e.reduce((a, b) => a + b, 0);
        x = { oneD: true, grids: [[e.map((v) => v / total)]] };
      } else {
        x = { oneD: true, grids: [[z.map((v) => act(layer.activation, v, layer.slope))]] };
      }
    }
  }
  const out = x.grids.flat(2);
  const t = target.map((v, k) => v);
  switch (rubric.loss.kind) {
    case 'cross-entropy':
      return -out.reduce((sum, o, k) => sum + t[k]! * Math.log(o), 0);
    case 'binary-cross-entropy':
      return -out.reduce((sum, o, k) => sum + t[k]! * Math.log(o) + (1 - t[k]!) * Math.log(1 - o), 0);
    case 'mse':
      return rubric.loss.factor * out.reduce((sum, o, k) => sum + (o - t[k]!) ** 2, 0);
  }
}

/** The (batch's) loss of the rubric's network, with some given value replaced (by the engine's parameter name). */
export function forwardLoss(rubric: Rubric, override: Override = null): number {
  const pick = (name: string, value: number) => (override && override.name === name ? override.value : value);
  if (rubric.samples === undefined) return sampleLoss(rubric, rubric.input!, rubric.target!.values, '', pick);
  const losses = rubric.samples.map((sample, s) => sampleLoss(rubric, sample.input, sample.target.values, `_s${s + 1}`, pick));
  const total = losses.reduce((a, b) => a + b, 0);
  return rubric.batch === 'mean' ? total / losses.length : total;
}
