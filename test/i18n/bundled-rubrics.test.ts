/**
 * The bundled rubrics are the examples a course copies: each has a Chinese title, so the reports,
 * the template and the reference table of any of them start in Chinese under --lang zh-CN.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stepmark } from '../cli/run.js';
import { englishWords } from './english-words.js';

const RUBRICS = readdirSync('rubrics').filter((file) => file.endsWith('.yaml')).map((file) => `rubrics/${file}`);

describe('the bundled rubrics in zh-CN', () => {
  it('are all here', () => {
    expect(RUBRICS.length).toBeGreaterThanOrEqual(5);
  });

  it.each(RUBRICS)('%s has a Chinese title', async (rubric) => {
    const title = async (lang: string) => (await stepmark(['reference', rubric, '--lang', lang])).stdout.split('\n')[0]!;
    const zh = await title('zh-CN');
    expect(zh).toMatch(/\p{Script=Han}/u);
    // A person's name and the functions' names stay as they are written in a formula.
    expect(englishWords(zh, ['Mazur'])).toEqual([]);
    expect(englishWords(await title('en')).length).toBeGreaterThan(2);
  });

  it.each(RUBRICS)('%s says the forward pass as Chinese courses do (前向传播), or in the course’s own word', async (rubric) => {
    const { stdout } = await stepmark(['reference', rubric, '--lang', 'zh-CN']);
    // The seed's course writes 正向传播 (its rubric's terms say so); the common word is 前向传播.
    const [word, not] = rubric.endsWith('seed-cnn.yaml') ? ['正向传播', '前向传播'] : ['前向传播', '正向传播'];
    expect(stdout).toMatch(new RegExp(`层 · ${word}`));
    expect(stdout).not.toContain(not);
  });
});
