import { describe, expect, it } from 'vitest';
import type { Answer, Submission } from '../../src/ingest/index.js';
import { looksChinese } from '../../src/ingest/text.js';
import { readSubmission } from '../../src/ingest/index.js';
import type { BinaryType } from './workbooks.js';
import { book, csvText, gbk, match, sheet, templateSheet, utf8, write } from './workbooks.js';

const answer = (submission: Submission, stepId: string): Answer => {
  const found = submission.answers.get(stepId);
  if (!found) throw new Error(`no answer for ${stepId}; answers: ${[...submission.answers.keys()].join(', ')}`);
  return found;
};

/** What every format must give for `templateSheet()`. */
function expectTemplateAnswers(submission: Submission): void {
  expect([...submission.answers.keys()]).toEqual(['coef_c5', 'w1_new', 'loss']);
  expect(answer(submission, 'coef_c5')).toMatchObject({
    label: 'coef_c5',
    sheet: 'Answers',
    labelCell: 'A5',
    valueCell: 'C5',
    value: { kind: 'number', value: 0.646, decimals: 3 },
  });
  expect(answer(submission, 'w1_new').value).toMatchObject({ kind: 'number', value: -0.015, decimals: 3 });
  // 0.6 typed, shown with the format 0.000: the decimals typed count, not the format's
  // (csv carries the text "0.600", three typed decimals).
  expect(answer(submission, 'loss').value).toMatchObject({ kind: 'number', value: 0.6 });
  expect(submission.student).toEqual({ id: '2023123456', name: '张三' });
  expect(submission.problems).toEqual([]);
}

describe('readSubmission: each format', () => {
  const template = book({ Answers: templateSheet() });

  it.each<[BinaryType, string]>([
    ['xlsx', 'xlsx'],
    ['biff8', 'xls'],
    ['ods', 'ods'],
  ])('reads the template from %s', (bookType, format) => {
    const submission = readSubmission(write(template, bookType), `hw.${format}`, match);
    expect(submission.format).toBe(format);
    expect(submission.file).toBe(`hw.${format}`);
    expectTemplateAnswers(submission);
  });

  it('reads the template from UTF-8 CSV, with and without a BOM', () => {
    for (const bom of [true, false]) {
      const submission = readSubmission(utf8(csvText(template), bom), 'hw.csv', match);
      expect(submission.format).toBe('csv');
      expect(answer(submission, 'coef_c5')).toMatchObject({ sheet: 'Sheet1', labelCell: 'A5', valueCell: 'C5' });
      expectTemplateAnswers({ ...submission, answers: renameSheet(submission.answers, 'Answers') });
    }
  });

  it('reads GBK CSV as Chinese Excel saves it', () => {
    const bytes = gbk(csvText(template));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const submission = readSubmission(bytes, 'hw.csv', match);
    expect(submission.student).toEqual({ id: '2023123456', name: '张三' });
    expect(answer(submission, 'coef_c5').value).toMatchObject({ value: 0.646, decimals: 3 });
  });

  it('reads UTF-16 text with a BOM (Excel\'s "Unicode text", tab-separated)', () => {
    const text = '\uFEFF姓名\t李四\ncoef_c5\t0,646\n';
    const bytes = new Uint8Array(Buffer.from(text, 'utf16le'));
    const submission = readSubmission(bytes, 'hw.txt', match);
    expect(submission.student.name).toBe('李四');
    expect(answer(submission, 'coef_c5').value).toMatchObject({ value: 0.646, decimals: 3 });
  });

  it('reads cp1252 CSV as German and French Excel save it (";", decimal commas), names decoded right', () => {
    for (const name of ['Jürgen Müller', 'Éloïse Bérénice Löwe-Straße']) {
      const text = `Name;${name}\r\ncoef_c5;0,646\r\nw1_new;-0,015\r\nloss;0,6\r\n`;
      const bytes = new Uint8Array(Buffer.from(text, 'latin1'));
      const submission = readSubmission(bytes, 'hw.csv', match);
      expect(submission.student.name).toBe(name);
      expect(answer(submission, 'coef_c5').value).toMatchObject({ value: 0.646, decimals: 3 });
      expect(answer(submission, 'w1_new').value).toMatchObject({ value: -0.015, decimals: 3 });
    }
    // cp1252's own letters (€, Œ, curly quotes at 0x80–0x9F) are not Latin-1's controls.
    const euro = readSubmission(new Uint8Array([...Buffer.from('Name;'), 0x8c, ...Buffer.from('uvre\ncoef_c5;0,646\n')]), 'hw.csv', match);
    expect(euro.student.name).toBe('Œuvre');
  });

  it('tells GBK from cp1252 by what the bytes look like, not by which decodes without error', () => {
    expect(looksChinese(gbk('姓名,张三,学号'))).toBe(true);
    expect(looksChinese(Buffer.from('Name;Jürgen Müller;Straße', 'latin1'))).toBe(false);
  });

  it('reads UTF-16 text saved without a BOM', () => {
    const bytes = new Uint8Array(Buffer.from('Name\t李四\ncoef_c5\t0,646\n', 'utf16le'));
    const submission = readSubmission(bytes, 'hw.txt', match);
    expect(submission.student.name).toBe('李四');
    expect(answer(submission, 'coef_c5').value).toMatchObject({ value: 0.646 });
  });

  it('keeps CSV values as typed: decimal commas with ";" separators, "=", unicode minus, no dates', () => {
    const csv = 'coef_c5;0,646\nw1_new;=\u22120,015\nloss;1/2\nin_cc1;1.5e-3\nout_pp3;"0,600"\n';
    const submission = readSubmission(utf8(csv), 'hw.csv', match);
    expect(answer(submission, 'coef_c5').value).toEqual({ kind: 'number', value: 0.646, decimals: 3, raw: '0,646' });
    expect(answer(submission, 'w1_new').value).toMatchObject({ value: -0.015, decimals: 3, raw: '=\u22120,015' });
    expect(answer(submission, 'loss').value).toMatchObject({ value: 0.5, decimals: null });
    expect(answer(submission, 'in_cc1').value).toMatchObject({ value: 0.0015, decimals: 4 });
    expect(answer(submission, 'out_pp3').value).toMatchObject({ value: 0.6, decimals: 3 });
  });

  it('reads a CSV that starts with "ID" as CSV, not SYLK, and never evaluates a formula', () => {
    const csv = 'ID,Step,Your value\n1,coef_c5,=A1*2\n2,loss,0.5\n';
    const submission = readSubmission(utf8(csv), 'hw.csv', match);
    expect(answer(submission, 'coef_c5').value).toMatchObject({ kind: 'unreadable', raw: '=A1*2' });
    expect(answer(submission, 'loss').value).toMatchObject({ kind: 'number', value: 0.5 });
  });

  it.each<BinaryType>(['xlsx', 'biff8', 'ods'])('reads a Node Buffer and a view into a larger buffer (%s)', (bookType) => {
    const bytes = write(template, bookType);
    const padded = new Uint8Array(bytes.length + 16);
    padded.set(bytes, 8);
    for (const input of [Buffer.from(bytes), padded.subarray(8, 8 + bytes.length)]) {
      expectTemplateAnswers(readSubmission(input, 'hw', match));
    }
  });

  it('tells the format from the bytes and says when the name disagrees', () => {
    const submission = readSubmission(write(book({ Answers: templateSheet() }), 'xlsx'), 'hw.xls', match);
    expect(submission.format).toBe('xlsx');
    expect(submission.problems).toEqual([
      { code: 'format-mismatch', message: 'the file is named .xls but is really xlsx; it was read as xlsx' },
    ]);
    expect(answer(submission, 'coef_c5').value).toMatchObject({ value: 0.646 });
  });
});

describe('readSubmission: cells', () => {
  it('reads a formula by its saved value, and reports one without a saved value', () => {
    const ws = sheet([
      ['coef_c5', { t: 'n', f: '0.5+0.146', v: 0.646 }],
      ['loss', { t: 'n', f: 'B1*2' }],
    ]);
    const submission = readSubmission(write(book({ Sheet1: ws }), 'xlsx'), 'hw.xlsx', match);
    expect(answer(submission, 'coef_c5').value).toMatchObject({ kind: 'number', value: 0.646, decimals: 3 });
    expect(answer(submission, 'loss').value).toEqual({
      kind: 'unreadable',
      raw: '=B1*2',
      reason: 'formula without a saved value: open the file, recalculate and save',
    });
  });

  it('turns every kind of bad cell into an unreadable value, and keeps reading', () => {
    const ws = sheet([
      ['coef_c5', 'abc'],
      ['w1_new', { t: 'b', v: true }],
      ['loss', { t: 'e', v: 7, w: '#DIV/0!' }],
      ['in_cc1', { t: 'n', v: 45292, z: 'yyyy-mm-dd' }],
      ['out_pp3', 0.25],
      ['KK11_new', null],
    ]);
    const submission = readSubmission(write(book({ Sheet1: ws }), 'xlsx'), 'hw.xlsx', match);
    const reason = (stepId: string): string => {
      const value = answer(submission, stepId).value;
      return value.kind === 'unreadable' ? value.reason : `not unreadable: ${value.kind}`;
    };
    expect(reason('coef_c5')).toBe('not a number');
    expect(reason('w1_new')).toContain('TRUE/FALSE');
    expect(reason('loss')).toContain('#DIV/0!');
    expect(reason('in_cc1')).toContain('shown as a date');
    expect(answer(submission, 'out_pp3').value).toMatchObject({ kind: 'number', value: 0.25, decimals: 2 });
    expect(answer(submission, 'KK11_new')).toMatchObject({ valueCell: 'B6', value: { kind: 'empty' } });
  });

  it.each<BinaryType>(['xlsx', 'biff8', 'ods'])('counts the decimals typed, whatever the number format (%s)', (bookType) => {
    const ws = sheet([
      ['coef_c5', { t: 'n', v: 0.6, z: '0.000' }],
      ['loss', { t: 'n', v: 0.25, z: '0.0%' }],
      ['w1_new', 0.6],
      ['out_pp3', { t: 'n', v: 0.646, z: '0.0000' }],
    ]);
    const submission = readSubmission(write(book({ Sheet1: ws }), bookType), 'hw', match);
    expect(answer(submission, 'coef_c5').value).toMatchObject({ value: 0.6, decimals: 1 });
    expect(answer(submission, 'w1_new').value).toMatchObject({ value: 0.6, decimals: 1 });
    expect(answer(submission, 'loss').value).toMatchObject({ value: 0.25, decimals: 2 });
    expect(answer(submission, 'out_pp3').value).toMatchObject({ value: 0.646, decimals: 3 });
  });

  it('reads a formula result at the decimals its format shows, without float noise (xlsx)', () => {
    const ws = sheet([
      ['coef_c5', { t: 'n', v: 0.6461538461538462, f: '0.84/1.3', z: '0.000' }],
      ['loss', { t: 'n', v: 0.1 * 0.2 + 0.5 - 0.5217, f: '0.1*0.2+0.5-0.5217' }],
    ]);
    const submission = readSubmission(write(book({ Sheet1: ws }), 'xlsx'), 'hw', match);
    expect(answer(submission, 'coef_c5').value).toMatchObject({ decimals: 3 });
    expect(answer(submission, 'loss').value).toMatchObject({ decimals: 4 });
  });
});

describe('readSubmission: layouts', () => {
  it('finds labels anywhere with the value to their right: shifted columns, several sheets', () => {
    const first = sheet(
      [
        ['Homework 3', null],
        ['coef_{c5}', 0.646],
        ["w1'", -0.015],
      ],
      { origin: 'D7' },
    );
    const second = sheet([[null, null, 'LOSS:', 0.1234]]);
    const submission = readSubmission(write(book({ Work: first, 'Part 2': second }), 'xlsx'), 'hw.xlsx', match);
    expect(answer(submission, 'coef_c5')).toMatchObject({ sheet: 'Work', label: 'coef_{c5}', labelCell: 'D8', valueCell: 'E8' });
    expect(answer(submission, 'w1_new')).toMatchObject({ labelCell: 'D9', valueCell: 'E9', value: { value: -0.015 } });
    expect(answer(submission, 'loss')).toMatchObject({ sheet: 'Part 2', labelCell: 'C1', valueCell: 'D1', value: { decimals: 4 } });
    expect(submission.problems).toEqual([]);
  });

  it('reads the value right of a merged label', () => {
    const ws = sheet([['coef_c5', null, 0.646]], { merges: ['A1:B1'] });
    const submission = readSubmission(write(book({ Sheet1: ws }), 'xlsx'), 'hw.xlsx', match);
    expect(answer(submission, 'coef_c5')).toMatchObject({ valueCell: 'C1', value: { value: 0.646 } });
  });

  it('does not take a row of labels (a table header) for labels with values', () => {
    const ws = sheet([
      ['coef_c5', 'loss'],
      [0.646, 0.1],
    ]);
    const submission = readSubmission(write(book({ Sheet1: ws }), 'xlsx'), 'hw.xlsx', match);
    expect(submission.answers.has('coef_c5')).toBe(false);
    expect(answer(submission, 'loss').value).toEqual({ kind: 'empty' });
  });

  it('reads the template columns wherever they are, not the description beside the step', () => {
    const ws = sheet(
      [
        ['id', 'Description', 'Reference', 'Your value (3 decimals)'],
        ['coef_c5', 'new coef_c5', null, 0.646],
        ['Forward pass', null, null, null],
        ['w1_new', 'w1 new', 0.5, '−0,015'],
        ['bias_b9', 'not in this homework', null, 3],
      ],
      { origin: 'B3' },
    );
    const submission = readSubmission(write(book({ Sheet1: ws }), 'xlsx'), 'hw.xlsx', match);
    expect([...submission.answers.keys()]).toEqual(['coef_c5', 'w1_new']);
    expect(answer(submission, 'coef_c5')).toMatchObject({ labelCell: 'B4', valueCell: 'E4', value: { value: 0.646 } });
    expect(answer(submission, 'w1_new')).toMatchObject({ valueCell: 'E6', value: { value: -0.015, decimals: 3 } });
    expect(submission.problems).toEqual([
      { code: 'unknown-step', cell: 'Sheet1!B7', message: 'unknown step "bias_b9" at Sheet1!B7: its value is not graded' },
    ]);
  });

  it('reports a label written twice, naming both cells, and keeps the first', () => {
    const rows = Array.from({ length: 30 }, (): (string | number | null)[] => [null, null]);
    rows[11] = ['coef_c5', 0.646];
    rows[29] = ['coef_c5', 0.7];
    const submission = readSubmission(write(book({ Sheet1: sheet(rows) }), 'xlsx'), 'hw.xlsx', match);
    expect(answer(submission, 'coef_c5')).toMatchObject({ labelCell: 'A12', value: { value: 0.646 } });
    expect(submission.problems).toEqual([
      {
        code: 'duplicate-label',
        cell: 'Sheet1!A30',
        message: 'duplicate label "coef_c5" at Sheet1!A12 and Sheet1!A30: the first is used',
      },
    ]);
  });

  it('uses a later label when the first one is empty, and says so', () => {
    const template = sheet([
      ['Step', 'Your value'],
      ['loss', null],
    ]);
    const extra = sheet([['Loss', 0.25]]);
    const submission = readSubmission(write(book({ Template: template, 'My work': extra }), 'xlsx'), 'hw.xlsx', match);
    expect(answer(submission, 'loss')).toMatchObject({ sheet: 'My work', value: { value: 0.25 } });
    expect(submission.problems).toEqual([
      {
        code: 'duplicate-label',
        cell: "'My work'!A1",
        message: "duplicate label \"loss\" at Template!A2 and 'My work'!A1: the first is empty, so the second is used",
      },
    ]);
  });

  it('says when no step label was found at all', () => {
    const submission = readSubmission(utf8('hello,world\n'), 'notes.csv', match);
    expect(submission.answers.size).toBe(0);
    expect(submission.problems.map((p) => p.code)).toEqual(['no-answers']);
  });
});

function renameSheet(answers: Map<string, Answer>, sheetName: string): Map<string, Answer> {
  return new Map([...answers].map(([id, a]) => [id, { ...a, sheet: sheetName }]));
}
