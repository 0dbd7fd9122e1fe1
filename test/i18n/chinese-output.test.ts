/**
 * In zh-CN the self-check, the students' PDF reports and the class summary of the example class say
 * no English sentence: once step ids, file and cell names, numbers and formulas are taken out, no
 * English word is left. The same reading of the English output finds many, so the check can fail.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stepmark } from '../cli/run.js';
import { hasPdftotext } from '../report/helpers.js';
import { pageTexts } from '../report/pdf-text.js';
import { SEED_FILE } from '../rubric/seed.js';
import { englishWords } from './english-words.js';

const EXAMPLES = readdirSync('submissions').filter((file) => file.endsWith('.xlsx')).map((file) => `submissions/${file}`);

const pdfText = (bytes: Uint8Array): string =>
  hasPdftotext() ? execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8') : pageTexts(bytes).join('\n');

describe('zh-CN output of the example class', () => {
  const out = mkdtempSync(join(tmpdir(), 'stepmark-zh-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it.each(EXAMPLES)('check --lang zh-CN %s says no English sentence', async (file) => {
    const zh = await stepmark(['check', SEED_FILE, file, '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    expect(englishWords(zh.stdout)).toEqual([]);
    expect(zh.stdout).toMatch(/正向传播/);
    const en = await stepmark(['check', SEED_FILE, file, '--lang', 'en']);
    expect(englishWords(en.stdout).length).toBeGreaterThan(10);
  });

  it('every PDF report and the class summary say no English sentence (read back through pdftotext)', async () => {
    const run = await stepmark(['grade', SEED_FILE, 'submissions', '--out', out, '--lang', 'zh-CN', '--date', '2026-11-30']);
    expect(run.code).toBe(0);
    expect(englishWords(run.stdout.replaceAll(out, ' '))).toEqual([]);
    const pdfs = readdirSync(out).filter((file) => file.endsWith('.pdf'));
    expect(pdfs.sort()).toEqual(['2023000001.pdf', '2023000002.pdf', '2023000003.pdf', 'summary.pdf']);
    for (const pdf of pdfs) {
      const text = pdfText(readFileSync(join(out, pdf)));
      expect(englishWords(text), pdf).toEqual([]);
      expect(text, pdf).toContain('作业 1');
    }
    const summary = pdfText(readFileSync(join(out, 'summary.pdf')));
    for (const heading of ['分数分布', '最常见的错误类型', '数字笔误']) expect(summary).toContain(heading);
    const report = pdfText(readFileSync(join(out, '2023000001.pdf')));
    for (const words of ['逐步批改', '第 1 个卷积核', '承前正确']) expect(report).toContain(words);
  });
});
