import { describe, expect, it } from 'vitest';
import { readSubmission, studentFromFileName } from '../../src/ingest/index.js';
import { book, match, sheet, utf8, write } from './workbooks.js';

describe('studentFromFileName', () => {
  it.each([
    ['2023123456_张三.xlsx', '2023123456', '张三'],
    ['张三-2023123456.xlsx', '2023123456', '张三'],
    ['2023123456.xlsx', '2023123456', null],
    ['2023123456 Zhang San.csv', '2023123456', 'Zhang San'],
    ['submissions/hw3/2023123456_张三.xlsx', '2023123456', '张三'],
    ['C:\\Users\\ta\\张三_2023123456_作业3.xls', '2023123456', '张三'],
    ['李四（2023000111）.ods', '2023000111', '李四'],
    ['S2023123_Müller.xlsx', 'S2023123', 'Müller'],
    ['homework3.xlsx', null, null],
    ['张三.xlsx', null, null],
    ['12345_张三.xlsx', null, null],
  ])('%s -> id %s, name %s', (fileName, id, name) => {
    expect(studentFromFileName(fileName)).toEqual({ id, name });
  });
});

describe('readSubmission: who handed it in', () => {
  it('takes the id and name from the template fields, in English or Chinese, over the file name', () => {
    const ws = sheet(
      [
        ['学号：', '2023999888'],
        ['姓名', '王五'],
        ['loss', 0.5],
      ],
      { origin: 'C2' },
    );
    const submission = readSubmission(write(book({ Info: ws }), 'xlsx'), 'hw3.xlsx', match);
    expect(submission.student).toEqual({ id: '2023999888', name: '王五' });
    expect(submission.problems).toEqual([]);
  });

  it('reads an id typed as a number, and a name field beside a merged label', () => {
    const ws = sheet(
      [
        ['Student ID', null, 2023123456],
        ['Name:', null, 'Zhang San'],
      ],
      { merges: ['A1:B1', 'A2:B2'] },
    );
    const submission = readSubmission(write(book({ Sheet1: ws }), 'ods'), 'hw.ods', match);
    expect(submission.student).toEqual({ id: '2023123456', name: 'Zhang San' });
  });

  it('falls back to the file name for what the fields leave empty', () => {
    const ws = sheet([
      ['Student ID', null],
      ['Name', 'Zhang San'],
    ]);
    const submission = readSubmission(write(book({ Sheet1: ws }), 'xlsx'), '2023123456_张三.xlsx', match);
    expect(submission.student).toEqual({ id: '2023123456', name: 'Zhang San' });
  });

  it('takes both from the file name when the sheet has no fields', () => {
    const submission = readSubmission(utf8('loss,0.5\n'), 'uploads/张三-2023123456.csv', match);
    expect(submission.student).toEqual({ id: '2023123456', name: '张三' });
    expect(submission.file).toBe('uploads/张三-2023123456.csv');
  });

  it('says when the id in the sheet and the id in the file name differ', () => {
    const ws = sheet([['学号', 2023000001]]);
    const submission = readSubmission(write(book({ Sheet1: ws }), 'xlsx'), '2023000002_张三.xlsx', match);
    expect(submission.student).toEqual({ id: '2023000001', name: '张三' });
    expect(submission.problems).toContainEqual({
      code: 'student-mismatch',
      cell: 'Sheet1!B1',
      message: 'the student id at Sheet1!B1 is 2023000001 but the file name says 2023000002: 2023000001 is used',
    });
  });

  it('is null when neither the sheet nor the file name says', () => {
    const submission = readSubmission(utf8('loss,0.5\n'), 'homework.csv', match);
    expect(submission.student).toEqual({ id: null, name: null });
  });
});
