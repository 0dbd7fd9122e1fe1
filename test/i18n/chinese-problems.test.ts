/**
 * Bad input in zh-CN: a broken rubric, the 2-D network's rubric problems, a student's file with
 * unknown and duplicate labels and text where numbers should be, a damaged file, a bad output path,
 * the page's usage errors. Every message is said in Chinese: once file names, cells, step ids, the
 * rubric's key paths and its keys and values (`activation: sigmoid`) are taken out, no English word
 * is left. The same runs in English find English words, so the check can fail.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { budgetMessage } from '../../src/cli/read-pool.js';
import { evaluateGraph } from '../../src/engine/evaluate.js';
import { evaluateExact } from '../../src/engine/exact.js';
import { num, substitute } from '../../src/engine/expr.js';
import { createSay, english } from '../../src/i18n/index.js';
import { createLabelMatcher } from '../../src/ingest/labels.js';
import { problemNote } from '../../src/ingest/problems.js';
import { readSubmission } from '../../src/ingest/read.js';
import type { GradeResult } from '../../src/grade/result.js';
import { gradebookCsv } from '../../src/report/gradebook.js';
import { localizeResult } from '../../src/report/localize.js';
import { stepmark, type Outcome } from '../cli/run.js';
import { edit, SEED_FILE, seedText } from '../rubric/seed.js';
import { fileOf, gradeCase, sheetOf } from '../support/casefiles.js';
import { roundTo, seedReference } from '../support/submissions.js';
import { englishWords } from './english-words.js';

/** Names that are no sentence in these messages: the rubric's keys and values, programs, the YAML format. */
const NAMES = [
  'YAML', 'ZIP', 'PDF', 'JSON', 'Tab', 'NaN', 'Excel', 'WPS', 'LibreOffice', 'xlsx', 'html', 'npm', 'run', 'build', 'zh', 'CN', 'en',
  'yaml', 'json', 'activation', 'kind', 'flatten', 'shared', 'true', 'input', 'samples', 'size', 'stride', 'conv', 'avgpool', 'maxpool', 'dense',
];

/**
 * A rubric problem line's place (`file:line:col: layers[0].kernels.values: `) is a key path, and
 * what is quoted is someone's own (a rubric's value "updated-weights", a key “strid”, an option
 * “--lang <language>” and its value “fr”), and so are an option (--date) and a system error's code (EISDIR): no sentence.
 */
const withoutKeyPaths = (text: string): string =>
  text.replace(/^(\s*\S+?:\d+:\d+: )\S+: /gm, '$1').replace(/"[^"\n]*"/g, ' ').replace(/“[^”\n]*”/g, ' ').replace(/--[a-z-]+/g, ' ').replace(/\bE[A-Z]{3,}\b/g, ' ');

const words = (outcome: Outcome, folder?: string): string[] => {
  const text = `${outcome.stdout}\n${outcome.stderr}`;
  return englishWords(withoutKeyPaths(folder === undefined ? text : text.replaceAll(folder, ' ')), NAMES);
};

const cnn2d = readFileSync(new URL('../../rubrics/cnn2d.yaml', import.meta.url), 'utf8');
const batch = readFileSync(new URL('../../rubrics/mlp-batch2.yaml', import.meta.url), 'utf8');

/** [what, rubric text]: each a rubric the builder or the loader refuses. */
const BROKEN_RUBRICS: readonly (readonly [string, string])[] = [
  ['YAML syntax: a flow list over lines, a stray colon', 'id: x\ntitle: [a\n  b: :\n'],
  ['YAML: a key twice', edit(seedText, 'learningRate: 0.7', 'learningRate: 0.7\nlearningRate: 0.5')],
  ['YAML: a tab as indentation', edit(seedText, '    stride: 2\n', '\tstride: 2\n')],
  ['a text where a number should be, an unknown choice, zero, an unknown key', edit(edit(edit(seedText, 'learningRate: 0.7', 'learningRate: abc'), 'convention: updated-weights', 'convention: foo'), '    stride: 2', '    strid: 2')],
  ['a number of absurd magnitude', edit(seedText, 'learningRate: 0.7', 'learningRate: 1.0e+308')],
  ['a ragged 2-D input', edit(cnn2d, '[0.7, 0.3, 0.6, 0.2]', '[0.7, 0.3, 0.6]')],
  ['kernels nested 5 deep', edit(cnn2d, '        - - [0.5, -0.3]\n          - [0.2, 0.4]', '        - - - - [0.5]')],
  ['a 2-D kernel with channels over one map', edit(cnn2d, '        - - [0.5, -0.3]\n          - [0.2, 0.4]', '        - - - [0.5, -0.3]\n            - [0.2, 0.4]\n          - - [0.1, 0.1]\n            - [0.1, 0.1]')],
  ['padding as large as the kernel', edit(cnn2d, 'padding: 1   ', 'padding: 2   ')],
  ['conv2d over a sequence', edit(seedText, 'kind: conv1d\n    name: CC', 'kind: conv2d\n    name: CC')],
  ['a pool size for 2-D maps over sequences', edit(seedText, '    size: 2\n    stride: 2', '    size: [2, 2]\n    stride: 2')],
  ['a cross-entropy target that is no probability vector', edit(cnn2d, 'values: [1, 0] }', 'values: [1, 1] }')],
  ['binary cross-entropy over softmax', edit(cnn2d, 'kind: cross-entropy, step', 'kind: binary-cross-entropy, step')],
  ['a shared bias given two values', edit(cnn2d, 'biases: { name: bo, values: [0.05, -0.05] }', 'biases: { name: bo, values: [0.05, -0.05], shared: true }')],
  ['both input and samples', edit(batch, 'samples:', 'input: { name: z, values: [1, 2] }\nsamples:')],
  ['numbers that overflow a step', edit(cnn2d, '[0.3, -0.2, 0.4, 0.1]', '[-3000, -0.2, 0.4, 0.1]')],
  ['a pool larger than its input', edit(seedText, 'steps: { out: out_pp, coef: coef_pp }\n    size: 2', 'steps: { out: out_pp, coef: coef_pp }\n    size: 9')],
  ['a kernel larger than its input', edit(seedText, '        - [1, 1, 0]\n', '        - [1, 1, 0]\n').replace(/- \[-1, 0, 1\]\n {8}- \[1, 0, -1\]\n {8}- \[1, 1, 0\]/, '- [-1, 0, 1, 1, 1, 1, 1]\n        - [1, 0, -1, 1, 1, 1, 1]\n        - [1, 1, 0, 1, 1, 1, 1]')],
];

describe('zh-CN: a broken rubric is told in Chinese', () => {
  it.each(BROKEN_RUBRICS)('%s', async (_, text) => {
    const files = { '评分标准.yaml': text };
    const zh = await stepmark(['reference', '评分标准.yaml', '--lang', 'zh-CN'], files);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/^stepmark: 评分标准\.yaml：\d+ 个问题\n/);
    expect(words(zh)).toEqual([]);
    const en = await stepmark(['reference', '评分标准.yaml', '--lang', 'en'], files);
    expect(en.code).toBe(2);
    expect(words(en).length).toBeGreaterThan(0);
  });
});

describe("zh-CN: a student's file, a damaged file, output paths and the page", () => {
  const dir = mkdtempSync(join(tmpdir(), 'stepmark-zh-problems-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const put = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const both = async (argv: readonly string[]) => [await stepmark([...argv, '--lang', 'zh-CN']), await stepmark([...argv, '--lang', 'en'])] as const;

  it('a sheet with unknown and duplicate labels, text, formulas and values two cells right', async () => {
    const s = (v: string): XLSX.CellObject => ({ t: 's', v });
    const n = (v: number): XLSX.CellObject => ({ t: 'n', v });
    const answers = sheetOf([
      [s('loss'), n(0.3)],
      [s('loss'), n(0.31)],
      [s('w44_new'), n(0.5)],
      [s('out_o1'), s('甲乙')],
      [s('out_o2'), s('0.6.4')],
      [s('in_o1'), s('exp(1)')],
      [s('in_o2'), { t: 'n', f: 'A1*2' } as XLSX.CellObject],
      [s('w1_new'), null, n(0.2)],
      [s('w2_new'), s('1/0')],
      [s('w3_new'), s('=')],
      [s('b1_new'), s('1e999')],
    ]);
    const scratch = sheetOf([[s('w1_new'), n(0.1)]]);
    const file = put('2023000009_测试.xlsx', fileOf({ 答案: answers, 草稿: scratch }));
    const [zh, en] = await both(['check', SEED_FILE, file]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^2023000009 测试：0\/91 /);
    for (const said of ['重复出现', '你是不是想写 w4_new', '不是数字', '只有一个小数点', '这是公式而不是数字', '公式没有保存计算结果', '除数为零', '后面没有内容', '数值超出范围', '取自 C8']) {
      expect(zh.stdout).toContain(said);
    }
    expect(words(zh, dir)).toEqual([]);
    expect(words(en, dir).length).toBeGreaterThan(10);

    // The same file in Gradescope: its tests are named by step and status, in Chinese.
    const submission = join(dir, 'gradescope');
    mkdirSync(submission, { recursive: true });
    writeFileSync(join(submission, '2023000009_测试.xlsx'), readFileSync(file));
    const results = join(dir, 'results.json');
    expect((await stepmark(['gradescope', SEED_FILE, '--submission', submission, '--results', results, '--lang', 'zh-CN'])).code).toBe(0);
    const json = JSON.parse(readFileSync(results, 'utf8')) as { output: string; tests: { name: string; output: string }[] };
    expect(json.tests.map((test) => test.name.replace(/^\w+：/, ''))).toEqual(expect.arrayContaining(['错误', '未填', '无法识别']));
    const said = [json.output, ...json.tests.flatMap((test) => [test.name, test.output])].join('\n');
    expect(englishWords(withoutKeyPaths(said), NAMES)).toEqual([]);
  });

  it('a damaged spreadsheet', async () => {
    const good = fileOf({ Answers: sheetOf([[{ t: 's', v: 'loss' }, { t: 'n', v: 0.3 }]]) });
    const file = put('2023000008_坏.xlsx', good.subarray(0, Math.floor(good.length / 2)));
    const [zh, en] = await both(['check', SEED_FILE, file]);
    expect(zh.stdout + zh.stderr).toContain('文件已损坏');
    expect(words(zh, dir)).toEqual([]);
    expect(words(en, dir).length).toBeGreaterThan(0);
  });

  it('output paths: a folder where a file goes, a folder that does not exist', async () => {
    const folder = join(dir, '文件夹.pdf');
    const templateFolder = join(dir, '文件夹.xlsx');
    for (const made of [folder, templateFolder]) mkdirSync(made, { recursive: true });
    const file = put('2023000007_好.xlsx', fileOf({ Answers: sheetOf([[{ t: 's', v: 'loss' }, { t: 'n', v: 0.3 }]]) }));
    const runs: (readonly string[])[] = [
      ['check', SEED_FILE, file, '--pdf', folder],
      ['grade', SEED_FILE, file, '--json', join(dir, '没有', '这个文件夹', '成绩.json')],
      ['template', SEED_FILE, '-o', templateFolder],
      ['page', SEED_FILE, '-o', join(dir, '没有这个文件夹', '自查.html')],
    ];
    for (const argv of runs) {
      const [zh, en] = await both(argv);
      expect(zh.code, zh.stderr).toBe(2);
      expect(words(zh, dir), zh.stderr).toEqual([]);
      expect(words(en, dir).length, en.stderr).toBeGreaterThan(0);
    }
  });

  it("the page's usage errors, a date that is no date", async () => {
    const exists = put('已有.html', '<p>');
    const runs: (readonly string[])[] = [
      ['page', SEED_FILE, '-o', join(dir, 'page.pdf')],
      ['page', SEED_FILE, '-o', exists],
      ['grade', SEED_FILE, 'submissions', '--out', join(dir, '报告'), '--date', '2026年11月30日'],
    ];
    for (const argv of runs) {
      const [zh, en] = await both(argv);
      expect(zh.code, zh.stderr).toBe(2);
      expect(words(zh, dir), zh.stderr).toEqual([]);
      expect(words(en, dir).length, en.stderr).toBeGreaterThan(0);
    }
  });

  it('an output of a batch that cannot be written', async () => {
    const file = put('2023000006_好.xlsx', fileOf({ Answers: sheetOf([[{ t: 's', v: 'loss' }, { t: 'n', v: 0.3 }]]) }));
    const runs = [['zh-CN', join(dir, '批量中文')], ['en', join(dir, '批量英文')]] as const;
    const [zh, en] = await Promise.all(runs.map(async ([lang, out]) => {
      mkdirSync(join(out, 'grades.csv'), { recursive: true });
      return stepmark(['grade', SEED_FILE, file, '--out', out, '--no-pdf', '--lang', lang]);
    }));
    expect(zh!.stderr).toMatch(/无法写入 grades\.csv：系统错误 E[A-Z]+；其他输出已写入/);
    expect(words(zh!, dir), zh!.stderr).toEqual([]);
    expect(en!.stderr).toMatch(/could not write grades\.csv: E[A-Z]+: .+; the other outputs were written/);
  });

  it('a language or a format that is not among the choices', async () => {
    const zh = { env: { LANG: 'zh_CN.UTF-8' } };
    for (const argv of [['reference', SEED_FILE, '--lang', 'fr'], ['reference', SEED_FILE, '--format', 'xml'], ['page', SEED_FILE, '-o', 'x.html', '--lang', 'fr']]) {
      const said = await stepmark(argv, {}, zh);
      expect(said.code, said.stderr).toBe(2);
      expect(said.stderr).toMatch(/无效/);
      expect(words(said), said.stderr).toEqual([]);
    }
  });
});

describe('zh-CN: messages built inside the grader', () => {
  const reference = seedReference();
  const { graph } = reference;
  const zh = createSay('zh-CN');

  it('a damaged file of unknown format is no "spreadsheet file" in either language', () => {
    const crashed = budgetMessage('worker failed: boom');
    expect(english(crashed)).toBe('damaged: this file could not be read; open it in Excel, WPS or LibreOffice and save it again as .xlsx');
    expect(zh(crashed)).toBe('文件已损坏：无法读取这个文件；请用 Excel、WPS 或 LibreOffice 打开，再另存为 .xlsx');
  });

  it('a mistake named on sibling steps ("as on …") is said in Chinese with the mistake', () => {
    // α forgotten on all of kernel 1's updates: named on the first, then on its siblings as on it.
    const ids = ['k11_new', 'k12_new', 'k13_new', 'b1_new'];
    const before = evaluateGraph(graph, { round: roundTo(3) });
    const forgotten = (id: string) => substitute(graph.byId.get(id)!.expr, (node) => (node.op === 'param' && node.name === 'α' ? num(1) : undefined));
    const given = new Map(ids.map((id) => [id, Number(evaluateExact(forgotten(id), { param: (n) => graph.params.get(n)!, ref: (r) => before.get(r)! }).toFixed(3))]));
    const values = evaluateGraph(graph, { round: roundTo(3), given });
    const result = gradeCase(reference, new Map([...values].map(([id, x]) => [id, Number(x.toFixed(3))])));
    const named = result.steps.filter((s) => / \(as on \w+\)$/.test(s.message));
    expect(named.length).toBeGreaterThan(0);
    const said = localizeResult(result, zh);
    for (const step of named) {
      const inChinese = said.steps.find((s) => s.id === step.id)!.message;
      expect(inChinese).toMatch(/漏乘了学习率 α（与 \w+ 相同）$/);
      expect(englishWords(inChinese, ['α'])).toEqual([]);
    }
  });

  it("the gradebook's cuts (a cell too long, more problems than fit) are said in Chinese", () => {
    const result = gradeCase(reference, new Map([['loss', 0.3]]));
    const long: GradeResult = { ...result, student: { id: '2023000009', name: '名'.repeat(5000) }, problems: Array.from({ length: 400 }, (_, k) => `第 ${k + 1} 个问题`) };
    const csv = gradebookCsv({ rubric: reference.rubric.id, results: [long] }, graph.sections.map((x) => x.id), graph.steps.map((x) => x.id), undefined, zh);
    expect(csv).toMatch(/名 ……（还有 1,0\d\d 个字符）/);
    expect(csv).toMatch(/第 \d+ 个问题; ……还有 \d+ 个/);
    expect(csv).not.toMatch(/more/);
  });

  it('a problem is bounded by display width in the language it is said in', () => {
    const s = (v: string): XLSX.CellObject => ({ t: 's', v });
    // Labels close to step ids, each beside a number: unknown steps with a suggestion, in a sheet with a long Chinese name.
    const rows = ['w4_nev', 'w5_nev', 'k11_nev'].map((label) => [s(label), { t: 'n', v: 0.5 } as XLSX.CellObject]);
    const bytes = fileOf({ 学生自己的草稿工作表学生自己的草稿工作表学生自己: sheetOf(rows) });
    const match = createLabelMatcher(graph.steps.map((step) => step.id), reference.rubric.aliases);
    const columns = 60;
    const submission = readSubmission(bytes, '2023000009_测试.xlsx', match, { maxProblemChars: columns });
    const unknown = submission.problems.filter((p) => p.code === 'unknown-step');
    expect(unknown).toHaveLength(3);
    for (const problem of unknown) {
      const inChinese = zh(problemNote(problem));
      expect(stringWidth(inChinese), inChinese).toBeLessThanOrEqual(columns);
      expect(inChinese).toMatch(/^.+处的.+…$/);
      expect(stringWidth(problem.message)).toBeLessThanOrEqual(columns);
    }
  });
});
