/** The terminal's self-check table: columns aligned by display width, in either language. */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { createSay } from '../../src/i18n/index.js';
import { checkTable, padDisplay, summaryLine } from '../../src/report/terminal.js';
import { gradeExample } from './example.js';

/** A step's row: its mark, id, what was written, and the message, whose display column is returned. */
function messageColumns(table: string, messages: ReadonlyMap<string, string>): number[] {
  return table.split('\n').flatMap((line) => {
    const id = /^ {2}\S (\S+)/.exec(line)?.[1];
    const message = id === undefined ? undefined : messages.get(id);
    return message === undefined ? [] : [stringWidth(line.slice(0, line.lastIndexOf(message)))];
  });
}

describe('checkTable', () => {
  const graded = gradeExample();
  // What students write in Chinese, full-width digits, and a long fraction, in the value column.
  const written = new Map([['out_cc1', '见上一步'], ['out_cc2', '０.６５９'], ['in_o1', '2.160/2.625'], ['loss', '约0.195']]);
  const result = { ...graded, steps: graded.steps.map((s) => (written.has(s.id) ? { ...s, raw: written.get(s.id)! } : s)) };

  it.each(['en', 'zh-CN'] as const)('aligns every row by display width (%s)', (language) => {
    const say = createSay(language);
    const table = checkTable(result, { revealExpected: false, color: false, say });
    const said = new Map(result.steps.map((s) => [s.id, say(s.note ?? s.message)]));
    const columns = messageColumns(table, said);
    expect(columns).toHaveLength(result.steps.length);
    expect(new Set(columns)).toEqual(new Set([columns[0]]));
  });

  it('pads by display width, two columns a Chinese character', () => {
    for (const name of ['王晓东', '李四', 'Ann', '欧阳娜娜']) expect(stringWidth(padDisplay(name, 12))).toBe(12);
    expect(padDisplay('王晓东', 6)).toBe('王晓东');
  });

  it('says the summary line in Chinese', () => {
    const line = summaryLine(graded, createSay('zh-CN'));
    expect(line).toBe('submissions/2023000001_王晓东.xlsx：68/91 (74.7%) · 正确 54，承前正确 14，错误 11，未填 12');
    expect(summaryLine(graded)).toBe('submissions/2023000001_王晓东.xlsx: 68/91 (74.7%) · 54 correct, 14 follow-through, 11 incorrect, 12 missing');
  });
});
