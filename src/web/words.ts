/**
 * The page's own words in each language it speaks. Grading messages are not here: they are what
 * the grading library returns. A language missing a word is a type error.
 */
import type { Status } from '../grade/result.js';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface Words {
  /** The language's own name, on its switch button. */
  readonly langName: string;
  readonly langSwitch: string;
  readonly lead: string;
  readonly privacy: string;
  readonly pick: string;
  readonly dropHint: string;
  readonly template: string;
  readonly templateHint: string;
  readonly print: string;
  readonly starting: string;
  readonly ready: string;
  readonly reading: (file: string) => string;
  readonly graded: (file: string, score: string, seconds: string) => string;
  readonly couldNotRead: string;
  /** A file the page gave up on after the time limit. */
  readonly timedOut: (seconds: number) => string;
  readonly brokenPage: string;
  readonly student: string;
  readonly file: string;
  readonly score: string;
  readonly problems: string;
  readonly sections: string;
  readonly section: string;
  readonly points: string;
  readonly steps: string;
  readonly mark: string;
  readonly step: string;
  readonly written: string;
  readonly expected: string;
  readonly message: string;
  readonly network: string;
  readonly networkLabel: (counts: string) => string;
  readonly status: Readonly<Record<Status, string>>;
  readonly checkedOn: (date: string) => string;
  // A rubric with per-student numbers: the page asks for the student id.
  readonly idLabel: string;
  readonly idHint: string;
  readonly useId: string;
  readonly idChecking: string;
  readonly idKnown: (id: string) => string;
  readonly idUnknown: (id: string) => string;
  readonly needId: string;
  readonly templateNeedsId: string;
  readonly templateOwn: string;
}

export const WORDS: Readonly<Record<Lang, Words>> = {
  'zh-CN': {
    langName: '中文',
    langSwitch: '语言',
    lead: '自查作业：选择或拖入你填好的表格，逐步查看每一步的判定与得分。',
    privacy: '文件只在本页面中读取，不会上传，也不会发出任何网络请求；断网也能使用。',
    pick: '选择表格文件（.xlsx / .xls / .ods / .csv）',
    dropHint: '或把文件拖到这里',
    template: '下载空白模板',
    templateHint: '模板在本页面中生成。',
    print: '打印 / 存为 PDF',
    starting: '正在准备评分程序……',
    ready: '准备就绪：请选择文件。',
    reading: (file) => `正在读取 ${file} ……`,
    graded: (file, score, seconds) => `${file}：得分 ${score}（用时 ${seconds} 秒）`,
    couldNotRead: '无法读取该文件',
    timedOut: (seconds) => `读取超过 ${seconds} 秒仍未完成，已停止：文件可能已损坏或过大。请检查后重新保存再试。`,
    brokenPage: '本页面无法启动评分程序',
    student: '学生',
    file: '文件',
    score: '得分',
    problems: '读取时发现的问题',
    sections: '各部分得分',
    section: '部分',
    points: '得分',
    steps: '逐步批改',
    mark: '判定',
    step: '步骤',
    written: '你的答案',
    expected: '正确值',
    message: '说明',
    network: '网络各步一览',
    networkLabel: (counts) => `网络中每一步的判定：${counts}`,
    status: { correct: '正确', 'follow-through': '承前正确', incorrect: '错误', missing: '未填', unreadable: '无法识别' },
    checkedOn: (date) => `自查日期 ${date}`,
    idLabel: '学号',
    idHint: '本次作业每名学生的数字各不相同：请输入你的学号，按你自己的数字检查。学号一栏为空时，会读取表格中填写的学号。',
    useId: '确定',
    idChecking: '正在查找学号……',
    idKnown: (id) => `学号 ${id}：已找到你的数字，将按你自己的数字评分。可以下载填好你的数字的模板。`,
    idUnknown: (id) => `本页面中没有学号 ${id} 的数字。请核对学号，须与名单上的完全一致；如确认无误，请联系助教。`,
    needId: '请先输入学号：每名学生的数字各不相同，而表格和文件名中都没有学号。',
    templateNeedsId: '输入学号后，可下载填好你的数字的模板。',
    templateOwn: '下载你的模板',
  },
  en: {
    langName: 'English',
    langSwitch: 'Language',
    lead: 'Self-check: pick or drop your filled-in spreadsheet and see every step with its mark and score.',
    privacy: 'Your file is read inside this page only: nothing is uploaded and no network request is made; it works offline.',
    pick: 'Choose your spreadsheet (.xlsx / .xls / .ods / .csv)',
    dropHint: 'or drop the file here',
    template: 'Download the empty template',
    templateHint: 'The template is made inside this page.',
    print: 'Print / Save as PDF',
    starting: 'Getting the grader ready…',
    ready: 'Ready: choose your file.',
    reading: (file) => `Reading ${file}…`,
    graded: (file, score, seconds) => `${file}: ${score} (in ${seconds} s)`,
    couldNotRead: 'Could not read the file',
    timedOut: (seconds) => `reading took longer than ${seconds} s and was stopped: the file may be damaged or too large. Check it, save it again and retry.`,
    brokenPage: 'This page could not start its grader',
    student: 'Student',
    file: 'File',
    score: 'Score',
    problems: 'Problems found while reading',
    sections: 'Score by section',
    section: 'Section',
    points: 'Points',
    steps: 'Every step, as marked',
    mark: 'Mark',
    step: 'Step',
    written: 'You wrote',
    expected: 'Expected',
    message: 'Why',
    network: 'The network, step by step',
    networkLabel: (counts) => `Every step of the network by its mark: ${counts}`,
    status: { correct: 'correct', 'follow-through': 'follow-through', incorrect: 'incorrect', missing: 'missing', unreadable: 'unreadable' },
    checkedOn: (date) => `checked on ${date}`,
    idLabel: 'Student ID',
    idHint: 'Every student has their own numbers in this homework: enter your student ID to be checked against yours. Left empty, the ID written in your spreadsheet is used.',
    useId: 'Use this ID',
    idChecking: 'Looking up the student ID…',
    idKnown: (id) => `Student ID ${id}: your numbers are found; your file is checked against them. You can download the template with your numbers.`,
    idUnknown: (id) => `This page holds no numbers for student ID ${id}. Check the ID: it must be exactly as on the class list. If it is right, ask your TA.`,
    needId: 'Enter your student ID first: every student has their own numbers, and neither the spreadsheet nor its file name gives an ID.',
    templateNeedsId: 'Enter your student ID to download the template with your numbers.',
    templateOwn: 'Download your template',
  },
};

export const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);
