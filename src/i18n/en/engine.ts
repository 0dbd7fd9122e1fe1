/** How a step is described to a person ("CC pre-activation, kernel 1, window 2"), in English. */
import type { Context, Said } from '../types.js';

export const engine = {
  'step.preActivation': (p: { layer: string; unit: Said | string }, c: Context) => `${p.layer} ${c.t.preActivation}, ${c.say(p.unit)}`,
  'step.output': (p: { layer: string; activation: string; unit: Said | string }, c: Context) => `${p.layer} ${p.activation} ${c.t.output}, ${c.say(p.unit)}`,
  'step.delta': (p: { layer: string; unit: Said | string }, c: Context) => `${p.layer} ${c.t.delta} at ${c.t.preActivation}, ${c.say(p.unit)}`,
  'step.updated': (p: { layer: string; parameter: string }) => `${p.layer} ${p.parameter} after the update`,
  'step.pooled': (p: { layer: string; max: boolean; where: Said }, c: Context) => `${p.layer} ${p.max ? 'max' : 'average'} of ${c.say(p.where)}`,
  'step.pooledDelta': (p: { layer: string; max: boolean; where: Said }, c: Context) =>
    `${p.layer} ${c.t.delta} at ${p.max ? 'max' : 'average'} of ${c.say(p.where)}`,
  /** A pooling window in a sequence, or in a 2-D map. */
  'window.sequence': (p: { map: number; from: number; to: number }, c: Context) => `${c.t.map} ${p.map}, ${c.t.window} ${p.from}–${p.to}`,
  'window.grid': (p: { map: number; rowFrom: number; rowTo: number; columnFrom: number; columnTo: number }, c: Context) =>
    `${c.t.map} ${p.map}, rows ${p.rowFrom}–${p.rowTo}, columns ${p.columnFrom}–${p.columnTo}`,
  'step.crossEntropy': () => 'cross-entropy loss',
  'step.binaryCrossEntropy': () => 'binary cross-entropy loss',
  'step.squaredError': () => 'squared-error loss',
  'step.lossSample': (p: { loss: Said; sample: number }, c: Context) => `${c.say(p.loss)}, sample ${p.sample}`,
  'step.ofSample': (p: { step: Said; sample: number }, c: Context) => `${c.say(p.step)}, sample ${p.sample}`,
  'step.lossBatch': (p: { loss: Said; mean: boolean }, c: Context) => `${c.say(p.loss)}, the batch's ${p.mean ? 'mean' : 'sum'}`,
  'unit.kernelWindow': (p: { kernel: number; window: number }, c: Context) => `${c.t.kernel} ${p.kernel}, ${c.t.window} ${p.window}`,
  'unit.kernelRowColumn': (p: { kernel: number; row: number; column: number }, c: Context) => `${c.t.kernel} ${p.kernel}, row ${p.row}, column ${p.column}`,
  'unit.dense': (p: { unit: number }, c: Context) => `${c.t.unit} ${p.unit}`,
};
