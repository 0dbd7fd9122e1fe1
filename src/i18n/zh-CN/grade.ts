/** 评分结论与错误诊断（中文）。公式与步骤编号作为参数原样保留。 */
import type { grade as english } from '../en/grade.js';
import type { Translation } from '../types.js';

const PLACES = ['个位', '十位', '百位', '千位'];

export const grade: Translation<typeof english> = {
  'grade.missing': () => '没有找到这一步的值',
  'grade.unreadable': (p, c) => `无法读取“${p.raw}”：${c.say(p.reason)}`,
  'grade.correct': () => '正确',
  'grade.fromYourValues': (p) => `由你所填的 ${p.steps.join('、')} 的值计算，结果正确`,
  'grade.withinRounding': () => '在你前面各步数值的舍入误差范围内，结果正确',
  'grade.fromRightValues': (p) => `由 ${p.steps.join('、')} 的正确值计算，结果正确（而不是你所填的值）`,
  'grade.withReadingNote': (p, c) => `${c.say(p.message)}（${c.say(p.note)}）`,
  'grade.incorrect': () => '与正确值不符，也不是由你前面各步的值算得的结果',

  'diagnosis.rounding.tooFewDecimals': (p) => `数值正确，但小数位数不够：请保留 ${p.required} 位小数`,
  'diagnosis.rounding.cutOffEarly': (p) => `数值正确，但在第 ${p.decimals} 位小数后直接截断了：请四舍五入，保留 ${p.required} 位小数`,
  'diagnosis.rounding.lastDigitCut': () => '数值正确，但最后一位是直接截断的，没有四舍五入',
  'diagnosis.digitSlip.swapped': () => '有两位相邻的数字写颠倒了：请检查数字的顺序',
  'diagnosis.digitSlip.oneDigit': (p) => {
    const place = p.power < 0 ? `小数点后第 ${-p.power} 位` : (PLACES[p.power] ?? '最高位');
    return `有一位数字错了（${place}）：请检查这一位是怎么算的，或是否抄错`;
  },
  'diagnosis.decimalShift': (p) => `相差 ${p.factor} 倍：请检查小数点的位置`,
  'diagnosis.derivative.missing': () => '缺少激活函数的导数因子',
  'diagnosis.derivative.atPreActivation': (p, c) => `导数是在${c.t.preActivation} ${p.pre} 处求的；应在输出处求导，即 ${p.derivative}`,
  'diagnosis.derivative.appliedTwice': (p) => `求导前又对 ${p.output} 做了一次激活；导数应为 ${p.derivative}`,
  'diagnosis.derivative.outputInstead': (p) => `用激活函数的输出代替了它的导数；导数应为 ${p.derivative}`,
  'diagnosis.derivative.leakyAsRelu': (p) => `${p.pre} ≤ 0 时导数是斜率 ${p.slope}，不是 0`,
  'diagnosis.wrongInput': (p) => `用错了相邻的值：应该用 ${p.right}，却用了 ${p.used}`,
  'diagnosis.routing.maxWrongElement': (_, c) => `最大池化的${c.t.delta}传给了窗口中错误的元素：它只传给窗口中取最大值的那个元素`,
  'diagnosis.routing.maxEveryElement': (_, c) => `最大池化的${c.t.delta}传给了窗口中的每个元素：它只传给窗口中取最大值的那个元素`,
  'diagnosis.routing.averageFactor': (p, c) => `缺少平均池化的系数 1/${p.size}：窗口中每个元素分得${c.t.delta}的 1/${p.size}`,
  'diagnosis.sign.outMinusTarget': () => '符号反了：应为 out − target（而不是 target − out）',
  'diagnosis.sign.delta': (_, c) => `符号反了：请检查构成这一项的每个${c.t.delta}和权重的符号`,
  'diagnosis.sign.value': () => '符号反了',
  'diagnosis.sign.oneTerm': (p) =>
    `有一项的符号错了：请检查${p.names.length > 0 ? `含 ${p.names.join(' · ')} 的那一项` : '只含已知值的那一项'}`,
  'diagnosis.convention.usedWeightsBefore': () => '用更新前的权重计算了；本课程用更新后的权重',
  'diagnosis.convention.usedUpdatedWeights': () => '用更新后的权重计算了；本课程用更新前的权重',
  'diagnosis.flip.notReversed': (_, c) => `按原样使用了${c.t.kernel}（互相关）；本课程用真卷积，${c.t.kernel}要翻转`,
  'diagnosis.flip.reversed': (_, c) => `把${c.t.kernel}翻转了（真卷积）；本课程用互相关，${c.t.kernel}按原样使用`,
  'diagnosis.flip.someLayer': (_, c) => `有${c.t.kernel}的方向用反了：请检查哪些层要翻转${c.t.kernel}`,
  'diagnosis.padding.none': (p) => `计算时没有补零；这一层在输入的每一边补 ${p.rubric} 圈零`,
  'diagnosis.padding.unwanted': (p) => `计算时补了 ${p.used} 圈零；这一层不补零`,
  'diagnosis.padding.wrong': (p) => `计算时补了 ${p.used} 圈零；这一层应补 ${p.rubric} 圈`,
  'diagnosis.wrongRow.yours': (p) => `这是你所填的 ${p.step} 的值：是不是填错了行？`,
  'diagnosis.wrongRow.right': (p) => `这是 ${p.step} 的值：是不是填错了行？`,
  'diagnosis.asOn': (p, c) => `${c.say(p.diagnosis)}（与 ${p.step} 相同）`,
  'diagnosis.updateDirection': () => '把梯度加上了；更新时应减去梯度：p − α·梯度',
  'diagnosis.learningRate.missing': (p, c) => `更新时漏乘了${c.t.learningRate} ${p.rate}`,
  'diagnosis.learningRate.twice': (p, c) => `${c.t.learningRate} ${p.rate} 乘了两次`,
};
