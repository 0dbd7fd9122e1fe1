/**
 * Rubric errors of the layers and keys issue 10 added, and of issue 9's bounded numbers: each is
 * a clear message at its key and line, never a network silently built another way.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRubric } from '../../src/engine/compile.js';
import { formatPath, isRubricError, type LocatedProblem } from '../../src/rubric/problems.js';
import { edit, locationOf, seedText } from './seed.js';

const FILE = 'rubrics/broken.yaml';
const shipped = (name: string) => readFileSync(new URL(`../../rubrics/${name}.yaml`, import.meta.url), 'utf8');
const cnn2d = shipped('cnn2d');
const channels = shipped('cnn2d-channels');
const batch = shipped('mlp-batch2');

function problemsOf(text: string): LocatedProblem[] {
  try {
    compileRubric(text, FILE);
  } catch (error) {
    if (isRubricError(error)) return [...error.problems];
    throw error;
  }
  throw new Error('expected the rubric to be rejected');
}

/** [what, rubric text, from, to, line of this text, key path, message] */
type Row = [string, string, string, string, string, string, RegExp];

const rows: Row[] = [
  ['a ragged 2-D input', cnn2d, '[0.7, 0.3, 0.6, 0.2]', '[0.7, 0.3, 0.6]', '[0.7, 0.3, 0.6]', 'input.values[1]',
    /^item 2 has 3 values; every item needs 4, as the first has$/],
  ['a 2-D kernel nested too deep for one map below', cnn2d, '        - - [0.5, -0.3]\n          - [0.2, 0.4]', '        - - - [0.5, -0.3]\n            - [0.2, 0.4]\n          - - [0.1, 0.1]\n            - [0.1, 0.1]', '# k1_1_1, k1_1_2, k1_2_1, k1_2_2\n      values', 'layers[0].kernels.values',
    /^each kernel has 2 channels, but the layer below gives one map; give one channel per map$/],
  ['kernels nested 5 deep', cnn2d, '        - - [0.5, -0.3]\n          - [0.2, 0.4]', '        - - - - [0.5]', '# k1_1_1, k1_1_2, k1_2_1, k1_2_2\n      values', 'layers[0].kernels.values',
    /^kernels are nested 5 deep; conv2d kernels are kernel → rows → columns, or kernel → channel → rows → columns$/],
  ['a second conv with one-channel kernels over two maps', channels, '        - - - [0.3, -0.2]               # channel 1 (reads out_c1_*)\n            - [0.1, 0.4]\n          - - [-0.1, 0.2]               # channel 2 (reads out_c2_*)\n            - [0.5, -0.3]', '        - - [0.3, -0.2]\n          - [0.1, 0.4]', 'name: q\n      values', 'layers[1].kernels.values',
    /^the layer below gives 2 maps: give each kernel one channel per map \(kernel → rows → columns, or kernel → channel → rows → columns\), or put "- kind: flatten"/],
  ['a channel count that does not match the maps below', channels, '          - - [-0.1, 0.2]               # channel 2 (reads out_c2_*)\n            - [0.5, -0.3]\n', '          - - [-0.1, 0.2]\n            - [0.5, -0.3]\n          - - [0.1, 0.1]\n            - [0.1, 0.1]\n', 'name: q\n      values', 'layers[1].kernels.values',
    /^each kernel has 3 channels, but the layer below gives 2 maps; give one channel per map$/],
  ['padding as large as the kernel', cnn2d, 'padding: 1   ', 'padding: 2   ', 'padding: 2', 'layers[0].padding',
    /^padding 2 is not smaller than the kernel \(2 × 2\); a window would hold only zeros$/],
  ['conv2d over a sequence', seedText, 'kind: conv1d\n    name: CC', 'kind: conv2d\n    name: CC', 'kind: conv2d', 'layers[0].kind',
    /^conv2d reads 2-D maps, but the layer below gives sequences$/],
  ['a pool size for 2-D maps over sequences', seedText, '    size: 2\n    stride: 2', '    size: [2, 2]\n    stride: 2', 'size: [2, 2]', 'layers[1].size',
    /^size \[2, 2\] is for 2-D maps; the layer below gives sequences, so give one number$/],
  ['a cross-entropy target that is not a probability vector', cnn2d, 'values: [1, 0] }', 'values: [1, 1] }', 'values: [1, 1]', 'target.values',
    /^cross-entropy needs a target that is a probability vector \(no negative value, summing to 1\), such as a one-hot \[1, 0\]; \[1, 1\] sums to 2$/],
  ['binary cross-entropy over softmax', cnn2d, 'kind: cross-entropy, step', 'kind: binary-cross-entropy, step', 'activation: softmax', 'layers[2].activation',
    /^binary-cross-entropy needs "activation: sigmoid" on the last layer$/],
  ['a shared bias given two values', cnn2d, 'biases: { name: bo, values: [0.05, -0.05] }', 'biases: { name: bo, values: [0.05, -0.05], shared: true }', 'values: [0.05, -0.05], shared', 'layers[2].biases.values',
    /^a shared bias is one value; 2 are given$/],
  ['both input and samples', batch, 'samples:', 'input: { name: z, values: [1, 2] }\nsamples:', 'input: { name: z', 'input',
    /^give either "input" and "target" \(one sample\) or "samples" \(a batch\), not both$/],
  ['a sample with a target of the wrong length', batch, 'target: { name: y, values: [0] }', 'target: { name: y, values: [0, 1] }', 'values: [0, 1] }', 'samples[1].target.values',
    /^2 target values for 1 outputs of the last layer$/],
  ['a number of absurd magnitude in the input', cnn2d, '[0.2, 0.5, 0.1, 0.4]', '[0.2, 1e308, 0.1, 0.4]', '[0.2, 1e308', 'input.values[0][1]',
    /^must be a finite number between −1e\+6 and 1e\+6$/],
  ['a learning rate of absurd magnitude', cnn2d, 'learningRate: 0.5', 'learningRate: 1.0e+308', 'learningRate', 'learningRate',
    /^must be a finite number between −1e\+6 and 1e\+6$/],
  ['points of absurd magnitude', cnn2d, 'decimals: 4', 'decimals: 4\n  points: { default: 1.0e+300 }', 'default: 1.0e+300', 'grading.points.default',
    /^must be a finite number between/],
  // A softmax output that rounds to 0: 1 · ln 0 and 0 · ln 0 are not numbers.
  ['numbers that overflow a step', cnn2d, '[0.3, -0.2, 0.4, 0.1]', '[-3000, -0.2, 0.4, 0.1]', 'loss: { kind', 'loss.step',
    /^with the rubric's numbers, the step "loss" is (infinite \(∞\)|not a number \(NaN\)); use smaller inputs, weights or learning rate, as a computation by hand would$/],
];

describe('rubric errors of the new layers and keys', () => {
  it.each(rows)('%s', (_, base, from, to, needle, path, message) => {
    const text = edit(base, from, to);
    const problems = problemsOf(text);
    expect(problems.map((p) => [formatPath(p.path), p.message])).toEqual([[path, expect.stringMatching(message)]]);
    // A needle across lines names the line it ends on.
    expect(problems[0]!.line).toBe(locationOf(text, needle, needle.lastIndexOf('\n') + 1).line);
  });

  it('every shipped rubric compiles', () => {
    for (const name of ['seed-cnn', 'mazur-mlp', 'cnn2d', 'cnn2d-channels', 'mlp-batch2']) {
      expect(() => compileRubric(shipped(name), `rubrics/${name}.yaml`)).not.toThrow();
    }
  });
});
