/** Average and max pooling, within each map; no parameters, no activation. */
import { msg, type Message } from '../i18n/index.js';
import type { PathKey } from '../rubric/problems.js';
import type { PoolLayer } from '../rubric/schema.js';
import { add, argmaxIs, div, max, num, type Expr } from './expr.js';
import { emptyTerms, indexedId, type Builder, type Terms } from './builder.js';
import { described } from './graph.js';
import { deltaAt, product } from './linear.js';

interface Window {
  readonly map: number;
  readonly start: number;
}

/** Windows per map: floor((length − size) / stride) + 1. */
export function poolLength(length: number, size: number, stride: number): number {
  return length < size ? 0 : Math.floor((length - size) / stride) + 1;
}

export class PoolingLayer {
  readonly outputs: Expr[][];
  private readonly windows: Window[] = [];
  private readonly size: number;

  constructor(
    private readonly spec: PoolLayer,
    private readonly path: readonly PathKey[],
    private readonly inputs: readonly Expr[][],
    private readonly builder: Builder,
  ) {
    this.size = spec.size;
    const stride = spec.stride ?? spec.size;
    inputs.forEach((map, m) => {
      for (let w = 0; w < poolLength(map.length, this.size, stride); w++) this.windows.push({ map: m, start: w * stride });
    });
    const outs = this.windows.map((window, j) =>
      this.emit(indexedId(spec.steps.out, j), 'forward', 'pool', this.describe(false, window), this.pooled(window)),
    );
    this.outputs = inputs.map((_, m) => outs.filter((_, j) => this.windows[j]!.map === m));
  }

  /** Emits the deltas at the pooled values; routes them to the inputs (1/size, or to the max). */
  backward(atOutputs: Terms): Terms {
    const atOut = atOutputs.flat();
    const below = emptyTerms(this.inputs);
    this.windows.forEach((window, j) => {
      const coef = this.emit(indexedId(this.spec.steps.coef, j), 'backward', 'coef', this.describe(true, window), deltaAt(atOut[j] ?? [], []));
      for (let k = 0; k < this.size; k++) below[window.map]![window.start + k]!.push(product(coef, this.route(window, k)));
    });
    return below;
  }

  private members(window: Window): Expr[] {
    return this.inputs[window.map]!.slice(window.start, window.start + this.size);
  }

  private pooled(window: Window): Expr {
    switch (this.spec.kind) {
      case 'avgpool':
        return div(add(...this.members(window)), num(this.size));
      case 'maxpool':
        return max(...this.members(window));
    }
  }

  /** ∂ pooled / ∂ member k. */
  private route(window: Window, k: number): Expr {
    switch (this.spec.kind) {
      case 'avgpool':
        return div(num(1), num(this.size));
      case 'maxpool':
        return argmaxIs(k, this.members(window));
    }
  }

  private describe(delta: boolean, window: Window): Message {
    const where = { layer: this.spec.name, max: this.spec.kind === 'maxpool', map: window.map + 1, from: window.start + 1, to: window.start + this.size };
    return delta ? msg('step.pooledDelta', where) : msg('step.pooled', where);
  }

  private emit(id: string, phase: 'forward' | 'backward', kind: 'pool' | 'coef', description: Message, expr: Expr): Expr {
    return this.builder.emit({ id, expr, layer: this.spec.name, phase, kind, ...described(description) }, [...this.path, 'steps']);
  }
}
