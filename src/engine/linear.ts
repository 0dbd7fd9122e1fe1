/**
 * A layer of weighted sums followed by an activation: both conv1d and dense are this, differing
 * only in which inputs and weights each unit connects. Forward pre-activations and outputs,
 * backward deltas (`coef`), one SGD update per weight and bias, and the deltas sent below.
 */
import { msg, type Message } from '../i18n/index.js';
import type { PathKey } from '../rubric/problems.js';
import type { Activation } from '../rubric/schema.js';
import {
  add, assertNever, mul, num, param, relu, sigmoid, softmax, sq, step, sub, tanh, type Expr,
} from './expr.js';
import { indexedId, splitLike, type Builder, type Terms } from './builder.js';
import { described, LEARNING_RATE, type StepKind } from './graph.js';

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
  /** "kernel 1, window 2" */
  readonly label: Message;
}

export interface LinearSpec {
  readonly name: string;
  readonly path: readonly PathKey[];
  readonly steps: { readonly in: string; readonly out: string; readonly coef: string };
  readonly activation: Activation;
  readonly units: readonly Unit[];
  /** Every weight then every bias, in the order their updates are written. */
  readonly parameters: readonly string[];
  readonly mapCount: number;
}

/** The product of factors, nested products flattened so `a · (b · c)` reads `a · b · c`. */
export function product(...factors: Expr[]): Expr {
  return mul(...factors.flatMap((f) => (f.op === 'mul' ? [...f.args] : [f])));
}

function activate(activation: Activation, pre: Expr, index: number, allPre: readonly Expr[]): Expr {
  switch (activation) {
    case 'sigmoid':
      return sigmoid(pre);
    case 'tanh':
      return tanh(pre);
    case 'relu':
      return relu(pre);
    case 'identity':
      return pre;
    case 'softmax':
      return softmax(index, allPre);
    default:
      return assertNever(activation);
  }
}

/** d out / d in, written with the output where the course does: σ' = out·(1 − out). */
function derivative(activation: Activation, pre: Expr, out: Expr): Expr[] {
  switch (activation) {
    case 'sigmoid':
      return [out, sub(num(1), out)];
    case 'tanh':
      return [sub(num(1), sq(out))];
    case 'relu':
      return [step(pre)];
    case 'identity':
      return [];
    case 'softmax':
      // The builder only allows softmax with cross-entropy, whose delta is given directly.
      throw new Error('softmax delta is given by the loss');
    default:
      return assertNever(activation);
  }
}

export class LinearLayer {
  /** Output maps: refs to the activation steps. */
  readonly outputs: Expr[][];
  private readonly pre: Expr[];
  private readonly out: Expr[];

  constructor(
    private readonly spec: LinearSpec,
    private readonly inputs: readonly Expr[][],
    private readonly builder: Builder,
  ) {
    const flat = inputs.flat();
    const { steps, units, activation } = spec;
    this.pre = units.map((unit, j) =>
      this.emit(indexedId(steps.in, j), 'forward', 'pre-activation', msg('step.preActivation', { layer: spec.name, unit: unit.label }), preActivation(unit, flat)),
    );
    this.out = units.map((unit, j) =>
      this.emit(indexedId(steps.out, j), 'forward', 'activation', msg('step.output', { layer: spec.name, activation, unit: unit.label }), activate(activation, this.pre[j]!, j, this.pre)),
    );
    this.outputs = Array.from({ length: spec.mapCount }, (_, m) => this.out.filter((_, j) => units[j]!.map === m));
  }

  /**
   * Emits the deltas, then the updates; returns the delta terms at each input position.
   * `given` replaces the deltas (cross-entropy over softmax gives `out − target` directly).
   */
  backward(atOutputs: Terms, given: readonly Expr[] | null): Terms {
    const { units, steps, activation } = this.spec;
    const atOut = atOutputs.flat();
    const coefs = units.map((unit, j) => {
      const delta = given?.[j] ?? deltaAt(atOut[j] ?? [], derivative(activation, this.pre[j]!, this.out[j]!));
      return this.emit(indexedId(steps.coef, j), 'backward', 'coef', msg('step.delta', { layer: this.spec.name, unit: unit.label }), delta);
    });
    this.emitUpdates(coefs);
    return this.termsBelow(coefs);
  }

  private emitUpdates(coefs: readonly Expr[]): void {
    const flat = this.inputs.flat();
    for (const name of this.spec.parameters) {
      const gradient: Expr[] = [];
      this.spec.units.forEach((unit, j) => {
        if (unit.bias === name) gradient.push(coefs[j]!);
        for (const c of unit.connections) if (c.weight === name) gradient.push(product(coefs[j]!, flat[c.input]!));
      });
      const updated = sub(param(name), product(param(LEARNING_RATE), gradient.length === 0 ? num(0) : add(...gradient)));
      this.emit(this.builder.updatedId(name), 'backward', 'update', msg('step.updated', { layer: this.spec.name, parameter: name }), updated);
    }
  }

  private termsBelow(coefs: readonly Expr[]): Terms {
    const flatTerms: Expr[][] = this.inputs.flat().map(() => []);
    this.spec.units.forEach((unit, j) => {
      for (const c of unit.connections) flatTerms[c.input]!.push(product(coefs[j]!, this.builder.weightForDelta(c.weight)));
    });
    return splitLike(flatTerms, this.inputs);
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
  return add(...terms);
}

/** (Σ terms) · derivative; a lone term's factors are kept flat: `coef_pp1 · 1/2 · out · (1 − out)`. */
export function deltaAt(terms: readonly Expr[], derivativeFactors: readonly Expr[]): Expr {
  if (terms.length === 0) return num(0);
  const sum = terms.length === 1 ? terms[0]! : add(...terms);
  return derivativeFactors.length === 0 ? sum : product(sum, ...derivativeFactors);
}

