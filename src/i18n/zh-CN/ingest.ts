/** 读取学生文件时的问题（中文）：整个文件或某个单元格为何无法读取。 */
import type { ingest as english } from '../en/ingest.js';
import type { Translation } from '../types.js';
import { cutToWidth } from '../width.js';

/** Numbers grouped by thousands, as the English catalog writes them. */
const count = (n: number) => n.toLocaleString('en-US');

export const ingest: Translation<typeof english> = {
  'ingest.empty': () => '文件是空的',
  'ingest.tooLarge': (p) => `文件太大（${p.size}；上限为 ${p.limit}）`,
  'ingest.notSpreadsheet': (p, c) => `不是电子表格（看起来是${c.say(p.kind)}）：请另存为 .xlsx`,
  'ingest.xlsb': () => '这是 .xlsb 工作簿，无法读取：请另存为 .xlsx',
  'ingest.passwordProtected': () => '文件设有密码：请取消密码后重新保存',
  'ingest.damaged': (p) => `文件已损坏或不是电子表格（${p.detail}）`,
  'ingest.damagedOffice': () => '文件已损坏：Office 文件结构不完整',
  'ingest.zipDirectoryMissing': () => '文件已损坏：缺少 ZIP 目录（文件可能不完整）',
  'ingest.zipBroken': () => '文件已损坏：ZIP 结构不完整（文件可能不完整）',
  'ingest.zipMethod': (p) => `文件中有部分内容使用了电子表格不会用的压缩方式（方式 ${p.method}）`,
  'ingest.zipTooManyParts': (p) => `文件包含的部分太多（${p.count} 个；上限为 ${p.limit} 个）`,
  'ingest.zipTooLargeUnpacked': (p) => `解压后太大（超过 ${p.limit}）`,
  'ingest.cannotOpen': (p) => `无法打开文件${p.code === null ? '' : `（${p.code}）`}`,
  'ingest.officeDamagedSaveAgain': () => '文件已损坏：Office 文件结构不完整；请用 Excel、WPS 或 LibreOffice 打开，再另存为 .xlsx',
  'ingest.unzippedTooLargeHint': (p) => `解压后太大（超过 ${p.limit}）；请删除图片或不用的工作表后重新保存`,
  'ingest.tooManySheets': (p) => `工作表太多（${count(p.sheets)} 个；上限为 ${p.limit} 个）：只保留有答案的工作表，再重新保存`,
  'ingest.tooManyStrings': (p) => `不同的文本太多（${count(p.strings)} 个；上限为 ${count(p.limit)} 个）：只保留有答案的工作表，再重新保存`,
  'ingest.tooManyCellsFatal': (p) => `单元格太多（超过 ${count(p.cells)} 个；上限为 ${count(p.limit)} 个）：只保留有答案的工作表，再重新保存`,
  'ingest.tooManyRepeats': (p) => `有一个填了内容的单元格被重复到 ${count(p.cells)} 个以上的单元格（上限为 ${count(p.limit)} 个）：请清除没有填写的行和列，再重新保存`,
  'ingest.lineTooLong': (p) => `有一行太长（${count(p.chars)} 个字符；上限为 ${count(p.limit)} 个）：每行只写一个步骤`,
  'ingest.damagedFormat': (p) => `文件已损坏：无法读取这个 ${p.format} 文件；请用 Excel、WPS 或 LibreOffice 打开，再另存为 .xlsx`,
  'ingest.damagedFile': () => '文件已损坏：无法读取这个文件；请用 Excel、WPS 或 LibreOffice 打开，再另存为 .xlsx',
  'ingest.damagedNoCells': (p) => `文件已损坏：这个 ${p.format} 文件有数据，但读不出任何单元格；请用 Excel、WPS 或 LibreOffice 打开，再另存为 .xlsx`,
  'ingest.tooSlow': (p) => `读取时间超过了 ${p.seconds} 秒的上限；请用 Excel、WPS 或 LibreOffice 打开，删除不用的工作表，再另存为 .xlsx`,
  'ingest.tooMuchMemory': (p) => `读取所需内存超过了 ${p.megabytes} MB 的上限；请用 Excel、WPS 或 LibreOffice 打开，删除不用的工作表，再另存为 .xlsx`,
  'problem.bounded': (p, c) => cutToWidth(c.say(p.problem), p.columns),
  'ingest.moreProblems': (p) => `……还有 ${count(p.count)} 个问题（只列出前面几个）`,

  'fileKind.png': () => ' PNG 图片',
  'fileKind.jpeg': () => ' JPEG 图片',
  'fileKind.gif': () => ' GIF 图片',
  'fileKind.heic': () => '照片或视频（HEIC/MP4）',
  'fileKind.webp': () => ' WebP 图片',
  'fileKind.tiff': () => ' TIFF 图片',
  'fileKind.pdf': () => ' PDF 文件',
  'fileKind.rar': () => ' RAR 压缩包',
  'fileKind.7z': () => ' 7-Zip 压缩包',
  'fileKind.gzip': () => ' gzip 压缩包',
  'fileKind.rtf': () => ' RTF 文档',
  'fileKind.program': () => '可执行程序',
  'fileKind.word': () => ' Word 文档',
  'fileKind.powerpoint': () => ' PowerPoint 文件',
  'fileKind.office': () => '不含工作簿的 Office 文件',
  'fileKind.odt': () => '文本文档（odt）',
  'fileKind.numbers': () => ' Apple Numbers 文件',
  'fileKind.zip': () => ' ZIP 压缩包',
  'fileKind.binary': () => '未知类型的二进制数据',
  'fileKind.web': () => '网页或 XML 文件',

  'problem.tooManySheets': (p) => `共 ${p.sheets} 个工作表，只读取了前 ${p.read} 个`,
  'problem.tooManyRows': (p) => `工作表“${p.sheet}”只读取了前 ${p.rows} 行`,
  'problem.tooManyCells': (p) => `只读取了前 ${p.cells} 个单元格`,
  'problem.formatMismatch': (p) => `文件扩展名是 ${p.extension}，实际格式却是 ${p.format}；已按 ${p.format} 读取`,
  'problem.noAnswers': () => '没有找到任何步骤名称：请使用答题模板，或把每个步骤名称（如“loss”）写在一个单元格里，数值写在它右边的单元格',
  'problem.unknownStep': (p) =>
    `${p.cell} 处的“${p.label}”不是本次作业的步骤：它的值不计分${p.suggestion === null ? '' : `（你是不是想写 ${p.suggestion}？）`}`,
  'problem.duplicateLabel': (p) =>
    `步骤名称“${p.step}”重复出现在 ${p.first} 和 ${p.second}：${
      p.used === 'second' ? '第一处没有值，采用第二处'
        : p.used === 'first' ? '采用第一处'
          : `采用工作表“${p.sheet}”中的那一处${p.winner ? '（步骤名称最多的工作表）' : ''}`}`,
  'reading.readFrom': (p) => `取自 ${p.cell}，即步骤名称右边第 ${p.cells} 个单元格`,
  'problem.studentMismatch': (p) => `${p.cell} 处的学号是 ${p.id}，但文件名中的学号是 ${p.fromFile}：采用 ${p.id}`,

  'value.nothingAfter': (p) => `“${p.prefix}”后面没有内容`,
  'value.notANumber': () => '不是数字',
  'value.tooLong': (p) => `内容太长（超过 ${p.max} 个字符）`,
  'value.outOfRange': () => '数值超出范围',
  'value.divisionByZero': () => '除数为零',
  'value.severalPoints': () => '请只写一个数，且只有一个小数点',
  'value.formula': () => '这是公式而不是数字：请直接填写数值',
  'value.formulaWithoutValue': () => '公式没有保存计算结果：请打开文件，重新计算后保存',
  'value.boolean': () => 'TRUE/FALSE 不是数字',
  'value.cellError': (p) => `单元格显示错误（${p.shown}）`,
  'value.date': (p) => `显示为日期${p.shown ? `（${p.shown}）` : ''}：请把单元格格式设为数字，再重新输入数值`,

  'roster.empty': (p) => `${p.file}：名单是空的`,
  'roster.unreadable': (p, c) => `${p.file}：${c.say(p.detail)}`,
  'roster.noIdColumn': (p) => `${p.file}：前几行中没有学号列：请给学号列加上表头，如“学号”“Student ID”或“SIS User ID”`,
  'roster.noId': (p) => `${p.file}:${p.line}：${p.name === null ? '' : `${p.name} `}没有学号；这一行被略过`,
  'roster.duplicateId': (p) => `${p.file}:${p.line}：学号 ${p.id} 在第 ${p.earlier} 行已出现；这一行被略过`,
};
