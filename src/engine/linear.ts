/**
 * A layer of weighted sums followed by an activation: conv1d, conv2d and dense are all this,
 * differing only in which inputs and weights each unit connects. Forward pre-activations and
 * outputs for each sample, backward deltas (`coef`), one SGD update per weight and bias for the
 * whole batch, and the deltas sent below.
 */
import type { PathKey } from '../rubric/problems.js';
import type { Activation } from '../rubric/schema.js';
import {
  add, assertNever, div, max, mul, num, param, relu, sigmoid, softmax, sq, step, sub, tanh, type Expr,
} from './expr.js';
import type { Builder, Terms } from './builder.js';
import { msg, type Message } from '../i18n/index.js';
import { described, LEARNING_RATE, type StepKind } from './graph.js';
import { positionId } from './ids.js';
import type { Tensor } from './tensor.js';

export interface Connection {
  /** Position in the layer's input, all maps concatenated. */
  readonly input: number;
  readonly weight: string;
}

export interface Unit {
  /** Connections in input order, as a student writes the sum. */
  readonly connections: readonly Connection[];
  readonly bias: string | null;
  /** Which output map the unit belongs to (a conv kernel's map; dense has one). */
  readonly map: number;
  /** Where its steps' ids place it: `[index]`, or `[map, row, column]` on 2-D maps (see ids.ts). */
  readonly at: readonly number[];
  /** "kernel 1, window 2" */
  readonly label: Message | string;
}

export interface LinearSpec {
  readonly name: string;
  readonly path: readonly PathKey[];
  readonly steps: { readonly in: string; readonly out: string; readonly coef: string };
  readonly activation: Activation;
  /** leaky-relu's slope for x ≤ 0. */
  readonly slope: number;
  readonly units: readonly Unit[];
  /** Every weight then every bias, in the order their updates are written. */
  readonly parameters: readonly string[];
  readonly mapCount: number;
  /** The shape of each output map. */
  readonly outDims: readonly number[];
}

/** The product of factors, nested products flattened so `a · (b · c)` reads `a · b · c`. */
export function product(...factors: Expr[]): Expr {
  return mul(...factors.flatMap((f) => (f.op === 'mul' ? [...f.args] : [f])));
}

function activate(spec: LinearSpec, pre: Expr, index: number, allPre: readonly Expr[]): Expr {
  switch (spec.activation) {
    case 'sigmoid':
      return sigmoid(pre);
    case 'tanh':
      return tanh(pre);
    case 'relu':
      return relu(pre);
    case 'leaky-relu':
      // max(x, slope·x) is x above 0 and slope·x below, for 0 ≤ slope < 1 (the schema's range).
      return max(pre, product(num(spec.slope), pre));
    case 'identity':
      return pre;
    case 'softmax':
      return softmax(index, allPre);
    default:
      return assertNever(spec.activation);
  }
}

/** d out / d in, written with the output where the course does: σ' = out·(1 − out). */
function derivative(spec: LinearSpec, pre: Expr, out: Expr): Expr[] {
  switch (spec.activation) {
    case 'sigmoid':
      return [out, sub(num(1), out)];
    case 'tanh':
      return [sub(num(1), sq(out))];
    case 'relu':
      return [step(pre)];
    case 'leaky-relu':
      return [add(num(spec.slope), product(num(1 - spec.slope), step(pre)))];
    case 'identity':
      return [];
    case 'softmax':
      // The builder only allows softmax with cross-entropy, whose delta is given directly.
      throw new Error('softmax delta is given by the loss');
    default:
      return assertNever(spec.activation);
  }
}

export class LinearLayer {
  /** Output maps of each sample: refs to the activation steps. */
  readonly outputs: Tensor[];
  private readonly pre: Expr[][];
  private readonly out: Expr[][];

  constructor(
    private readonly spec: LinearSpec,
    /** The layer's input for each sample. */
    private readonly inputs: readonly Tensor[],
    private readonly builder: Builder,
  ) {
    const { steps, units, activation } = spec;
    this.pre = [];
    this.out = [];
    this.outputs = inputs.map((input, s) => {
      const flat = input.maps.flat();
      const suffix = builder.suffixes[s]!;
      const pre = units.map((unit) =>
        this.emit(positionId(steps.in, unit.at) + suffix, 'forward', 'pre-activation', builder.ofSample(msg('step.preActivation', { layer: spec.name, unit: unit.label }), s), preActivation(unit, flat)),
      );
      const out = units.map((unit, j) =>
        this.emit(positionId(steps.out, unit.at) + suffix, 'forward', 'activation', builder.ofSample(msg('step.output', { layer: spec.name, activation, unit: unit.label }), s), activate(spec, pre[j]!, j, pre)),
      );
      this.pre.push(pre);
      this.out.push(out);
      const maps: Expr[][] = Array.from({ length: spec.mapCount }, () => []);
      units.forEach((unit, j) => maps[unit.map]!.push(out[j]!));
      return { dims: spec.outDims, maps };
    });
  }

  /**
   * Emits each sample's deltas, then the updates; returns each sample's delta terms at each input position.
   * `given` replaces the deltas (cross-entropy over softmax gives `out − target` directly).
   */
  backward(atOutputs: readonly Terms[], given: readonly (readonly Expr[])[] | null): Terms[] {
    const { units, steps } = this.spec;
    const coefs = atOutputs.map((terms, s) => {
      const atOut = terms.flat();
      return units.map((unit, j) => {
        const delta = given?.[s]?.[j] ?? deltaAt(atOut[j] ?? [], derivative(this.spec, this.pre[s]![j]!, this.out[s]![j]!));
        return this.emit(positionId(steps.coef, unit.at) + this.builder.suffixes[s]!, 'backward', 'coef', this.builder.ofSample(msg('step.delta', { layer: this.spec.name, unit: unit.label }), s), delta);
      });
    });
    this.emitUpdates(coefs);
    return coefs.map((sampleCoefs, s) => this.termsBelow(sampleCoefs, s));
  }

  /** One update per parameter: every term of its gradient found in one pass over the connections. */
  private emitUpdates(coefs: readonly (readonly Expr[])[]): void {
    const gradients = new Map<string, Expr[]>(this.spec.parameters.map((name) => [name, []]));
    coefs.forEach((sampleCoefs, s) => {
      const flat = this.inputs[s]!.maps.flat();
      this.spec.units.forEach((unit, j) => {
        if (unit.bias !== null) gradients.get(unit.bias)!.push(sampleCoefs[j]!);
        for (const c of unit.connections) gradients.get(c.weight)!.push(product(sampleCoefs[j]!, flat[c.input]!));
      });
    });
    const samples = coefs.length;
    for (const [name, terms] of gradients) {
      if (this.builder.frozen.has(name)) continue;
      const sum = terms.length === 0 ? num(0) : add(...terms);
      const gradient = samples > 1 && this.builder.batch === 'mean' ? div(sum, num(samples)) : sum;
      const updated = sub(param(name), product(param(LEARNING_RATE), gradient));
      this.emit(this.builder.updatedId(name), 'backward', 'update', msg('step.updated', { layer: this.spec.name, parameter: name }), updated);
    }
  }

  private termsBelow(coefs: readonly Expr[], sample: number): Terms {
    const input = this.inputs[sample]!;
    const size = input.maps[0]!.length;
    const terms: Terms = input.maps.map((map) => map.map(() => []));
    this.spec.units.forEach((unit, j) => {
      for (const c of unit.connections) {
        terms[Math.floor(c.input / size)]![c.input % size]!.push(product(coefs[j]!, this.builder.weightForDelta(c.weight)));
      }
    });
    return terms;
  }

  private emit(id: string, phase: 'forward' | 'backward', kind: StepKind, description: Message, expr: Expr): Expr {
    return this.builder.emit(
      { id, expr, layer: this.spec.name, phase, kind, ...described(description) },
      [...this.spec.path, 'steps'],
    );
  }
}

function preActivation(unit: Unit, inputs: readonly Expr[]): Expr {
  const terms = unit.connections.map((c) => product(inputs[c.input]!, param(c.weight)));
  if (unit.bias !== null) terms.push(param(unit.bias));
  return terms.length === 0 ? num(0) : add(...terms);
}

/** (Σ terms) · derivative; a lone term's factors are kept flat: `coef_pp1 · 1/2 · out · (1 − out)`. */
export function deltaAt(terms: readonly Expr[], derivativeFactors: readonly Expr[]): Expr {
  if (terms.length === 0) return num(0);
  const sum = terms.length === 1 ? terms[0]! : add(...terms);
  return derivativeFactors.length === 0 ? sum : product(sum, ...derivativeFactors);
}
