import type { Terms } from '../types.js';

export const terms: Terms = {
  delta: 'delta',
  coef: 'δ',
  preActivation: 'pre-activation',
  output: 'output',
  kernel: 'kernel',
  window: 'window',
  map: 'map',
  unit: 'unit',
  layer: 'layer',
  forward: 'forward',
  backward: 'backward',
  learningRate: 'learning rate',
  loss: 'loss',
  avgpool: 'average pool',
  maxpool: 'max pool',
};
