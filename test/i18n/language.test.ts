/** Which language a command speaks, and the course's own words in it. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../../src/grade/result.js';
import { createSay, languageFromEnvironment, msg, parseLanguage, voiceFor } from '../../src/i18n/index.js';
import { stepmark } from '../cli/run.js';
import { edit, seedText, SEED_FILE } from '../rubric/seed.js';

const EXAMPLE = 'submissions/2023000001_王晓东.xlsx';

describe('parseLanguage and the locale', () => {
  it.each([
    ['zh-CN', 'zh-CN'], ['zh', 'zh-CN'], ['zh_CN.UTF-8', 'zh-CN'], ['zh-Hans', 'zh-CN'], ['ZH_cn', 'zh-CN'],
    ['en', 'en'], ['en_US.UTF-8', 'en'], ['en-GB', 'en'],
    ['C', null], ['C.UTF-8', null], ['POSIX', null], ['fr_FR.UTF-8', null], ['', null], [undefined, null],
  ] as const)('%j is %j', (text, language) => {
    expect(parseLanguage(text)).toBe(language);
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG: the first one set', () => {
    expect(languageFromEnvironment({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(languageFromEnvironment({ LC_MESSAGES: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(languageFromEnvironment({ LC_ALL: 'zh_CN.GB18030', LC_MESSAGES: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(languageFromEnvironment({ LC_ALL: '', LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(languageFromEnvironment({})).toBeNull();
  });
});

describe('voiceFor', () => {
  it('takes --lang, else the rubric, else the locale, else English', () => {
    expect(voiceFor({ language: 'en', terms: {} }, 'zh-CN', 'en').language).toBe('zh-CN');
    expect(voiceFor({ language: 'zh-CN', terms: {} }, null, 'en').language).toBe('zh-CN');
    expect(voiceFor({ terms: {} }, null, 'zh-CN').language).toBe('zh-CN');
    expect(voiceFor({ terms: {} }, null, null).language).toBe('en');
  });

  it("keeps the rubric's words to their language", () => {
    expect(voiceFor({ language: 'zh-CN', terms: { delta: '灵敏度' } }, null, null).terms).toEqual({ delta: '灵敏度' });
    expect(voiceFor({ language: 'zh-CN', terms: { delta: '灵敏度' } }, 'en', null).terms).toEqual({});
    expect(voiceFor({ terms: { delta: 'coef' } }, 'en', null).terms).toEqual({ delta: 'coef' });
    expect(voiceFor({ terms: { 'zh-CN': { delta: '灵敏度' }, en: { delta: 'coef' } } }, 'en', null).terms).toEqual({ delta: 'coef' });
  });

  it('says the course\'s word where the catalog says the term', () => {
    const unit = msg('unit.kernelWindow', { kernel: 1, window: 2 });
    const delta = msg('step.delta', { layer: 'CC', unit });
    expect(createSay('zh-CN')(delta)).toBe('CC 层净输入处的误差项，第 1 个卷积核，第 2 个窗口');
    expect(createSay('zh-CN', { delta: '灵敏度', kernel: '滤波器' })(delta)).toBe('CC 层净输入处的灵敏度，第 1 个滤波器，第 2 个窗口');
    expect(createSay('en')(delta)).toBe('CC delta at pre-activation, kernel 1, window 2');
    expect(createSay('en', { delta: 'coef' })(delta)).toBe('CC coef at pre-activation, kernel 1, window 2');
  });
});

describe('--lang on the command line', () => {
  it('speaks the locale when nothing else says', async () => {
    const zh = await stepmark(['check', SEED_FILE, EXAMPLE], {}, { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain('CC 层 · 正向传播');
    const en = await stepmark(['check', SEED_FILE, EXAMPLE], {}, { env: { LANG: 'C.UTF-8' } });
    expect(en.stdout).toContain('CC · forward');
  });

  it("speaks the rubric's language:, and --lang over it", async () => {
    const rubric = 'zh.yaml';
    const files = { [rubric]: `language: zh-CN\n${seedText}` };
    expect((await stepmark(['check', rubric, EXAMPLE], files, { env: {} })).stdout).toContain('没有找到这一步的值');
    expect((await stepmark(['check', rubric, EXAMPLE, '--lang', 'en'], files, { env: {} })).stdout).toContain('no value found for this step');
  });

  it("says the rubric's terms in the template and the reference", async () => {
    const rubric = 'terms.yaml';
    const files = { [rubric]: edit(seedText, 'zh-CN: { coef: coef, delta: 误差项 coef,', 'zh-CN: { coef: coef, delta: 灵敏度,') };
    const csv = await stepmark(['reference', rubric, '--format', 'csv', '--lang', 'zh-CN'], files);
    expect(csv.stdout).toContain('CC 层净输入处的灵敏度，第 1 个卷积核，第 1 个窗口');
    const english = await stepmark(['reference', rubric, '--format', 'csv', '--lang', 'en'], files);
    expect(english.stdout).toContain('CC delta at pre-activation, kernel 1, window 1');
  });

  it('names the choices for a language it does not speak, and says usage errors in the language asked for', async () => {
    const bad = await stepmark(['check', SEED_FILE, EXAMPLE, '--lang', 'fr']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/en or zh-CN/);
    const missing = await stepmark(['grade', SEED_FILE, 'no/such/folder', '--lang', 'zh-CN']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no/such/folder：没有这个文件或文件夹');
  });

  it("lists a broken rubric's problems in the language asked for", async () => {
    const rubric = 'broken.yaml';
    const files = { [rubric]: edit(edit(seedText, 'kind: avgpool', 'kind: avgpol'), 'learningRate: 0.7', 'learningRate: -1') };
    const zh = await stepmark(['reference', rubric, '--lang', 'zh-CN'], files);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('broken.yaml：2 个问题');
    expect(zh.stderr).toContain('layers[1].kind: 未知的层类型 "avgpol"；应为 conv1d、conv2d、avgpool、maxpool、flatten、dense 之一');
    expect(zh.stderr).toContain('learningRate: 必须大于 0');
    const unknown = { [rubric]: edit(seedText, 'aliases:\n', 'aliases:\n  no_such_step: ["x"]\n') };
    const builder = await stepmark(['reference', rubric], unknown, { env: { LANG: 'zh_CN.UTF-8' } });
    expect(builder.stderr).toContain('aliases.no_such_step: 没有编号为“no_such_step”的步骤');
  });

  it('grade --json writes each message in the language asked for, with the message as data to say it again', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'stepmark-json-')), 'results.json');
    try {
      const run = await stepmark(['grade', SEED_FILE, EXAMPLE, '--json', out, '--lang', 'zh-CN']);
      expect(run.stdout).toContain('已评 1 个文件，共 1 个');
      const report = JSON.parse(readFileSync(out, 'utf8')) as GradeReport;
      const step = report.results[0]!.steps.find((s) => s.id === 'in_c1')!;
      expect(step.message).toBe('没有找到这一步的值');
      expect(step.note).toEqual({ key: 'grade.missing', params: {} });
      expect(createSay('en')(step.note!)).toBe('no value found for this step');
    } finally {
      rmSync(dirname(out), { recursive: true, force: true });
    }
  });

  it("says commander's errors and help in Chinese, and leaves its English as it was", async () => {
    const unknown = await stepmark(['check', SEED_FILE, EXAMPLE, '--pfd', '--lang', 'zh-CN']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('错误：未知的选项“--pfd”\n（你是不是想用 --pdf？）\n（运行“stepmark --help”查看用法）\n');
    const missing = await stepmark(['check', SEED_FILE], {}, { env: { LANG: 'zh_CN.UTF-8' } });
    expect(missing.stderr).toContain('错误：缺少必需的参数“file”');
    const english = await stepmark(['check', SEED_FILE, EXAMPLE, '--pfd']);
    expect(english.stderr).toBe("error: unknown option '--pfd'\n(Did you mean --pdf?)\n(run \"stepmark --help\" for usage)\n");
    const help = await stepmark(['reference', '--help', '--lang', 'zh-CN']);
    expect(help.stdout).toContain('用法： stepmark reference [options] <rubric>');
    // Joined again where the help wraps it (Chinese breaks without a space).
    expect(help.stdout.replace(/\n +/g, '')).toContain('输出格式（可选值："table"、"csv"、"json"；默认："table"）');
  });
});

