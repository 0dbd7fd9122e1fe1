/** `--help` fits the terminal by display width: a Chinese character takes two columns, and Chinese breaks without spaces. */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { boxWrap } from '../../src/cli/help-width.js';
import { stepmark } from './run.js';

const COMMANDS = [[], ['reference'], ['template'], ['grade'], ['check'], ['variants'], ['gradescope'], ['page']];

describe('--help', () => {
  it.each(['zh-CN', 'en'] as const)('every line of every command\'s help fits 80 display columns (%s)', async (lang) => {
    for (const command of COMMANDS) {
      const { code, stdout } = await stepmark([...command, '--help', '--lang', lang]);
      expect(code, command.join(' ')).toBe(0);
      expect(stdout).toContain('stepmark');
      for (const line of stdout.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    }
  });

  it('fits a wider terminal when stdout is one, and keeps a description on one line there', async () => {
    const { stdout } = await stepmark(['--help', '--lang', 'zh-CN'], {}, { isTTY: true, columns: 200 });
    expect(stdout).toMatch(/grade \[options\] <rubric> <submissions\.\.\.> +批改提交的作业（文件，或在文件夹中查找 \.xlsx\/\.xls\/\.ods\/\.csv）\n/);
  });
});

describe('boxWrap', () => {
  it('breaks Chinese between characters, never before a closing mark or after an opening one, and keeps words whole', () => {
    const text = '所有输出与文件的语言：en 或 zh-CN（默认取评分标准的设置，否则取系统区域设置）';
    const lines = boxWrap(text, 24).split('\n');
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(24);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[，。、；：）]/);
    for (const line of lines) expect(line).not.toMatch(/（$/);
    expect(lines.some((line) => line.includes('zh-CN'))).toBe(true);
  });

  it('leaves a line that fits, and given line breaks, as they are', () => {
    expect(boxWrap('短的一行\n  indented line', 40)).toBe('短的一行\n  indented line');
  });
});
