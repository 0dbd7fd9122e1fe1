/** 步骤说明（中文），如“CC 层净输入，第 1 个卷积核，第 2 个窗口”。 */
import type { engine as english } from '../en/engine.js';
import type { Translation } from '../types.js';

export const engine: Translation<typeof english> = {
  'step.preActivation': (p, c) => `${p.layer} ${c.t.layer}${c.t.preActivation}，${c.say(p.unit)}`,
  'step.output': (p, c) => `${p.layer} ${c.t.layer} ${p.activation} ${c.t.output}，${c.say(p.unit)}`,
  'step.delta': (p, c) => `${p.layer} ${c.t.layer}${c.t.preActivation}处的${c.t.delta}，${c.say(p.unit)}`,
  'step.updated': (p, c) => `${p.layer} ${c.t.layer} ${p.parameter} 更新后的值`,
  'step.pooled': (p, c) => `${p.layer} ${c.t.layer}${p.max ? c.t.maxpool : c.t.avgpool}，${c.say(p.where)}`,
  'step.pooledDelta': (p, c) => `${p.layer} ${c.t.layer}${p.max ? c.t.maxpool : c.t.avgpool}处的${c.t.delta}，${c.say(p.where)}`,
  'window.sequence': (p, c) => `第 ${p.map} 个${c.t.map}，第 ${p.from}–${p.to} 个元素`,
  'window.grid': (p, c) => `第 ${p.map} 个${c.t.map}，第 ${p.rowFrom}–${p.rowTo} 行、第 ${p.columnFrom}–${p.columnTo} 列`,
  'step.crossEntropy': () => '交叉熵损失',
  'step.binaryCrossEntropy': () => '二元交叉熵损失',
  'step.squaredError': () => '平方误差损失',
  'step.lossSample': (p, c) => `${c.say(p.loss)}，第 ${p.sample} 个样本`,
  'step.ofSample': (p, c) => `${c.say(p.step)}，第 ${p.sample} 个样本`,
  'step.lossBatch': (p, c) => `${c.say(p.loss)}，整批的${p.mean ? '平均值' : '总和'}`,
  'unit.kernelWindow': (p, c) => `第 ${p.kernel} 个${c.t.kernel}，第 ${p.window} 个${c.t.window}`,
  'unit.kernelRowColumn': (p, c) => `第 ${p.kernel} 个${c.t.kernel}，第 ${p.row} 行第 ${p.column} 列`,
  'unit.dense': (p, c) => `第 ${p.unit} 个${c.t.unit}`,
};
