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
