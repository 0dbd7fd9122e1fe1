/**
 * Per-student numbers in zh-CN: what `variants`, `variants --redraw`, `template --roster`, `check`
 * and `grade --out` say about them, integrity.csv's headings and details, and the problem sheet,
 * say no English sentence (names, ids, paths and formulas aside). The English run of the same
 * commands finds English words, so each check can fail.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { templateWorkbook } from '../../src/report/template.js';
import { parseVariantsCsv } from '../../src/variants/csv.js';
import { variantReference } from '../../src/variants/draw.js';
import { ROOT, stepmark } from '../cli/run.js';
import { englishWords } from '../i18n/english-words.js';
import { hasPdftotext } from '../report/helpers.js';
import { pageTexts } from '../report/pdf-text.js';
import { handRounded } from '../support/submissions.js';
import { seedPlan, seedVariantsText } from './fixtures.js';

const IDS = ['2023000001', '2023000002', '2023000003', '2023000004'];
const work = mkdtempSync(join(tmpdir(), 'stepmark-variants-zh-'));
const paths = {
  rubric: join(work, 'hw.yaml'),
  roster: join(work, 'class.csv'),
  secret: join(work, 'secret.txt'),
  out: join(work, 'variants.csv'),
};
/** What is left once the work folder's paths are taken out. */
const words = (text: string) => englishWords(text.replaceAll(work, ' '));
const pdfText = (bytes: Uint8Array): string =>
  hasPdftotext() ? execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8') : pageTexts(bytes).join('\n');

/** The PDF's Title, as pdfkit writes it: `/Title n 0 R`, a literal string in UTF-16BE after a byte-order mark. */
function pdfTitle(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes).toString('latin1');
  const ref = /\/Title (\d+) 0 R/.exec(latin1)?.[1];
  const literal = new RegExp(`\\n${ref} 0 obj\\n\\(((?:[^\\\\)]|\\\\[\\s\\S])*)\\)`).exec(latin1)?.[1] ?? '';
  const unescaped = literal.replace(/\\([0-7]{1,3}|[\s\S])/g, (_, c: string) =>
    /^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c);
  const raw = Buffer.from(unescaped, 'latin1');
  return raw[0] === 0xfe && raw[1] === 0xff ? Buffer.from(raw.subarray(2)).swap16().toString('utf16le') : raw.toString('latin1');
}

beforeAll(() => {
  writeFileSync(paths.rubric, seedVariantsText());
  writeFileSync(paths.roster, `学号,姓名\n${IDS.map((id, k) => `${id},学生${k}`).join('\n')}\n`);
  writeFileSync(paths.secret, 'a course secret of more than sixteen bytes\n');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('per-student numbers in zh-CN', () => {
  it('variants and variants --redraw say what they did in Chinese', async () => {
    const args = ['variants', paths.rubric, '--roster', paths.roster, '--secret-file', paths.secret, '-o', paths.out];
    const en = await stepmark([...args, '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(words(en.stdout).length).toBeGreaterThan(5);
    const zh = await stepmark([...args, '--force', '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('名学生');
    expect(words(zh.stdout)).toEqual([]);
    const redraw = await stepmark(['variants', paths.rubric, '--secret-file', paths.secret, '-o', paths.out, '--redraw', IDS[3]!, '--lang', 'zh-CN']);
    expect(redraw.code).toBe(0);
    expect(words(redraw.stdout)).toEqual([]);
    // Ranges that cannot make good homework: every draw breaks a constraint.
    const hopeless = join(work, 'hopeless.yaml');
    writeFileSync(hopeless, seedVariantsText('\nvariants:\n  values:\n    i: { choices: [0.1, 0.2] }\n  constraints:\n    - { distinct: [i] }\n  maxDraws: 5\n'));
    const none = await stepmark(['variants', hopeless, '--roster', paths.roster, '--secret-file', paths.secret, '-o', join(work, 'none.csv'), '--lang', 'zh-CN']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`学号 ${IDS[0]}：抽取 5 次仍没有合格的数字（违反约束 5 次）：请放宽取值范围或约束`);
    expect(englishWords(none.stderr.replaceAll(hopeless, ' '), ['variants'])).toEqual([]);
    const short = join(work, 'short.txt');
    writeFileSync(short, 'abc');
    const refused = await stepmark([...args, '--force', '--secret-file', short, '--lang', 'zh-CN'].filter((a, k, all) => !(a === paths.secret || (a === '--secret-file' && all[k + 1] === paths.secret))));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('字节');
  });

  it('template --roster writes Chinese problem sheets and says so in Chinese', async () => {
    const folder = join(work, 'sheets1');
    const zh = await stepmark(['template', paths.rubric, '--roster', paths.roster, '--variants', paths.out, '-o', folder, '--lang', 'zh-CN', '--date', '2026-11-30']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(words(zh.stdout)).toEqual([]);
    const sheet = pdfText(readFileSync(join(folder, `${IDS[0]}.pdf`)));
    expect(sheet).toContain('这些数据只属于你一人');
    // The rubric's title in the sheet's language (the seed's `titles: { zh-CN }`), in the page and in its metadata.
    expect(sheet).toContain('作业 1 · 一维卷积神经网络：正向传播与一步反向传播');
    expect(sheet).not.toContain('Homework 1');
    expect(pdfTitle(readFileSync(join(folder, `${IDS[0]}.pdf`)))).toContain('作业 1 · 一维卷积神经网络');
    const en = await stepmark(['template', paths.rubric, '--roster', paths.roster, '--variants', paths.out, '-o', join(work, 'templates-en'), '--lang', 'en', '--date', '2026-11-30']);
    expect(en.code).toBe(0);
    const english = readFileSync(join(work, 'templates-en', `${IDS[0]}.pdf`));
    expect(pdfText(english)).not.toContain('这些数据只属于你一人');
    // The title may break over two lines (after its clause mark): read it as one.
    expect(pdfText(english).replace(/\s+/g, ' ')).toContain('Homework 1 · 1-D CNN: forward pass');
    expect(pdfTitle(english)).toContain('Homework 1 · 1-D CNN');
  });

  it('a broken variants: section is told in Chinese, each problem by its own sentence', async () => {
    const broken = seedVariantsText(`
variants:
  values:
    i: { range: [0.9, 0.1], step: 0.1 }
    KK: { range: [0, 1], step: 0.000001 }
    w: 0.5
  constraints:
    - { different: [i] }
`);
    const empty = seedVariantsText('\nvariants:\n  values: {}\n');
    const run = (text: string, lang: string) => stepmark(['reference', 'hw.yaml', '--lang', lang], { 'hw.yaml': text });
    // The key path before each problem, and the section's own keys, are no sentence.
    const sentences = (text: string) => englishWords(text.replaceAll('hw.yaml', ' ').replace(/^\s*:\d+:\d+: \S+: /gm, ''), ['range', 'step', 'choices', 'distinct', 'nonzero']);
    const [en, emptyEn] = [await run(broken, 'en'), await run(empty, 'en')];
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('the range must go from the lowest value to the highest');
    expect(en.stderr).toContain('the step is too small for the range (over 100000 values)');
    expect(en.stderr).toContain('expected { distinct: [names] } or { nonzero: [names] }');
    expect(emptyEn.stderr).toContain('name at least one value to vary');
    expect(sentences(en.stderr + emptyEn.stderr).length).toBeGreaterThan(10);
    const [zh, emptyZh] = [await run(broken, 'zh-CN'), await run(empty, 'zh-CN')];
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/variants\.values\.i: range 的取值范围须从最小值写到最大值\n/);
    expect(zh.stderr).toMatch(/variants\.values\.KK: step 步长相对于取值范围太小（超过 100000 个值）\n/);
    expect(zh.stderr).toMatch(/variants\.values\.w: 应为 \{ range: \[最小值, 最大值\], step: 步长 \} 或 \{ choices: \[ … \] \}\n/);
    expect(zh.stderr).toMatch(/variants\.constraints\[0\]: 应为 \{ distinct: \[名称…\] \} 或 \{ nonzero: \[名称…\] \}\n/);
    expect(emptyZh.stderr).toMatch(/variants\.values: 请至少列出一个要变化的数值\n/);
    expect(zh.stderr + emptyZh.stderr).not.toContain('无效的值');
    expect(sentences(zh.stderr + emptyZh.stderr)).toEqual([]);
  });

  it('check without the variants file or an id says what to pass, in Chinese', async () => {
    const file = join(ROOT, 'submissions', '2023000001_王晓东.xlsx');
    const missing = await stepmark(['check', paths.rubric, file, '--lang', 'zh-CN']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--variants');
    expect(missing.stderr).toContain('各自的数字');
  });

  it('a usage error after the rubric is read speaks its language: (no --lang, no locale); --lang still comes first', async () => {
    const rubric = join(work, 'zh.yaml');
    writeFileSync(rubric, `${seedVariantsText()}\nlanguage: zh-CN\n`);
    const file = join(ROOT, 'submissions', '2023000001_王晓东.xlsx');
    const check = await stepmark(['check', rubric, file], {}, { env: {} });
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('各自的数字');
    const secretless = await stepmark(['variants', rubric, '--roster', paths.roster, '-o', join(work, 'zh-variants.csv')], {}, { env: {} });
    expect(secretless.code).toBe(2);
    expect(secretless.stderr).toContain('课程密钥');
    expect(words((secretless.stderr + check.stderr).replaceAll(work, ' ').replace(/--[a-z-]+|zh\.yaml|variants(?:\.csv)?/g, ' '))).toEqual([]);
    const english = await stepmark(['check', rubric, file, '--lang', 'en'], {}, { env: {} });
    expect(english.stderr).toContain('gives every student their own numbers');
  });

  it('check --id another student than the file gives: graded by --id, and says so in both languages, the score unchanged', async () => {
    const plan = seedPlan();
    const pinned = parseVariantsCsv(readFileSync(paths.out, 'utf8'), paths.out, plan).byId;
    const { rubric: own, graph } = variantReference(plan, pinned.get(IDS[0]!)!);
    const answers = handRounded(graph, 3);
    const named = join(work, 'named.xlsx');
    const anonymous = join(work, 'anonymous.xlsx');
    writeFileSync(named, templateWorkbook(own, graph, { filled: { student: { id: IDS[0]!, name: '王晓东' }, answers } }));
    writeFileSync(anonymous, templateWorkbook(own, graph, { filled: { student: { id: '', name: '王晓东' }, answers } }));
    const check = (file: string, lang: string, id = IDS[1]!) => stepmark(['check', paths.rubric, file, '--variants', paths.out, '--id', id, '--lang', lang]);
    const score = (text: string) => text.split('\n')[0]!.replace(/^.*?(\d)/, '$1');
    const [zh, en, plainZh, ownZh] = [await check(named, 'zh-CN'), await check(named, 'en'), await check(anonymous, 'zh-CN'), await check(named, 'zh-CN', IDS[0])];
    expect(zh.stdout).toContain(`已按所指定的学号 ${IDS[1]} 的数字评分；文件中的学号是 ${IDS[0]}`);
    expect(words(zh.stdout)).toEqual([]);
    expect(en.stdout).toContain(`graded against the numbers of student ${IDS[1]}, the id asked for; the file gives student id ${IDS[0]}`);
    // Another student's numbers cost points, exactly as many as for a file that names nobody.
    expect(score(zh.stdout)).not.toMatch(/^(\S+)\/\1 /);
    expect(score(zh.stdout)).toBe(score(plainZh.stdout));
    expect(plainZh.stdout).not.toContain('所指定的学号');
    expect(ownZh.stdout).not.toContain('所指定的学号');
    expect(ownZh.stdout).toMatch(/(\d+)\/\1 /);
  });

  it('reads the Chinese loss label (损失) against a student\'s own numbers, as without variants', async () => {
    const plan = seedPlan();
    const pinned = parseVariantsCsv(readFileSync(paths.out, 'utf8'), paths.out, plan).byId;
    const { rubric: own, graph } = variantReference(plan, pinned.get(IDS[2]!)!);
    const book = XLSX.read(templateWorkbook(own, graph, { filled: { student: { id: IDS[2]!, name: '王晓东' }, answers: handRounded(graph, 3) } }));
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const at = Object.keys(sheet).find((cell) => (sheet[cell] as XLSX.CellObject | undefined)?.v === 'loss');
    expect(at).toBeDefined();
    sheet[at!] = { t: 's', v: '损失' };
    const file = join(work, 'loss-in-chinese.xlsx');
    writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
    const run = await stepmark(['check', paths.rubric, file, '--variants', paths.out, '--lang', 'zh-CN']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/(\d+)\/\1 /);
    expect(run.stdout).not.toContain('损失」');
  });

  it('grade --out: integrity.csv has Chinese headings and details, and a planted copy is listed', async () => {
    const plan = seedPlan();
    const pinned = parseVariantsCsv(readFileSync(paths.out, 'utf8'), paths.out, plan).byId;
    const folder = join(work, 'class');
    mkdirSync(folder, { recursive: true });
    for (const [k, id] of IDS.entries()) {
      // The first student hands in the second's numbers, worked out.
      const whose = k === 0 ? IDS[1]! : id;
      const { rubric: own, graph } = variantReference(plan, pinned.get(whose)!);
      writeFileSync(join(folder, `${id}.xlsx`), templateWorkbook(own, graph, { filled: { student: { id, name: id }, answers: handRounded(graph, 3) } }));
    }
    const out = join(work, 'out');
    const run = await stepmark(['grade', paths.rubric, folder, '--variants', paths.out, '--out', out, '--lang', 'zh-CN', '--date', '2026-11-30']);
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = readFileSync(join(out, 'integrity.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header).toBe('迹象,学号,姓名,文件,对方学号,对方姓名,对方文件,步骤,说明');
    const copy = rows.find((row) => row.startsWith(`fits-another-variant,${IDS[0]}`));
    expect(copy).toContain(`与学号 ${IDS[1]} 的数字相符`);
    expect(pdfText(readFileSync(join(out, 'summary.pdf')))).toContain(`与学号 ${IDS[1]} 的数字相符`);
  });
});
