/** Every word the template shows, in English: headings, fields, instructions, givens, prompts. */
import type { Context, Said } from '../types.js';

export const template = {
  'template.sheet': () => 'Answers',
  'template.studentId': () => 'Student ID',
  'template.name': () => 'Name',
  'template.heading.step': () => 'Step',
  'template.heading.description': () => 'Description',
  'template.heading.descriptionAndFormula': () => 'Description, and how it is computed',
  'template.heading.value': () => 'Your value',
  /** A section's heading row when it asks for other decimals than the rest. */
  'template.sectionDecimals': (p: { section: string; decimals: number }) => `${p.section} (${p.decimals} decimals)`,

  'template.precision.sigfigs': (p: { sigfigs: number }) => `Write every value rounded (not cut off) to ${p.sigfigs} significant figures.`,
  'template.precision.decimals': (p: { decimals: number; example: string }) =>
    `Write every value rounded (not cut off) to ${p.decimals} decimals, e.g. ${p.example}.`,
  'template.otherDecimals': () => 'Some sections ask for other decimals: their heading says how many.',
  'template.exactOnly': () => 'Each step is graded against the exact value: carry more decimals than you write.',
  'template.ownValues': () => 'Each step may use your own rounded values of earlier steps, or more precise ones.',
  'template.rightForYours': (p: { percent: number }) =>
    `A step that is right for the earlier values you wrote ${p.percent === 100 ? 'earns full marks' : `earns ${p.percent}% of its points where it differs from the exact value`}.`,
  'template.moreDecimals': () => 'More decimals never hurt, as long as every decimal you write is right.',
  'template.plainNumber': (p: { positive: string; negative: string }) =>
    `Type each value as a plain number, e.g. ${p.positive} or ${p.negative}; 0,410 and 1.5e-3 are read too.`,
  'template.textCells': (p: { positive: string }) => `The value cells are text, so ${p.positive} keeps every decimal you type. Type values, not formulas.`,
  'template.fillIn': (p: { column: Said }, c: Context) => `Fill in your student ID and name, and the "${c.say(p.column)}" column only.`,
  'template.leaveEmpty': () => 'Leave a step empty if you did not compute it.',
  /** The prompt a value cell shows when selected (at most 255 characters). */
  'template.prompt': (p: { decimals: number; positive: string; negative: string }) =>
    `Type the value rounded to ${p.decimals} decimals, e.g. ${p.positive} or ${p.negative}.`,
  'template.valueNote': (p: { prompt: Said }, c: Context) => `${c.say(p.prompt)} The cell is text: what you type is graded as you typed it.`,

  'template.givens': () => 'Given values',
  'template.learningRate': (_: unknown, c: Context) => `${c.t.learningRate.charAt(0).toUpperCase()}${c.t.learningRate.slice(1)}`,
  'template.given.input': () => 'Input',
  'template.given.target': () => 'Target',
  'template.given.kernels': () => 'Kernels',
  'template.given.weights': () => 'Weights',
  'template.given.biases': () => 'Biases',
  /** One grid of a given with more than two dimensions: "Kernels, 2" or "Kernels, 2, 1". */
  'template.grid': (p: { label: string; index: readonly string[] }) => `${p.label}, ${p.index.join(', ')}`,
  /** One sentence per layer: what it is and its settings (`details`, already said). */
  'template.layer': (p: { name: string | null; what: Said | string; details: readonly string[] }, c: Context) =>
    `${p.name === null ? 'Layer' : `Layer ${p.name}`}: ${c.say(p.what)}${p.details.length > 0 ? `, ${p.details.join(', ')}` : ''}.`,
  'template.layer.size': (p: { size: number }) => `size ${p.size}`,
  'template.layer.stride': (p: { stride: number }) => `stride ${p.stride}`,
  /** `columns` only when it differs from `rows` (2-D). */
  'template.layer.padding': (p: { rows: number; columns: number | null }) =>
    p.columns === null ? `zero padding ${p.rows}` : `zero padding ${p.rows} (top and bottom), ${p.columns} (left and right)`,
  'template.layer.activation': (p: { activation: string }) => `${p.activation} activation`,
  'template.layer.noActivation': () => 'no activation',
  'template.what.convolution': (p: { dimensions: string | null }) => (p.dimensions === null ? 'convolution' : `${p.dimensions}-D convolution`),
  'template.what.crossCorrelation': (p: { dimensions: string | null }) =>
    p.dimensions === null ? 'cross-correlation' : `${p.dimensions}-D cross-correlation`,
  'template.what.avgpool': () => 'average pooling',
  'template.what.maxpool': () => 'max pooling (ties: the first value)',
  'template.what.flatten': () => 'the maps joined into one sequence',
  'template.what.dense': () => 'fully connected',
  'template.loss.squaredError': (p: { factor: number }) => `Loss: squared error, ${p.factor} · Σ (output − target)².`,
  'template.loss.crossEntropy': (p: { softmax: boolean }) => `Loss: cross-entropy of the ${p.softmax ? 'softmax outputs' : 'outputs'} and the target.`,
};
