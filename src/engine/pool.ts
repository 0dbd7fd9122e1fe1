/** Average and max pooling, within each map (sequences or 2-D maps); no parameters, no activation. */
import type { PathKey } from '../rubric/problems.js';
import type { PoolLayer } from '../rubric/schema.js';
import { add, argmaxIs, div, max, num, type Expr } from './expr.js';
import { emptyTerms, type Builder, type Terms } from './builder.js';
import { msg, type Message } from '../i18n/index.js';
import { described } from './graph.js';
import { positionId } from './ids.js';
import { deltaAt, product } from './linear.js';
import { flatIndex, perDimension, positionsOf, sizeOf, windowCount, type Tensor } from './tensor.js';

interface Window {
  readonly map: number;
  /** Flat positions of the window's members within the map, row by row. */
  readonly members: readonly number[];
  /** Where its steps' ids place it (see ids.ts). */
  readonly at: readonly number[];
  /** "map 1, window 1–2" */
  readonly label: Message;
}

/** Windows per map: floor((length − size) / stride) + 1. */
export function poolLength(length: number, size: number, stride: number): number {
  return windowCount(length, size, stride);
}

/** The pool's window and stride per dimension of its input maps, or null with a problem if they do not fit. */
export function poolGeometry(layer: PoolLayer, path: readonly PathKey[], dims: readonly number[], builder: Builder): { size: number[]; stride: number[] } | null {
  const rank = dims.length;
  for (const key of ['size', 'stride'] as const) {
    const value = layer[key];
    if (Array.isArray(value) && rank === 1) {
      builder.problem([...path, key], msg('rubric.poolPairOnSequences', { key, value }));
      return null;
    }
  }
  const size = perDimension(layer.size, rank);
  const stride = perDimension(layer.stride ?? layer.size, rank);
  if (size.some((n, d) => n > dims[d]!)) {
    builder.problem([...path, 'size'], msg('rubric.poolTooLarge', { size, input: dims }));
    return null;
  }
  return { size, stride };
}

export class PoolingLayer {
  /** Output maps of each sample. */
  readonly outputs: Tensor[];
  private readonly windows: Window[] = [];
  private readonly count: number;

  constructor(
    private readonly spec: PoolLayer,
    private readonly path: readonly PathKey[],
    private readonly inputs: readonly Tensor[],
    geometry: { size: readonly number[]; stride: readonly number[] },
    private readonly builder: Builder,
  ) {
    const { dims, maps } = inputs[0]!;
    const { size, stride } = geometry;
    this.count = sizeOf(size);
    const outDims = dims.map((n, d) => windowCount(n, size[d]!, stride[d]!));
    const offsets = positionsOf(size);
    maps.forEach((_, m) => {
      for (const out of positionsOf(outDims)) {
        const start = out.map((o, d) => o * stride[d]!);
        const members = offsets.map((offset) => flatIndex(dims, start.map((s, d) => s + offset[d]!)));
        const at = dims.length === 1 ? [this.windows.length] : [m, ...out];
        this.windows.push({ map: m, members, at, label: windowLabel(m, start, size) });
      }
    });
    this.outputs = inputs.map((input, s) => {
      const pooled: Expr[][] = maps.map(() => []);
      for (const window of this.windows) {
        const id = positionId(spec.steps.out, window.at) + builder.suffixes[s]!;
        pooled[window.map]!.push(this.emit(id, 'forward', 'pool', builder.ofSample(this.describe('', window), s), this.pooled(input, window)));
      }
      return { dims: outDims, maps: pooled };
    });
  }

  /** Emits each sample's deltas at the pooled values; routes them to the inputs (1/size, or to the max). */
  backward(atOutputs: readonly Terms[]): Terms[] {
    return atOutputs.map((terms, s) => {
      const atOut = terms.flat();
      const input = this.inputs[s]!;
      const below = emptyTerms(input.maps);
      this.windows.forEach((window, j) => {
        const id = positionId(this.spec.steps.coef, window.at) + this.builder.suffixes[s]!;
        const coef = this.emit(id, 'backward', 'coef', this.builder.ofSample(this.describe('delta at ', window), s), deltaAt(atOut[j] ?? [], []));
        window.members.forEach((position, k) => below[window.map]![position]!.push(product(coef, this.route(input, window, k))));
      });
      return below;
    });
  }

  private members(input: Tensor, window: Window): Expr[] {
    return window.members.map((position) => input.maps[window.map]![position]!);
  }

  private pooled(input: Tensor, window: Window): Expr {
    switch (this.spec.kind) {
      case 'avgpool':
        return div(add(...this.members(input, window)), num(this.count));
      case 'maxpool':
        return max(...this.members(input, window));
    }
  }

  /** ∂ pooled / ∂ member k. */
  private route(input: Tensor, window: Window, k: number): Expr {
    switch (this.spec.kind) {
      case 'avgpool':
        return div(num(1), num(this.count));
      case 'maxpool':
        return argmaxIs(k, this.members(input, window));
    }
  }

  private describe(prefix: string, window: Window): Message {
    const where = { layer: this.spec.name, max: this.spec.kind === 'maxpool', where: window.label };
    return prefix === '' ? msg('step.pooled', where) : msg('step.pooledDelta', where);
  }

  private emit(id: string, phase: 'forward' | 'backward', kind: 'pool' | 'coef', description: Message, expr: Expr): Expr {
    return this.builder.emit({ id, expr, layer: this.spec.name, phase, kind, ...described(description) }, [...this.path, 'steps']);
  }
}

/** A window of map `m`, as a person finds it: elements a–b of a sequence, or rows and columns of a 2-D map. */
function windowLabel(m: number, start: readonly number[], size: readonly number[]): Message {
  const span = (d: number) => ({ from: start[d]! + 1, to: start[d]! + size[d]! });
  if (start.length !== 2) return msg('window.sequence', { map: m + 1, ...span(0) });
  const [rows, columns] = [span(0), span(1)];
  return msg('window.grid', { map: m + 1, rowFrom: rows.from, rowTo: rows.to, columnFrom: columns.from, columnTo: columns.to });
}
