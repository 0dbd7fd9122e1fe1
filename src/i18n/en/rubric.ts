/** What is wrong with a rubric, for the TA who wrote it, in English. */
import type { Context, Said } from '../types.js';

/**
 * A zod issue as plain data. `kind`: a value of the wrong type (`expected`, `received`: zod's type
 * names), not one of `values`, above or below `limit` (`origin`: number, array or string), not
 * matching `pattern`, or anything else.
 */
export type SchemaIssue = {
  readonly en: string;
  readonly kind: 'type' | 'value' | 'tooBig' | 'tooSmall' | 'format' | 'other';
  readonly expected: string;
  readonly received: string;
  readonly values: readonly string[];
  readonly limit: number;
  readonly inclusive: boolean;
  readonly origin: string;
};

/** A shape or a list of numbers, as a parameter. */
type Dims = readonly number[];

/** How a conv layer's kernels nest, for sequences (rank 1) or 2-D maps. */
const kernelLayout = (rank: number) =>
  rank === 1 ? 'kernel → elements, or kernel → channel → elements' : 'kernel → rows → columns, or kernel → channel → rows → columns';

export const rubric = {
  'rubric.problems': (p: { file: string; count: number }) => `${p.file}: ${p.count === 1 ? '1 problem' : `${p.count} problems`}`,
  'rubric.topLevel': () => '(top level)',
  'rubric.tooLarge': () => 'file is too large for a rubric',
  /** A YAML syntax error: `code` is the yaml library's (DUPLICATE_KEY, BAD_INDENT, …), `detail` its own English words. */
  'rubric.yaml': (p: { code: string; detail: string }) => `YAML: ${p.detail}`,
  'rubric.missing': (p: { expected: string }) => `missing (expected ${p.expected})`,
  'rubric.unknownKey': (p: { key: string }) => `unknown key "${p.key}"`,
  'rubric.noRubric': () => 'the file holds no rubric (expected keys such as id, layers, loss)',
  /**
   * A problem the schema library (zod) found, said in English in its own words (`en`); other
   * languages say it from the issue as data: its kind, the types, values or limit it names.
   */
  'rubric.schema': (p: SchemaIssue) => p.en,
  'rubric.finite': () => 'must be a finite number',
  'rubric.magnitude': (p: { limit: string }) => `must be a finite number between −${p.limit} and ${p.limit}`,
  'rubric.expectedNumber': () => 'expected a number',
  'rubric.expectedNested': () => 'expected a number or a list of numbers',
  'rubric.expectedPair': () => 'expected a number or [rows, columns]',
  'rubric.name': () => 'must start with a letter and hold only letters, digits and _',
  'rubric.id': () => 'must hold only letters, digits, ., _ and -',
  'rubric.layerKindMissing': (p: { kinds: readonly string[] }) => `missing (expected one of ${p.kinds.join(', ')})`,
  'rubric.layerKindUnknown': (p: { kind: string; kinds: readonly string[] }) => `unknown layer kind ${p.kind}; expected one of ${p.kinds.join(', ')}`,
  'rubric.duplicateId': (p: { id: string; owner: string }) => `the id "${p.id}" is already used (by ${p.owner}); ids must be unique`,
  'rubric.raggedRow': (p: { n: number; count: number; width: number }) => `row ${p.n} has ${p.count} values; every row needs ${p.width}, as the first has`,
  /** A nested list (an input's values, a kernel's) whose items differ in shape; a shape is its dims, [] for a number. */
  'rubric.raggedShape': (p: { kernel: boolean; n: number; has: Dims; needs: Dims }) => {
    const noun = p.kernel ? 'kernel' : 'item';
    const what = (dims: Dims, unit: string) => (dims.length === 0 ? 'a number' : dims.length === 1 ? `${dims[0]}${unit}` : `the shape ${dims.join(' × ')}`);
    return `${noun} ${p.n} has ${what(p.has, ' values')}; every ${noun} needs ${what(p.needs, '')}, as the first has`;
  },
  'rubric.biasCount': (p: { biases: number; units: number; dense: boolean }) =>
    `${p.biases} biases for ${p.units} ${p.dense ? 'output units (weight rows)' : 'kernels'}; give one each (or "shared: true" and one value)`,
  'rubric.sharedBias': (p: { biases: number }) => `a shared bias is one value; ${p.biases} are given`,
  'rubric.kernelDepth': (p: { depth: number; kind: string; rank: number }) => `kernels are nested ${p.depth} deep; ${p.kind} kernels are ${kernelLayout(p.rank)}`,
  'rubric.kernelChannels': (p: { channels: number; maps: number }) =>
    `each kernel has ${p.channels} channels, but the layer below gives ${p.maps === 1 ? 'one map' : `${p.maps} maps`}; give one channel per map`,
  'rubric.kernelNeedsChannels': (p: { maps: number; rank: number }) =>
    `the layer below gives ${p.maps} maps: give each kernel one channel per map (${kernelLayout(p.rank)}), or put "- kind: flatten" before this layer to read them as one sequence`,
  'rubric.paddingTooLarge': (p: { padding: number; kernel: Dims }) =>
    `padding ${p.padding} is not smaller than the kernel (${p.kernel.join(' × ')}); a window would hold only zeros`,
  'rubric.kernelTooLarge': (p: { kernel: Dims; input: Dims; padding: Dims }) =>
    p.kernel.length === 1
      ? `kernel size ${p.kernel[0]} is larger than its input (${p.input[0]} values${p.padding[0] ? ` with padding ${p.padding[0]}` : ''})`
      : `kernel ${p.kernel.join(' × ')} is larger than its input (${p.input.join(' × ')}${p.padding.some((n) => n > 0) ? `, padding ${p.padding.join(' × ')}` : ''})`,
  /** A conv layer over maps of the wrong rank: `below` is the dims of what the layer below gives. */
  'rubric.convInput': (p: { kind: string; rank: number; below: Dims }) =>
    `${p.kind} reads ${p.rank === 1 ? 'sequences' : '2-D maps'}, but the layer below gives ${p.below.length === 1 ? 'sequences' : `${p.below.join(' × ')} grids`}`,
  'rubric.poolPairOnSequences': (p: { key: string; value: Dims }) =>
    `${p.key} [${p.value.join(', ')}] is for 2-D maps; the layer below gives sequences, so give one number`,
  'rubric.rowLength': (p: { length: number; count: number }) =>
    `each row needs ${p.length} weights, one per input from the layer below; this one has ${p.count}`,
  'rubric.poolTooLarge': (p: { size: Dims; input: Dims }) =>
    `pool size ${p.size.join(' × ')} is larger than its input (${p.input.length === 1 ? `${p.input[0]} values per map` : `${p.input.join(' × ')} maps`})`,
  'rubric.softmaxNotLast': () => 'softmax is only allowed on the last layer',
  'rubric.lastNotDense': () => 'the last layer must be dense (it feeds the loss)',
  'rubric.targetCount': (p: { targets: number; outputs: number }) => `${p.targets} target values for ${p.outputs} outputs of the last layer`,
  'rubric.crossEntropyNeedsSoftmax': () => 'cross-entropy needs "activation: softmax" on the last layer',
  'rubric.binaryCrossEntropyNeedsSigmoid': () => 'binary-cross-entropy needs "activation: sigmoid" on the last layer',
  'rubric.targetNotProbabilities': (p: { target: Dims; sum: number }) =>
    `cross-entropy needs a target that is a probability vector (no negative value, summing to 1), such as a one-hot [1, 0]; [${p.target.join(', ')}] sums to ${p.sum}`,
  'rubric.targetOutsideUnit': (p: { target: Dims }) => `binary-cross-entropy needs every target value between 0 and 1; [${p.target.join(', ')}] has one outside`,
  'rubric.inputAndSamples': () => 'give either "input" and "target" (one sample) or "samples" (a batch), not both',
  'rubric.noInput': () => 'missing: give "input" and "target" (one sample), or "samples" (a batch)',
  'rubric.inputDepth': (p: { depth: number }) => `input values are nested ${p.depth} deep; give a sequence, rows of a grid, or channels of grids`,
  /** A step whose reference value overflows with the rubric's numbers. */
  'rubric.notFinite': (p: { step: string; value: 'nan' | 'infinity' | '-infinity' }) =>
    `with the rubric's numbers, the step "${p.step}" is ${p.value === 'nan' ? 'not a number (NaN)' : p.value === 'infinity' ? 'infinite (∞)' : 'infinite (−∞)'}; use smaller inputs, weights or learning rate, as a computation by hand would`,
  'rubric.mseNotSoftmax': () => 'softmax outputs go with cross-entropy; use another activation for mse',
  'rubric.noSuchStep': (p: { id: string }) => `no step has the id "${p.id}"`,
  'rubric.noSuchGroup': (p: { key: string; layer: string }) => `no layer or section is called "${p.key}" (sections are like "${p.layer} · forward")`,
  'rubric.labelConflict': (p: { label: string; ids: readonly string[] }) =>
    `the label "${p.label}" would name ${p.ids.join(' and ')}: a student's sheet could not tell them apart; rename one`,
  'rubric.tooManyAliases': (p: { limit: number }) => `YAML: too many aliases (*name) expanded (the limit is ${p.limit}); write the values out`,
  'rubric.aliasConflict': (p: { label: string; ids: readonly string[] }) => `the label "${p.label}" would name ${p.ids.join(' and ')}`,
  /** A problem found elsewhere, said inside another message. */
  'rubric.nested': (p: { problem: Said }, c: Context) => c.say(p.problem),
};
