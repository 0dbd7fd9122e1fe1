/**
 * An independent forward pass, written straight from the layer definitions with plain arrays:
 * the oracle for the engine's forward steps and, by finite differences, for its backward steps.
 * It shares no code with src/engine.
 */
import type { Rubric } from '../../src/rubric/schema.js';

const act = (name: string, x: number): number =>
  name === 'sigmoid' ? 1 / (1 + Math.exp(-x)) : name === 'tanh' ? Math.tanh(x) : name === 'relu' ? Math.max(0, x) : x;

/** The loss of the rubric's network, with some given values replaced (by the engine's parameter names). */
export function forwardLoss(rubric: Rubric, override: { name: string; value: number } | null = null): number {
  const pick = (name: string, value: number) => (override && override.name === name ? override.value : value);
  let maps: number[][] = [rubric.input.values.map((v, k) => pick(`${rubric.input.name}${k + 1}`, v))];
  for (const layer of rubric.layers) {
    if (layer.kind === 'flatten') {
      maps = [maps.flat()];
    } else if (layer.kind === 'avgpool' || layer.kind === 'maxpool') {
      const stride = layer.stride ?? layer.size;
      maps = maps.map((map) => {
        const out: number[] = [];
        for (let s = 0; s + layer.size <= map.length; s += stride) {
          const window = map.slice(s, s + layer.size);
          out.push(layer.kind === 'maxpool' ? Math.max(...window) : window.reduce((a, b) => a + b, 0) / layer.size);
        }
        return out;
      });
    } else if (layer.kind === 'conv1d') {
      const x = maps[0]!;
      maps = layer.kernels.values.map((kernel, n) => {
        const size = kernel.length;
        const w = kernel.map((v, m) => pick(`${layer.kernels.name}${n + 1}${m + 1}`, v));
        const bias = layer.biases ? pick(`${layer.biases.name}${n + 1}`, layer.biases.values[n]!) : 0;
        const out: number[] = [];
        for (let s = 0; s + size <= x.length; s += layer.stride) {
          let z = bias;
          // True convolution: input s+m meets kernel element size−1−m.
          for (let m = 0; m < size; m++) z += x[s + m]! * w[layer.flip ? size - 1 - m : m]!;
          out.push(act(layer.activation, z));
        }
        return out;
      });
    } else {
      const x = maps.flat();
      const z = layer.weights.values.map((row, o) =>
        row.reduce((sum, v, h) => sum + x[h]! * pick(`${layer.weights.name}${o * x.length + h + 1}`, v), 0) +
        (layer.biases ? pick(`${layer.biases.name}${o + 1}`, layer.biases.values[o]!) : 0),
      );
      if (layer.activation === 'softmax') {
        const top = Math.max(...z);
        const e = z.map((v) => Math.exp(v - top));
        const total = e.reduce((a, b) => a + b, 0);
        maps = [e.map((v) => v / total)];
      } else {
        maps = [z.map((v) => act(layer.activation, v))];
      }
    }
  }
  const out = maps.flat();
  const t = rubric.target.values;
  return rubric.loss.kind === 'cross-entropy'
    ? -out.reduce((sum, o, k) => sum + t[k]! * Math.log(o), 0)
    : rubric.loss.factor * out.reduce((sum, o, k) => sum + (o - t[k]!) ** 2, 0);
}
