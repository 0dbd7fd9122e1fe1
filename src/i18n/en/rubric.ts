/** What is wrong with a rubric, for the TA who wrote it, in English. */
import type { Context, Said } from '../types.js';

export const rubric = {
  'rubric.problems': (p: { file: string; count: number }) => `${p.file}: ${p.count === 1 ? '1 problem' : `${p.count} problems`}`,
  'rubric.topLevel': () => '(top level)',
  'rubric.tooLarge': () => 'file is too large for a rubric',
  'rubric.yaml': (p: { detail: string }) => `YAML: ${p.detail}`,
  'rubric.missing': (p: { expected: string }) => `missing (expected ${p.expected})`,
  'rubric.unknownKey': (p: { key: string }) => `unknown key "${p.key}"`,
  'rubric.noRubric': () => 'the file holds no rubric (expected keys such as id, layers, loss)',
  /** A problem the schema library said itself, in each language it speaks. */
  'rubric.schema': (p: { said: Readonly<Record<'en' | 'zh-CN', string>> }) => p.said.en,
  'rubric.finite': () => 'must be a finite number',
  'rubric.name': () => 'must start with a letter and hold only letters, digits and _',
  'rubric.id': () => 'must hold only letters, digits, ., _ and -',
  'rubric.layerKindMissing': (p: { kinds: readonly string[] }) => `missing (expected one of ${p.kinds.join(', ')})`,
  'rubric.layerKindUnknown': (p: { kind: string; kinds: readonly string[] }) => `unknown layer kind ${p.kind}; expected one of ${p.kinds.join(', ')}`,
  'rubric.duplicateId': (p: { id: string; owner: string }) => `the id "${p.id}" is already used (by ${p.owner}); ids must be unique`,
  'rubric.raggedKernel': (p: { n: number; count: number; width: number }) => `kernel ${p.n} has ${p.count} values; every kernel needs ${p.width}, as the first has`,
  'rubric.raggedRow': (p: { n: number; count: number; width: number }) => `row ${p.n} has ${p.count} values; every row needs ${p.width}, as the first has`,
  'rubric.kernelBiases': (p: { biases: number; kernels: number }) => `${p.biases} biases for ${p.kernels} kernels; give one each`,
  'rubric.denseBiases': (p: { biases: number; rows: number }) => `${p.biases} biases for ${p.rows} output units (weight rows); give one each`,
  'rubric.kernelTooLarge': (p: { size: number; length: number }, c: Context) => `${c.t.kernel} size ${p.size} is larger than its input (${p.length} values)`,
  'rubric.rowLength': (p: { length: number; count: number }) =>
    `each row needs ${p.length} weights, one per input from the layer below; this one has ${p.count}`,
  'rubric.convAfterMaps': (p: { maps: number }) => `conv1d reads one sequence, but the layer below gives ${p.maps} maps; put "- kind: flatten" before it`,
  'rubric.poolTooLarge': (p: { size: number; shortest: number }) => `pool size ${p.size} is larger than its input (${p.shortest} values per map)`,
  'rubric.softmaxNotLast': () => 'softmax is only allowed on the last layer',
  'rubric.lastNotDense': () => 'the last layer must be dense (it feeds the loss)',
  'rubric.targetCount': (p: { targets: number; outputs: number }) => `${p.targets} target values for ${p.outputs} outputs of the last layer`,
  'rubric.crossEntropyNeedsSoftmax': () => 'cross-entropy needs "activation: softmax" on the last layer',
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
