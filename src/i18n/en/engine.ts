/** How a step is described to a person ("CC pre-activation, kernel 1, window 2"), in English. */
import type { Context, Said } from '../types.js';

export const engine = {
  'step.preActivation': (p: { layer: string; unit: Said }, c: Context) => `${p.layer} ${c.t.preActivation}, ${c.say(p.unit)}`,
  'step.output': (p: { layer: string; activation: string; unit: Said }, c: Context) => `${p.layer} ${p.activation} ${c.t.output}, ${c.say(p.unit)}`,
  'step.delta': (p: { layer: string; unit: Said }, c: Context) => `${p.layer} ${c.t.delta} at ${c.t.preActivation}, ${c.say(p.unit)}`,
  'step.updated': (p: { layer: string; parameter: string }) => `${p.layer} ${p.parameter} after the update`,
  'step.pooled': (p: { layer: string; max: boolean; map: number; from: number; to: number }, c: Context) =>
    `${p.layer} ${p.max ? 'max' : 'average'} of ${c.t.map} ${p.map}, ${c.t.window} ${p.from}–${p.to}`,
  'step.pooledDelta': (p: { layer: string; max: boolean; map: number; from: number; to: number }, c: Context) =>
    `${p.layer} ${c.t.delta} at ${p.max ? 'max' : 'average'} of ${c.t.map} ${p.map}, ${c.t.window} ${p.from}–${p.to}`,
  'step.crossEntropy': () => 'cross-entropy loss',
  'step.squaredError': () => 'squared-error loss',
  'unit.kernelWindow': (p: { kernel: number; window: number }, c: Context) => `${c.t.kernel} ${p.kernel}, ${c.t.window} ${p.window}`,
  'unit.dense': (p: { unit: number }, c: Context) => `${c.t.unit} ${p.unit}`,
};
