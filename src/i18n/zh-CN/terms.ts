import type { Terms } from '../types.js';

export const terms: Terms = {
  delta: '误差项',
  coef: 'δ',
  preActivation: '净输入',
  output: '输出',
  kernel: '卷积核',
  window: '窗口',
  map: '特征图',
  unit: '神经元',
  layer: '层',
  forward: '前向传播',
  backward: '反向传播',
  learningRate: '学习率',
  loss: '损失',
  avgpool: '平均池化',
  maxpool: '最大池化',
};
