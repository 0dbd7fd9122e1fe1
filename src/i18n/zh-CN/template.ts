/** 答题模板中的文字（中文）：表头、学生信息、填写说明、已知条件与输入提示。 */
import type { template as english } from '../en/template.js';
import type { Translation } from '../types.js';

const NUMERALS = ['零', '一', '二', '三', '四'];
/** `1` → 一维, as Chinese writes it. */
const dimensions = (digits: string | null): string => (digits === null ? '' : `${NUMERALS[Number(digits)] ?? `${digits} `}维`);

export const template: Translation<typeof english> = {
  'template.sheet': () => '答题',
  'template.studentId': () => '学号',
  'template.name': () => '姓名',
  'template.heading.step': () => '步骤',
  'template.heading.description': () => '说明',
  'template.heading.descriptionAndFormula': () => '说明及计算方法',
  'template.heading.value': () => '你的值',
  'template.sectionDecimals': (p) => `${p.section}（保留 ${p.decimals} 位小数）`,

  'template.precision.sigfigs': (p) => `每个数值都四舍五入（不要截断）保留 ${p.sigfigs} 位有效数字。`,
  'template.precision.decimals': (p) => `每个数值都四舍五入（不要截断）保留 ${p.decimals} 位小数，如 ${p.example}。`,
  'template.otherDecimals': () => '有些部分要求的小数位数不同：见该部分的标题。',
  'template.exactOnly': () => '每一步都与精确值比较：计算时请多保留几位小数。',
  'template.ownValues': () => '每一步可以用你自己前面各步四舍五入后的值，也可以用更精确的值。',
  'template.rightForYours': (p) =>
    p.percent === 100 ? '按你前面所填的值计算正确的步骤，得满分。' : `按你前面所填的值计算正确、但与精确值不同的步骤，得该步 ${p.percent}% 的分数。`,
  'template.moreDecimals': () => '多保留几位小数不会扣分，只要写出的每一位都正确。',
  'template.plainNumber': (p) => `每个值都填写普通数字，如 ${p.positive} 或 ${p.negative}；0,410 和 1.5e-3 也能识别。`,
  'template.textCells': (p) => `填写数值的单元格是文本格式，所以 ${p.positive} 会保留你输入的每一位小数。请填写数值，不要填公式。`,
  'template.fillIn': (p, c) => `只需填写学号、姓名和“${c.say(p.column)}”一列。`,
  'template.leaveEmpty': () => '没有计算的步骤请留空。',
  'template.prompt': (p) => `请填写四舍五入保留 ${p.decimals} 位小数的值，如 ${p.positive} 或 ${p.negative}。`,
  'template.valueNote': (p, c) => `${c.say(p.prompt)}单元格是文本格式：按你输入的内容评分。`,

  'template.givens': () => '已知条件',
  'template.learningRate': (_, c) => c.t.learningRate,
  'template.given.input': () => '输入',
  'template.given.target': () => '目标值',
  'template.given.kernels': (_, c) => c.t.kernel,
  'template.given.weights': () => '权重',
  'template.given.biases': () => '偏置',
  'template.grid': (p) => `${p.label}（${p.index.join('，')}）`,
  'template.layer': (p, c) => `${p.name === null ? '' : `${p.name} ${c.t.layer}：`}${c.say(p.what)}${p.details.length > 0 ? `，${p.details.join('，')}` : ''}。`,
  'template.layer.size': (p) => `大小 ${p.size}`,
  'template.layer.stride': (p) => `步长 ${p.stride}`,
  'template.layer.padding': (p) => (p.columns === null ? `补零 ${p.rows}` : `上下补零 ${p.rows}、左右补零 ${p.columns}`),
  'template.layer.activation': (p) => `激活函数 ${p.activation}`,
  'template.layer.noActivation': () => '无激活函数',
  'template.what.convolution': (p) => `${dimensions(p.dimensions)}卷积`,
  'template.what.crossCorrelation': (p) => `${dimensions(p.dimensions)}互相关`,
  'template.what.avgpool': (_, c) => c.t.avgpool,
  'template.what.maxpool': (_, c) => `${c.t.maxpool}（最大值相同时取第一个）`,
  'template.what.flatten': (_, c) => `展平（把各${c.t.map}依次连成一个序列）`,
  'template.what.dense': () => '全连接',
  'template.loss.squaredError': (p, c) => `${c.t.loss}：平方误差，${p.factor} · Σ (输出 − 目标值)²。`,
  'template.loss.crossEntropy': (p, c) => `${c.t.loss}：${p.softmax ? 'softmax 输出' : '输出'}与目标值的交叉熵。`,
};
