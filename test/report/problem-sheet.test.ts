/** The one-page problem sheet of a student with their own numbers, said in the language asked for. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compileRubric } from '../../src/engine/compile.js';
import { createSay, msg, voiceFor } from '../../src/i18n/index.js';
import { renderProblemSheetPdf } from '../../src/report/problem-sheet.js';
import { englishWords } from '../i18n/english-words.js';
import { hasPdftotext } from './helpers.js';
import { pageTexts } from './pdf-text.js';
import { seedText } from '../rubric/seed.js';

const { rubric } = compileRubric(seedText, 'seed-cnn.yaml').loaded;
const pdfText = (bytes: Uint8Array): string =>
  hasPdftotext() ? execFileSync('pdftotext', ['-layout', '-', '-'], { input: bytes }).toString('utf8') : pageTexts(bytes).join('\n');

describe('the problem sheet', () => {
  it('in zh-CN has the rubric’s Chinese title and no English sentence', async () => {
    const voice = voiceFor(rubric, 'zh-CN', null);
    const text = pdfText(await renderProblemSheetPdf(rubric, { id: '2024000101', name: '欧阳娜娜' }, '2026-11-30', voice));
    expect(text).toContain(rubric.titles['zh-CN']!.slice(0, 10));
    expect(text).toContain(createSay('zh-CN')(msg('sheet.input')));
    expect(englishWords(text, ['sigmoid', 'softmax'])).toEqual([]);
  });

  it('in English keeps the rubric’s own title', async () => {
    const text = pdfText(await renderProblemSheetPdf(rubric, { id: '2024000101', name: null }, '2026-11-30', voiceFor(rubric, 'en', null)));
    expect(text).toContain('Homework 1');
  });
});
