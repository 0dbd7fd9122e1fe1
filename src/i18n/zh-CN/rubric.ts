/** 评分标准文件中的问题（中文），写给编写它的助教。 */
import type { ErrorCode } from 'yaml';
import type { rubric as english, SchemaIssue } from '../en/rubric.js';
import type { Translation } from '../types.js';

/** zod's type names (number, string, array, …) as a TA reads them. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  number: '数字', int: '整数', string: '文字', boolean: '布尔值（true 或 false）', array: '列表', object: '映射（键: 值）',
  undefined: '空', null: '空值', nan: '非数（NaN）', Infinity: '无穷大', '-Infinity': '负无穷大',
};
const typeName = (type: string): string => TYPE_NAMES[type] ?? '其他类型的值';

/** A zod issue in Chinese, from its data (zod's own Chinese keeps English type names). */
function schemaIssue(p: SchemaIssue): string {
  // A count (items of a list, characters of a text) is more or fewer; a number is larger or smaller.
  const counted = p.origin === 'array' ? ' 项' : p.origin === 'string' ? ' 个字符' : null;
  const [more, fewer] = counted === null ? ['大于', '小于'] : ['多于', '少于'];
  const unit = counted ?? '';
  switch (p.kind) {
    case 'type':
      return `应为${typeName(p.expected)}，实际是${typeName(p.received)}`;
    case 'value':
      return p.values.length === 1 ? `应为 ${p.values[0]}` : `应为以下之一：${p.values.join('、')}`;
    case 'tooBig':
      return p.inclusive ? `不能${more} ${p.limit}${unit}` : `必须${fewer} ${p.limit}${unit}`;
    case 'tooSmall':
      return p.inclusive ? `不能${fewer} ${p.limit}${unit}` : `必须${more} ${p.limit}${unit}`;
    case 'format':
      return '格式不正确';
    case 'other':
      return '无效的值';
  }
}

/** The yaml library's error codes, said in Chinese (the compiler asks for one more when yaml adds a code). */
export const YAML_ERRORS: Readonly<Record<ErrorCode, string>> = {
  ALIAS_PROPS: '别名（*…）不能带锚点或标签',
  BAD_ALIAS: '别名（*…）指向的锚点（&…）不存在',
  BAD_DIRECTIVE: '以 % 开头的 YAML 指令无效',
  BAD_DQ_ESCAPE: '双引号字符串中有无效的转义（\\…）',
  BAD_INDENT: '缩进不正确',
  BAD_PROP_ORDER: '锚点（&…）或标签（!…）的位置不正确',
  BAD_SCALAR_START: '值不能以这个字符开头；如有需要，请给它加上引号',
  BLOCK_AS_IMPLICIT_KEY: '多行内容不能用作键',
  BLOCK_IN_FLOW: '方括号或花括号内不能使用多行（块）写法',
  BAD_COLLECTION_TYPE: '列表或映射的类型不正确',
  DUPLICATE_KEY: '同一层中有重复的键',
  IMPOSSIBLE: '无法解析这一处',
  KEY_OVER_1024_CHARS: '键太长（超过 1024 个字符）',
  MISSING_CHAR: '缺少字符（如闭合的引号、] 或 }）',
  MULTILINE_IMPLICIT_KEY: '键必须写在同一行内',
  MULTIPLE_ANCHORS: '一个值只能有一个锚点（&…）',
  MULTIPLE_DOCS: '文件中只能有一个 YAML 文档（不要用 --- 分隔出多个）',
  MULTIPLE_TAGS: '一个值只能有一个标签（!…）',
  NON_STRING_KEY: '键必须是文字',
  RESOURCE_EXHAUSTION: '文件太复杂，无法解析',
  TAB_AS_INDENT: '缩进中不能使用制表符（Tab）；请改用空格',
  TAG_RESOLVE_FAILED: '无法识别的标签（!…）',
  UNEXPECTED_TOKEN: '这里有意料之外的内容（如多余的冒号、括号或缩进）',
};

/** How a conv layer's kernels nest, for sequences (rank 1) or 2-D maps. */
const kernelLayout = (rank: number, kernel: string) =>
  rank === 1 ? `${kernel} → 元素，或 ${kernel} → 通道 → 元素` : `${kernel} → 行 → 列，或 ${kernel} → 通道 → 行 → 列`;

export const rubric: Translation<typeof english> = {
  'rubric.problems': (p) => `${p.file}：${p.count} 个问题`,
  'rubric.topLevel': () => '（顶层）',
  'rubric.tooLarge': () => '文件太大，不像评分标准',
  // The yaml library's own words are English: its error code is said instead.
  'rubric.yaml': (p) => `YAML 语法错误：${(YAML_ERRORS as Readonly<Record<string, string>>)[p.code] ?? '无法解析这一处；请检查缩进、冒号、引号和括号'}`,
  'rubric.missing': (p) => `缺少此项（应为${typeName(p.expected)}）`,
  'rubric.unknownKey': (p) => `未知的键“${p.key}”`,
  'rubric.noRubric': () => '文件中没有评分标准（应有 id、layers、loss 等键）',
  'rubric.schema': (p) => schemaIssue(p),
  'rubric.finite': () => '必须是有限的数',
  'rubric.magnitude': (p) => `必须是 −${p.limit} 到 ${p.limit} 之间的有限的数`,
  'rubric.expectedNumber': () => '应为一个数',
  'rubric.expectedNested': () => '应为一个数或一个数的列表',
  'rubric.expectedPair': () => '应为一个数或 [行数, 列数]',
  'rubric.name': () => '必须以字母开头，只能包含字母、数字和 _',
  'rubric.id': () => '只能包含字母、数字、.、_ 和 -',
  'rubric.layerKindMissing': (p) => `缺少此项（应为 ${p.kinds.join('、')} 之一）`,
  'rubric.layerKindUnknown': (p) => `未知的层类型 ${p.kind}；应为 ${p.kinds.join('、')} 之一`,
  'rubric.duplicateId': (p) => `编号“${p.id}”已被使用（${p.owner}）；编号不能重复`,
  'rubric.raggedRow': (p) => `第 ${p.n} 行有 ${p.count} 个值；每行都应与第一行一样有 ${p.width} 个值`,
  'rubric.raggedShape': (p, c) => {
    const noun = p.kernel ? c.t.kernel : '项';
    const what = (dims: readonly number[]) => (dims.length === 0 ? '一个数' : dims.length === 1 ? `${dims[0]} 个值` : `形状 ${dims.join(' × ')}`);
    return `第 ${p.n} 个${noun}是${what(p.has)}；每个${noun}都应与第一个一样是${what(p.needs)}`;
  },
  'rubric.biasCount': (p, c) => {
    const units = p.dense ? '个输出单元（权重行）' : `个${c.t.kernel}`;
    return `${p.units} ${units}却有 ${p.biases} 个偏置；请每个给一个偏置（或写“shared: true”并只给一个值）`;
  },
  'rubric.sharedBias': (p) => `共享偏置只有一个值，这里给了 ${p.biases} 个`,
  'rubric.kernelDepth': (p, c) => `${c.t.kernel}嵌套了 ${p.depth} 层；${p.kind} 的${c.t.kernel}应写成${kernelLayout(p.rank, c.t.kernel)}`,
  'rubric.kernelChannels': (p, c) =>
    `每个${c.t.kernel}有 ${p.channels} 个通道，但前一层给出 ${p.maps} 个${c.t.map}；请每个${c.t.map}对应一个通道`,
  'rubric.kernelNeedsChannels': (p, c) =>
    `前一层给出 ${p.maps} 个${c.t.map}：请让每个${c.t.kernel}每个${c.t.map}有一个通道（${kernelLayout(p.rank, c.t.kernel)}），或在这一层前加上“- kind: flatten”，把它们当作一个序列读取`,
  'rubric.paddingTooLarge': (p, c) => `填充 ${p.padding} 不小于${c.t.kernel}大小（${p.kernel.join(' × ')}）；会有窗口全是零`,
  'rubric.kernelTooLarge': (p, c) =>
    p.kernel.length === 1
      ? `${c.t.kernel}大小 ${p.kernel[0]} 超过了输入（${p.input[0]} 个值${p.padding[0] ? `，填充 ${p.padding[0]}` : ''}）`
      : `${c.t.kernel} ${p.kernel.join(' × ')} 超过了输入（${p.input.join(' × ')}${p.padding.some((n) => n > 0) ? `，填充 ${p.padding.join(' × ')}` : ''}）`,
  'rubric.convInput': (p) =>
    `${p.kind} 读取的是${p.rank === 1 ? '序列' : '二维特征图'}，但前一层给出的是${p.below.length === 1 ? '序列' : ` ${p.below.join(' × ')} 的网格`}`,
  'rubric.poolPairOnSequences': (p) => `${p.key} [${p.value.join(', ')}] 用于二维特征图；前一层给出的是序列，请只写一个数`,
  'rubric.rowLength': (p) => `每行应有 ${p.length} 个权重，对应前一层的每个输入；这一行有 ${p.count} 个`,
  'rubric.poolTooLarge': (p, c) =>
    `池化窗口大小 ${p.size.join(' × ')} 超过了输入（${p.input.length === 1 ? `每个${c.t.map} ${p.input[0]} 个值` : `${p.input.join(' × ')} 的${c.t.map}`}）`,
  'rubric.softmaxNotLast': () => 'softmax 只能用在最后一层',
  'rubric.lastNotDense': () => '最后一层必须是 dense（它连接损失函数）',
  'rubric.targetCount': (p) => `最后一层有 ${p.outputs} 个输出，目标值却有 ${p.targets} 个`,
  'rubric.crossEntropyNeedsSoftmax': () => '交叉熵损失要求最后一层为“activation: softmax”',
  'rubric.binaryCrossEntropyNeedsSigmoid': () => '二元交叉熵损失要求最后一层为“activation: sigmoid”',
  'rubric.targetNotProbabilities': (p) =>
    `交叉熵损失要求目标值是一个概率向量（没有负值，总和为 1），如独热向量 [1, 0]；[${p.target.join(', ')}] 的总和是 ${p.sum}`,
  'rubric.targetOutsideUnit': (p) => `二元交叉熵损失要求每个目标值都在 0 到 1 之间；[${p.target.join(', ')}] 中有超出的值`,
  'rubric.inputAndSamples': () => '请只给出“input”和“target”（一个样本）或“samples”（一批样本）之一，不要同时给出',
  'rubric.noInput': () => '缺少输入：请给出“input”和“target”（一个样本），或“samples”（一批样本）',
  'rubric.inputDepth': (p) => `输入值嵌套了 ${p.depth} 层；请给出一个序列、网格的各行，或多个通道的网格`,
  'rubric.notFinite': (p) =>
    `按评分标准中的数值，步骤“${p.step}”的值${p.value === 'nan' ? '不是数（NaN）' : p.value === 'infinity' ? '为无穷大（∞）' : '为负无穷大（−∞）'}；请使用更小的输入、权重或学习率，像手算时那样`,
  'rubric.mseNotSoftmax': () => 'softmax 输出应配交叉熵损失；mse 请用其他激活函数',
  'rubric.noSuchStep': (p) => `没有编号为“${p.id}”的步骤`,
  'rubric.noSuchGroup': (p) => `没有名为“${p.key}”的层或部分（部分的写法如“${p.layer} · forward”）`,
  'rubric.labelConflict': (p) => `标签“${p.label}”会同时指向 ${p.ids.join(' 和 ')}：学生的表格无法区分它们；请重命名其中一个`,
  'rubric.tooManyAliases': (p) => `YAML：展开的别名（*…）太多（上限为 ${p.limit} 个）；请把值直接写出来`,
  'rubric.aliasConflict': (p) => `标签“${p.label}”会同时指向 ${p.ids.join(' 和 ')}`,
  'rubric.nested': (p, c) => c.say(p.problem),
};
